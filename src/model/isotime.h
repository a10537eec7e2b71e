// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

#include <optional>

// Event times, parsed and formatted in one place. The unit is milliseconds since
// 1970-01-01T00:00:00Z (UTC, proleptic Gregorian calendar, no leap seconds) everywhere: the parser,
// the store, the JSON writer, column texts, the command line and the simulator.
//
// Supported range: 0001-01-01T00:00:00.000Z .. 9999-12-31T23:59:59.999Z, as an instant in UTC
// (so every supported time formats with a four-digit year and parses back to the same instant).
// A text whose instant falls outside, after its offset is applied, is no time: the parser makes
// the element an error instead of storing a different instant. Calendar dates are validated for
// real (2023-02-29 is no date; 2024-02-29 is); second 60 is refused.
class IsoTime final
{
public:
    static constexpr qint64 MinMs = -62135596800000LL; // 0001-01-01T00:00:00.000Z
    static constexpr qint64 MaxMs = 253402300799999LL; // 9999-12-31T23:59:59.999Z
    static constexpr qint64 DayMs = 86400000; // a UTC day (a local day may have 23 or 25 hours)

    enum class DateOnly { Rejected, Midnight }; // Midnight: "2024-05-01" is 2024-05-01T00:00:00Z

    // The forms the emnify API and its docs use: "2021-10-27T11:59:29.000Z", a space instead of
    // the T, no seconds, 1-12 fraction digits (truncated to ms), "Z", "+02:00", "+0200", "+02",
    // " UTC" or no zone (UTC), and the API spec's "10/27/2021 11:59:29 AM". Surrounding white
    // space is ignored. nullopt when the text is no time in the supported range.
    [[nodiscard]] static std::optional<qint64> parse(
        QByteArrayView text, DateOnly dateOnly = DateOnly::Rejected);
    [[nodiscard]] static std::optional<qint64> parse(
        QStringView text, DateOnly dateOnly = DateOnly::Rejected);

    enum class Precision { Milliseconds, Seconds };
    // "2021-10-27T08:38:02.000Z" (or "2021-10-27T08:38:02Z" in Seconds), UTC, without quotes.
    // A time outside the supported range is written with its true ISO 8601 year (0000 for 1 BC,
    // signed beyond: "-0001", "+10000"), never clamped to another instant; parse() refuses it.
    static void append(QByteArray *out, qint64 msSinceEpoch, Precision precision = Precision::Milliseconds);
    [[nodiscard]] static QByteArray format(
        qint64 msSinceEpoch, Precision precision = Precision::Milliseconds);

    [[nodiscard]] static bool isValidDate(int year, int month, int day); // years 1..9999
    [[nodiscard]] static bool isInRange(qint64 msSinceEpoch)
    {
        return msSinceEpoch >= MinMs && msSinceEpoch <= MaxMs;
    }
};
