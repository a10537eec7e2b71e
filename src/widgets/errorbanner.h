// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

#include <memory>

namespace Ui {
class ErrorBanner;
}

// A non-modal message strip above the table: what went wrong, the one action that can help
// (Retry, or Change token… where retrying cannot) and a close button. Errors never open a modal
// box and never leave a silently empty table. One line high whatever the message: a long one is
// elided, the whole text is its tooltip (a wrapping label made the strip hundreds of pixels tall,
// because QMainWindow's layout gives a height-for-width child the height of its narrowest width).
class ErrorBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    enum class Level { Error, Warning };
    enum class Action { None, Retry, ChangeToken };

    explicit ErrorBanner(QWidget *parent = nullptr);
    ~ErrorBanner() override;

    void showMessage(const QString &message, Level level, Action action);
    void showMessage(const QString &message, Level level = Level::Error, bool retryable = true);
    [[nodiscard]] QString message() const; // the whole text; empty while hidden
    [[nodiscard]] Action action() const { return m_action; }

Q_SIGNALS:
    void retryRequested();
    void changeTokenRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void elide();

    std::unique_ptr<Ui::ErrorBanner> m_ui;
    QString m_message;
    Action m_action = Action::None;
};
