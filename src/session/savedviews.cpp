// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "session/savedviews.h"

#include "model/eventtypecatalogue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>

namespace {

struct BuiltIn
{
    const char *id;
    const char *name;
};
// The shipped views, in the order the issue gives them (Ctrl+1..4).
constexpr BuiltIn builtInNames[] = {
    { "builtin-warn-critical", QT_TRANSLATE_NOOP("SavedViews", "Warn and Critical, last 24 h") },
    { "builtin-sim-orders", QT_TRANSLATE_NOOP("SavedViews", "SIM orders, last 7 days") },
    { "builtin-authentication", QT_TRANSLATE_NOOP("SavedViews", "Authentication, last 24 h") },
    { "builtin-package-plan",
        QT_TRANSLATE_NOOP("SavedViews", "Platform package and data plan changes, last 30 days") },
};

// Every category hidden but those with these keys.
QSet<int> allCategoriesBut(std::initializer_list<QLatin1StringView> keys)
{
    QSet<int> hidden;
    const QList<EventTypeCatalogue::Category> &categories = EventTypeCatalogue::builtIn().categories();
    for (int i = 0; i < categories.size(); ++i) {
        if (std::find(keys.begin(), keys.end(), categories.at(i).key) == keys.end())
            hidden.insert(i);
    }
    return hidden;
}

ViewState builtInState(int index)
{
    using TR = ViewerFilterState::TimeRange;
    ViewState state;
    switch (index) {
    case 0:
        state.filter.timeRange = TR::Last24Hours;
        state.filter.hiddenSeverities = { 0 }; // Info
        break;
    case 1:
        state.filter.timeRange = TR::Last7Days;
        state.filter.hiddenCategories = allCategoriesBut({ QLatin1StringView("reseller_sim_order") });
        break;
    case 2:
        state.filter.timeRange = TR::Last24Hours;
        state.filter.hiddenCategories = allCategoriesBut(
            { QLatin1StringView("authentication"), QLatin1StringView("reseller_authentication") });
        break;
    default:
        state.filter.timeRange = TR::Last30Days;
        state.filter.hiddenCategories = allCategoriesBut({ QLatin1StringView("reseller_package_plan") });
        break;
    }
    return state;
}

QJsonObject viewObject(const SavedView &view, bool forSettings)
{
    QJsonObject object { { QStringLiteral("name"), forSettings ? view.name : view.displayName() },
        { QStringLiteral("view"), view.state.toJson() } };
    if (forSettings) {
        object.insert(QStringLiteral("id"), view.id);
        if (view.builtIn)
            object.insert(QStringLiteral("builtIn"), true);
        if (view.hidden)
            object.insert(QStringLiteral("hidden"), true);
    }
    return object;
}

} // namespace

QString SavedView::displayName() const
{
    if (!name.isEmpty() || !builtIn)
        return name;
    for (const BuiltIn &b : builtInNames) {
        if (id == QLatin1String(b.id))
            return QCoreApplication::translate("SavedViews", b.name);
    }
    return id;
}

SavedViews::SavedViews()
    : m_views(builtIns())
{
}

QList<SavedView> SavedViews::builtIns()
{
    QList<SavedView> views;
    for (int i = 0; i < int(std::size(builtInNames)); ++i)
        views.append(SavedView { QString::fromLatin1(builtInNames[i].id), {}, builtInState(i), true, false });
    return views;
}

QList<SavedView> SavedViews::shownViews() const
{
    QList<SavedView> shown;
    std::copy_if(m_views.cbegin(), m_views.cend(), std::back_inserter(shown),
        [](const SavedView &v) { return !v.hidden; });
    return shown;
}

const SavedView *SavedViews::find(const QString &id) const
{
    const auto it
        = std::find_if(m_views.cbegin(), m_views.cend(), [&](const SavedView &v) { return v.id == id; });
    return it == m_views.cend() ? nullptr : &*it;
}

QString SavedViews::add(const QString &name, const ViewState &state)
{
    SavedView view;
    view.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    view.name = name.trimmed();
    view.state = state.withoutPosition();
    m_views.append(view);
    return view.id;
}

bool SavedViews::rename(const QString &id, const QString &name)
{
    auto *view = const_cast<SavedView *>(find(id));
    if (!view || name.trimmed().isEmpty())
        return false;
    view->name = name.trimmed();
    return true;
}

bool SavedViews::setState(const QString &id, const ViewState &state)
{
    auto *view = const_cast<SavedView *>(find(id));
    if (!view)
        return false;
    view->state = state.withoutPosition();
    return true;
}

bool SavedViews::remove(const QString &id)
{
    const auto it
        = std::find_if(m_views.begin(), m_views.end(), [&](const SavedView &v) { return v.id == id; });
    if (it == m_views.end())
        return false;
    if (it->builtIn)
        it->hidden = true; // Restore built-in views brings it back
    else
        m_views.erase(it);
    return true;
}

bool SavedViews::setHidden(const QString &id, bool hidden)
{
    auto *view = const_cast<SavedView *>(find(id));
    if (!view)
        return false;
    view->hidden = hidden;
    return true;
}

bool SavedViews::move(const QString &id, qsizetype to)
{
    const SavedView *view = find(id);
    if (!view || to < 0 || to >= m_views.size())
        return false;
    m_views.move(view - m_views.constData(), to);
    return true;
}

void SavedViews::restoreBuiltIns()
{
    const QList<SavedView> shipped = builtIns();
    for (qsizetype i = 0; i < shipped.size(); ++i) {
        if (auto *view = const_cast<SavedView *>(find(shipped.at(i).id)))
            *view = shipped.at(i);
        else
            m_views.insert(std::min(i, m_views.size()), shipped.at(i));
    }
}

QByteArray SavedViews::exportJson(const QStringList &ids) const
{
    QJsonArray views;
    for (const SavedView &view : m_views) {
        if (ids.isEmpty() ? !view.hidden : ids.contains(view.id))
            views.append(viewObject(view, false));
    }
    const QJsonObject object { { QStringLiteral("format"), QLatin1String(FileFormat) },
        { QStringLiteral("version"), FormatVersion }, { QStringLiteral("views"), views } };
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

std::optional<QList<SavedView>> SavedViews::parseFile(
    const QByteArray &json, QString *error, QStringList *problems)
{
    const std::optional<QJsonObject> object = ViewState::readFileObject(json, error);
    return object ? parseFileObject(*object, error, problems) : std::nullopt;
}

std::optional<QList<SavedView>> SavedViews::parseFileObject(
    const QJsonObject &object, QString *error, QStringList *problems)
{
    if (object.value(QStringLiteral("format")).toString() != QLatin1String(FileFormat)
        || !object.value(QStringLiteral("views")).isArray()) {
        *error = tr("The file holds no saved views.");
        return std::nullopt;
    }
    if (!ViewState::checkFileVersion(object, FormatVersion, error, problems))
        return std::nullopt;
    for (const QString &key : object.keys()) {
        if (key != QLatin1String("format") && key != QLatin1String("version")
            && key != QLatin1String("views"))
            problems->append(tr("%1: unknown field").arg(key));
    }
    QList<SavedView> views;
    const QJsonArray array = object.value(QStringLiteral("views")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("views[%1]").arg(i);
        const QJsonObject entry = array.at(i).toObject();
        const QString name = entry.value(QStringLiteral("name")).toString().trimmed();
        if (name.isEmpty()) {
            problems->append(tr("%1: no name, not imported").arg(where));
            continue;
        }
        for (const QString &key : entry.keys()) {
            if (key != QLatin1String("name") && key != QLatin1String("view"))
                problems->append(tr("%1: unknown field").arg(where + QLatin1Char('.') + key));
        }
        SavedView view;
        view.name = name;
        view.state = ViewState::fromJson(entry.value(QStringLiteral("view")).toObject(), problems,
            QStringLiteral("%1 (%2).view").arg(where, name))
                         .withoutPosition();
        views.append(view);
    }
    return views;
}

SavedViews::ImportResult SavedViews::importJson(const QByteArray &json)
{
    ImportResult result;
    const std::optional<QList<SavedView>> views = parseFile(json, &result.error, &result.problems);
    if (!views)
        return result;
    for (const SavedView &view : *views)
        result.addedIds.append(add(view.name, view.state));
    result.ok = true;
    return result;
}

QByteArray SavedViews::toSettings() const
{
    QJsonArray views;
    for (const SavedView &view : m_views)
        views.append(viewObject(view, true));
    const QJsonObject object { { QStringLiteral("version"), FormatVersion },
        { QStringLiteral("views"), views } };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

SavedViews SavedViews::fromSettings(const QByteArray &json)
{
    SavedViews saved;
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (json.isEmpty() || error.error != QJsonParseError::NoError)
        return saved;
    saved.m_views.clear();
    for (const QJsonValue &value : document.object().value(QStringLiteral("views")).toArray()) {
        const QJsonObject entry = value.toObject();
        SavedView view;
        view.id = entry.value(QStringLiteral("id")).toString();
        view.name = entry.value(QStringLiteral("name")).toString();
        view.builtIn = entry.value(QStringLiteral("builtIn")).toBool();
        view.hidden = view.builtIn && entry.value(QStringLiteral("hidden")).toBool();
        view.state = ViewState::fromJson(entry.value(QStringLiteral("view")).toObject(), nullptr);
        if (view.id.isEmpty() || saved.find(view.id) || (!view.builtIn && view.name.isEmpty()))
            continue;
        saved.m_views.append(view);
    }
    // A built-in this version ships that the settings do not know yet joins at its place.
    const QList<SavedView> shipped = builtIns();
    for (qsizetype i = 0; i < shipped.size(); ++i) {
        if (!saved.find(shipped.at(i).id))
            saved.m_views.insert(std::min(i, saved.m_views.size()), shipped.at(i));
    }
    return saved;
}
