// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "settings/viewersettings.h"

#include <QSettings>
#include <QStringList>

#include <algorithm>

namespace {

const QString keyApiUrl = QStringLiteral("connection/apiUrl");
const QString keyRemember = QStringLiteral("connection/rememberToken");
const QString keyAccounts = QStringLiteral("accounts");
const QString keyAccountId = QStringLiteral("id");
const QString keyAccountName = QStringLiteral("name");
const QString keyAccountUrl = QStringLiteral("apiUrl");
const QString keyAccountOrganisation = QStringLiteral("organisation");
const QString keyAccountRemember
    = QStringLiteral("inKeychain"); // no "token" in a key: nothing token-like is written
const QString keyLastAccount = QStringLiteral("connection/lastAccount");
const QString keyRetentionMonths = QStringLiteral("archive/retentionMonths");
const QString keyArchiveMaxBytes = QStringLiteral("archive/maxBytes");
const QString keyGeometry = QStringLiteral("window/geometry");
const QString keyWindowState = QStringLiteral("window/state");
const QString keySplitter = QStringLiteral("window/splitter");
const QString keyHeader = QStringLiteral("table/header");
const QString keyProviderNames = QStringLiteral("orders/providerNames");
const QString keyFollow = QStringLiteral("follow/enabled");
const QString keyFollowInterval = QStringLiteral("follow/intervalSeconds");
const QString keyTeamArchiveRowLimit = QStringLiteral("teamArchive/rowLimit");
const QString keyTimeline = QStringLiteral("view/timeline");
const QString keyCopyFormat = QStringLiteral("edit/copyFormat");
const QString keyTimeDisplay = QStringLiteral("table/timeDisplay");
const QString keyTimeRange = QStringLiteral("filter/timeRange");
const QString keyCustomFrom = QStringLiteral("filter/customFrom");
const QString keyCustomUntil = QStringLiteral("filter/customUntil");
const QString keySeverities = QStringLiteral("filter/hiddenSeverities");
const QString keySources = QStringLiteral("filter/hiddenSources");
const QString keyCategories = QStringLiteral("filter/hiddenCategories");
const QString keyTypes = QStringLiteral("filter/hiddenTypes");
const QString keySearch = QStringLiteral("filter/search");
const QString keyPivots = QStringLiteral("filter/pivots");
const QString keyExportDirectory = QStringLiteral("export/directory");
const QString keyExportPayload = QStringLiteral("export/includePayload");
const QString keyExportWholeEvent = QStringLiteral("export/wholeEventPayload");
const QString keyExportExcel = QStringLiteral("export/forExcel");
const QString keyExportFormulas = QStringLiteral("export/neutraliseFormulas");
const QString keyExportView = QStringLiteral("export/writeView");
const QString keyExportFormat = QStringLiteral("export/format"); // "csv" or "jsonl"
const QString keyViewHistory = QStringLiteral("views/history");
const QString keySavedViews = QStringLiteral("views/saved");

// Stable names, so that reordering the enums never changes what a stored setting means.
constexpr std::pair<TimeDisplay, const char *> timeDisplayNames[] = {
    { TimeDisplay::RelativeLocal, "relative" },
    { TimeDisplay::AbsoluteLocal, "local" },
    { TimeDisplay::AbsoluteUtc, "utc" },
};
constexpr std::pair<ViewerFilterState::TimeRange, const char *> timeRangeNames[] = {
    { ViewerFilterState::TimeRange::LastHour, "1h" },
    { ViewerFilterState::TimeRange::Last24Hours, "24h" },
    { ViewerFilterState::TimeRange::Last7Days, "7d" },
    { ViewerFilterState::TimeRange::Last30Days, "30d" },
    { ViewerFilterState::TimeRange::Today, "today" },
    { ViewerFilterState::TimeRange::Yesterday, "yesterday" },
    { ViewerFilterState::TimeRange::ThisWeek, "thisweek" },
    { ViewerFilterState::TimeRange::LastWeek, "lastweek" },
    { ViewerFilterState::TimeRange::Custom, "custom" },
};

QStringList toList(const QSet<int> &set)
{
    QList<int> sorted(set.cbegin(), set.cend());
    std::sort(sorted.begin(), sorted.end());
    QStringList list;
    for (int value : sorted)
        list.append(QString::number(value));
    return list;
}

QSet<int> toSet(const QVariant &value)
{
    QSet<int> set;
    for (const QString &text : value.toStringList()) {
        bool ok = false;
        const int number = text.toInt(&ok);
        if (ok)
            set.insert(number);
    }
    return set;
}

} // namespace

ViewerSettings::ViewerSettings(QSettings *settings)
    : m_settings(settings)
{
    Q_ASSERT(settings);
}

QUrl ViewerSettings::defaultApiUrl() { return QUrl(QStringLiteral("https://cdn.emnify.net")); }

QUrl ViewerSettings::apiUrl() const
{
    const QUrl url(m_settings->value(keyApiUrl).toString());
    return url.isValid() && !url.isEmpty() ? url : defaultApiUrl();
}

void ViewerSettings::setApiUrl(const QUrl &url) { m_settings->setValue(keyApiUrl, url.toString()); }

bool ViewerSettings::rememberToken() const { return m_settings->value(keyRemember, false).toBool(); }

void ViewerSettings::setRememberToken(bool remember) { m_settings->setValue(keyRemember, remember); }

QList<SavedAccount> ViewerSettings::accounts() const
{
    QList<SavedAccount> accounts;
    if (!m_settings->contains(keyAccounts + QStringLiteral("/size"))) {
        if (m_settings->contains(keyApiUrl)) {
            const QUrl url = apiUrl();
            accounts.append({ url.host(), url.host(), url, {}, rememberToken() });
        }
        return accounts;
    }
    const int size = m_settings->beginReadArray(keyAccounts);
    for (int i = 0; i < size; ++i) {
        m_settings->setArrayIndex(i);
        SavedAccount account;
        account.id = m_settings->value(keyAccountId).toString();
        account.name = m_settings->value(keyAccountName).toString().trimmed();
        account.apiUrl = QUrl(m_settings->value(keyAccountUrl).toString());
        account.organisation = m_settings->value(keyAccountOrganisation).toString();
        account.rememberToken = m_settings->value(keyAccountRemember, false).toBool();
        // An entry edited by hand into nonsense, or a second one with a name already taken, is
        // dropped rather than shown as an account that cannot connect or be told apart.
        if (account.id.isEmpty() || account.name.isEmpty() || !account.apiUrl.isValid()
            || account.apiUrl.isEmpty() || SavedAccounts::findName(accounts, account.name)
            || SavedAccounts::findId(accounts, account.id))
            continue;
        accounts.append(account);
    }
    m_settings->endArray();
    return accounts;
}

void ViewerSettings::setAccounts(const QList<SavedAccount> &accounts)
{
    m_settings->remove(keyAccounts);
    m_settings->beginWriteArray(keyAccounts, int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        m_settings->setArrayIndex(i);
        const SavedAccount &account = accounts.at(i);
        m_settings->setValue(keyAccountId, account.id);
        m_settings->setValue(keyAccountName, account.name);
        m_settings->setValue(keyAccountUrl, account.apiUrl.toString());
        m_settings->setValue(keyAccountOrganisation, account.organisation);
        m_settings->setValue(keyAccountRemember, account.rememberToken);
    }
    m_settings->endArray();
}

QString ViewerSettings::lastAccountId() const { return m_settings->value(keyLastAccount).toString(); }

void ViewerSettings::setLastAccountId(const QString &id) { m_settings->setValue(keyLastAccount, id); }

int ViewerSettings::archiveRetentionMonths() const
{
    bool ok = false;
    const int months = m_settings->value(keyRetentionMonths).toInt(&ok);
    return ok ? std::clamp(months, 1, 120) : DefaultRetentionMonths;
}

void ViewerSettings::setArchiveRetentionMonths(int months)
{
    m_settings->setValue(keyRetentionMonths, std::clamp(months, 1, 120));
}

qint64 ViewerSettings::archiveMaxBytes() const
{
    bool ok = false;
    const qint64 bytes = m_settings->value(keyArchiveMaxBytes).toLongLong(&ok);
    return ok && bytes >= 0 ? bytes : DefaultArchiveMaxBytes;
}

void ViewerSettings::setArchiveMaxBytes(qint64 bytes)
{
    m_settings->setValue(keyArchiveMaxBytes, std::max<qint64>(bytes, 0));
}

QByteArray ViewerSettings::windowGeometry() const { return m_settings->value(keyGeometry).toByteArray(); }

void ViewerSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(keyGeometry, geometry);
}

QByteArray ViewerSettings::windowState() const { return m_settings->value(keyWindowState).toByteArray(); }

void ViewerSettings::setWindowState(const QByteArray &state) { m_settings->setValue(keyWindowState, state); }

QByteArray ViewerSettings::splitterState() const { return m_settings->value(keySplitter).toByteArray(); }

void ViewerSettings::setSplitterState(const QByteArray &state) { m_settings->setValue(keySplitter, state); }

QByteArray ViewerSettings::headerState() const { return m_settings->value(keyHeader).toByteArray(); }

void ViewerSettings::setHeaderState(const QByteArray &state) { m_settings->setValue(keyHeader, state); }

TimeDisplay ViewerSettings::timeDisplay() const
{
    const QString name = m_settings->value(keyTimeDisplay).toString();
    for (const auto &[display, text] : timeDisplayNames) {
        if (name == QLatin1String(text))
            return display;
    }
    return TimeDisplay::RelativeLocal;
}

void ViewerSettings::setTimeDisplay(TimeDisplay display)
{
    for (const auto &[value, text] : timeDisplayNames) {
        if (value == display)
            m_settings->setValue(keyTimeDisplay, QString::fromLatin1(text));
    }
}

ViewerFilterState ViewerSettings::filterState() const
{
    ViewerFilterState state;
    const QString range = m_settings->value(keyTimeRange).toString();
    for (const auto &[value, text] : timeRangeNames) {
        if (range == QLatin1String(text))
            state.timeRange = value;
    }
    state.customFrom = QDateTime::fromString(m_settings->value(keyCustomFrom).toString(), Qt::ISODateWithMs);
    state.customUntil
        = QDateTime::fromString(m_settings->value(keyCustomUntil).toString(), Qt::ISODateWithMs);
    if (state.timeRange == ViewerFilterState::TimeRange::Custom
        && (!state.customFrom.isValid() || !state.customUntil.isValid()))
        state.timeRange = ViewerFilterState::TimeRange::Last7Days;
    state.hiddenSeverities = toSet(m_settings->value(keySeverities));
    state.hiddenSources = toSet(m_settings->value(keySources));
    state.hiddenCategories = toSet(m_settings->value(keyCategories));
    state.hiddenTypeIds = toSet(m_settings->value(keyTypes));
    state.searchText = m_settings->value(keySearch).toString();
    state.pivots = m_settings->value(keyPivots).toStringList();
    state.pivots.removeAll(QString());
    return state;
}

void ViewerSettings::setFilterState(const ViewerFilterState &state)
{
    for (const auto &[value, text] : timeRangeNames) {
        if (value == state.timeRange)
            m_settings->setValue(keyTimeRange, QString::fromLatin1(text));
    }
    m_settings->setValue(keyCustomFrom, state.customFrom.toUTC().toString(Qt::ISODateWithMs));
    m_settings->setValue(keyCustomUntil, state.customUntil.toUTC().toString(Qt::ISODateWithMs));
    m_settings->setValue(keySeverities, toList(state.hiddenSeverities));
    m_settings->setValue(keySources, toList(state.hiddenSources));
    m_settings->setValue(keyCategories, toList(state.hiddenCategories));
    m_settings->setValue(keyTypes, toList(state.hiddenTypeIds));
    m_settings->setValue(keySearch, state.searchText);
    m_settings->setValue(keyPivots, state.pivots);
}

void ViewerSettings::sync() { m_settings->sync(); }

QByteArray ViewerSettings::viewHistory() const { return m_settings->value(keyViewHistory).toByteArray(); }

void ViewerSettings::setViewHistory(const QByteArray &json) { m_settings->setValue(keyViewHistory, json); }

QByteArray ViewerSettings::savedViews() const { return m_settings->value(keySavedViews).toByteArray(); }

void ViewerSettings::setSavedViews(const QByteArray &json) { m_settings->setValue(keySavedViews, json); }

ViewerSettings::ExportPreferences ViewerSettings::exportPreferences() const
{
    ExportPreferences preferences;
    preferences.directory = m_settings->value(keyExportDirectory).toString();
    preferences.includePayload = m_settings->value(keyExportPayload, false).toBool();
    preferences.wholeEventPayload = m_settings->value(keyExportWholeEvent, false).toBool();
    preferences.forExcel = m_settings->value(keyExportExcel, false).toBool();
    preferences.neutraliseFormulas = m_settings->value(keyExportFormulas, true).toBool();
    preferences.writeView = m_settings->value(keyExportView, false).toBool();
    preferences.jsonLines = m_settings->value(keyExportFormat).toString() == QLatin1String("jsonl");
    return preferences;
}

void ViewerSettings::setExportPreferences(const ExportPreferences &preferences)
{
    m_settings->setValue(keyExportDirectory, preferences.directory);
    m_settings->setValue(keyExportPayload, preferences.includePayload);
    m_settings->setValue(keyExportWholeEvent, preferences.wholeEventPayload);
    m_settings->setValue(keyExportExcel, preferences.forExcel);
    m_settings->setValue(keyExportFormulas, preferences.neutraliseFormulas);
    m_settings->setValue(keyExportView, preferences.writeView);
    m_settings->setValue(
        keyExportFormat, preferences.jsonLines ? QStringLiteral("jsonl") : QStringLiteral("csv"));
}

QHash<qint64, QString> ViewerSettings::providerNames() const
{
    // Stored as a map of id text -> name; entries that are not a number and a name are ignored.
    QHash<qint64, QString> names;
    const QVariantMap map = m_settings->value(keyProviderNames).toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        bool ok = false;
        const qint64 id = it.key().toLongLong(&ok);
        const QString name = it.value().toString().trimmed();
        if (ok && !name.isEmpty())
            names.insert(id, name);
    }
    return names;
}

void ViewerSettings::setProviderNames(const QHash<qint64, QString> &names)
{
    QVariantMap map;
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (!it.value().trimmed().isEmpty())
            map.insert(QString::number(it.key()), it.value().trimmed());
    }
    if (map.isEmpty())
        m_settings->remove(keyProviderNames);
    else
        m_settings->setValue(keyProviderNames, map);
}

bool ViewerSettings::follow() const { return m_settings->value(keyFollow, false).toBool(); }

void ViewerSettings::setFollow(bool follow) { m_settings->setValue(keyFollow, follow); }

qsizetype ViewerSettings::teamArchiveRowLimit() const
{
    bool ok = false;
    const qlonglong rows = m_settings->value(keyTeamArchiveRowLimit).toLongLong(&ok);
    return ok && rows >= 1 ? qsizetype(rows) : DefaultTeamArchiveRowLimit;
}

void ViewerSettings::setTeamArchiveRowLimit(qsizetype rows)
{
    m_settings->setValue(keyTeamArchiveRowLimit, qlonglong(rows));
}

int ViewerSettings::followIntervalSeconds() const
{
    bool ok = false;
    const int seconds = m_settings->value(keyFollowInterval, 30).toInt(&ok);
    return ok && seconds >= 1 ? std::min(seconds, 24 * 3600) : 30; // a typo never polls in a loop
}

void ViewerSettings::setFollowIntervalSeconds(int seconds)
{
    m_settings->setValue(keyFollowInterval, std::clamp(seconds, 1, 24 * 3600));
}

bool ViewerSettings::timelineVisible() const { return m_settings->value(keyTimeline, true).toBool(); }

void ViewerSettings::setTimelineVisible(bool visible) { m_settings->setValue(keyTimeline, visible); }

QString ViewerSettings::copyFormat() const
{
    return m_settings->value(keyCopyFormat, QStringLiteral("table")).toString();
}

void ViewerSettings::setCopyFormat(const QString &key) { m_settings->setValue(keyCopyFormat, key); }
