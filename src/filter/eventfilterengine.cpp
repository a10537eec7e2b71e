// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "filter/eventfilterengine.h"

#include "filter/searchquery.h"

#include "model/eventcolumns.h"
#include "model/eventstore.h"
#include "model/eventtext.h"
#include "model/eventtypecatalogue.h"
#include "model/jsondocument.h"
#include "model/pageprefault.h"
#include "model/payloadsketch.h"
#include "model/simcardorder.h"
#include "model/twohalves.h"
#include "model/workerpools.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <numeric>

namespace {

// Calls word(start, end) for each word of text (PayloadSketch::isWordByte), in order.
template <typename Word> void forEachWord(QByteArrayView text, Word word)
{
    for (qsizetype i = 0; i < text.size();) {
        while (i < text.size() && !PayloadSketch::isWordByte(uint8_t(text[i])))
            ++i;
        const qsizetype start = i;
        while (i < text.size() && PayloadSketch::isWordByte(uint8_t(text[i])))
            ++i;
        if (i > start)
            word(start, i);
    }
}

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

// Boyer-Moore-Horspool over bytes that folds ASCII case, with a skip table of 256 entries: the
// standard searcher with a folding predicate keeps its table in an unordered_map, a hash lookup
// every step (a third of the description scan's time in a profile of bench_scale).
class FoldedSearcher
{
public:
    explicit FoldedSearcher(const QByteArray &folded)
        : m_pattern(folded)
    {
        const size_t m = size_t(m_pattern.size());
        m_skip.fill(m);
        for (size_t i = 0; i + 1 < m; ++i) {
            const uint8_t c = uint8_t(m_pattern[qsizetype(i)]);
            m_skip[c] = m - 1 - i;
            if (c >= 'a' && c <= 'z')
                m_skip[c - 32] = m - 1 - i;
        }
    }
    [[nodiscard]] const char *find(const char *begin, const char *end) const
    {
        const size_t m = size_t(m_pattern.size());
        if (m == 0)
            return begin;
        const char *pattern = m_pattern.constData();
        const uint8_t last = uint8_t(pattern[m - 1]);
        for (const char *at = begin; size_t(end - at) >= m; at += m_skip[uint8_t(at[m - 1])]) {
            if (asciiLower(uint8_t(at[m - 1])) != last)
                continue;
            size_t i = 0;
            while (i + 1 < m && asciiLower(uint8_t(at[i])) == uint8_t(pattern[i]))
                ++i;
            if (i + 1 == m)
                return at;
        }
        return end;
    }

private:
    QByteArray m_pattern; // folded
    std::array<size_t, 256> m_skip {};
};

// A search text, for many haystacks: ASCII (the usual case) with a Boyer-Moore-Horspool scan that
// folds ASCII case; anything else with Qt's Unicode folding. `baseline`: the standard library's
// searcher, as before FoldedSearcher (bench_scale compares the two).
class Needle
{
public:
    explicit Needle(const QString &text, bool exact = false, bool baseline = false)
        : m_text(text), m_folded(text.toLower().toUtf8()), m_exact(exact),
          m_ascii(std::all_of(m_folded.begin(), m_folded.end(), [](char c) { return uint8_t(c) < 0x80; })),
          m_searcher(m_folded)
    {
        if (m_ascii && baseline)
            m_baseline.emplace(m_folded.cbegin(), m_folded.cend(), FoldHash {}, FoldEqual {});
    }
    Needle(const Needle &) = delete; // the searcher points into m_folded
    Needle &operator=(const Needle &) = delete;

    [[nodiscard]] bool in(QByteArrayView utf8) const
    {
        if (m_exact)
            return in(QString::fromUtf8(utf8));
        if (m_ascii)
            return find(utf8.begin(), utf8.end()) != utf8.end();
        return QString::fromUtf8(utf8).contains(m_text, Qt::CaseInsensitive);
    }
    [[nodiscard]] bool in(const QString &text) const
    {
        if (!m_exact)
            return text.contains(m_text, Qt::CaseInsensitive);
        if (text.compare(m_text, Qt::CaseInsensitive) == 0)
            return true;
        // An entity's texts are lines (textMatches): one of them is the value.
        for (const QStringView line : QStringView(text).tokenize(u'\n')) {
            if (line.compare(m_text, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    // As a run of whole words (what a payload value matches: see PayloadSketch).
    [[nodiscard]] bool inWords(QByteArrayView utf8) const
    {
        if (m_exact)
            return in(utf8);
        if (!m_ascii)
            return in(utf8);
        const bool wordStart = !m_folded.isEmpty() && PayloadSketch::isWordByte(uint8_t(m_folded.front()));
        const bool wordEnd = !m_folded.isEmpty() && PayloadSketch::isWordByte(uint8_t(m_folded.back()));
        for (auto at = utf8.begin(); at != utf8.end(); ++at) {
            at = find(at, utf8.end());
            if (at == utf8.end())
                return false;
            const auto end = at + m_folded.size();
            if ((!wordStart || at == utf8.begin() || !PayloadSketch::isWordByte(uint8_t(at[-1])))
                && (!wordEnd || end == utf8.end() || !PayloadSketch::isWordByte(uint8_t(*end))))
                return true;
        }
        return false;
    }
    [[nodiscard]] bool mayBeIn(const PayloadSketch &sketch) const
    {
        return !m_ascii || sketch.mayContainWords(m_folded);
    }
    [[nodiscard]] const QByteArray &folded() const { return m_folded; }
    [[nodiscard]] bool isAscii() const { return m_ascii; }
    [[nodiscard]] bool isExact() const { return m_exact; }

private:
    [[nodiscard]] const char *find(const char *begin, const char *end) const
    {
        return m_baseline ? std::search(begin, end, *m_baseline) : m_searcher.find(begin, end);
    }
    struct FoldHash
    {
        size_t operator()(char c) const { return asciiLower(uint8_t(c)); }
    };
    struct FoldEqual
    {
        bool operator()(char a, char b) const { return asciiLower(uint8_t(a)) == asciiLower(uint8_t(b)); }
    };
    QString m_text;
    QByteArray m_folded; // lower-case UTF-8
    bool m_exact; // the whole text, not a part of it
    bool m_ascii;
    FoldedSearcher m_searcher;
    std::optional<std::boyer_moore_horspool_searcher<QByteArray::const_iterator, FoldHash, FoldEqual>> m_baseline;
};

template<typename T, typename TextOf>
std::vector<uint8_t> textMatches(const std::vector<T> &table, const Needle &needle, TextOf textOf)
{
    std::vector<uint8_t> result(table.size(), 0);
    for (size_t i = 0; i < table.size(); ++i)
        result[i] = needle.in(textOf(table[i]));
    return result;
}

// Whether a payload key is the one asked for: the same name, or one that ends in _name
// (imsi: "imsi"; ip_address: "ue_ip_address"). ASCII case-insensitive.
bool keyIs(QByteArrayView key, QByteArrayView wanted)
{
    if (key.size() < wanted.size())
        return false;
    const QByteArrayView tail = key.last(wanted.size());
    for (qsizetype i = 0; i < tail.size(); ++i) {
        if (asciiLower(uint8_t(tail[i])) != uint8_t(wanted[i]))
            return false;
    }
    return key.size() == wanted.size() || key[key.size() - wanted.size() - 1] == '_';
}

// Calls hit(key, value) for each string, number and literal value of compact JSON, with the key
// it belongs to (the last key seen: an array's values share theirs); stops at the first true.
// Strings are given as written (escapes and all): a search for plain text is what it is for.
template<typename Hit>
bool anyJsonValue(QByteArrayView json, Hit hit)
{
    QByteArrayView key;
    const qsizetype n = json.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = json[i];
        if (c == '"') {
            qsizetype j = i + 1;
            while (j < n && json[j] != '"')
                j += json[j] == '\\' ? 2 : 1;
            j = std::min(j, n);
            const QByteArrayView text = json.sliced(i + 1, j - i - 1);
            i = j + 1;
            if (i < n && json[i] == ':') {
                key = text;
                ++i;
            } else if (hit(key, text)) {
                return true;
            }
            continue;
        }
        if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
            qsizetype j = i;
            while (j < n && json[j] != ',' && json[j] != '}' && json[j] != ']')
                ++j;
            if (hit(key, json.sliced(i, j - i)))
                return true;
            i = j;
            continue;
        }
        ++i;
    }
    return false;
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

bool isOrderType(const EventStore &store, qsizetype row)
{
    return SimCardOrder::isOrderType(store.types()[store.typeIndex(row)].id);
}

bool isOrderUpdate(const EventStore &store, qsizetype row)
{
    return store.types()[store.typeIndex(row)].id == SimCardOrder::UpdatedTypeId;
}

std::optional<qint64> orderIdOf(const EventStore &store, qsizetype row)
{
    if (!isOrderType(store, row))
        return std::nullopt;
    const QJsonObject detail = JsonDocument::fromJson(store.detailJson(row)).object();
    const QJsonValue id = detail.value(QLatin1String("id"));
    if (id.isDouble())
        return qint64(id.toDouble());
    if (id.isString())
        return id.toString().toLongLong();
    return std::nullopt;
}

} // namespace

// A query term prepared against the store's tables: which entries of each table it hits (empty:
// the term does not look there), and what it looks for in the payload.
class EventFilterEngine::Term
{
public:
    enum class Payload { None, Values, Key, Order };

    Term(const EventStore &store, const EventFilter &filter, const SearchQuery::Term &term, bool baseline)
        : excluded(term.excluded), needle(term.value, term.exact, baseline), baseline(baseline)
    {
        using Field = SearchQuery::Field;
        const QByteArrayView folded = needle.folded();
        forEachWord(folded, [&](qsizetype start, qsizetype end) {
            words.push_back(PayloadSketch::wordHash(folded.sliced(start, end - start)));
            wholeWord = words.size() == 1 && start == 0 && end == folded.size();
        });
        bool isNumber = false;
        const qint64 n = term.value.toLongLong(&isNumber);
        if (isNumber)
            number = n;
        auto named = [&](const std::vector<EventStore::NamedId> &table) {
            std::vector<uint8_t> hits = textMatches(table, needle, [](const EventStore::NamedId &e) { return e.name; });
            for (size_t i = 0; number && i < table.size(); ++i)
                hits[i] = hits[i] || table[i].id == *number;
            return hits;
        };
        auto withId = [&](auto table, std::vector<uint8_t> hits) {
            for (size_t i = 0; number && i < table.size(); ++i)
                hits[i] = hits[i] || table[i].id == *number;
            return hits;
        };
        auto endpointText = [](const EventEndpoint &e) {
            return e.name + QLatin1Char('\n') + e.ipAddress + QLatin1Char('\n') + e.imei + QLatin1Char('\n') + e.tags;
        };
        auto userText = [](const EventUser &u) { return u.name + QLatin1Char('\n') + u.username; };
        auto iccid = [](const EventSim &s) { return s.iccid; };
        auto imsiText = [](const EventImsi &i) { return i.imsi; };
        switch (term.field) {
        case Field::Any:
            type = textMatches(store.types(), needle, [](const auto &t) { return t.name; });
            organisation = textMatches(store.organisations(), needle, [](const auto &o) { return o.name; });
            endpoint = textMatches(store.endpoints(), needle, endpointText);
            sim = textMatches(store.sims(), needle, iccid);
            imsi = textMatches(store.imsis(), needle, imsiText);
            user = textMatches(store.users(), needle, userText);
            descriptions = true;
            idDigits = term.value.size() <= 20
                && std::all_of(term.value.begin(), term.value.end(), [](QChar c) { return c.isDigit(); });
            payload = Payload::Values;
            orderStatuses(store);
            orderProviders(filter);
            break;
        case Field::Status:
            orderStatuses(store);
            break;
        case Field::Provider:
            orderProviders(filter);
            break;
        case Field::Type:
            type = named(store.types());
            break;
        case Field::Category: {
            const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
            type = textMatches(store.types(), needle, [&catalogue](const auto &t) -> QString {
                return catalogue.categoryLabel(catalogue.categoryOf(int(t.id)));
            });
            break;
        }
        case Field::Severity:
            // The wire's name or the one the table shows (translated): a pivot uses the latter.
            severity = withId(store.severities(), textMatches(store.severities(), needle, [](const auto &e) -> QString {
                return e.name + QLatin1Char('\n') + EventTypeCatalogue::severityName(int(e.id), e.name);
            }));
            break;
        case Field::Source:
            source = withId(store.sources(), textMatches(store.sources(), needle, [](const auto &e) -> QString {
                return e.name + QLatin1Char('\n') + EventTypeCatalogue::sourceName(int(e.id), e.name);
            }));
            break;
        case Field::Description:
            descriptions = true;
            break;
        case Field::Organisation:
            organisation = named(store.organisations());
            break;
        case Field::User:
            user = withId(store.users(), textMatches(store.users(), needle, userText));
            break;
        case Field::Device:
            endpoint = withId(store.endpoints(), textMatches(store.endpoints(), needle, endpointText));
            break;
        case Field::Iccid:
            sim = textMatches(store.sims(), needle, iccid);
            payloadKey("iccid");
            break;
        case Field::Imsi:
            imsi = textMatches(store.imsis(), needle, imsiText);
            payloadKey("imsi");
            break;
        case Field::Imei:
            endpoint = textMatches(store.endpoints(), needle, [](const EventEndpoint &e) { return e.imei; });
            payloadKey("imei");
            break;
        case Field::Ip:
            endpoint = textMatches(store.endpoints(), needle, [](const EventEndpoint &e) { return e.ipAddress; });
            payloadKey("ip_address");
            break;
        case Field::Order:
            payload = Payload::Order;
            break;
        case Field::Tracking:
            payloadKey("ext_shipping_reference");
            break;
        case Field::Id:
            idEquals = true;
            break;
        case Field::PayloadKey:
            payloadKey(term.key.toLower().toUtf8());
            break;
        }
        if (idDigits && !baseline)
            idDigitsValue(term.value);
    }

    void payloadKey(QByteArray folded)
    {
        payload = Payload::Key;
        key = std::move(folded);
        // The sketches keep each frequent word with its key (PayloadSketch::findUnderKey).
        if (baseline || key.isEmpty())
            return;
        const uint64_t keyHash = PayloadSketch::keyHash(key);
        const QByteArrayView text = needle.folded();
        forEachWord(text, [&](qsizetype start, qsizetype end) {
            keyWords.push_back(PayloadSketch::keyWordHash(keyHash, text.sliced(start, end - start)));
        });
    }

    // Digits of at most 18 (10^18 fits): an id holds them where id / 10^k ends in them and still
    // has as many digits; a few divisions a row instead of writing every id out (to_chars).
    void idDigitsValue(const QString &digits)
    {
        bool ascii = false;
        const qint64 value = digits.toLongLong(&ascii);
        ascii = ascii && std::all_of(digits.begin(), digits.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
        if (!ascii || digits.size() > 18)
            return;
        digitsValue = value;
        digitsModulus = 1;
        for (qsizetype i = 0; i < digits.size(); ++i)
            digitsModulus *= 10;
        digitsFloor = digitsModulus / 10; // the smallest number of that many digits, or 1 ("0")
        digitsFloor = digits.size() == 1 ? 0 : digitsFloor;
    }
    [[nodiscard]] bool idHasDigits(qint64 id) const
    {
        for (; id >= digitsFloor; id /= 10) {
            if (id % digitsModulus == digitsValue)
                return true;
            if (id < 10)
                break;
        }
        return false;
    }

    // The status names the viewer shows for SIM order events (SimCardOrder::statusName): "Submitted"
    // is every "Order submitted" event; the others are the status ids of "Order updated" events.
    void orderStatuses(const EventStore &store)
    {
        if (needle.in(SimCardOrder::statusName(SimCardOrder::Submitted))) {
            type.resize(store.types().size(), 0);
            for (size_t i = 0; i < store.types().size(); ++i)
                type[i] = type[i] || store.types()[i].id == SimCardOrder::SubmittedTypeId;
        }
        for (const int status : { SimCardOrder::Paid, SimCardOrder::Shipped, SimCardOrder::Canceled }) {
            if (needle.in(SimCardOrder::statusName(status))) {
                statusIds.push_back(status);
                derived.push_back(PayloadSketch::pathValueHash("status.id", QByteArray::number(status)));
            }
        }
    }

    // The provider names the viewer shows: the user's, else "provider N".
    void orderProviders(const EventFilter &filter)
    {
        for (auto it = filter.providerNames.begin(); it != filter.providerNames.end(); ++it) {
            if (!it.value().isEmpty() && needle.in(it.value()))
                providerId(it.key());
        }
        // "provider 2" names id 2 unless the user has named it; the text of a default name without
        // its number ("provider") is in every such name, which the sketch cannot list: read them.
        const QString unnamed = SimCardOrder::providerName(0, {});
        const QString prefix = unnamed.left(unnamed.size() - 1);
        const QString text = needle.folded().isEmpty() ? QString() : QString::fromUtf8(needle.folded());
        if (text.startsWith(prefix, Qt::CaseInsensitive)) {
            bool isNumber = false;
            const qint64 id = text.sliced(prefix.size()).toLongLong(&isNumber);
            if (isNumber && !filter.providerNames.contains(id))
                providerId(id);
        } else if (!text.isEmpty() && prefix.contains(text, Qt::CaseInsensitive)) {
            anyDefaultProvider = true;
            namedProviders = filter.providerNames;
        }
    }

    void providerId(qint64 id)
    {
        providerIds.push_back(id);
        const QByteArray value = QByteArray::number(id);
        if (value.size() <= PayloadSketch::ShortValue)
            derived.push_back(PayloadSketch::pathValueHash("shipped_with_provider_id", value));
        else
            derivedUnindexed = true; // not in the sketch: every "Order updated" event is read
    }

    [[nodiscard]] bool hasOrderNames() const { return !statusIds.empty() || !providerIds.empty() || anyDefaultProvider; }
    // Whether an "Order updated" event's payload has one of the statuses or providers asked for.
    [[nodiscard]] bool orderNameHit(QByteArrayView detail) const
    {
        const std::optional<SimCardOrder> order = SimCardOrder::fromDetail(SimCardOrder::UpdatedTypeId, detail);
        if (!order)
            return false;
        if (std::find(statusIds.begin(), statusIds.end(), order->statusId) != statusIds.end())
            return true;
        if (!order->providerId)
            return false;
        return std::find(providerIds.begin(), providerIds.end(), *order->providerId) != providerIds.end()
            || (anyDefaultProvider && !namedProviders.contains(*order->providerId));
    }

    const bool excluded;
    const Needle needle;
    const bool baseline; // the search as before the key pairs and the digit test (bench_scale)
    std::vector<uint64_t> keyWords; // Payload::Key: the words under the key (PayloadSketch::keyWordHash)
    qint64 digitsValue = 0, digitsModulus = 0, digitsFloor = 0; // idDigitsValue(); modulus 0: to_chars
    std::vector<uint64_t> words; // the hashes of the text's words (PayloadSketch)
    bool wholeWord = false; // the text is one word: a sketch's records answer for it
    std::optional<qint64> number;
    std::vector<uint8_t> type, severity, source, organisation, endpoint, sim, imsi, user;
    bool descriptions = false;
    std::vector<uint8_t> description; // per distinct description (WholeStore)
    bool idDigits = false; // the event id contains the text
    bool idEquals = false;
    Payload payload = Payload::None;
    QByteArray key; // Payload::Key, folded
    std::vector<uint8_t> payloadRows; // per store row (WholeStore): the payload part hits
    // Order status and provider names (orderStatuses(), orderProviders()): what to look for in
    // "Order updated" payloads, and their `path=value` hashes in the sketches.
    std::vector<int> statusIds;
    std::vector<qint64> providerIds;
    bool anyDefaultProvider = false; // the text is part of every "provider N"
    QHash<qint64, QString> namedProviders; // those are not "provider N"
    std::vector<uint64_t> derived;
    bool derivedUnindexed = false;
};

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

    const SearchQuery query = SearchQuery::parse(filter.text);
    // The search as it was before the key pairs, the digit test and FoldedSearcher, for bench_scale
    // to measure both in one run.
    const bool baseline = qEnvironmentVariableIsSet("EV_SEARCH_BASELINE");
    // An invalid query restricts nothing: the search box says what is wrong with it.
    for (const SearchQuery::Term &term : query.terms())
        m_terms.push_back(std::make_unique<Term>(store, filter, term, baseline));
    const bool payload = std::any_of(m_terms.begin(), m_terms.end(), [](const auto &t) {
        return t->payload != Term::Payload::None || t->hasOrderNames();
    });
    if (scope == Scope::WholeStore) {
        for (const auto &term : m_terms) {
            if (term->descriptions) {
                // Once per distinct description: hundreds of thousands in a million events.
                term->description.resize(store.stringCount());
                inTwoHalves(store.stringCount(), 50'000, [&](size_t first, size_t end) {
                    for (size_t i = first; i < end; ++i)
                        term->description[i] = term->needle.in(store.string(uint32_t(i)));
                });
            }
        }
        if (payload)
            searchPayloadBlocks();
    } else if (payload) {
        m_reader = std::make_unique<EventStore::PayloadReader>(store);
    }
}

EventFilterEngine::~EventFilterEngine() = default;

bool EventFilterEngine::payloadHit(const Term &term, qsizetype row, EventStore::PayloadReader &reader) const
{
    const EventStore &s = m_store;
    switch (term.payload) {
    case Term::Payload::None:
        return false;
    case Term::Payload::Order:
        return orderIdOf(s, row) == term.number;
    case Term::Payload::Values:
    case Term::Payload::Key:
        break;
    }
    auto hit = [&](QByteArrayView key, QByteArrayView value) {
        return (term.payload == Term::Payload::Values || keyIs(key, term.key)) && term.needle.inWords(value);
    };
    return anyJsonValue(reader.detailJson(row), hit) || anyJsonValue(reader.extraJson(row), hit);
}

bool EventFilterEngine::orderNameHit(const Term &term, qsizetype row, EventStore::PayloadReader &reader) const
{
    return term.hasOrderNames() && isOrderUpdate(m_store, row) && term.orderNameHit(reader.detailJson(row));
}

bool EventFilterEngine::columnHit(const Term &term, qsizetype row) const
{
    const EventStore &s = m_store;
    auto at = [](const std::vector<uint8_t> &t, uint32_t index) {
        return !t.empty() && index != EventStore::None && t[index];
    };
    if (at(term.type, s.typeIndex(row)) || at(term.severity, s.severityIndex(row)) || at(term.source, s.sourceIndex(row))
        || at(term.organisation, s.organisationIndex(row)) || at(term.endpoint, s.endpointIndex(row))
        || at(term.sim, s.simIndex(row)) || at(term.imsi, s.imsiIndex(row)) || at(term.user, s.userIndex(row)))
        return true;
    if (term.descriptions) {
        const uint32_t description = s.descriptionIndex(row);
        if (term.description.empty() ? term.needle.in(s.string(description)) : bool(term.description[description]))
            return true;
    }
    if (term.idEquals && s.id(row) == term.number)
        return true;
    if (term.idDigits && term.digitsModulus != 0 && s.id(row) >= 0)
        return term.idHasDigits(s.id(row));
    if (term.idDigits) {
        char buffer[24];
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, s.id(row));
        const QByteArray &digits = term.needle.folded();
        if (ec == std::errc()
            && std::string_view(buffer, size_t(end - buffer)).find(std::string_view(digits.constData(), size_t(digits.size())))
                != std::string_view::npos)
            return true;
    }
    return false;
}

namespace {

using RecordMask = PayloadSketch::RecordMask;

constexpr RecordMask AllRecords { ~uint64_t(0), ~uint64_t(0) };

bool anyRecord(const RecordMask &mask)
{
    return std::any_of(mask.begin(), mask.end(), [](uint64_t word) { return word != 0; });
}

bool hasRecord(const RecordMask &mask, qsizetype record)
{
    return record < PayloadSketch::MaxRecords && (mask[size_t(record / 64)] >> (record % 64) & 1);
}

// What a block's sketch says about a term's words: the records that hold every word (`exact`
// when the sketch knows them all), none when some word is absent.
struct WordsInBlock
{
    bool absent = false;
    bool exact = true;
    RecordMask records = AllRecords;
};

// keyWords: the words as the value of a key (detail.<key>:), one for each of words.
WordsInBlock wordsInBlock(
    const PayloadSketch &sketch, const std::vector<uint64_t> &words, const std::vector<uint64_t> &keyWords = {})
{
    WordsInBlock result;
    for (size_t i = 0; i < words.size(); ++i) {
        const uint64_t word = words[i];
        const PayloadSketch::Lookup lookup
            = keyWords.empty() ? sketch.find(word) : sketch.findUnderKey(keyWords[i], word);
        switch (lookup.presence) {
        case PayloadSketch::Presence::Absent:
            result.absent = true;
            return result;
        case PayloadSketch::Presence::Records:
            for (size_t i = 0; i < result.records.size(); ++i)
                result.records[i] &= lookup.records[i];
            break;
        case PayloadSketch::Presence::Maybe:
            result.exact = false;
            break;
        case PayloadSketch::Presence::Candidates:
            result.exact = false;
            for (size_t i = 0; i < result.records.size(); ++i)
                result.records[i] &= lookup.records[i];
            break;
        }
    }
    return result;
}

// The records holding any of the `path=value` hashes; `exact` false when the sketch is not sure.
WordsInBlock anyInBlock(const PayloadSketch &sketch, const std::vector<uint64_t> &hashes)
{
    WordsInBlock result;
    result.records = {};
    for (const uint64_t hash : hashes) {
        const PayloadSketch::Lookup lookup = sketch.find(hash);
        if (lookup.presence == PayloadSketch::Presence::Maybe)
            result.exact = false;
        for (size_t i = 0; lookup.presence == PayloadSketch::Presence::Records && i < result.records.size(); ++i)
            result.records[i] |= lookup.records[i];
    }
    result.absent = result.exact && !anyRecord(result.records);
    if (!result.exact)
        result.records = AllRecords; // which records the Bloom filter's "maybe" is about is unknown
    return result;
}

} // namespace

void EventFilterEngine::searchPayloadBlocks()
{
    std::vector<Term *> terms;
    for (const auto &term : m_terms) {
        if (term->payload != Term::Payload::None || term->hasOrderNames()) {
            term->payloadRows.assign(size_t(m_store.size()), 0);
            terms.push_back(term.get());
        }
    }
    const size_t blocks = m_store.payloadBlockCount();
    // Blocks in two halves (inTwoHalves). A block is
    // decompressed only for the rows whose answer its sketch does not know and no column gives:
    // a word in several records of the block comes with those records, so a word in most events
    // costs a few bit tests a block (bench_scale, "payload search"). Rows of different blocks are
    // different bytes of payloadRows.
    auto search = [&](size_t first, size_t end) {
        EventStore::PayloadReader reader(m_store);
        for (size_t block = first; block < end; ++block) {
            const PayloadSketch &sketch = m_store.payloadBlockSketch(block);
            const auto [firstRow, endRow] = m_store.payloadBlockRows(block);
            // The sketch's records are the block's rows unless the store left some of them out
            // (ids it had already): then every row is read.
            const bool byRecord = sketch.recordCount() == endRow - firstRow && sketch.recordCount() <= PayloadSketch::MaxRecords;
            for (Term *term : terms) {
                uint8_t *hits = term->payloadRows.data();
                if (term->payload != Term::Payload::None) {
                    const WordsInBlock words = term->needle.isAscii()
                        ? wordsInBlock(sketch, term->words, term->keyWords)
                        : WordsInBlock { false, false, AllRecords };
                    // A word's records, or its records as the key's value, are the rows it hits.
                    const bool known = byRecord && words.exact && term->wholeWord
                        && (term->payload == Term::Payload::Values
                            || (term->payload == Term::Payload::Key && !term->keyWords.empty()
                                && !term->needle.isExact()));
                    for (qsizetype row = firstRow; !words.absent && row < endRow; ++row) {
                        if (byRecord && !hasRecord(words.records, row - firstRow))
                            continue;
                        if (known) {
                            hits[row] = 1;
                            continue;
                        }
                        if (term->payload == Term::Payload::Order && !isOrderType(m_store, row))
                            continue;
                        if (!columnHit(*term, row))
                            hits[row] = payloadHit(*term, row, reader);
                    }
                }
                if (!term->hasOrderNames())
                    continue;
                const WordsInBlock names = term->anyDefaultProvider || term->derivedUnindexed
                    ? WordsInBlock { false, false, AllRecords }
                    : anyInBlock(sketch, term->derived);
                for (qsizetype row = firstRow; !names.absent && row < endRow; ++row) {
                    if (hits[row] || !isOrderUpdate(m_store, row) || (byRecord && !hasRecord(names.records, row - firstRow)))
                        continue;
                    // The sketch's `status.id=2` is what SimCardOrder reads; read only when unsure.
                    hits[row] = (byRecord && names.exact) || orderNameHit(*term, row, reader);
                }
            }
        }
    };
    inTwoHalves(blocks, 64, search);
}

bool EventFilterEngine::termHit(const Term &term, qsizetype row) const
{
    if (columnHit(term, row))
        return true;
    if (term.payload == Term::Payload::None && !term.hasOrderNames())
        return false;
    if (!term.payloadRows.empty())
        return term.payloadRows[size_t(row)];
    const EventStore &s = m_store;
    if (orderNameHit(term, row, *m_reader))
        return true;
    if (term.payload == Term::Payload::None || (term.payload == Term::Payload::Order && !isOrderType(s, row)))
        return false;
    return term.needle.mayBeIn(s.payloadBlockSketch(s.payloadBlockOfRow(row))) && payloadHit(term, row, *m_reader);
}

qsizetype EventFilterEngine::countOutsideTimeRange(const EventStore &store, const EventFilter &filter)
{
    if (!filter.fromMs && !filter.untilMs)
        return 0;
    const qint64 from = filter.fromMs.value_or(std::numeric_limits<qint64>::min());
    const qint64 until = filter.untilMs.value_or(std::numeric_limits<qint64>::max());
    qsizetype outside = 0;
    for (qsizetype row = 0, n = store.size(); row < n; ++row) {
        const qint64 ts = store.timestampMs(row);
        outside += (ts < from || ts >= until) ? 1 : 0; // the same bounds as matches()
    }
    return outside;
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
    for (const auto &term : m_terms) {
        if (termHit(*term, row) == term->excluded)
            return false;
    }
    if (m_filter.orderId && orderIdOf(s, row) != m_filter.orderId)
        return false;
    return true;
}

std::vector<uint32_t> EventFilterEngine::filter(
    std::span<const uint32_t> rows, const std::atomic<bool> *cancel, std::vector<qsizetype> *shownPerType) const
{
    // A whole store in two halves (inTwoHalves): every filter change
    // pays this pass (bench_scale's "filter" lines). A page of rows (FewRows) reads payloads with
    // one reader, so it stays on this thread.
    if (rows.size() < 200'000 || m_reader) {
        std::vector<uint32_t> result;
        PagePrefault::reserveMapped(result, rows.size());
        if (shownPerType)
            shownPerType->assign(m_store.types().size(), 0);
        filterInto(rows, cancel, shownPerType, &result);
        return result;
    }
    // Each half into its own rows and counts; joined in order afterwards.
    std::array<std::vector<uint32_t>, 2> parts;
    std::array<std::vector<qsizetype>, 2> counts;
    inTwoHalves(rows.size(), 0, [&](size_t first, size_t end) {
        const size_t part = first == 0 ? 0 : 1; // (at least 200,000 rows: two halves)
        PagePrefault::reserveMapped(parts[part], end - first);
        if (shownPerType)
            counts[part].assign(m_store.types().size(), 0);
        filterInto(rows.subspan(first, end - first), cancel, shownPerType ? &counts[part] : nullptr, &parts[part]);
    });
    if (cancelled(cancel))
        return {};
    if (shownPerType) {
        *shownPerType = std::move(counts[0]);
        for (size_t i = 0; i < counts[1].size(); ++i)
            (*shownPerType)[i] += counts[1][i];
    }
    const std::vector<uint32_t> &first = parts[0], &second = parts[1];
    std::vector<uint32_t> result;
    PagePrefault::reserveMapped(result, first.size() + second.size());
    result.insert(result.end(), first.begin(), first.end());
    result.insert(result.end(), second.begin(), second.end());
    return result;
}

void EventFilterEngine::filterInto(std::span<const uint32_t> rows, const std::atomic<bool> *cancel,
                                   std::vector<qsizetype> *shownPerType, std::vector<uint32_t> *result) const
{
    for (size_t i = 0; i < rows.size(); ++i) {
        if ((i & 0xffff) == 0 && cancelled(cancel)) {
            result->clear();
            return;
        }
        const uint32_t row = rows[i];
        if (!shownPerType) {
            if (matches(row))
                result->push_back(row);
            continue;
        }
        // Rows of unticked types are checked against the rest too: their count is what ticking
        // them would add (bench_scale's "filter with type counts" measures the cost).
        if (!matchesAllButType(row))
            continue;
        const uint32_t type = m_store.typeIndex(row);
        ++(*shownPerType)[type];
        if (m_typeOk[type])
            result->push_back(row);
    }
}

namespace {

// std::sort on two cores: each half on its own thread (inTwoHalves), then one merge.
template<typename T, typename Less>
void parallelSort(std::vector<T> &items, Less less)
{
    constexpr size_t Minimum = 100'000;
    inTwoHalves(items.size(), Minimum, [&](size_t first, size_t end) {
        std::sort(items.begin() + qsizetype(first), items.begin() + qsizetype(end), less);
    });
    if (items.size() >= Minimum)
        std::inplace_merge(items.begin(), items.begin() + qsizetype(items.size() / 2), items.end(), less);
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
