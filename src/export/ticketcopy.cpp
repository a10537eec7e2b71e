// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "export/ticketcopy.h"

#include "api/eventjson.h"
#include "export/tsvwriter.h"
#include "model/eventstore.h"
#include "model/eventtext.h"
#include "model/isotime.h"
#include "model/payloadsecrets.h"
#include "model/twohalves.h"

#include <QCoreApplication>

#include <vector>

namespace {

constexpr QByteArrayView Separator = " \u00b7 "; // " · " in UTF-8

// A Markdown cell: one line, pipes escaped so they do not end the cell.
void appendMarkdownCell(QByteArray *out, QByteArrayView text)
{
    out->append(' ');
    for (const char c : text) {
        if (c == '|')
            out->append("\\|");
        else if (c == '\n' || c == '\r' || c == '\t')
            out->append(' ');
        else
            out->append(c);
    }
    out->append(" |");
}

// QString::simplified() on UTF-8: no white space at the ends, each run inside one space.
void appendSimplified(QByteArray *out, QByteArrayView text)
{
    bool space = false;
    const qsizetype start = out->size();
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            space = true;
            continue;
        }
        if (space && out->size() > start)
            out->append(' ');
        space = false;
        out->append(c);
    }
}

// What every line of a copy shares, looked up once: the columns' interned texts, the translated
// words, each user's "Action performed by" line.
class LineWriter final
{
public:
    explicit LineWriter(const EventStore &store)
        : m_store(store)
        , m_cache(store, Columns)
    {
        // "event %1" split once around its number (a translation may put words after it).
        const QByteArray eventWord = QCoreApplication::translate("TicketCopy", "event %1").toUtf8();
        const qsizetype marker = eventWord.indexOf("%1");
        m_beforeId = marker < 0 ? eventWord : eventWord.first(marker);
        m_afterId = marker < 0 ? QByteArray() : eventWord.sliced(marker + 2);
    }

    void append(QByteArray *out, qsizetype row)
    {
        const qsizetype timeStart = out->size();
        IsoTime::append(out, m_store.timestampMs(row), IsoTime::Precision::Seconds);
        // "2026-12-01T16:44:10Z" -> "2026-12-01 16:44:10 UTC", as people write it in a ticket.
        if (out->size() - timeStart == 20 && out->at(timeStart + 10) == 'T') {
            (*out)[timeStart + 10] = ' ';
            out->chop(1);
            out->append(" UTC");
        }
        for (const EventColumns::Column column : Columns) {
            m_cell.clear();
            EventColumns::appendText(m_store, row, column, &m_cell, &m_cache);
            const qsizetype before = out->size();
            out->append(Separator);
            const qsizetype textStart = out->size();
            appendSimplified(out, m_cell);
            if (out->size() == textStart)
                out->truncate(before);
        }
        if (const uint32_t user = m_store.userIndex(row); user != EventStore::None) {
            if (m_performedBy.size() <= user)
                m_performedBy.resize(user + 1);
            if (m_performedBy[user].isEmpty())
                m_performedBy[user] = EventText::performedBy(m_store.users()[user]).toUtf8();
            out->append(Separator);
            out->append(m_performedBy[user]);
        }
        out->append(Separator);
        out->append(m_beforeId);
        out->append(QByteArray::number(m_store.id(row)));
        out->append(m_afterId);
    }

private:
    static inline const QList<EventColumns::Column> Columns {
        EventColumns::Severity, EventColumns::EventType, EventColumns::Organisation, EventColumns::Description
    };
    const EventStore &m_store;
    const EventColumns::TextCache m_cache;
    QByteArray m_beforeId;
    QByteArray m_afterId;
    std::vector<QByteArray> m_performedBy; // by user index
    QByteArray m_cell;
};

} // namespace

QList<TicketCopy::Format> TicketCopy::formats()
{
    return { Format::Table, Format::Line, Format::Json, Format::Markdown };
}

QString TicketCopy::name(Format format)
{
    switch (format) {
    case Format::Table: return QCoreApplication::translate("TicketCopy", "Table (for spreadsheets)");
    case Format::Line: return QCoreApplication::translate("TicketCopy", "One line per event");
    case Format::Json: return QCoreApplication::translate("TicketCopy", "JSON (the whole event)");
    case Format::Markdown: return QCoreApplication::translate("TicketCopy", "Markdown table");
    }
    return {};
}

QString TicketCopy::key(Format format)
{
    switch (format) {
    case Format::Table: return QStringLiteral("table");
    case Format::Line: return QStringLiteral("line");
    case Format::Json: return QStringLiteral("json");
    case Format::Markdown: return QStringLiteral("markdown");
    }
    return QStringLiteral("table");
}

TicketCopy::Format TicketCopy::fromKey(QStringView key)
{
    for (const Format format : formats()) {
        if (TicketCopy::key(format) == key)
            return format;
    }
    return Format::Table;
}

QString TicketCopy::line(const EventStore &store, qsizetype row)
{
    QByteArray out;
    LineWriter(store).append(&out, row);
    return QString::fromUtf8(out);
}

QString TicketCopy::write(const EventStore &store, std::span<const qsizetype> rows,
    const QList<EventColumns::Column> &columns, Format format, Options options)
{
    if (format == Format::Table)
        return TsvWriter::write(store, rows, columns, TsvWriter::Options { options.keepSecrets, options.neutraliseFormulas });
    // UTF-8 first, one conversion at the end: a hundred thousand rows are tens of megabytes.
    QByteArray out;
    auto reserve = [&](size_t row) { TsvWriter::reserveForRows(&out, row, rows.size()); };
    switch (format) {
    case Format::Table:
        break;
    case Format::Line: {
        LineWriter writer(store);
        for (size_t i = 0; i < rows.size(); ++i) {
            reserve(i);
            writer.append(&out, rows[i]);
            out += '\n';
        }
        break;
    }
    case Format::Json: {
        if (rows.size() > 1)
            out += "[\n";
        // Each event is decoded, redacted and written anew (about 10 us): on both cores, the
        // second half into a text of its own, appended at the end.
        QByteArray secondHalf;
        inTwoHalves(rows.size(), 2048, [&](size_t first, size_t end) {
            QByteArray &into = first == 0 ? out : secondHalf;
            EventStore::PayloadReader reader(store);
            for (size_t i = first; i < end; ++i) {
                TsvWriter::reserveForRows(&into, i - first, end - first);
                const Event event = store.event(rows[i], reader);
                EventJson::append(into, options.keepSecrets ? event : PayloadSecrets::redactedEvent(event));
                if (rows.size() > 1)
                    into += i + 1 < rows.size() ? ",\n" : "\n]";
            }
        });
        out += secondHalf;
        out += '\n';
        break;
    }
    case Format::Markdown: {
        out += '|';
        for (const EventColumns::Column column : columns)
            appendMarkdownCell(&out, EventColumns::title(column).toUtf8());
        out += "\n|";
        for (qsizetype i = 0; i < columns.size(); ++i)
            out += " --- |";
        out += '\n';
        const EventColumns::TextCache cache(store, columns);
        QByteArray cell;
        for (size_t i = 0; i < rows.size(); ++i) {
            reserve(i);
            out += '|';
            for (const EventColumns::Column column : columns) {
                cell.clear();
                TsvWriter::appendCellText(&cell, store, rows[i], column, options.keepSecrets, &cache);
                appendMarkdownCell(&out, cell);
            }
            out += '\n';
        }
        break;
    }
    }
    return QString::fromUtf8(out);
}
