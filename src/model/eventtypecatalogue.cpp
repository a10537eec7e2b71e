// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventtypecatalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

EventTypeCatalogue::EventTypeCatalogue()
{
    QFile file(QStringLiteral(":/event-types.json"));
    const bool opened = file.open(QIODevice::ReadOnly);
    Q_ASSERT_X(opened, "EventTypeCatalogue", "the event-types.json resource is not linked in");
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    Q_ASSERT(error.error == QJsonParseError::NoError);
    Q_UNUSED(opened);

    const QJsonArray categories = doc.object().value(QLatin1String("categories")).toArray();
    for (const QJsonValue &c : categories) {
        const QJsonObject co = c.toObject();
        Category category;
        category.key = co.value(QLatin1String("key")).toString();
        category.name = co.value(QLatin1String("name")).toString();
        category.reseller = co.value(QLatin1String("reseller")).toBool();
        const int index = int(m_categories.size());
        for (const QJsonValue &t : co.value(QLatin1String("types")).toArray()) {
            const QJsonObject to = t.toObject();
            Type type;
            type.id = to.value(QLatin1String("id")).toInt();
            type.name = to.value(QLatin1String("name")).toString();
            type.category = index;
            type.lookupOnly = to.value(QLatin1String("lookupOnly")).toBool();
            category.typeIds.append(type.id);
            m_types.insert(type.id, type);
        }
        m_categories.append(category);
    }
    m_other = int(m_categories.size());
    m_categories.append(Category { QStringLiteral("other"), QStringLiteral("Other"), false, {} });
}

const EventTypeCatalogue &EventTypeCatalogue::builtIn()
{
    static const EventTypeCatalogue catalogue;
    return catalogue;
}

int EventTypeCatalogue::categoryOf(int typeId) const
{
    const auto it = m_types.constFind(typeId);
    return it == m_types.cend() ? m_other : it->category;
}

QString EventTypeCatalogue::typeName(int typeId, const QString &fallback) const
{
    const auto it = m_types.constFind(typeId);
    if (it != m_types.cend())
        return it->name;
    return fallback.isEmpty() ? QStringLiteral("Type %1").arg(typeId) : fallback;
}

QList<EventTypeCatalogue::Type> EventTypeCatalogue::types() const
{
    QList<Type> list = m_types.values();
    std::sort(list.begin(), list.end(), [](const Type &a, const Type &b) { return a.id < b.id; });
    return list;
}

QString EventTypeCatalogue::categoryLabel(int category) const
{
    if (category < 0 || category >= m_categories.size())
        return {};
    const Category &c = m_categories.at(category);
    if (!c.reseller)
        return c.name;
    for (const Category &other : m_categories) {
        if (!other.reseller && other.name == c.name)
            return QStringLiteral("%1 (reseller)").arg(c.name);
    }
    return c.name;
}

QString EventTypeCatalogue::severityName(int severityId, const QString &fallback)
{
    switch (severityId) {
    case 0:
        return QStringLiteral("Info");
    case 1:
        return QStringLiteral("Warn");
    case 2:
        return QStringLiteral("Critical");
    default:
        return fallback.isEmpty() ? QStringLiteral("Severity %1").arg(severityId) : fallback;
    }
}

QString EventTypeCatalogue::sourceName(int sourceId, const QString &fallback)
{
    switch (sourceId) {
    case 0:
        return QStringLiteral("Network");
    case 1:
        return QStringLiteral("Policy Control");
    case 2:
        return QStringLiteral("API");
    default:
        return fallback.isEmpty() ? QStringLiteral("Source %1").arg(sourceId) : fallback;
    }
}
