// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// One parsed HTTP/1.1 request as SimHttpConnection hands it to the simulator.
struct SimHttpRequest final
{
    QByteArray method;
    QByteArray path; // without the query, still percent-encoded
    QByteArray query; // after '?', still percent-encoded; empty when none
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case
    QByteArray body;
    bool keepAlive = true;

    [[nodiscard]] QByteArray header(const char *lowerCaseName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerCaseName)
                return h.second;
        }
        return {};
    }
};
