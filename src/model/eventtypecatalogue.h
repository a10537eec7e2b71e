// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QString>

// The event types the emnify docs list, grouped into the docs' categories (platform and
// MNO/reseller), loaded from the resource :/event-types.json. Ids the catalogue does not know land
// in the category "Other" under the name the event itself carries.
class EventTypeCatalogue final
{
public:
    struct Category
    {
        QString key; // stable identifier, e.g. "reseller_sim_order"
        QString name; // as the docs title it, e.g. "SIM order"
        bool reseller = false; // MNO/reseller-only category
        QList<int> typeIds;
    };
    struct Type
    {
        int id = -1;
        QString name;
        int category = -1; // index into categories()
        bool lookupOnly = false; // listed by GET /api/v1/event/type but in no docs category
    };

    EventTypeCatalogue(); // the built-in catalogue
    static const EventTypeCatalogue &builtIn();

    [[nodiscard]] const QList<Category> &categories() const { return m_categories; }
    [[nodiscard]] int otherCategory() const { return m_other; }
    [[nodiscard]] bool contains(int typeId) const { return m_types.contains(typeId); }
    [[nodiscard]] int categoryOf(int typeId) const; // otherCategory() for unknown ids
    [[nodiscard]] QString typeName(int typeId, const QString &fallback = {}) const;
    [[nodiscard]] QList<Type> types() const; // sorted by id
    // Display name of a category, with "(reseller)" where a platform category has the same name.
    [[nodiscard]] QString categoryLabel(int category) const;

    [[nodiscard]] static QString severityName(int severityId, const QString &fallback = {});
    [[nodiscard]] static QString sourceName(int sourceId, const QString &fallback = {});

private:
    QList<Category> m_categories;
    QHash<int, Type> m_types;
    int m_other = -1;
};
