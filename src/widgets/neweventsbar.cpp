// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/neweventsbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

#include <climits>

NewEventsBar::NewEventsBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_jump(new QPushButton(tr("&Show new events"), this))
{
    setObjectName(QStringLiteral("newEventsBar"));
    setAccessibleName(tr("New events"));
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setAutoFillBackground(true);
    setStyleSheet(QStringLiteral(
        "NewEventsBar { background: #e8f1fd; border: 1px solid #9dbbe3; } QLabel { color: #0d2c57; }"));
    m_label->setObjectName(QStringLiteral("newEventsLabel"));
    m_jump->setObjectName(QStringLiteral("showNewEventsButton"));
    m_jump->setAccessibleName(tr("Show new events"));
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 2, 4, 2);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_jump);
    layout->addWidget(close);
    connect(m_jump, &QPushButton::clicked, this, [this] {
        clear();
        Q_EMIT jumpRequested();
    });
    connect(close, &QToolButton::clicked, this, &NewEventsBar::clear);
    hide();
}

void NewEventsBar::addEvents(qsizetype count)
{
    if (count <= 0)
        return;
    m_count += count;
    m_label->setText(tr("%n new event(s)", nullptr, int(std::min<qsizetype>(m_count, INT_MAX))));
    show();
}

void NewEventsBar::clear()
{
    m_count = 0;
    hide();
}

QString NewEventsBar::text() const { return isHidden() ? QString() : m_label->text(); }
