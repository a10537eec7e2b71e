// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

// A token bucket by reservation: reserve() books the next free slot and says how long to wait
// for it, so callers just start a timer. A 429 slows everybody down: penalise() pauses all slots
// until the server's (or our) back-off ends and halves the rate; successes earn it back slowly.
// Times are milliseconds on one monotonic clock (nowMs()). Not thread-safe (one thread). The
// simulator's 429s come from the same bucket (tryAcquire).
class RateLimiter final
{
public:
    explicit RateLimiter(double ratePerSecond = 5.0, int burst = 5);

    void reset(); // full bucket, configured rate, wait statistics cleared
    [[nodiscard]] double ratePerSecond() const { return m_rate; }
    [[nodiscard]] double configuredRate() const { return m_configuredRate; }
    [[nodiscard]] int burst() const { return m_burst; }

    // Books one request; returns the wait in ms before it may be sent (0: now).
    qint64 reserve(qint64 nowMs);
    // No request before nowMs + pauseMs, and a halved rate (not below MinRate).
    void penalise(qint64 nowMs, qint64 pauseMs);
    void recordSuccess(); // additive increase back toward the configured rate
    // Until when a 429 paused everything; a request booked before the pause checks this at send time.
    [[nodiscard]] qint64 pausedUntilMs() const { return m_pausedUntilMs; }

    // Wall-clock time during which at least one booked request was waiting.
    [[nodiscard]] qint64 waitedMs() const { return m_waitedMs; }

    static constexpr double MinRate = 0.5;

    // The monotonic clock every user of one limiter passes in (ms since the system's reference).
    [[nodiscard]] static qint64 nowMs();
    // For a server that refuses instead of waiting: takes a token when one is there and returns 0;
    // otherwise books nothing and returns the ms until one will be.
    [[nodiscard]] qint64 tryAcquire(qint64 nowMs);

private:
    void refill(qint64 nowMs);

    double m_configuredRate;
    double m_rate;
    int m_burst;
    double m_tokens; // may go negative: booked future slots
    qint64 m_lastRefillMs = -1;
    qint64 m_pausedUntilMs = 0;
    qint64 m_waitEndMs = 0; // end of the union of wait intervals so far
    qint64 m_waitedMs = 0;
};
