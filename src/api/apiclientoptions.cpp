// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/apiclientoptions.h"

#include <QRandomGenerator>

#include <algorithm>

int ApiClientOptions::backoffMs(int attempt) const
{
    // base * 2^(attempt-1), then a random point in its upper half.
    const qint64 ceiling
        = std::min<qint64>(backoffMaxMs, qint64(backoffBaseMs) << std::clamp(attempt - 1, 0, 20));
    const qint64 floor = ceiling / 2;
    return int(floor + QRandomGenerator::global()->bounded(qint64(ceiling - floor + 1)));
}
