// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

class QIODevice;
class QLocale;

// RFC 4180 CSV into a QIODevice, UTF-8, CRLF row ends, streaming through a small buffer: the file is
// never built in memory. By default a cell that a spreadsheet would run as a formula (starting with
// =, +, -, @, tab or CR, also after leading spaces, and their fullwidth forms; OWASP's guidance)
// gets a leading apostrophe; machine consumers can turn that off.
class CsvWriter final
{
public:
    struct Options
    {
        bool neutraliseFormulas = true;
        bool byteOrderMark = false; // UTF-8 BOM first, for Excel
        bool sepLine = false; // "sep=," as the first line, for an Excel that expects ';'
    };

    // Whether a cell would run as a formula in a spreadsheet (CSV and the clipboard's TSV alike).
    [[nodiscard]] static bool looksLikeFormula(QByteArrayView utf8);
    // Whether Excel under this region needs the "sep=," line to split at commas.
    [[nodiscard]] static bool excelNeedsSepLine(const QLocale &locale);

    explicit CsvWriter(QIODevice *device) : CsvWriter(device, Options {}) { }
    CsvWriter(QIODevice *device, Options options);
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;
    ~CsvWriter(); // flushes

    void addField(QByteArrayView utf8);
    void addField(QStringView text);
    void endRow();
    bool flush(); // false on a write error

    [[nodiscard]] bool hasError() const { return !m_error.isEmpty(); }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] qint64 bytesWritten() const { return m_written; }

private:
    QIODevice *m_device;
    Options m_options;
    QByteArray m_buffer;
    bool m_rowStarted = false;
    qint64 m_written = 0;
    QString m_error;
};
