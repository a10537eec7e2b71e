// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "filter/eventfilterengine.h"
#include "filter/pivot.h"
#include "filter/searchquery.h"
#include "model/eventbatchbuilder.h"
#include "model/eventstore.h"
#include "model/eventtypecatalogue.h"
#include "model/simcardorder.h"
#include "session/viewrequest.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

#include <numeric>

using Field = SearchQuery::Field;
using Column = EventColumns::Column;

namespace {

constexpr qint64 orderSubmittedEventId = 213775802007594; // doc example 57

// Whether this JSON has the key with this value (as text) anywhere.
bool hasKeyValue(const QJsonValue &json, const QString &key, const QString &value)
{
    if (json.isObject()) {
        const QJsonObject object = json.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().compare(key, Qt::CaseInsensitive) == 0 && !it.value().isObject()
                && !it.value().isArray()
                && it.value().toVariant().toString().compare(value, Qt::CaseInsensitive) == 0)
                return true;
            if (hasKeyValue(it.value(), key, value))
                return true;
        }
    } else if (json.isArray()) {
        for (const QJsonValue &element : json.toArray()) {
            if (hasKeyValue(element, key, value))
                return true;
        }
    }
    return false;
}

} // namespace

class TestPivot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void termRoundTrips_data();
    void termRoundTrips();
    void cellPivotKeepsOrDropsItsValue_data();
    void cellPivotKeepsOrDropsItsValue();
    void showOnlyIsExact();
    void severityAndSourceByDisplayName();
    void noPivotWithoutValue_data();
    void noPivotWithoutValue();
    void payloadPivot_data();
    void payloadPivot();
    void chipLabels_data();
    void chipLabels();
    void entityPinsOfEvent();
    void orderPinOfOrderEvent();
    void malformedSearchKeepsPivots();
    void pivotsCombineWithSearchAndPins();

private:
    [[nodiscard]] std::vector<uint32_t> shown(const EventFilter &filter) const;
    [[nodiscard]] std::vector<uint32_t> shown(const QString &text) const;
    [[nodiscard]] qsizetype rowOfId(qint64 id) const;

    EventStore m_store;
    std::vector<uint32_t> m_all;
};

void TestPivot::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const std::vector<Event> events = TestData::docExamples();
    m_store.append(EventBatchBuilder::build(events));
    QCOMPARE(m_store.size(), qsizetype(TestData::DocExampleCount));
    m_all.resize(size_t(m_store.size()));
    std::iota(m_all.begin(), m_all.end(), 0u);
}

std::vector<uint32_t> TestPivot::shown(const EventFilter &filter) const
{
    return EventFilterEngine(m_store, filter).filter(m_all);
}

std::vector<uint32_t> TestPivot::shown(const QString &text) const
{
    EventFilter filter;
    filter.text = text;
    return shown(filter);
}

qsizetype TestPivot::rowOfId(qint64 id) const
{
    for (qsizetype row = 0; row < m_store.size(); ++row) {
        if (m_store.id(row) == id)
            return row;
    }
    return -1;
}

void TestPivot::termRoundTrips_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("excluded");
    QTest::addColumn<int>("expectedField");
    QTest::addColumn<QString>("expectedKey");
    const QStringList values {
        QStringLiteral("internet"),
        QStringLiteral("Update location"),
        QStringLiteral("5\" screen"),
        QStringLiteral("\"quoted\""),
        QStringLiteral("\"\""),
        QStringLiteral("Größe – 東京 🚀"),
        QStringLiteral("-leading minus"),
        QStringLiteral("a:b type:x"),
        QStringLiteral("=starts with equals"),
    };
    const QList<std::pair<const char *, Field>> fields {
        { "type", Field::Type },
        { "category", Field::Category },
        { "severity", Field::Severity },
        { "source", Field::Source },
        { "description", Field::Description },
        { "organisation", Field::Organisation },
        { "user", Field::User },
        { "device", Field::Device },
        { "iccid", Field::Iccid },
        { "imsi", Field::Imsi },
        { "imei", Field::Imei },
        { "ip", Field::Ip },
        { "detail.apn", Field::PayloadKey },
    };
    for (const auto &[name, field] : fields) {
        for (qsizetype v = 0; v < values.size(); ++v) {
            for (const bool excluded : { false, true }) {
                QTest::addRow("%s %lld %s", name, qlonglong(v), excluded ? "excluded" : "kept")
                    << QString::fromLatin1(name) << values.at(v) << excluded << int(field)
                    << (field == Field::PayloadKey ? QStringLiteral("apn") : QString());
            }
        }
    }
    QTest::newRow("id") << QStringLiteral("id") << QStringLiteral("213775802007594") << false
                        << int(Field::Id) << QString();
}

void TestPivot::termRoundTrips()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(bool, excluded);
    QFETCH(int, expectedField);
    QFETCH(QString, expectedKey);
    const QString term = Pivot::term(field, value, excluded);
    const SearchQuery query = SearchQuery::parse(term);
    QVERIFY2(query.isValid(), qPrintable(term + QLatin1String(": ") + query.error()));
    QCOMPARE(query.terms().size(), 1);
    const SearchQuery::Term &parsed = query.terms().constFirst();
    QCOMPARE(parsed.value, value);
    QCOMPARE(parsed.excluded, excluded);
    QCOMPARE(int(parsed.field), expectedField);
    QCOMPARE(parsed.key, expectedKey);
    QVERIFY(parsed.exact);
    QCOMPARE(Pivot::isExclusion(term), excluded);
    // Next to typed text, in either order, it stays one term.
    const SearchQuery joined = SearchQuery::parse(term + QLatin1String(" word"));
    QCOMPARE(joined.terms().size(), 2);
    QCOMPARE(joined.terms().constFirst(), parsed);
}

void TestPivot::cellPivotKeepsOrDropsItsValue_data()
{
    QTest::addColumn<int>("column");
    for (int c = 0; c < EventColumns::ColumnCount; ++c) {
        const auto column = Column(c);
        if (column == Column::Time || column == Column::Alert || column == Column::Payload)
            continue;
        QTest::newRow(qPrintable(EventColumns::key(column))) << c;
    }
}

void TestPivot::cellPivotKeepsOrDropsItsValue()
{
    QFETCH(int, column);
    const auto col = Column(column);
    int pivoted = 0;
    for (qsizetype row = 0; row < m_store.size(); ++row) {
        const QString value = Pivot::cellValue(m_store, row, col);
        const QString only = Pivot::cellTerm(m_store, row, col, false);
        if (value.trimmed().isEmpty()) {
            QVERIFY(only.isEmpty());
            continue;
        }
        ++pivoted;
        const QString except = Pivot::cellTerm(m_store, row, col, true);
        const std::vector<uint32_t> kept = shown(only);
        const std::vector<uint32_t> dropped = shown(except);
        const auto has = [](const std::vector<uint32_t> &rows, qsizetype r) {
            return std::find(rows.begin(), rows.end(), uint32_t(r)) != rows.end();
        };
        QVERIFY2(has(kept, row), qPrintable(only));
        QVERIFY2(!has(dropped, row), qPrintable(except));
        QCOMPARE(kept.size() + dropped.size(), m_all.size());
        // Every row with the same cell text is kept; a kept row shows that text (or, for the
        // identifiers the search also finds in the payload, has it there).
        for (qsizetype other = 0; other < m_store.size(); ++other) {
            const bool same = Pivot::cellValue(m_store, other, col).compare(value, Qt::CaseInsensitive) == 0;
            if (same)
                QVERIFY2(has(kept, other), qPrintable(only));
            else if (has(kept, other))
                QVERIFY2(QString::fromUtf8(m_store.detailJson(other)).contains(value, Qt::CaseInsensitive)
                        || col == Column::Device || col == Column::Tags || col == Column::PerformedBy
                        || col == Column::UserName || col == Column::UserEmail || col == Column::UserId
                        || col == Column::DeviceId || col == Column::OrganisationId
                        || col == Column::Organisation,
                    qPrintable(only + QLatin1String(" kept event ") + QString::number(m_store.id(other))));
        }
    }
    if (pivoted == 0 && col == Column::Tags)
        QSKIP("The doc examples have no device tags");
    QVERIFY2(pivoted > 0, "no event has a value in this column");
}

void TestPivot::showOnlyIsExact()
{
    // "Quota used up" is a part of "SMS quota used up": a pivot on one shows only that one.
    const auto typeNamed = [this](const QString &name) {
        for (qsizetype row = 0; row < m_store.size(); ++row) {
            if (EventColumns::text(m_store, row, Column::EventType) == name)
                return row;
        }
        return qsizetype(-1);
    };
    const qsizetype quota = typeNamed(QStringLiteral("Quota used up"));
    const qsizetype sms = typeNamed(QStringLiteral("SMS quota used up"));
    QVERIFY(quota >= 0 && sms >= 0);
    const QString term = Pivot::cellTerm(m_store, quota, Column::EventType, false);
    QCOMPARE(term, QStringLiteral("type:=\"Quota used up\""));
    QCOMPARE(shown(term), std::vector<uint32_t> { uint32_t(quota) });
    QCOMPARE(shown(QStringLiteral("type:\"Quota used up\"")).size(), size_t(2)); // typed: contains
    const std::vector<uint32_t> others = shown(Pivot::cellTerm(m_store, quota, Column::EventType, true));
    QVERIFY(std::find(others.begin(), others.end(), uint32_t(sms)) != others.end());
}

void TestPivot::severityAndSourceByDisplayName()
{
    // The wire has "WARN" and "Warn"; the table shows "Warn" for both, and so does the pivot.
    qsizetype warn = -1;
    for (qsizetype row = 0; row < m_store.size() && warn < 0; ++row) {
        if (m_store.severities()[m_store.severityIndex(row)].name == QLatin1String("WARN"))
            warn = row;
    }
    QVERIFY(warn >= 0);
    const QString name = EventTypeCatalogue::severityName(1);
    QCOMPARE(Pivot::cellTerm(m_store, warn, Column::Severity, false),
        QStringLiteral("severity:=\"%1\"").arg(name));
    int warnings = 0;
    for (qsizetype row = 0; row < m_store.size(); ++row)
        warnings += m_store.severities()[m_store.severityIndex(row)].id == 1;
    QCOMPARE(int(shown(Pivot::cellTerm(m_store, warn, Column::Severity, false)).size()), warnings);
    QCOMPARE(int(shown(Pivot::cellTerm(m_store, warn, Column::Severity, true)).size()),
        int(m_all.size()) - warnings);
    const QString source
        = EventTypeCatalogue::sourceName(int(m_store.sources()[m_store.sourceIndex(warn)].id));
    QCOMPARE(
        Pivot::cellTerm(m_store, warn, Column::Source, false), QStringLiteral("source:=\"%1\"").arg(source));
    QVERIFY(!shown(Pivot::cellTerm(m_store, warn, Column::Source, false)).empty());
    // The category by the label the table shows.
    const QString category = EventColumns::text(m_store, warn, Column::Category);
    QCOMPARE(Pivot::cellTerm(m_store, warn, Column::Category, false),
        QStringLiteral("category:=\"%1\"").arg(category));
    for (const uint32_t row : shown(Pivot::cellTerm(m_store, warn, Column::Category, false)))
        QCOMPARE(EventColumns::text(m_store, row, Column::Category), category);
}

void TestPivot::noPivotWithoutValue_data()
{
    QTest::addColumn<int>("column");
    QTest::newRow("time") << int(Column::Time);
    QTest::newRow("alert") << int(Column::Alert);
    QTest::newRow("payload") << int(Column::Payload);
}

void TestPivot::noPivotWithoutValue()
{
    QFETCH(int, column);
    QVERIFY(Pivot::cellTerm(m_store, 0, Column(column), false).isEmpty());
    QVERIFY(Pivot::cellTerm(m_store, -1, Column::EventType, false).isEmpty());
    QVERIFY(Pivot::cellTerm(m_store, m_store.size(), Column::EventType, false).isEmpty());
}

void TestPivot::payloadPivot_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("name") << QStringLiteral("name") << QStringLiteral("Vodafone");
    QTest::newRow("region") << QStringLiteral("region") << QStringLiteral("eu-west-1");
    QTest::newRow("breakout type with a space")
        << QStringLiteral("breakout_type") << QStringLiteral("Transit Gateway");
    QTest::newRow("e-mail") << QStringLiteral("username") << QStringLiteral("user@sample.com");
    QTest::newRow("number") << QStringLiteral("price") << QStringLiteral("149");
}

void TestPivot::payloadPivot()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    const QString only = Pivot::payloadTerm(key, value, false);
    QCOMPARE(only, QStringLiteral("detail.%1:=\"%2\"").arg(key, value));
    const std::vector<uint32_t> kept = shown(only);
    const std::vector<uint32_t> dropped = shown(Pivot::payloadTerm(key, value, true));
    QVERIFY(!kept.empty());
    QCOMPARE(kept.size() + dropped.size(), m_all.size());
    EventStore::PayloadReader reader(m_store);
    for (qsizetype row = 0; row < m_store.size(); ++row) {
        const bool has = hasKeyValue(QJsonDocument::fromJson(m_store.detailJson(row)).object(), key, value)
            || hasKeyValue(QJsonDocument::fromJson(reader.extraJson(row).toByteArray()).object(), key, value);
        const bool isKept = std::find(kept.begin(), kept.end(), uint32_t(row)) != kept.end();
        QVERIFY2(has == isKept, qPrintable(QStringLiteral("event %1").arg(m_store.id(row))));
    }
    // Another value of the key is not this one.
    QVERIFY(shown(Pivot::payloadTerm(key, value + QLatin1String("x"), false)).empty());
    QVERIFY(Pivot::payloadTerm(key, QStringLiteral("  "), false).isEmpty());
}

void TestPivot::chipLabels_data()
{
    QTest::addColumn<QString>("term");
    QTest::addColumn<QString>("label");
    QTest::newRow("type") << Pivot::term(u"type", QStringLiteral("Update location"), false)
                          << QStringLiteral("type: Update location");
    QTest::newRow("excluded payload") << Pivot::payloadTerm(QStringLiteral("apn"), QStringLiteral("internet"),
        true) << QStringLiteral("not: detail.apn: internet");
    QTest::newRow("quote") << Pivot::term(u"description", QStringLiteral("5\" screen"), false)
                           << QStringLiteral("description: 5\" screen");
    QTest::newRow("unicode") << Pivot::term(u"device", QStringLiteral("Größe 東京"), true)
                             << QStringLiteral("not: device: Größe 東京");
    QTest::newRow("markup is text") << Pivot::term(u"device", QStringLiteral("<b>x</b>"), false)
                                    << QStringLiteral("device: <b>x</b>");
    QTest::newRow("lines become one")
        << Pivot::term(u"description", QStringLiteral("a\nb"), false) << QStringLiteral("description: a b");
    QTest::newRow("long value elided") << Pivot::term(u"description", QString(60, QLatin1Char('x')),
        false) << QStringLiteral("description: ") + QString(39, QLatin1Char('x')) + QChar(0x2026);
    QTest::newRow("typed term") << QStringLiteral("-type:\"Update location\"")
                                << QStringLiteral("not: type: Update location");
    QTest::newRow("not a term") << QStringLiteral("\"open") << QStringLiteral("\"open");
}

void TestPivot::chipLabels()
{
    QFETCH(QString, term);
    QFETCH(QString, label);
    QCOMPARE(Pivot::chipLabel(term), label);
}

void TestPivot::entityPinsOfEvent()
{
    int withAll = 0;
    for (qsizetype row = 0; row < m_store.size(); ++row) {
        const QList<EntityPin> pins = EntityPin::ofEvent(m_store, row);
        QList<EventEntity> kinds;
        for (const EntityPin &pin : pins) {
            kinds.append(pin.entity);
            QVERIFY(!pin.label.isEmpty());
            // The pin shows this event and only events of that entity.
            EventFilter filter;
            filter.pin(pin.entity) = pin.id;
            const std::vector<uint32_t> rows = shown(filter);
            QVERIFY(std::find(rows.begin(), rows.end(), uint32_t(row)) != rows.end());
            QVERIFY(rows.size() < m_all.size());
        }
        const bool endpoint = m_store.endpointIndex(row) != EventStore::None;
        QCOMPARE(kinds.contains(EventEntity::Endpoint),
            endpoint && m_store.endpoints()[m_store.endpointIndex(row)].id >= 0);
        QCOMPARE(kinds.contains(EventEntity::User),
            m_store.userIndex(row) != EventStore::None && m_store.users()[m_store.userIndex(row)].id >= 0);
        withAll += kinds.contains(EventEntity::Endpoint) && kinds.contains(EventEntity::Sim)
            && kinds.contains(EventEntity::Organisation);
    }
    QVERIFY(withAll > 0);
    QVERIFY(EntityPin::ofEvent(m_store, -1).isEmpty());
}

void TestPivot::orderPinOfOrderEvent()
{
    const qsizetype row = rowOfId(orderSubmittedEventId);
    QVERIFY(row >= 0);
    const QList<EntityPin> pins = EntityPin::ofEvent(m_store, row);
    const auto order = std::find_if(
        pins.begin(), pins.end(), [](const EntityPin &p) { return p.entity == EventEntity::Order; });
    QVERIFY(order != pins.end());
    const qint64 typeId = m_store.types()[m_store.typeIndex(row)].id;
    QCOMPARE(order->id, SimCardOrder::fromDetail(typeId, m_store.detailJson(row))->orderId);
    EventFilter filter;
    filter.orderId = order->id;
    const std::vector<uint32_t> rows = shown(filter);
    QVERIFY(std::find(rows.begin(), rows.end(), uint32_t(row)) != rows.end());
    for (const uint32_t r : rows)
        QVERIFY(SimCardOrder::isOrderType(m_store.types()[m_store.typeIndex(r)].id));
}

void TestPivot::malformedSearchKeepsPivots()
{
    ViewerFilterState state;
    state.pivots = { Pivot::term(u"severity", EventTypeCatalogue::severityName(1), true) };
    const size_t pivotOnly = shown(ViewRequest::filter(state, { 0, 0 })).size();
    QVERIFY(pivotOnly > 0 && pivotOnly < m_all.size());
    state.searchText = QStringLiteral("\"unterminated");
    QCOMPARE(shown(ViewRequest::filter(state, { 0, 0 })).size(), pivotOnly);
    state.searchText = QStringLiteral("colour:red");
    QCOMPARE(shown(ViewRequest::filter(state, { 0, 0 })).size(), pivotOnly);
}

void TestPivot::pivotsCombineWithSearchAndPins()
{
    // Show only Info events, exclude "Create PDP Context", and the typed "SIM": all three apply.
    const QString info = Pivot::term(u"severity", EventTypeCatalogue::severityName(0), false);
    const QString noPdp = Pivot::term(u"type", QStringLiteral("Create PDP Context"), true);
    ViewerFilterState state;
    state.pivots = { info, noPdp };
    state.searchText = QStringLiteral("SIM");
    const std::vector<uint32_t> rows = shown(ViewRequest::filter(state, { 0, 0 }));
    QVERIFY(!rows.empty());
    const std::vector<uint32_t> infoRows = shown(info);
    const std::vector<uint32_t> noPdpRows = shown(noPdp);
    const std::vector<uint32_t> simRows = shown(QStringLiteral("SIM"));
    size_t expected = 0;
    for (const uint32_t r : m_all) {
        const auto in
            = [r](const std::vector<uint32_t> &v) { return std::find(v.begin(), v.end(), r) != v.end(); };
        expected += in(infoRows) && in(noPdpRows) && in(simRows);
    }
    QCOMPARE(rows.size(), expected);
    QVERIFY(rows.size() < simRows.size());
}

QTEST_APPLESS_MAIN(TestPivot)
#include "tst_pivot.moc"
