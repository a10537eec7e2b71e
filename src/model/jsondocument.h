// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonParseError>

// QJsonDocument for text the API sent. JSON allows any number ("1e-99468", "1e999") but
// QJsonDocument refuses one a double cannot hold, and with it the whole document: an event whose
// payload carried such a number would show no payload at all. The archive and the exports keep
// the text as sent; this is only how the in-memory document is read: when QJsonDocument refuses a
// number, each number out of a double's range becomes a string of its text, shown as sent.
namespace JsonDocument {

// The document, or the parse error in *error when the text is not JSON.
[[nodiscard]] QJsonDocument fromJson(QByteArrayView json, QJsonParseError *error = nullptr);

// The text with every number a double cannot hold turned into a string of its digits; other
// bytes unchanged. Expects JSON text; anything else comes back in a form QJsonDocument refuses.
[[nodiscard]] QByteArray quoteOutOfRangeNumbers(QByteArrayView json);

} // namespace JsonDocument
