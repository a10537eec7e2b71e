// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

// One narrowing of the table that is not a tick or the search ("device Sensor 12"), shown as text
// with a close button. Focusable: Delete or Backspace removes it too.
class FilterChip final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterChip)

public:
    explicit FilterChip(const QString &text, QWidget *parent = nullptr);
    ~FilterChip() override;

    [[nodiscard]] QString text() const; // as shown, plain text
    [[nodiscard]] QToolButton *closeButton() const { return m_close; }

Q_SIGNALS:
    void removeRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QLabel *m_label;
    QToolButton *m_close;
};
