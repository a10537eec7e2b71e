// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/datetimeedit.h"

#include "model/isotime.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QRegularExpression>

namespace {

// A time of day followed by a zone: "14:00Z", "14:00:00 UTC", "14:00+01:00". (A date alone ends
// in "-30", which is no zone.)
bool hasZone(const QString &text)
{
    static const QRegularExpression zone(QStringLiteral(
        R"(\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|UTC|[+-]\d{2}(:?\d{2})?)$)"), QRegularExpression::CaseInsensitiveOption);
    return zone.match(text.trimmed()).hasMatch();
}

// What may still become a time while it is typed: digits and the separators of the forms above.
bool mayBecomeTime(const QString &text)
{
    static const QRegularExpression partial(QStringLiteral(R"(^[0-9 :.\-+TZUCtzuc]*$)"));
    return partial.match(text).hasMatch();
}

} // namespace

DateTimeEdit::DateTimeEdit(QWidget *parent)
    : QDateTimeEdit(parent)
{
    // Read the text when editing ends, not at every key: half a date is not a value yet.
    setKeyboardTracking(false);
    lineEdit()->installEventFilter(this);
}

DateTimeEdit::~DateTimeEdit() = default;

std::optional<QDateTime> DateTimeEdit::parseTyped(const QString &text)
{
    const std::optional<qint64> ms = IsoTime::parse(QStringView(text));
    if (!ms)
        return std::nullopt;
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
    if (hasZone(text))
        return utc.toLocalTime();
    // Without a zone IsoTime reads UTC; people mean the wall clock of their own zone.
    return QDateTime(utc.date(), utc.time(), Qt::LocalTime);
}

QValidator::State DateTimeEdit::validate(QString &input, int &pos) const
{
    if (parseTyped(input))
        return QValidator::Acceptable;
    if (mayBecomeTime(input))
        return QValidator::Intermediate;
    return QDateTimeEdit::validate(input, pos);
}

void DateTimeEdit::fixup(QString &input) const
{
    // No time (2026-02-30, half a date): the value it had, not a guess at a nearby date.
    if (!parseTyped(input))
        input = textFromDateTime(dateTime());
}

QDateTime DateTimeEdit::dateTimeFromText(const QString &text) const
{
    if (const std::optional<QDateTime> typed = parseTyped(text))
        return *typed;
    return QDateTimeEdit::dateTimeFromText(text);
}

void DateTimeEdit::keyPressEvent(QKeyEvent *event)
{
    // Printable keys go to the text as typed; QDateTimeEdit's section logic would drop them.
    const QString text = event->text();
    const bool printable = !text.isEmpty() && text.at(0).isPrint()
        && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    if (printable) {
        QAbstractSpinBox::keyPressEvent(event);
        return;
    }
    QDateTimeEdit::keyPressEvent(event);
}

void DateTimeEdit::focusInEvent(QFocusEvent *event)
{
    QDateTimeEdit::focusInEvent(event);
    lineEdit()->selectAll(); // what is typed replaces the whole time
    m_selectOnClick = event->reason() == Qt::MouseFocusReason;
}

bool DateTimeEdit::eventFilter(QObject *watched, QEvent *event)
{
    // The click that focused the field lands in its line edit and puts the cursor there; select
    // all once that click is done, so that typing replaces the time instead of being refused.
    if (watched == lineEdit() && event->type() == QEvent::MouseButtonRelease && m_selectOnClick) {
        m_selectOnClick = false;
        lineEdit()->selectAll();
    }
    return QDateTimeEdit::eventFilter(watched, event);
}
