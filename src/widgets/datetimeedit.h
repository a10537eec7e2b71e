// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTimeEdit>

#include <optional>

// A date and time editor that takes what people type or paste: "2026-11-30 14:00" (local time),
// "2026-11-30T14:00:00Z" or "+01:00" (that instant, shown in local time), any form IsoTime reads.
// QDateTimeEdit alone only edits section by section: typing into a full section is dropped, so a
// click and a typed date did nothing, and ISO forms with a T or a zone never got in. Here focusing
// selects the whole text, typing is free, and the text is read when editing finishes (Enter,
// leaving the field); text that is no time puts the previous value back. Arrows still step
// sections and the calendar popup still works.
class DateTimeEdit final : public QDateTimeEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DateTimeEdit)

public:
    explicit DateTimeEdit(QWidget *parent = nullptr);
    ~DateTimeEdit() override;

    // The instant this text names, in local time; nullopt when it is none (or not yet complete).
    [[nodiscard]] static std::optional<QDateTime> parseTyped(const QString &text);

    QValidator::State validate(QString &input, int &pos) const override;
    void fixup(QString &input) const override;

protected:
    [[nodiscard]] QDateTime dateTimeFromText(const QString &text) const override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool m_selectOnClick = false; // the click that gave focus selects all, as Tab does
};
