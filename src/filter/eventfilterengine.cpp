// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "filter/eventfilterengine.h"

#include "model/eventcolumns.h"
#include "model/eventstore.h"
#include "model/eventtext.h"
#include "model/eventtypecatalogue.h"
#include "model/pageprefault.h"
#include "model/workerpools.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <charconv>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <numeric>

namespace {

constexpr uint8_t asciiLower(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? uint8_t(c + 32) : c;
}

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// Case-insensitive (ASCII) comparison of UTF-8 text, for sort ranks.
int compareFolded(QByteArrayView a, QByteArrayView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const uint8_t x = asciiLower(uint8_t(a[i])), y = asciiLower(uint8_t(b[i]));
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

template<typename T, typename TextOf>
std::vector<uint8_t> textMatches(const std::vector<T> &table, const QString &needle, TextOf textOf)
{
    std::vector<uint8_t> result(table.size(), 0);
    for (size_t i = 0; i < table.size(); ++i)
        result[i] = textOf(table[i]).contains(needle, Qt::CaseInsensitive);
    return result;
}

template<typename T, typename IdOf>
std::vector<uint8_t> pinMatches(const std::vector<T> &table, qint64 id, IdOf idOf)
{
    std::vector<uint8_t> result(table.size(), 0);
    for (size_t i = 0; i < table.size(); ++i)
        result[i] = idOf(table[i]) == id;
    return result;
}

// Ranks of the entries of a small table by their text, so rows sort by one integer.
template<typename T, typename TextOf>
std::vector<int64_t> ranksByText(const std::vector<T> &table, TextOf textOf)
{
    std::vector<QString> texts(table.size());
    for (size_t i = 0; i < table.size(); ++i)
        texts[i] = textOf(table[i]);
    std::vector<uint32_t> order(table.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return texts[a].compare(texts[b], Qt::CaseInsensitive) < 0;
    });
    std::vector<int64_t> rank(table.size());
    for (size_t i = 0; i < order.size(); ++i)
        rank[order[i]] = i > 0 && texts[order[i]].compare(texts[order[i - 1]], Qt::CaseInsensitive) == 0 ? rank[order[i - 1]] : int64_t(i);
    return rank;
}

std::optional<qint64> orderIdOf(const EventStore &store, qsizetype row)
{
    const int64_t type = store.types()[store.typeIndex(row)].id;
    if (type != 38 && type != 39)
        return std::nullopt;
    const QJsonObject detail = QJsonDocument::fromJson(store.detailJson(row)).object();
    const QJsonValue id = detail.value(QLatin1String("id"));
    if (id.isDouble())
        return qint64(id.toDouble());
    if (id.isString())
        return id.toString().toLongLong();
    return std::nullopt;
}

} // namespace

EventFilterEngine::EventFilterEngine(const EventStore &store, const EventFilter &filter, Scope scope)
    : m_store(store), m_filter(filter)
{
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    m_typeOk.resize(store.types().size());
    for (size_t i = 0; i < store.types().size(); ++i) {
        const int id = int(store.types()[i].id);
        m_typeOk[i] = !filter.hiddenTypeIds.contains(id) && !filter.hiddenCategories.contains(catalogue.categoryOf(id));
    }
    m_severityOk.resize(store.severities().size());
    for (size_t i = 0; i < store.severities().size(); ++i)
        m_severityOk[i] = !filter.hiddenSeverities.contains(int(store.severities()[i].id));
    m_sourceOk.resize(store.sources().size());
    for (size_t i = 0; i < store.sources().size(); ++i)
        m_sourceOk[i] = !filter.hiddenSources.contains(int(store.sources()[i].id));

    auto idOf = [](const auto &entity) { return entity.id; };
    if (filter.organisationId)
        m_organisationOk = pinMatches(store.organisations(), *filter.organisationId, idOf);
    m_pinEndpoint = filter.endpointId.has_value();
    if (m_pinEndpoint)
        m_endpointOk = pinMatches(store.endpoints(), *filter.endpointId, idOf);
    m_pinSim = filter.simId.has_value();
    if (m_pinSim)
        m_simOk = pinMatches(store.sims(), *filter.simId, idOf);
    m_pinImsi = filter.imsiId.has_value();
    if (m_pinImsi)
        m_imsiOk = pinMatches(store.imsis(), *filter.imsiId, idOf);
    m_pinUser = filter.userId.has_value();
    if (m_pinUser)
        m_userOk = pinMatches(store.users(), *filter.userId, idOf);

    const QString text = filter.text.trimmed();
    m_searching = !text.isEmpty();
    if (!m_searching)
        return;
    m_typeText = textMatches(store.types(), text, [](const auto &t) { return t.name; });
    m_organisationText = textMatches(store.organisations(), text, [](const auto &o) { return o.name; });
    m_endpointText = textMatches(store.endpoints(), text, [](const EventEndpoint &e) {
        return e.name + QLatin1Char('\n') + e.ipAddress + QLatin1Char('\n') + e.imei + QLatin1Char('\n') + e.tags;
    });
    m_simText = textMatches(store.sims(), text, [](const EventSim &s) { return s.iccid; });
    m_imsiText = textMatches(store.imsis(), text, [](const EventImsi &i) { return i.imsi; });
    m_userText = textMatches(store.users(), text, [](const EventUser &u) { return u.name + QLatin1Char('\n') + u.username; });

    // Descriptions: ASCII needles (the usual case) use a Boyer-Moore-Horspool scan with ASCII case
    // folding; others fall back to Qt's Unicode folding. For the whole store, each distinct string
    // is searched once up front; for a few new rows, their own strings are searched as they come.
    m_needle = text.toLower().toUtf8();
    m_text = text;
    m_asciiNeedle = std::all_of(m_needle.begin(), m_needle.end(), [](char c) { return uint8_t(c) < 0x80; });
    m_digitsNeedle = m_needle.size() <= 20
        && std::all_of(m_needle.begin(), m_needle.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (scope == Scope::WholeStore) {
        m_descriptionText.resize(store.stringCount());
        for (uint32_t i = 0; i < store.stringCount(); ++i)
            m_descriptionText[i] = containsText(store.string(i));
    }
}

EventFilterEngine::~EventFilterEngine() = default;

bool EventFilterEngine::containsText(QByteArrayView text) const
{
    if (m_asciiNeedle) {
        struct FoldHash
        {
            size_t operator()(char c) const { return asciiLower(uint8_t(c)); }
        };
        struct FoldEqual
        {
            bool operator()(char a, char b) const { return asciiLower(uint8_t(a)) == asciiLower(uint8_t(b)); }
        };
        // Cheap to build (a 256-entry table for a short needle); built per call to stay re-entrant.
        thread_local QByteArray needle;
        thread_local std::optional<std::boyer_moore_horspool_searcher<QByteArray::const_iterator, FoldHash, FoldEqual>> searcher;
        if (!searcher || needle != m_needle) {
            needle = m_needle;
            searcher.emplace(needle.cbegin(), needle.cend(), FoldHash {}, FoldEqual {});
        }
        return std::search(text.begin(), text.end(), *searcher) != text.end();
    }
    return QString::fromUtf8(text).contains(m_text, Qt::CaseInsensitive);
}

bool EventFilterEngine::matches(qsizetype row) const
{
    return m_typeOk[m_store.typeIndex(row)] && matchesAllButType(row);
}

bool EventFilterEngine::matchesAllButType(qsizetype row) const
{
    const EventStore &s = m_store;
    if (!m_severityOk[s.severityIndex(row)] || !m_sourceOk[s.sourceIndex(row)])
        return false;
    if (m_filter.alert && s.alert(row) != *m_filter.alert)
        return false;
    const qint64 ts = s.timestampMs(row);
    if ((m_filter.fromMs && ts < *m_filter.fromMs) || (m_filter.untilMs && ts >= *m_filter.untilMs))
        return false;
    if (!m_organisationOk.empty() && !m_organisationOk[s.organisationIndex(row)])
        return false;
    auto pinned = [](bool pin, const std::vector<uint8_t> &ok, uint32_t index) {
        return !pin || (index != EventStore::None && ok[index]);
    };
    if (!pinned(m_pinEndpoint, m_endpointOk, s.endpointIndex(row)) || !pinned(m_pinSim, m_simOk, s.simIndex(row))
        || !pinned(m_pinImsi, m_imsiOk, s.imsiIndex(row)) || !pinned(m_pinUser, m_userOk, s.userIndex(row)))
        return false;
    if (m_searching) {
        auto hit = [](const std::vector<uint8_t> &t, uint32_t index) { return index != EventStore::None && t[index]; };
        const uint32_t description = s.descriptionIndex(row);
        bool any = (m_descriptionText.empty() ? containsText(s.string(description)) : bool(m_descriptionText[description]))
            || m_typeText[s.typeIndex(row)]
            || m_organisationText[s.organisationIndex(row)] || hit(m_endpointText, s.endpointIndex(row))
            || hit(m_simText, s.simIndex(row)) || hit(m_imsiText, s.imsiIndex(row)) || hit(m_userText, s.userIndex(row));
        if (!any && m_digitsNeedle) {
            char buffer[24];
            const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, s.id(row));
            any = ec == std::errc() && std::string_view(buffer, size_t(end - buffer)).find(std::string_view(m_needle.constData(), size_t(m_needle.size()))) != std::string_view::npos;
        }
        if (!any)
            return false;
    }
    if (m_filter.orderId && orderIdOf(s, row) != m_filter.orderId)
        return false;
    return true;
}

std::vector<uint32_t> EventFilterEngine::filter(
    std::span<const uint32_t> rows, const std::atomic<bool> *cancel, std::vector<qsizetype> *shownPerType) const
{
    std::vector<uint32_t> result;
    PagePrefault::reserveMapped(result, rows.size());
    if (shownPerType)
        shownPerType->assign(m_store.types().size(), 0);
    for (size_t i = 0; i < rows.size(); ++i) {
        if ((i & 0xffff) == 0 && cancelled(cancel))
            return {};
        const uint32_t row = rows[i];
        if (!shownPerType) {
            if (matches(row))
                result.push_back(row);
            continue;
        }
        // Rows of unticked types are checked against the rest too: their count is what ticking
        // them would add (bench_scale's "filter with type counts" measures the cost).
        if (!matchesAllButType(row))
            continue;
        const uint32_t type = m_store.typeIndex(row);
        ++(*shownPerType)[type];
        if (m_typeOk[type])
            result.push_back(row);
    }
    return result;
}

namespace {

// std::sort on two cores: each half on its own thread, then one merge. (The machines this runs on
// have at least two; the pool thread may be busy, then the wait runs the half here.)
template<typename T, typename Less>
void parallelSort(std::vector<T> &items, Less less)
{
    if (items.size() < 100'000) {
        std::sort(items.begin(), items.end(), less);
        return;
    }
    const auto middle = items.begin() + qsizetype(items.size() / 2);
    QFuture<void> firstHalf
        = QtConcurrent::run(WorkerPools::current().jobs(), [&] { std::sort(items.begin(), middle, less); });
    std::sort(middle, items.end(), less);
    firstHalf.waitForFinished();
    std::inplace_merge(items.begin(), middle, items.end(), less);
}

// Per-row sort keys for a column: a value or the rank of the row's entry in its table.
class SortKeys
{
public:
    // Without rankDescriptions, Description keys are not available: compare those rows directly.
    SortKeys(const EventStore &store, int column, const std::atomic<bool> *cancel, bool rankDescriptions = true)
        : m_store(store), m_column(column)
    {
        const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
        switch (column) {
        case EventColumns::Category:
            m_rank = ranksByText(store.types(), [&](const EventStore::NamedId &t) {
                return catalogue.categoryLabel(catalogue.categoryOf(int(t.id)));
            });
            break;
        case EventColumns::EventType:
            m_rank = ranksByText(store.types(), [](const EventStore::NamedId &t) { return t.name; });
            break;
        case EventColumns::Organisation:
            m_rank = ranksByText(store.organisations(), [](const EventStore::NamedId &o) { return o.name; });
            break;
        case EventColumns::Device:
            m_rank = ranksByText(store.endpoints(), [](const EventEndpoint &e) { return e.name; });
            break;
        case EventColumns::Iccid:
            m_rank = ranksByText(store.sims(), [](const EventSim &s) { return s.iccid; });
            break;
        case EventColumns::Imsi:
            m_rank = ranksByText(store.imsis(), [](const EventImsi &i) { return i.imsi; });
            break;
        case EventColumns::PerformedBy:
            m_rank = ranksByText(store.users(), [](const EventUser &u) { return EventText::userShort(u); });
            break;
        case EventColumns::Description: {
            if (!rankDescriptions)
                break;
            // Distinct descriptions ranked once; rows then compare integers. The strings are
            // case-folded into one buffer first, so that the sort compares with memcmp.
            const uint32_t count = store.stringCount();
            // (Large fresh buffers here and below get their pages mapped in one go: see PagePrefault.)
            std::vector<size_t> offsets;
            PagePrefault::reserveMapped(offsets, size_t(count) + 1);
            offsets.resize(size_t(count) + 1, 0);
            for (uint32_t i = 0; i < count; ++i)
                offsets[i + 1] = offsets[i] + size_t(store.string(i).size());
            std::string folded;
            PagePrefault::reserveMapped(folded, offsets[count]);
            folded.resize(offsets[count], '\0');
            for (uint32_t i = 0; i < count; ++i) {
                const QByteArrayView text = store.string(i);
                std::transform(text.begin(), text.end(), folded.begin() + qsizetype(offsets[i]),
                               [](char c) { return char(asciiLower(uint8_t(c))); });
            }
            auto view = [&](uint32_t i) { return std::string_view(folded).substr(offsets[i], offsets[i + 1] - offsets[i]); };
            std::vector<uint32_t> order;
            PagePrefault::reserveMapped(order, count);
            order.resize(count);
            std::iota(order.begin(), order.end(), 0);
            parallelSort(order, [&](uint32_t a, uint32_t b) { return view(a) < view(b); });
            if (cancelled(cancel))
                return;
            PagePrefault::reserveMapped(m_rank, order.size());
            m_rank.resize(order.size());
            for (size_t i = 0; i < order.size(); ++i)
                m_rank[order[i]] = i > 0 && view(order[i]) == view(order[i - 1]) ? m_rank[order[i - 1]] : int64_t(i);
            break;
        }
        default:
            break;
        }
    }

    int64_t key(uint32_t row) const
    {
        const EventStore &s = m_store;
        auto ranked = [&](uint32_t index) { return index == EventStore::None ? -1 : m_rank[index]; };
        switch (m_column) {
        case EventColumns::Time:
            return s.timestampMs(row);
        case EventColumns::Severity:
            return s.severities()[s.severityIndex(row)].id;
        case EventColumns::Source:
            return s.sources()[s.sourceIndex(row)].id;
        case EventColumns::Id:
            return s.id(row);
        case EventColumns::Category:
        case EventColumns::EventType:
            return m_rank[s.typeIndex(row)];
        case EventColumns::Description:
            return m_rank.empty() ? 0 : m_rank[s.descriptionIndex(row)];
        case EventColumns::Organisation:
            return m_rank[s.organisationIndex(row)];
        case EventColumns::Device:
            return ranked(s.endpointIndex(row));
        case EventColumns::Iccid:
            return ranked(s.simIndex(row));
        case EventColumns::Imsi:
            return ranked(s.imsiIndex(row));
        case EventColumns::PerformedBy:
            return ranked(s.userIndex(row));
        default:
            return 0;
        }
    }

private:
    const EventStore &m_store;
    int m_column;
    std::vector<int64_t> m_rank;
};

struct SortItem
{
    int64_t key;
    int64_t time;
    int64_t id;
    uint32_t row;
    bool operator<(const SortItem &o) const
    {
        if (key != o.key)
            return key < o.key;
        if (time != o.time)
            return time < o.time;
        return id < o.id;
    }
};

} // namespace

bool EventFilterEngine::sort(const EventStore &store, std::vector<uint32_t> &rows, int column, Qt::SortOrder order,
                             const std::atomic<bool> *cancel)
{
    const SortKeys keys(store, column, cancel);
    if (cancelled(cancel))
        return false;
    std::vector<SortItem> items;
    PagePrefault::reserveMapped(items, rows.size());
    items.resize(rows.size());
    for (size_t i = 0; i < rows.size(); ++i)
        items[i] = SortItem { keys.key(rows[i]), store.timestampMs(rows[i]), store.id(rows[i]), rows[i] };
    if (cancelled(cancel))
        return false;
    parallelSort(items, std::less<SortItem> {});
    if (cancelled(cancel))
        return false;
    if (order == Qt::DescendingOrder)
        std::reverse(items.begin(), items.end());
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i] = items[i].row;
    return true;
}

namespace {

// The order rows are shown in, for merging new rows into sorted ones. Descriptions are compared
// directly rather than ranked: a merge needs few comparisons, a ranking would cost a full sort.
class RowOrder
{
public:
    RowOrder(const EventStore &store, int column, Qt::SortOrder order)
        : m_store(store), m_keys(store, column, nullptr, false), m_byDescription(column == EventColumns::Description),
          m_ascending(order == Qt::AscendingOrder)
    {
    }
    bool operator()(uint32_t a, uint32_t b) const { return m_ascending ? ascending(a, b) : ascending(b, a); }

private:
    bool ascending(uint32_t a, uint32_t b) const
    {
        if (m_byDescription) {
            if (const int c = compareFolded(m_store.descriptionUtf8(a), m_store.descriptionUtf8(b)))
                return c < 0;
        }
        return item(a) < item(b);
    }
    SortItem item(uint32_t row) const { return SortItem { m_keys.key(row), m_store.timestampMs(row), m_store.id(row), row }; }
    const EventStore &m_store;
    SortKeys m_keys;
    bool m_byDescription;
    bool m_ascending;
};

} // namespace

bool EventFilterEngine::sortNewRows(const EventStore &store, const std::vector<uint32_t> &rows,
                                    std::vector<uint32_t> &newRows, int column, Qt::SortOrder order)
{
    if (newRows.empty())
        return true;
    const RowOrder less(store, column, order);
    std::sort(newRows.begin(), newRows.end(), less);
    // The common case while pulling newest-first: everything new goes after the last row.
    return rows.empty() || !less(newRows.front(), rows.back());
}

std::vector<uint32_t> EventFilterEngine::merged(const EventStore &store, const std::vector<uint32_t> &rows,
                                               const std::vector<uint32_t> &newRows, int column, Qt::SortOrder order)
{
    // A few new rows into many: find each one's place by binary search (few comparisons, each
    // of which costs), then copy the runs between those places in one pass.
    const RowOrder less(store, column, order);
    std::vector<uint32_t> result;
    PagePrefault::reserveMapped(result, std::max(rows.capacity(), rows.size() + newRows.size()));
    auto copied = rows.begin();
    for (uint32_t row : newRows) {
        const auto place = std::upper_bound(copied, rows.end(), row, less);
        result.insert(result.end(), copied, place);
        result.push_back(row);
        copied = place;
    }
    result.insert(result.end(), copied, rows.end());
    return result;
}
