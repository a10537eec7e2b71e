// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "export/ticketcopy.h"

#include "api/eventjson.h"
#include "export/tsvwriter.h"
#include "model/eventstore.h"
#include "model/eventtext.h"
#include "model/payloadsecrets.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace {

const QString separator = QStringLiteral(" · ");

// A Markdown cell: one line, pipes escaped so they do not end the cell.
void appendMarkdownCell(QString *out, const QString &text)
{
    out->append(QLatin1Char(' '));
    for (const QChar c : text) {
        if (c == QLatin1Char('|'))
            out->append(QStringLiteral("\\|"));
        else if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            out->append(QLatin1Char(' '));
        else
            out->append(c);
    }
    out->append(QStringLiteral(" |"));
}

QString cellText(const EventStore &store, qsizetype row, EventColumns::Column column, bool keepSecrets)
{
    if (column == EventColumns::Payload && keepSecrets)
        return QString::fromUtf8(store.detailJson(row));
    return EventColumns::text(store, row, column);
}

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
    QString out = QDateTime::fromMSecsSinceEpoch(store.timestampMs(row), QTimeZone::utc())
                      .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    for (const EventColumns::Column column :
        { EventColumns::Severity, EventColumns::EventType, EventColumns::Organisation, EventColumns::Description }) {
        const QString text = EventColumns::text(store, row, column).simplified();
        if (!text.isEmpty())
            out += separator + text;
    }
    if (store.userIndex(row) != EventStore::None)
        out += separator + EventText::performedBy(store.users()[store.userIndex(row)]);
    out += separator + QCoreApplication::translate("TicketCopy", "event %1").arg(store.id(row));
    return out;
}

QString TicketCopy::write(const EventStore &store, std::span<const qsizetype> rows,
    const QList<EventColumns::Column> &columns, Format format, Options options)
{
    switch (format) {
    case Format::Table:
        return TsvWriter::write(store, rows, columns, TsvWriter::Options { options.keepSecrets, options.neutraliseFormulas });
    case Format::Line: {
        QString out;
        for (const qsizetype row : rows)
            out += line(store, row) + QLatin1Char('\n');
        return out;
    }
    case Format::Json: {
        QByteArray out;
        EventStore::PayloadReader reader(store);
        if (rows.size() > 1)
            out += "[\n";
        for (size_t i = 0; i < rows.size(); ++i) {
            const Event event = store.event(rows[i], reader);
            EventJson::append(out, options.keepSecrets ? event : PayloadSecrets::redactedEvent(event));
            if (rows.size() > 1)
                out += i + 1 < rows.size() ? ",\n" : "\n]";
        }
        out += '\n';
        return QString::fromUtf8(out);
    }
    case Format::Markdown: {
        QString out = QStringLiteral("|");
        for (const EventColumns::Column column : columns)
            appendMarkdownCell(&out, EventColumns::title(column));
        out += QStringLiteral("\n|");
        for (qsizetype i = 0; i < columns.size(); ++i)
            out += QStringLiteral(" --- |");
        out += QLatin1Char('\n');
        for (const qsizetype row : rows) {
            out += QLatin1Char('|');
            for (const EventColumns::Column column : columns)
                appendMarkdownCell(&out, cellText(store, row, column, options.keepSecrets));
            out += QLatin1Char('\n');
        }
        return out;
    }
    }
    return {};
}
