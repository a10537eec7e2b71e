// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

#include <memory>

namespace Ui {
class ErrorBanner;
}

// A non-modal message strip above the table: what went wrong, a Retry button (when retrying makes
// sense) and a close button. Errors never open a modal box and never leave a silently empty table.
class ErrorBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    enum class Level { Error, Warning };

    explicit ErrorBanner(QWidget *parent = nullptr);
    ~ErrorBanner() override;

    void showMessage(const QString &message, Level level = Level::Error, bool retryable = true);
    [[nodiscard]] QString message() const;

Q_SIGNALS:
    void retryRequested();

private:
    std::unique_ptr<Ui::ErrorBanner> m_ui;
};
