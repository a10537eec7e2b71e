// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/followcontroller.h"

#include "api/apierror.h"
#include "model/eventcolumns.h"
#include "session/eventsession.h"
#include "settings/viewersettings.h"
#include "table/eventtablemodel.h"
#include "widgets/apierrortext.h"
#include "widgets/eventtableview.h"
#include "widgets/neweventsbar.h"

#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QSignalBlocker>

FollowController::FollowController(EventSession *session, EventTableView *table, EventTableModel *model,
    NewEventsBar *bar, ViewerSettings *settings, QWidget *parent)
    : QObject(parent)
    , m_session(session)
    , m_table(table)
    , m_model(model)
    , m_bar(bar)
    , m_settings(settings)
    , m_action(new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Follow"), this))
    , m_status(new QLabel(parent))
{
    m_action->setObjectName(QStringLiteral("actionFollow"));
    m_action->setCheckable(true);
    m_status->setObjectName(QStringLiteral("followStatus"));
    m_status->setAccessibleName(tr("Follow status"));
    m_status->hide();
    applyInterval();

    connect(m_action, &QAction::toggled, this, &FollowController::setFollowing);
    connect(m_session, &EventSession::newEventsArrived, this, &FollowController::onNewEvents);
    connect(m_session, &EventSession::pollFinished, this, &FollowController::onPollFinished);
    connect(m_bar, &NewEventsBar::jumpRequested, this, &FollowController::jumpToNewest);
    connect(m_model, &EventTableModel::storeCleared, m_bar, &NewEventsBar::clear);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == 0 && m_model->sortColumn() == EventColumns::Time
            && m_model->sortOrder() == Qt::DescendingOrder)
            m_bar->clear(); // the user went up to the new events
    });
    m_action->setChecked(m_settings->follow());
}

void FollowController::setFollowing(bool following)
{
    m_settings->setFollow(following);
    m_status->setVisible(following);
    m_status->setText(following ? tr("Following") : QString());
    if (!following)
        m_bar->clear();
    m_session->setFollowing(following);
}

void FollowController::setUnavailable(const QString &why)
{
    const bool available = why.isEmpty();
    if (available && m_action->isEnabled())
        return;
    m_action->setEnabled(available);
    if (!available) {
        const QSignalBlocker blocker(m_action); // the remembered setting stays as it is
        m_action->setChecked(false);
        m_status->hide();
        m_bar->clear();
        m_session->setFollowing(false);
        m_action->setToolTip(why);
        return;
    }
    applyInterval();
    m_action->setChecked(m_settings->follow()); // toggled() follows again if it was on
}

void FollowController::applyInterval()
{
    m_session->setFollowIntervalMs(m_settings->followIntervalSeconds() * 1000);
    if (m_action->isEnabled()) // else it says why it is off
        m_action->setToolTip(
        tr("Read new events every %n second(s)", nullptr, m_session->followIntervalMs() / 1000));
}

bool FollowController::isAtNewest() const
{
    // The same rule as EventTableView's scroll anchor: at the very top with nothing selected the
    // view does not hold its place, so rows inserted above come into sight.
    return m_model->sortColumn() == EventColumns::Time && m_model->sortOrder() == Qt::DescendingOrder
        && m_table->verticalScrollBar()->value() == 0 && !m_table->selectionModel()->hasSelection();
}

void FollowController::onNewEvents(qsizetype count)
{
    if (!isAtNewest())
        m_bar->addEvents(count);
}

void FollowController::jumpToNewest()
{
    m_bar->clear();
    if (m_model->sortColumn() != EventColumns::Time || m_model->sortOrder() != Qt::DescendingOrder)
        m_table->sortByColumn(EventColumns::Time, Qt::DescendingOrder);
    m_table->scrollToTop();
}

void FollowController::onPollFinished(const ApiError &error)
{
    if (!m_session->isFollowing())
        return;
    const QString time = QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat);
    if (!error.isError()) {
        m_status->setText(tr("Following · checked %1").arg(time));
        m_status->setToolTip({});
    } else if (error.kind() != ApiError::Kind::Cancelled) {
        m_status->setText(tr("Following · check at %1 failed, next in %2 s")
                              .arg(time)
                              .arg(m_session->followIntervalMs() / 1000));
        m_status->setToolTip(ApiErrorText::describe(error));
    }
}
