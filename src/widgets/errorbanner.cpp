// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/errorbanner.h"
#include "ui_errorbanner.h"

#include "widgets/severitydelegate.h"

#include <QEvent>

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_ui(std::make_unique<Ui::ErrorBanner>())
{
    m_ui->setupUi(this);
    setAutoFillBackground(true);
    m_ui->messageLabel->installEventFilter(this); // elides again whenever its width changes
    connect(m_ui->closeButton, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT retryRequested();
    });
    connect(m_ui->changeTokenButton, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT changeTokenRequested();
    });
    hide();
}

ErrorBanner::~ErrorBanner() = default;

void ErrorBanner::showMessage(const QString &message, Level level, bool retryable)
{
    showMessage(message, level, retryable ? Action::Retry : Action::None);
}

void ErrorBanner::showMessage(const QString &message, Level level, Action action)
{
    // Light tints that work on light and dark palettes' text colours alike.
    const bool error = level == Level::Error;
    setStyleSheet(error
            ? QStringLiteral(
                "ErrorBanner { background: #fdecea; border: 1px solid #e0a4a0; } QLabel { color: #5f1111; }")
            : QStringLiteral("ErrorBanner { background: #fff6db; border: 1px solid #e6cf86; } QLabel { "
                             "color: #4d3b00; }"));
    m_ui->iconLabel->setPixmap(SeverityDelegate::icon(error ? 2 : 1).pixmap(16, 16));
    m_message = message;
    m_action = action;
    m_ui->messageLabel->setToolTip(message);
    m_ui->messageLabel->setAccessibleName(message);
    m_ui->retryButton->setVisible(action == Action::Retry);
    m_ui->changeTokenButton->setVisible(action == Action::ChangeToken);
    show();
    elide();
}

QString ErrorBanner::message() const { return isHidden() ? QString() : m_message; }

bool ErrorBanner::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->messageLabel && event->type() == QEvent::Resize)
        elide();
    return QFrame::eventFilter(watched, event);
}

void ErrorBanner::elide()
{
    QLabel *label = m_ui->messageLabel;
    label->setText(label->fontMetrics().elidedText(m_message, Qt::ElideRight, std::max(label->width(), 1)));
}
