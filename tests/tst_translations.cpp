// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// The viewer in German: CTest starts this with LANGUAGE=de, as a German desktop session would,
// and the translations load the way the program loads them (TranslationLoader).
#include "memorytokenstore.h"
#include "session/eventsession.h"
#include "settings/viewersettings.h"
#include "api/eventapiclient.h"
#include "model/eventcolumns.h"
#include "table/eventtablemodel.h"
#include "model/event.h"
#include "widgets/aboutdialog.h"
#include "widgets/eventdetailpane.h"
#include "widgets/filterpanel.h"
#include "widgets/mainwindow.h"
#include "widgets/translationloader.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mainWindowIsGerman();
    void detailPaneSeverityAndSourceAreGerman();
    void germanPlurals_data();
    void germanPlurals();
    void qtsOwnDialogButtonsAreGerman();
    void englishPluralsWithoutATranslation();
    void countsAreGroupedPlurals_data();
    void countsAreGroupedPlurals();

private:
    void removeTranslators();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(qgetenv("LANGUAGE"), QByteArray("de")); // set by CTest
    const QStringList loaded = TranslationLoader::install(qApp);
    QVERIFY2(loaded.contains(QStringLiteral(":/i18n/emnify-event-viewer_de.qm")), qPrintable(loaded.join(u' ')));
}

void TestTranslations::mainWindowIsGerman()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("viewer.ini")), QSettings::IniFormat);
    ViewerSettings viewerSettings(&settings);
    QNetworkAccessManager network;
    EventApiClient client(&network);
    EventTableModel model;
    EventSession session(&client, &model);
    MemoryTokenStore tokens;
    MainWindow window(&session, &model, &viewerSettings, &tokens);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QStringList menus;
    for (const QAction *action : window.menuBar()->actions())
        menus << action->text();
    QCOMPARE(menus, (QStringList { QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"),
                        QStringLiteral("&Ansicht"), QStringLiteral("Ansi&chten"), QStringLiteral("&Hilfe") }));
    const auto *search = window.filterPanel()->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(search);
    QCOMPARE(search->placeholderText(), QStringLiteral("Ereignisse durchsuchen (Strg+F)"));
    QCOMPARE(search->accessibleName(), QStringLiteral("Ereignisse durchsuchen"));
    QVERIFY2(window.emptyStateText().contains(QLatin1String("Nicht verbunden")), qPrintable(window.emptyStateText()));
    QCOMPARE(model.headerData(EventColumns::Time, Qt::Horizontal).toString(), QStringLiteral("Zeit"));
    QCOMPARE(model.headerData(EventColumns::Severity, Qt::Horizontal).toString(), QStringLiteral("Schweregrad"));
    QVERIFY2(window.statusText().contains(QLatin1String("geladen")), qPrintable(window.statusText()));
    QVERIFY(AboutDialog::html().contains(QLatin1String("MIT-Lizenz")));
}

// The API's "Warn" and "Network" are shown in German; the event's own description stays as sent.
void TestTranslations::detailPaneSeverityAndSourceAreGerman()
{
    Event event;
    event.id = 42;
    event.timestampMs = QDateTime::currentMSecsSinceEpoch();
    event.description = QStringLiteral("SIM order has been updated");
    event.type = { 2, QStringLiteral("Update location") };
    event.severity = { 1, QStringLiteral("Warn") };
    event.source = { 0, QStringLiteral("Network") };
    EventDetailPane pane;
    pane.setEvent(event);
    const auto *title = pane.findChild<QLabel *>(QStringLiteral("titleLabel"));
    const auto *description = pane.findChild<QLabel *>(QStringLiteral("descriptionLabel"));
    QVERIFY(title && description);
    QCOMPARE(title->text(), QStringLiteral("Update location · Warnung"));
    QVERIFY2(description->text().startsWith(QLatin1String("SIM order has been updated\nKategorie: ")),
        qPrintable(description->text()));
    QVERIFY2(description->text().contains(QLatin1String("Quelle: Netz")), qPrintable(description->text()));
}

void TestTranslations::germanPlurals_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one") << 1 << QStringLiteral("1 Zeile kopiert.");
    QTest::newRow("two") << 2 << QStringLiteral("2 Zeilen kopiert.");
    QTest::newRow("many") << 25 << QStringLiteral("25 Zeilen kopiert.");
}

void TestTranslations::germanPlurals()
{
    QFETCH(int, count);
    QFETCH(QString, expected);
    QCOMPARE(QCoreApplication::translate("MainWindow", "Copied %Ln rows.", nullptr, count), expected);
}

// Qt's own strings come from the system's Qt translations (qt6-translations-l10n).
void TestTranslations::qtsOwnDialogButtonsAreGerman()
{
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
}

// A language without a translation still gets "1 row", not "1 row(s)".
void TestTranslations::englishPluralsWithoutATranslation()
{
    removeTranslators();
    const QStringList loaded = TranslationLoader::install(qApp, QLocale(QLocale::French));
    QVERIFY2(loaded.contains(QStringLiteral(":/i18n/emnify-event-viewer_en.qm")), qPrintable(loaded.join(u' ')));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Copied %Ln rows.", nullptr, 1), QStringLiteral("Copied 1 row."));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Copied %Ln rows.", nullptr, 3), QStringLiteral("Copied 3 rows."));
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&File"));
}

// Counts read "3.030 Ereignisse" and "3,030 events", never "3030 event(s)".
void TestTranslations::countsAreGroupedPlurals_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    const QLocale german(QLocale::German, QLocale::Germany);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QTest::newRow("de one") << german << 1 << QStringLiteral("1 Ereignis exportiert.");
    QTest::newRow("de many") << german << 3030 << QStringLiteral("3.030 Ereignisse exportiert.");
    QTest::newRow("en one") << english << 1 << QStringLiteral("Exported 1 event.");
    QTest::newRow("en many") << english << 3030 << QStringLiteral("Exported 3,030 events.");
}

void TestTranslations::countsAreGroupedPlurals()
{
    QFETCH(QLocale, locale);
    QFETCH(int, count);
    QFETCH(QString, expected);
    removeTranslators();
    TranslationLoader::install(qApp, locale);
    const QLocale before;
    QLocale::setDefault(locale); // %Ln groups digits the way the desktop's region does
    const QString text = QCoreApplication::translate("MainWindow", "Exported %Ln events.", nullptr, count);
    QLocale::setDefault(before);
    QCOMPARE(text, expected);
}

void TestTranslations::removeTranslators()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
