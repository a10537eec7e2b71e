// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "export/csvwriter.h"

#include <QIODevice>

namespace {
constexpr qsizetype FlushThreshold = 256 * 1024;

bool needsQuotes(QByteArrayView field)
{
    for (char c : field) {
        if (c == '"' || c == ',' || c == '\n' || c == '\r')
            return true;
    }
    return false;
}

// OWASP "CSV Injection": a cell that starts with = + - @, tab or CR may run as a formula.
// Spreadsheets skip leading spaces, line breaks and no-break spaces before they look, and read
// the fullwidth signs (U+FF1D =, U+FF0B +, U+FF0D -, U+FF20 @) as the ASCII ones.
bool looksLikeFormula(QByteArrayView field)
{
    static constexpr QByteArrayView blanks[] = { " ", "\n", "\xc2\xa0", "\xe3\x80\x80" }; // U+00A0, U+3000
    static constexpr QByteArrayView fullwidth[]
        = { "\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d", "\xef\xbc\xa0" };
    for (bool skipped = true; skipped;) {
        skipped = false;
        for (QByteArrayView blank : blanks) {
            if (field.startsWith(blank)) {
                field = field.sliced(blank.size());
                skipped = true;
            }
        }
    }
    if (field.isEmpty())
        return false;
    const char c = field.front();
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
        return true;
    for (QByteArrayView sign : fullwidth) {
        if (field.startsWith(sign))
            return true;
    }
    return false;
}
} // namespace

CsvWriter::CsvWriter(QIODevice *device, Options options) : m_device(device), m_options(options)
{
    m_buffer.reserve(FlushThreshold + 4096);
}

CsvWriter::~CsvWriter()
{
    flush();
}

void CsvWriter::addField(QByteArrayView utf8)
{
    if (m_rowStarted)
        m_buffer.append(',');
    m_rowStarted = true;
    const bool formula = m_options.neutraliseFormulas && looksLikeFormula(utf8);
    if (!formula && !needsQuotes(utf8)) {
        m_buffer.append(utf8);
        return;
    }
    m_buffer.append('"');
    if (formula)
        m_buffer.append('\'');
    for (char c : utf8) {
        if (c == '"')
            m_buffer.append('"');
        m_buffer.append(c);
    }
    m_buffer.append('"');
}

void CsvWriter::addField(QStringView text)
{
    addField(QByteArrayView(text.toUtf8()));
}

void CsvWriter::endRow()
{
    m_buffer.append("\r\n", 2);
    m_rowStarted = false;
    if (m_buffer.size() >= FlushThreshold)
        flush();
}

bool CsvWriter::flush()
{
    if (m_buffer.isEmpty() || hasError())
        return !hasError();
    if (!m_device || !m_device->isWritable()) {
        m_error = QStringLiteral("the output is not open for writing");
        return false;
    }
    const qint64 n = m_device->write(m_buffer);
    if (n != m_buffer.size()) {
        m_error = m_device->errorString().isEmpty() ? QStringLiteral("could not write the output") : m_device->errorString();
        return false;
    }
    m_written += n;
    m_buffer.clear();
    return true;
}
