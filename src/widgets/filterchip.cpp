// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/filterchip.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QToolButton>

FilterChip::FilterChip(const QString &text, QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Filter: %1").arg(text));
    setAccessibleDescription(tr("Press Delete to remove this filter."));
    setToolTip(tr("Only events of %1. Delete or Backspace removes this filter.").arg(text));
    // Names and e-mail addresses are shown as they are: "Greta <greta@…>" is text, not markup.
    m_label->setTextFormat(Qt::PlainText);
    m_label->setText(text);
    m_label->setWordWrap(true);
    m_close->setText(QStringLiteral("×"));
    m_close->setAutoRaise(true);
    m_close->setAccessibleName(tr("Remove filter %1").arg(text));
    m_close->setToolTip(tr("Remove this filter"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 2, 2);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close);
    connect(m_close, &QToolButton::clicked, this, &FilterChip::removeRequested);
}

FilterChip::~FilterChip() = default;

QString FilterChip::text() const
{
    return m_label->text();
}

void FilterChip::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        Q_EMIT removeRequested();
        return;
    }
    QFrame::keyPressEvent(event);
}
