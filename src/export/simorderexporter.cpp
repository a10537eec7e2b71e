// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "export/simorderexporter.h"

#include "export/csvwriter.h"
#include "export/tsvwriter.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

using Columns = SimOrderColumns;

QJsonValue jsonValue(const SimOrderRecord &order, Columns::Column column, const Columns::Context &context)
{
    switch (column) {
    case Columns::OrderId:
        return order.orderId;
    case Columns::Events:
        return qint64(order.steps.size());
    default: {
        const QString text = Columns::text(order, column, context, Columns::Format::Export);
        return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
    }
    }
}

} // namespace

bool SimOrderExporter::write(QIODevice *device, Format format, std::span<const SimOrderRecord *const> orders,
    const SimOrderColumns::Context &context, QString *error)
{
    if (format == Format::JsonLines) {
        for (const SimOrderRecord *order : orders) {
            QJsonObject object;
            for (int c = 0; c < Columns::ColumnCount; ++c)
                object.insert(
                    Columns::key(Columns::Column(c)), jsonValue(*order, Columns::Column(c), context));
            QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
            line += '\n';
            if (device->write(line) != line.size()) {
                if (error)
                    *error = device->errorString();
                return false;
            }
        }
        return true;
    }
    CsvWriter csv(device);
    for (int c = 0; c < Columns::ColumnCount; ++c)
        csv.addField(Columns::key(Columns::Column(c)));
    csv.endRow();
    for (const SimOrderRecord *order : orders) {
        for (int c = 0; c < Columns::ColumnCount; ++c)
            csv.addField(Columns::text(*order, Columns::Column(c), context, Columns::Format::Export));
        csv.endRow();
    }
    if (!csv.flush() || csv.hasError()) {
        if (error)
            *error = csv.errorString();
        return false;
    }
    return true;
}

QString SimOrderExporter::tsv(std::span<const SimOrderRecord *const> orders,
    const SimOrderColumns::Context &context, bool neutraliseFormulas)
{
    QByteArray out;
    for (int c = 0; c < Columns::ColumnCount; ++c) {
        if (c > 0)
            out += '\t';
        TsvWriter::appendCell(&out, Columns::title(Columns::Column(c)).toUtf8(), neutraliseFormulas);
    }
    out += '\n';
    for (const SimOrderRecord *order : orders) {
        for (int c = 0; c < Columns::ColumnCount; ++c) {
            if (c > 0)
                out += '\t';
            TsvWriter::appendCell(
                &out, Columns::text(*order, Columns::Column(c), context).toUtf8(), neutraliseFormulas);
        }
        out += '\n';
    }
    return QString::fromUtf8(out);
}
