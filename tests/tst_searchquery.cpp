// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "filter/searchquery.h"

#include <QTest>

using Field = SearchQuery::Field;
using Term = SearchQuery::Term;
Q_DECLARE_METATYPE(SearchQuery::Term)

class TestSearchQuery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void refusesMalformed_data();
    void refusesMalformed();
    void highlightsIncludedTermsLongestFirst();
};

void TestSearchQuery::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<Term>>("terms");
    auto term = [](Field field, const char *value, bool excluded = false, const char *key = "") {
        return Term { field, QString::fromUtf8(key), QString::fromUtf8(value), excluded, false };
    };
    QTest::newRow("empty") << QString() << QList<Term> {};
    QTest::newRow("spaces") << QStringLiteral("   ") << QList<Term> {};
    QTest::newRow("words") << QStringLiteral("Shipped  16168172")
                           << QList<Term> { term(Field::Any, "Shipped"), term(Field::Any, "16168172") };
    QTest::newRow("phrase") << QStringLiteral("\"Update location\" x")
                            << QList<Term> { term(Field::Any, "Update location"), term(Field::Any, "x") };
    QTest::newRow("field") << QStringLiteral("iccid:8988303000123456789")
                           << QList<Term> { term(Field::Iccid, "8988303000123456789") };
    QTest::newRow("field, any case") << QStringLiteral("ORDER:16168172") << QList<Term> { term(Field::Order, "16168172") };
    QTest::newRow("excluded quoted field") << QStringLiteral("-type:\"Update location\"")
                                           << QList<Term> { term(Field::Type, "Update location", true) };
    QTest::newRow("excluded word") << QStringLiteral("-pdp") << QList<Term> { term(Field::Any, "pdp", true) };
    QTest::newRow("lone dash is a word") << QStringLiteral("a - b")
                                         << QList<Term> { term(Field::Any, "a"), term(Field::Any, "-"), term(Field::Any, "b") };
    QTest::newRow("aliases") << QStringLiteral("org:acme endpoint:tracker organization:x")
                             << QList<Term> { term(Field::Organisation, "acme"), term(Field::Device, "tracker"),
                                              term(Field::Organisation, "x") };
    QTest::newRow("payload key") << QStringLiteral("detail.apn:internet")
                                 << QList<Term> { term(Field::PayloadKey, "internet", false, "apn") };
    QTest::newRow("a time is a word") << QStringLiteral("10:30") << QList<Term> { term(Field::Any, "10:30") };
    QTest::newRow("a URL is a word") << QStringLiteral("https://cdn.emnify.net")
                                     << QList<Term> { term(Field::Any, "https://cdn.emnify.net") };
    QTest::newRow("hyphenated word with colon") << QStringLiteral("e-mail:x") << QList<Term> { term(Field::Any, "e-mail:x") };
    QTest::newRow("closed quote inside a word") << QStringLiteral("5\"x\"") << QList<Term> { term(Field::Any, "5\"x\"") };
    QTest::newRow("empty phrase") << QStringLiteral("\"\" a") << QList<Term> { term(Field::Any, "a") };
    QTest::newRow("doubled quote in a phrase") << QStringLiteral("description:\"5\"\" screen\" x")
                                               << QList<Term> { term(Field::Description, "5\" screen"), term(Field::Any, "x") };
    QTest::newRow("only a doubled quote") << QStringLiteral("\"\"\"\"") << QList<Term> { term(Field::Any, "\"") };
    QTest::newRow("category") << QStringLiteral("category:\"SIM order\"")
                              << QList<Term> { term(Field::Category, "SIM order") };
    auto exact = [&term](Field field, const char *value, bool excluded = false, const char *key = "") {
        Term t = term(field, value, excluded, key);
        t.exact = true;
        return t;
    };
    QTest::newRow("exact") << QStringLiteral("type:=\"Quota used up\"") << QList<Term> { exact(Field::Type, "Quota used up") };
    QTest::newRow("exact excluded payload") << QStringLiteral("-detail.apn:=internet")
                                            << QList<Term> { exact(Field::PayloadKey, "internet", true, "apn") };
    QTest::newRow("equals without a field is a word") << QStringLiteral("=x") << QList<Term> { term(Field::Any, "=x") };
}

void TestSearchQuery::parses()
{
    QFETCH(QString, text);
    const SearchQuery query = SearchQuery::parse(text);
    QVERIFY2(query.isValid(), qPrintable(query.error()));
    QTEST(query.terms(), "terms");
}

void TestSearchQuery::refusesMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("unterminated quote") << QStringLiteral("a \"Update loc") << QStringLiteral("character 3");
    QTest::newRow("unterminated quoted value") << QStringLiteral("type:\"Update") << QStringLiteral("not closed");
    QTest::newRow("unterminated inside a word") << QStringLiteral("ab\"c") << QStringLiteral("character 3");
    QTest::newRow("unknown field") << QStringLiteral("colour:red") << QStringLiteral("\"colour:\"");
    QTest::newRow("unknown field lists the known") << QStringLiteral("x:1") << QStringLiteral("iccid");
    QTest::newRow("field without value") << QStringLiteral("iccid: 898") << QStringLiteral("needs a value");
    QTest::newRow("order id not a number") << QStringLiteral("order:abc") << QStringLiteral("takes a number");
}

void TestSearchQuery::refusesMalformed()
{
    QFETCH(QString, text);
    QFETCH(QString, errorContains);
    const SearchQuery query = SearchQuery::parse(text);
    QVERIFY(!query.isValid());
    QVERIFY(query.isEmpty()); // no half query
    QVERIFY2(query.error().contains(errorContains), qPrintable(query.error()));
}

void TestSearchQuery::highlightsIncludedTermsLongestFirst()
{
    const SearchQuery query = SearchQuery::parse(u"ab -type:x tracking:\"TR 123\" AB");
    QCOMPARE(query.highlightTexts(), (QStringList { QStringLiteral("TR 123"), QStringLiteral("ab") }));
}

QTEST_APPLESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
