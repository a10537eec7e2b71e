// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// One HTTP response as the simulator builds it; SimHttpConnection adds content-length and
// connection headers and can cut it short to simulate a dropped connection.
struct SimHttpResponse final
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // sent as given (the simulator uses lower case)
    QByteArray body;
    qsizetype dropAfterBodyBytes = -1; // >= 0: send the headers and this much body, then close
    bool close = false; // close the connection after this response
};
