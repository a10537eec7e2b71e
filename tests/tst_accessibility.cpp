// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// Every widget a keyboard or screen reader user can reach says what it is: walks the widget trees
// of the main window (with an event shown) and the dialogs, and fails on an interactive widget
// without an accessible name (its own, a label buddy's or its text) or an action without text.
#include "api/eventapiclient.h"
#include "api/eventparser.h"
#include "model/eventtypecatalogue.h"
#include "memorytokenstore.h"
#include "session/eventsession.h"
#include "settings/viewersettings.h"
#include "sim/emnifysimulator.h"
#include "table/eventtablemodel.h"
#include "widgets/aboutdialog.h"
#include "widgets/accountarchive.h"
#include "widgets/accountsdialog.h"
#include "widgets/archivedialog.h"
#include "widgets/connectionflow.h"
#include "widgets/connectdialog.h"
#include "widgets/eventdetailpane.h"
#include "widgets/exportoptionsdialog.h"
#include "widgets/filterpanel.h"
#include "widgets/mainwindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

namespace {

const QString token = QStringLiteral("test-application-token");

// Parts of a composite widget (a combo box's line edit, a spin box's buttons, a view's scroll
// bars and header) are named through the composite; Qt's own internals start with "qt_".
bool isInteractive(const QWidget *widget)
{
    if (widget->objectName().startsWith(QLatin1String("qt_")))
        return false;
    // Private Qt parts reached by mouse only: a table's corner button, a line edit's clear button.
    const QByteArrayView className(widget->metaObject()->className());
    if (className == "QTableCornerButton" || className == "QLineEditIconButton")
        return false;
    for (const QWidget *p = widget->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p))
            return false;
    }
    if (qobject_cast<const QScrollBar *>(widget) || qobject_cast<const QHeaderView *>(widget)
        || qobject_cast<const QMenuBar *>(widget) || qobject_cast<const QMenu *>(widget)
        || qobject_cast<const QTabBar *>(widget)) // menus and tab bars: their items are checked
        return false;
    if (const auto *label = qobject_cast<const QLabel *>(widget))
        return label->textInteractionFlags() & Qt::LinksAccessibleByKeyboard;
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget)
        || qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget)
        || qobject_cast<const QAbstractItemView *>(widget) || qobject_cast<const QPlainTextEdit *>(widget)
        || qobject_cast<const QTextEdit *>(widget) || qobject_cast<const QAbstractSlider *>(widget);
}

// A name is words: "✕" or "…" alone says nothing.
bool isName(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); });
}

QString describe(const QObject *object)
{
    QStringList path;
    for (const QObject *o = object; o; o = o->parent())
        path.prepend(QStringLiteral("%1(%2)").arg(QString::fromLatin1(o->metaObject()->className()),
            o->objectName()));
    return path.join(QLatin1String(" > "));
}

// What a screen reader would not be able to name under root.
QStringList unnamed(QWidget *root)
{
    QStringList problems;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!isInteractive(widget))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        const QString name = accessible ? accessible->text(QAccessible::Name) : QString();
        if (!isName(name))
            problems << describe(widget) + QStringLiteral(" named \"%1\"").arg(name);
    }
    for (const QTabBar *tabs : root->findChildren<QTabBar *>()) {
        for (int i = 0; i < tabs->count(); ++i) {
            if (!isName(tabs->tabText(i)))
                problems << describe(tabs) + QStringLiteral(" tab %1").arg(i);
        }
    }
    for (const QAction *action : root->findChildren<QAction *>()) {
        // Only actions a user meets (in a menu, a tool bar, a context menu), not those of Qt's own
        // widgets (the menu bar's overflow button) or Qt's own actions (_q_...).
        const QList<QObject *> shownIn = action->associatedObjects();
        const bool met = std::any_of(shownIn.cbegin(), shownIn.cend(),
            [](const QObject *o) { return !o->objectName().startsWith(QLatin1String("qt_")); });
        if (action->isSeparator() || !met || action->objectName().startsWith(QLatin1String("_q_")))
            continue;
        if (!isName(action->text()))
        {
            QStringList where;
            for (const QObject *o : action->associatedObjects())
                where << describe(o);
            problems << describe(action) + QStringLiteral(" without text, in ") + where.join(QLatin1String(", "));
        }
    }
    return problems;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mainWindowWithEventShown();
    void dialogs_data();
    void dialogs();
    void severityIconHasText();
    void detailLinkOpensFromTheKeyboard();
    void tabReachesTheWorkflow();
    void findsAnUnnamedWidget();
};

void TestAccessibility::initTestCase() { QStandardPaths::setTestModeEnabled(true); }

void TestAccessibility::mainWindowWithEventShown()
{
    QFile file(QStringLiteral(EV_TEST_DATA_DIR "/doc-examples.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    ParseResult parsed = EventParser::parse(file.readAll());
    QVERIFY(parsed.isOk());
    std::vector<Event> events = parsed.events();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (size_t i = 0; i < events.size(); ++i)
        events[i].timestampMs = now - 30000 - qint64(i) * 45000;

    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("viewer.ini")), QSettings::IniFormat);
    ViewerSettings viewerSettings(&settings);
    QNetworkAccessManager network;
    EventApiClient client(&network);
    EventTableModel model;
    EmnifySimulator simulator;
    EmnifySimulatorConfig config;
    config.applicationTokens = { token };
    simulator.setConfig(config);
    simulator.setEvents(events);
    QVERIFY(simulator.listen());

    EventSession session(&client, &model);
    MemoryTokenStore tokens;
    MainWindow window(&session, &model, &viewerSettings, &tokens);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&window, &MainWindow::fetchFinished);
    window.setConnection(simulator.baseUrl(), token, QStringLiteral("Test account"));
    window.reload();
    QVERIFY(finished.wait(15000));
    QTRY_COMPARE(model.rowCount(), int(events.size()));
    QTRY_VERIFY(!model.isBusy());
    window.tableView()->setFocus();
    window.tableView()->selectRow(0);
    QTRY_VERIFY(window.detailPane()->eventId().has_value());

    const QStringList problems = unnamed(&window);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestAccessibility::dialogs_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("connect") << 0;
    QTest::newRow("export options") << 1;
    QTest::newRow("about") << 2;
    QTest::newRow("accounts") << 3;
    QTest::newRow("archive") << 4;
}

void TestAccessibility::dialogs()
{
    QFETCH(int, which);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("viewer.ini")), QSettings::IniFormat);
    ViewerSettings viewerSettings(&settings);
    viewerSettings.setAccounts({ { QStringLiteral("a"), QStringLiteral("Production"),
        QUrl(QStringLiteral("https://cdn.emnify.net")), QStringLiteral("1"), true } });
    MemoryTokenStore tokens;
    QWidget parent;
    ConnectionFlow connection(&tokens, &viewerSettings, &parent);
    AccountArchive archives;
    archives.setFolder(dir.path());
    std::unique_ptr<QDialog> dialog;
    if (which == 3) {
        dialog = std::make_unique<AccountsDialog>(&connection);
    } else if (which == 4) {
        auto archiveDialog = std::make_unique<ArchiveDialog>(&archives, &viewerSettings);
        archiveDialog->setRows({ { QStringLiteral("Production"), archives.pathOf({ QUrl(QStringLiteral("https://cdn.emnify.net")), QStringLiteral("1"), {} }), true } });
        dialog = std::move(archiveDialog);
    } else if (which == 0)
        dialog = std::make_unique<ConnectDialog>();
    else if (which == 1)
        dialog = std::make_unique<ExportOptionsDialog>();
    else
        dialog = std::make_unique<AboutDialog>();
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    const QStringList problems = unnamed(dialog.get());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// The severity icon beside the title has no text of its own: it must still be read out.
void TestAccessibility::severityIconHasText()
{
    QFile file(QStringLiteral(EV_TEST_DATA_DIR "/doc-examples.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    ParseResult parsed = EventParser::parse(file.readAll());
    QVERIFY(parsed.isOk());
    EventDetailPane pane;
    pane.setEvent(parsed.events().front());
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto *icon = pane.findChild<QLabel *>(QStringLiteral("severityIcon"));
    QVERIFY(icon);
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(icon);
    QVERIFY(accessible);
    const QString severity = EventTypeCatalogue::severityName(int(parsed.events().front().severity.id), {});
    QVERIFY2(accessible->text(QAccessible::Name).contains(severity),
        qPrintable(accessible->text(QAccessible::Name)));
}

// Tab into the related links, Enter: the table narrows to that organisation, as a click would.
void TestAccessibility::detailLinkOpensFromTheKeyboard()
{
    QFile file(QStringLiteral(EV_TEST_DATA_DIR "/doc-examples.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    ParseResult parsed = EventParser::parse(file.readAll());
    QVERIFY(parsed.isOk());
    const std::vector<Event> events = parsed.events();
    const auto withOrganisation = std::find_if(
        events.cbegin(), events.cend(), [](const Event &event) { return event.organisation.id >= 0; });
    QVERIFY(withOrganisation != events.cend());
    EventDetailPane pane;
    pane.setEvent(*withOrganisation);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto *links = pane.findChild<QLabel *>(QStringLiteral("relatedLabel"));
    QVERIFY(links);
    QVERIFY(links->focusPolicy() & Qt::TabFocus);
    QSignalSpy pinned(&pane, &EventDetailPane::pinRequested);
    links->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(links->hasFocus());
    QTest::keyClick(links, Qt::Key_Tab); // inside the label, Tab moves from link to link
    QVERIFY(links->hasFocus());
    QTest::keyClick(links, Qt::Key_Return);
    QCOMPARE(pinned.size(), 1);
    QCOMPARE(pinned.at(0).at(0).value<EventDetailPane::Pin>(), EventDetailPane::Pin::Organisation);
    QCOMPARE(pinned.at(0).at(1).toLongLong(), withOrganisation->organisation.id);
}

// Tab from the search field reaches every step of the main workflow: the time range, the
// categories, the table, the detail pane's links and payload.
void TestAccessibility::tabReachesTheWorkflow()
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
    QFile file(QStringLiteral(EV_TEST_DATA_DIR "/doc-examples.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    ParseResult parsed = EventParser::parse(file.readAll());
    QVERIFY(parsed.isOk());
    window.detailPane()->setEvent(parsed.events().front()); // the detail page's widgets are shown

    QStringList reached;
    QWidget *start = window.filterPanel()->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(start);
    QWidget *widget = start;
    do {
        if ((widget->focusPolicy() & Qt::TabFocus) && widget->isVisibleTo(&window) && widget->isEnabled())
            reached << widget->objectName();
        widget = widget->nextInFocusChain();
    } while (widget && widget != start);
    for (const char *name : { "timeRangeCombo", "categoryTree", "tableView", "relatedLabel", "payloadTree" })
        QVERIFY2(reached.contains(QLatin1String(name)), qPrintable(QLatin1String(name) + QLatin1String(" not in ") + reached.join(u' ')));
}

// The walk itself finds what it is there to find.
void TestAccessibility::findsAnUnnamedWidget()
{
    QWidget root;
    auto *named = new QLineEdit(&root);
    named->setAccessibleName(QStringLiteral("Named"));
    new QTableView(&root);
    auto *symbol = new QPushButton(QStringLiteral("✕"), &root);
    Q_UNUSED(symbol);
    auto *action = new QAction(&root);
    root.addAction(action); // an action a user meets, without text
    const QStringList problems = unnamed(&root);
    const auto found = [&problems](const char *what) {
        return std::count_if(problems.cbegin(), problems.cend(),
            [what](const QString &p) { return p.contains(QLatin1String(what)); });
    };
    QCOMPARE(problems.size(), 3);
    QCOMPARE(found("QTableView()"), 1);
    QCOMPARE(found("QPushButton()"), 1);
    QCOMPARE(found("QAction()"), 1);
    QCOMPARE(found("QLineEdit"), 0);
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
