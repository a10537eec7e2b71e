// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/errorbanner.h"
#include "ui_errorbanner.h"

#include "widgets/severitydelegate.h"

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_ui(std::make_unique<Ui::ErrorBanner>())
{
    m_ui->setupUi(this);
    setAutoFillBackground(true);
    connect(m_ui->closeButton, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT retryRequested();
    });
    hide();
}

ErrorBanner::~ErrorBanner() = default;

void ErrorBanner::showMessage(const QString &message, Level level, bool retryable)
{
    // Light tints that work on light and dark palettes' text colours alike.
    const bool error = level == Level::Error;
    setStyleSheet(error
            ? QStringLiteral(
                "ErrorBanner { background: #fdecea; border: 1px solid #e0a4a0; } QLabel { color: #5f1111; }")
            : QStringLiteral("ErrorBanner { background: #fff6db; border: 1px solid #e6cf86; } QLabel { "
                             "color: #4d3b00; }"));
    m_ui->iconLabel->setPixmap(SeverityDelegate::icon(error ? 2 : 1).pixmap(16, 16));
    m_ui->messageLabel->setText(message);
    m_ui->retryButton->setVisible(retryable);
    show();
}

QString ErrorBanner::message() const { return isHidden() ? QString() : m_ui->messageLabel->text(); }
