// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventapiclient.h"
#include "memorytokenstore.h"
#include "session/eventsession.h"
#include "settings/viewersettings.h"
#include "sim/emnifysimulator.h"
#include "table/eventtablemodel.h"
#include "testdata.h"
#include "widgets/accountarchive.h"
#include "widgets/accountflow.h"
#include "widgets/accountsdialog.h"
#include "widgets/connectdialog.h"
#include "widgets/connectionflow.h"
#include "widgets/errorbanner.h"
#include "widgets/mainwindow.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace {

constexpr int fetchTimeoutMs = 15000;
const QString alphaToken = QStringLiteral("alpha-application-token");
const QString betaToken = QStringLiteral("beta-application-token");
const QString alphaOrg = QStringLiteral("1001");
const QString betaOrg = QStringLiteral("2002");

QAction *actionNamed(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

} // namespace

// Two accounts on two simulators on loopback, each with its own token, organisation and events.
class TestAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsOnTheLastAccountAndSwitches();
    void keychainNoteOnlyInTheDialog();
    void urlRefusedShowsTheBanner_data();
    void urlRefusedShowsTheBanner();
    void urlWithTheEnvironmentToken();
    void urlUsesTheSavedAccountsKeychainEntry();
    void wrongTokenNeverClaimsAConnection();
    void accountByName();
    void addAccountFromTheMenu();
    void renameAndRemove();

private:
    void createWindow();
    void saveBothAccounts(const QString &last);
    [[nodiscard]] QString archivePathOf(const QUrl &url, const QString &organisation) const;
    bool waitForLoad();

    std::vector<Event> m_alphaEvents;
    std::vector<Event> m_betaEvents;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ViewerSettings> m_viewerSettings;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EventApiClient> m_client;
    std::unique_ptr<EventTableModel> m_model;
    std::unique_ptr<EventSession> m_session;
    std::unique_ptr<MemoryTokenStore> m_tokens;
    std::unique_ptr<EmnifySimulator> m_alpha;
    std::unique_ptr<EmnifySimulator> m_beta;
    std::unique_ptr<MainWindow> m_window;
};

void TestAccounts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const std::vector<Event> docs = TestData::docExamples();
    for (size_t i = 0; i < docs.size(); ++i) {
        Event event = docs[i];
        event.timestampMs = now - 30000 - qint64(i) * 45000;
        (i % 4 == 0 ? m_betaEvents : m_alphaEvents).push_back(event);
    }
}

void TestAccounts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings
        = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("viewer.ini")), QSettings::IniFormat);
    m_viewerSettings = std::make_unique<ViewerSettings>(m_settings.get());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<EventApiClient>(m_network.get());
    EventApiClient::Options options = m_client->options();
    options.maxRetries = 1;
    options.backoffBaseMs = 10;
    options.backoffMaxMs = 20;
    options.ratePerSecond = 1000;
    options.burst = 100;
    options.minAuthIntervalMs = 0; // a switch authenticates at once (the spacing is the client's test)
    m_client->setOptions(options);
    m_model = std::make_unique<EventTableModel>();
    m_session = std::make_unique<EventSession>(m_client.get(), m_model.get());
    m_tokens = std::make_unique<MemoryTokenStore>();
    const auto simulator
        = [](const QString &token, const QString &organisation, const std::vector<Event> &events) {
              auto sim = std::make_unique<EmnifySimulator>();
              EmnifySimulatorConfig config;
              config.applicationTokens = { token };
              config.organisationId = organisation.toLongLong();
              config.organisationName = QStringLiteral("Org ") + organisation;
              sim->setConfig(config);
              sim->setEvents(events);
              return sim;
          };
    m_alpha = simulator(alphaToken, alphaOrg, m_alphaEvents);
    m_beta = simulator(betaToken, betaOrg, m_betaEvents);
    QVERIFY(m_alpha->listen());
    QVERIFY(m_beta->listen());
}

void TestAccounts::cleanup()
{
    m_window.reset();
    m_alpha.reset();
    m_beta.reset();
    m_session.reset();
    m_tokens.reset();
    m_model.reset();
    m_client.reset();
    m_network.reset();
    m_viewerSettings.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestAccounts::createWindow()
{
    m_window = std::make_unique<MainWindow>(
        m_session.get(), m_model.get(), m_viewerSettings.get(), m_tokens.get());
    m_window->accountFlow()->archives()->setFolder(m_dir->filePath(QStringLiteral("archives")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestAccounts::saveBothAccounts(const QString &last)
{
    m_viewerSettings->setAccounts({
        { QStringLiteral("id-alpha"), QStringLiteral("Alpha"), m_alpha->baseUrl(), {}, true },
        { QStringLiteral("id-beta"), QStringLiteral("Beta"), m_beta->baseUrl(), {}, true },
    });
    m_viewerSettings->setLastAccountId(last);
    m_tokens->write(QStringLiteral("id-alpha"), alphaToken, [](const TokenStore::Result &) {});
    m_tokens->write(QStringLiteral("id-beta"), betaToken, [](const TokenStore::Result &) {});
}

QString TestAccounts::archivePathOf(const QUrl &url, const QString &organisation) const
{
    return m_window->accountFlow()->archives()->pathOf({ url, organisation, {} });
}

bool TestAccounts::waitForLoad()
{
    QSignalSpy finished(m_window.get(), &MainWindow::fetchFinished);
    if (!finished.wait(fetchTimeoutMs))
        return false;
    return finished.at(0).at(0).value<ApiError>().kind() == ApiError::Kind::None;
}

void TestAccounts::startsOnTheLastAccountAndSwitches()
{
    saveBothAccounts(QStringLiteral("id-beta"));
    createWindow();
    m_window->connectOnStartup({});
    QVERIFY(waitForLoad());
    QTRY_COMPARE(m_model->rowCount(), int(m_betaEvents.size()));
    QVERIFY2(
        m_window->windowTitle().startsWith(QStringLiteral("Beta — ")), qPrintable(m_window->windowTitle()));
    AccountArchive *archives = m_window->accountFlow()->archives();
    QTRY_COMPARE(archives->path(), archivePathOf(m_beta->baseUrl(), betaOrg));
    QVERIFY(QFile::exists(archives->path()));

    QMenu *menu = m_window->accountFlow()->switchMenu();
    QAction *alpha = actionNamed(menu, QStringLiteral("Alpha"));
    QAction *beta = actionNamed(menu, QStringLiteral("Beta"));
    QVERIFY(alpha && beta);
    QVERIFY(beta->isChecked());
    alpha->trigger();
    QVERIFY(waitForLoad());
    QTRY_COMPARE(m_model->rowCount(), int(m_alphaEvents.size()));
    QVERIFY2(
        m_window->windowTitle().startsWith(QStringLiteral("Alpha — ")), qPrintable(m_window->windowTitle()));
    QTRY_COMPARE(archives->path(), archivePathOf(m_alpha->baseUrl(), alphaOrg));
    QCOMPARE(archives->account()->organisation, alphaOrg);
    QCOMPARE(m_viewerSettings->lastAccountId(), QStringLiteral("id-alpha"));
    // The organisation is remembered with the account: the next start opens its archive at once.
    QCOMPARE(SavedAccounts::findId(m_viewerSettings->accounts(), QStringLiteral("id-alpha"))->organisation,
        alphaOrg);
    QVERIFY(actionNamed(m_window->accountFlow()->switchMenu(), QStringLiteral("Alpha"))->isChecked());

    actionNamed(m_window->accountFlow()->switchMenu(), QStringLiteral("Beta"))->trigger();
    QVERIFY(waitForLoad());
    QTRY_COMPARE(m_model->rowCount(), int(m_betaEvents.size()));
    QTRY_COMPARE(archives->path(), archivePathOf(m_beta->baseUrl(), betaOrg));
}

// Without a keychain the dialog says so; the status bar keeps showing the counts.
void TestAccounts::keychainNoteOnlyInTheDialog()
{
    m_tokens = std::make_unique<MemoryTokenStore>(false);
    createWindow();
    m_window->connectOnStartup({});
    ConnectDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ConnectDialog *>()) && dialog->isVisible());
    auto *note = dialog->findChild<QLabel *>(QStringLiteral("noteLabel"));
    QTRY_VERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QLatin1String("keychain")), qPrintable(note->text()));
    QVERIFY2(!m_window->statusBar()->currentMessage().contains(QLatin1String("keychain")),
        qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(m_window->statusBar()->currentMessage().isEmpty()); // the counts are not hidden
}

void TestAccounts::urlRefusedShowsTheBanner_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("http to a remote host") << "http://example.com";
    QTest::newRow("not http") << "ftp://127.0.0.1/";
    QTest::newRow("no host") << "https://";
}

void TestAccounts::urlRefusedShowsTheBanner()
{
    QFETCH(QString, url);
    createWindow();
    m_window->connectToUrl(QUrl(url), alphaToken);
    QVERIFY(m_window->errorBanner()->isVisible());
    QVERIFY(!m_window->findChild<ConnectDialog *>());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("emnify Event Viewer"));
    QVERIFY(m_viewerSettings->accounts().isEmpty());
}

void TestAccounts::urlWithTheEnvironmentToken()
{
    createWindow();
    m_window->connectToUrl(m_alpha->baseUrl(), alphaToken);
    QVERIFY(waitForLoad());
    QTRY_COMPARE(m_model->rowCount(), int(m_alphaEvents.size()));
    const QList<SavedAccount> accounts = m_viewerSettings->accounts();
    QCOMPARE(accounts.size(), 1);
    const QString name = QStringLiteral("127.0.0.1:%1").arg(m_alpha->baseUrl().port());
    QCOMPARE(accounts.first().name, name);
    QVERIFY(m_window->windowTitle().startsWith(name));
    QVERIFY(m_tokens->tokens().isEmpty()); // an environment token is never written to the keychain
}

void TestAccounts::urlUsesTheSavedAccountsKeychainEntry()
{
    saveBothAccounts(QStringLiteral("id-beta"));
    createWindow();
    m_window->connectToUrl(m_alpha->baseUrl(), {});
    QVERIFY(waitForLoad());
    QTRY_COMPARE(m_model->rowCount(), int(m_alphaEvents.size()));
    QVERIFY(!m_window->findChild<ConnectDialog *>());
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("Alpha — ")));
}

// A token the API refuses: the banner says so, the title does not claim the account is connected.
void TestAccounts::wrongTokenNeverClaimsAConnection()
{
    createWindow();
    QSignalSpy finished(m_window.get(), &MainWindow::fetchFinished);
    m_window->connectToUrl(m_alpha->baseUrl(), QStringLiteral("wrong-token"));
    QVERIFY(finished.wait(fetchTimeoutMs));
    QVERIFY(finished.at(0).at(0).value<ApiError>().isError());
    QVERIFY(m_window->errorBanner()->isVisible());
    QVERIFY2(m_window->windowTitle().contains(QLatin1String("not connected")),
        qPrintable(m_window->windowTitle()));
}

void TestAccounts::accountByName()
{
    saveBothAccounts(QStringLiteral("id-alpha"));
    createWindow();
    m_window->connectToAccount(QStringLiteral("Gamma"), {});
    QVERIFY(m_window->errorBanner()->isVisible());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("emnify Event Viewer"));
    m_window->connectToAccount(QStringLiteral("beta"), {});
    QVERIFY(waitForLoad());
    QTRY_COMPARE(m_model->rowCount(), int(m_betaEvents.size()));
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("Beta — ")));
}

void TestAccounts::addAccountFromTheMenu()
{
    saveBothAccounts(QStringLiteral("id-alpha"));
    m_viewerSettings->setAccounts({ m_viewerSettings->accounts().first() }); // Alpha only
    createWindow();
    m_window->connectOnStartup({});
    QVERIFY(waitForLoad());
    QAction *add = nullptr;
    for (QAction *action : m_window->menuBar()->actions().first()->menu()->actions()) {
        if (action->text().startsWith(QLatin1String("&Add account")))
            add = action;
    }
    QVERIFY(add);
    add->trigger();
    ConnectDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ConnectDialog *>()) && dialog->isVisible());
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    auto *token = dialog->findChild<QLineEdit *>(QStringLiteral("tokenEdit"));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("alpha")); // taken (names are case-insensitive)
    url->clear();
    QTest::keyClicks(url, m_beta->baseUrl().toString());
    QTest::keyClicks(token, betaToken);
    QTest::keyClick(token, Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QVERIFY(
        dialog->findChild<QLabel *>(QStringLiteral("errorLabel"))->text().contains(QLatin1String("alpha")));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Beta EU"));
    QTest::keyClick(token, Qt::Key_Return);
    QVERIFY(waitForLoad());
    QTRY_COMPARE(m_model->rowCount(), int(m_betaEvents.size()));
    QCOMPARE(m_viewerSettings->accounts().size(), 2);
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("Beta EU — ")));
    QVERIFY(actionNamed(m_window->accountFlow()->switchMenu(), QStringLiteral("Beta EU")));
}

void TestAccounts::renameAndRemove()
{
    saveBothAccounts(QStringLiteral("id-alpha"));
    createWindow();
    m_window->connectOnStartup({});
    QVERIFY(waitForLoad());
    m_window->accountFlow()->manageAction()->trigger();
    AccountsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<AccountsDialog *>()) && dialog->isVisible());
    QTreeWidget *list = dialog->list();
    QCOMPARE(list->topLevelItemCount(), 2);

    // Rename the shown account in place (F2): the title and the switcher follow.
    list->setFocus();
    list->setCurrentItem(list->topLevelItem(0), 0);
    auto *remove = dialog->findChild<QPushButton *>(QStringLiteral("removeButton"));
    QVERIFY(!remove->isEnabled()); // not the account shown
    QTest::keyClick(list, Qt::Key_F2);
    QLineEdit *editor = nullptr;
    QTRY_VERIFY((editor = list->viewport()->findChild<QLineEdit *>()));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Alpha EU"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_viewerSettings->accounts().first().name, QStringLiteral("Alpha EU"));
    QVERIFY2(m_window->windowTitle().startsWith(QStringLiteral("Alpha EU — ")),
        qPrintable(m_window->windowTitle()));
    QVERIFY(actionNamed(m_window->accountFlow()->switchMenu(), QStringLiteral("Alpha EU")));

    // A name another account has is refused, and the list shows the name it keeps.
    list->setCurrentItem(list->topLevelItem(1), 0);
    QTest::keyClick(list, Qt::Key_F2);
    QTRY_VERIFY((editor = list->viewport()->findChild<QLineEdit *>()) && editor->isVisible());
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("alpha eu"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(list->topLevelItem(1)->text(0), QStringLiteral("Beta"));
    QCOMPARE(m_viewerSettings->accounts().at(1).name, QStringLiteral("Beta"));

    // Remove the other one, after confirming: its keychain entry goes too.
    list->setCurrentItem(list->topLevelItem(1), 0);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    auto *box = dialog->findChild<QMessageBox *>(QStringLiteral("removeConfirmation"));
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QCOMPARE(m_viewerSettings->accounts().size(), 1);
    QVERIFY(!m_tokens->tokens().contains(QStringLiteral("id-beta")));
    QVERIFY(m_tokens->tokens().contains(QStringLiteral("id-alpha")));
    QCOMPARE(list->topLevelItemCount(), 1);
    QVERIFY(!actionNamed(m_window->accountFlow()->switchMenu(), QStringLiteral("Beta")));
}

QTEST_MAIN(TestAccounts)
#include "tst_accounts.moc"
