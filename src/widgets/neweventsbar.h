// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

// The one-line strip above the table that follow mode shows when new events arrived out of sight
// (the user scrolled away from the newest rows, selected one, or sorts otherwise): "N new events"
// and a button that jumps to them. The view itself does not move for them.
class NewEventsBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewEventsBar)

public:
    explicit NewEventsBar(QWidget *parent = nullptr);

    void addEvents(qsizetype count); // shows the bar with the new total
    void clear(); // hides it and forgets the count
    [[nodiscard]] qsizetype count() const { return m_count; }
    [[nodiscard]] QString text() const; // empty while hidden

Q_SIGNALS:
    void jumpRequested();

private:
    QLabel *m_label;
    QPushButton *m_jump;
    qsizetype m_count = 0;
};
