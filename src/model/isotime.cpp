// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/isotime.h"

#include <charconv>

namespace {

// Days from 1970-01-01 to the civil date (proleptic Gregorian), Howard Hinnant's algorithm.
// QDateTime costs far more per row of an export or a parsed page.
qint64 daysFromCivil(qint64 y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Civil
{
    qint64 year;
    int month;
    int day;
};

Civil civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    return { yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

class Cursor
{
public:
    explicit Cursor(QByteArrayView text)
        : m_p(text.data())
        , m_end(text.data() + text.size())
    {
    }
    bool atEnd() const { return m_p == m_end; }
    char peek() const { return m_p < m_end ? *m_p : '\0'; }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }
    // Between min and max digits (max <= 9, so that the value fits an int).
    bool digits(int min, int max, int *value, int *count = nullptr)
    {
        int n = 0;
        int v = 0;
        while (n < max && m_p < m_end && *m_p >= '0' && *m_p <= '9') {
            v = v * 10 + (*m_p - '0');
            ++m_p;
            ++n;
        }
        if (count)
            *count = n;
        *value = v;
        return n >= min;
    }
    void skipSpaces()
    {
        while (m_p < m_end && *m_p == ' ')
            ++m_p;
    }

private:
    const char *m_p;
    const char *m_end;
};

void writeDigits(char *at, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        at[i] = char('0' + value % 10);
        value /= 10;
    }
}

} // namespace

bool IsoTime::isValidDate(int year, int month, int day)
{
    static constexpr int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::optional<qint64> IsoTime::parse(QByteArrayView text, DateOnly dateOnly)
{
    Cursor c(text.trimmed());
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    int first = 0, firstCount = 0;
    if (!c.digits(1, 4, &first, &firstCount))
        return std::nullopt;
    bool usStyle = false;
    if (firstCount == 4 && c.take('-')) {
        // 2021-10-27T11:59:29.000Z and its variants
        y = first;
        if (!c.digits(2, 2, &mo) || !c.take('-') || !c.digits(2, 2, &d))
            return std::nullopt;
        if (c.atEnd() && dateOnly == DateOnly::Midnight) {
            if (!isValidDate(y, mo, d))
                return std::nullopt;
            return daysFromCivil(y, mo, d) * IsoTime::DayMs;
        }
        if (!c.take('T') && !c.take('t') && !c.take(' '))
            return std::nullopt;
    } else if (firstCount <= 2 && c.take('/')) {
        // 5/8/2017 10:56:25 AM (the schema example in the API spec)
        usStyle = true;
        mo = first;
        if (!c.digits(1, 2, &d) || !c.take('/') || !c.digits(4, 4, &y))
            return std::nullopt;
        c.skipSpaces();
    } else {
        return std::nullopt;
    }
    if (!c.digits(1, 2, &h) || !c.take(':') || !c.digits(2, 2, &mi))
        return std::nullopt;
    if (c.take(':') && !c.digits(2, 2, &s))
        return std::nullopt;
    if (c.take('.') || c.take(',')) {
        int fraction = 0, count = 0;
        if (!c.digits(1, 3, &fraction, &count))
            return std::nullopt;
        ms = count == 1 ? fraction * 100 : count == 2 ? fraction * 10 : fraction;
        int ignored = 0;
        c.digits(0, 9, &ignored); // finer than milliseconds: truncated (the unit is ms)
    }
    c.skipSpaces();
    if (usStyle) {
        const bool pm = c.take('P') || c.take('p');
        const bool am = !pm && (c.take('A') || c.take('a'));
        if (pm || am) {
            if (!c.take('M') && !c.take('m'))
                return std::nullopt;
            if (h < 1 || h > 12)
                return std::nullopt;
            h = (h % 12) + (pm ? 12 : 0);
        }
        c.skipSpaces();
    }
    int offsetMinutes = 0;
    if (c.take('Z') || c.take('z')) {
    } else if (c.peek() == '+' || c.peek() == '-') {
        const int sign = c.take('-') ? -1 : (c.take('+'), 1);
        int oh = 0, om = 0;
        if (!c.digits(2, 2, &oh))
            return std::nullopt;
        c.take(':');
        if (!c.atEnd() && !c.digits(2, 2, &om))
            return std::nullopt;
        if (oh > 23 || om > 59)
            return std::nullopt;
        offsetMinutes = sign * (oh * 60 + om);
    } else if (!c.atEnd() && c.peek() == 'U') {
        // " UTC"
        if (!c.take('U') || !c.take('T') || !c.take('C'))
            return std::nullopt;
    }
    // A timestamp without a zone (2021-10-06 10:42:58) is UTC, like everything else the API sends.
    if (!c.atEnd() || !isValidDate(y, mo, d) || h > 23 || mi > 59 || s > 59)
        return std::nullopt;
    const qint64 seconds
        = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - qint64(offsetMinutes) * 60;
    const qint64 result = seconds * 1000 + ms;
    if (!isInRange(result)) // 0001-01-01T00:30+01:00 is in year 0, 9999-12-31T23:30-01:00 in 10000
        return std::nullopt;
    return result;
}

std::optional<qint64> IsoTime::parse(QStringView text, DateOnly dateOnly)
{
    // Every supported form is short ASCII.
    char buffer[64];
    if (text.size() > qsizetype(sizeof buffer))
        return std::nullopt;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80)
            return std::nullopt;
        buffer[i] = char(c);
    }
    return parse(QByteArrayView(buffer, text.size()), dateOnly);
}

void IsoTime::append(QByteArray *out, qint64 ms, Precision precision)
{
    // Floor division without overflow, for any qint64.
    qint64 days = ms / IsoTime::DayMs;
    qint64 msOfDay = ms % IsoTime::DayMs;
    if (msOfDay < 0) {
        msOfDay += IsoTime::DayMs;
        --days;
    }
    const Civil date = civilFromDays(days);
    // One write of the whole text: this runs for every row of an export.
    char buffer[25] = "0000-00-00T00:00:00.000Z";
    writeDigits(buffer + 5, date.month, 2);
    writeDigits(buffer + 8, date.day, 2);
    writeDigits(buffer + 11, int(msOfDay / 3600000), 2);
    writeDigits(buffer + 14, int(msOfDay / 60000 % 60), 2);
    writeDigits(buffer + 17, int(msOfDay / 1000 % 60), 2);
    writeDigits(buffer + 20, int(msOfDay % 1000), 3);
    if (precision == Precision::Seconds) {
        buffer[19] = 'Z';
        buffer[20] = '\0';
    }
    const qsizetype length = precision == Precision::Seconds ? 20 : 24;
    if (date.year >= 0 && date.year <= 9999) {
        writeDigits(buffer, int(date.year), 4);
        out->append(buffer, length);
        return;
    }
    // Outside the supported range: the true year, signed and at least four digits (ISO 8601's
    // expanded form).
    char digits[20];
    const auto [end, ec]
        = std::to_chars(digits, digits + sizeof digits, date.year < 0 ? -date.year : date.year);
    Q_UNUSED(ec);
    const qsizetype count = end - digits;
    out->append(date.year < 0 ? '-' : '+');
    if (count < 4)
        out->append(4 - count, '0');
    out->append(digits, count);
    out->append(buffer + 4, length - 4);
}

QByteArray IsoTime::format(qint64 ms, Precision precision)
{
    QByteArray out;
    append(&out, ms, precision);
    return out;
}
