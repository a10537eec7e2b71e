// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "export/csvwriter.h"

#include <QIODevice>
#include <QLocale>

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

} // namespace

// OWASP "CSV Injection": a cell that starts with = + - @, tab or CR may run as a formula.
// Spreadsheets skip leading spaces, line breaks and no-break spaces before they look, and read
// the fullwidth signs (U+FF1D =, U+FF0B +, U+FF0D -, U+FF20 @) as the ASCII ones. One switch on
// the first byte decides for almost every cell (this runs for each cell of an export).
bool CsvWriter::looksLikeFormula(QByteArrayView field)
{
    const qsizetype n = field.size();
    auto at = [&](qsizetype i) { return i < n ? uchar(field[i]) : uchar(0); };
    for (qsizetype i = 0; i < n;) {
        switch (at(i)) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
            return true;
        case ' ':
        case '\n':
            ++i;
            break;
        case 0xc2: // U+00A0 no-break space: C2 A0
            if (at(i + 1) != 0xa0)
                return false;
            i += 2;
            break;
        case 0xe3: // U+3000 ideographic space: E3 80 80
            if (at(i + 1) != 0x80 || at(i + 2) != 0x80)
                return false;
            i += 3;
            break;
        case 0xef: // the fullwidth signs: EF BC 9D, EF BC 8B, EF BC 8D, EF BC A0
            return at(i + 1) == 0xbc
                && (at(i + 2) == 0x9d || at(i + 2) == 0x8b || at(i + 2) == 0x8d || at(i + 2) == 0xa0);
        default:
            return false;
        }
    }
    return false;
}

bool CsvWriter::excelNeedsSepLine(const QLocale &locale)
{
    // Excel splits a CSV file at the list separator of the system's region, which is ';' where
    // the decimal separator is ',' (German, French, ...): there only "sep=," makes it read commas.
    return locale.decimalPoint() == QLatin1String(",");
}

CsvWriter::CsvWriter(QIODevice *device, Options options) : m_device(device), m_options(options)
{
    m_buffer.reserve(FlushThreshold + 4096);
    if (m_options.byteOrderMark)
        m_buffer.append("\xEF\xBB\xBF"); // Excel reads a CSV file as the system's ANSI code page without it
    if (m_options.sepLine)
        m_buffer.append("sep=,\r\n");
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
