// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/ratelimiter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

RateLimiter::RateLimiter(double ratePerSecond, int burst)
    : m_configuredRate(std::max(ratePerSecond, MinRate))
    , m_rate(m_configuredRate)
    , m_burst(std::max(burst, 1))
    , m_tokens(m_burst)
{
}

void RateLimiter::reset()
{
    m_rate = m_configuredRate;
    m_tokens = m_burst;
    m_lastRefillMs = -1;
    m_pausedUntilMs = 0;
    m_waitEndMs = 0;
    m_waitedMs = 0;
}

void RateLimiter::refill(qint64 nowMs)
{
    if (m_lastRefillMs < 0)
        m_lastRefillMs = nowMs;
    // Tokens accrue only once a pause has ended.
    const qint64 from = std::max(m_lastRefillMs, m_pausedUntilMs);
    if (nowMs > from)
        m_tokens = std::min<double>(m_burst, m_tokens + double(nowMs - from) * m_rate / 1000.0);
    m_lastRefillMs = std::max(m_lastRefillMs, nowMs);
}

qint64 RateLimiter::reserve(qint64 nowMs)
{
    refill(nowMs);
    m_tokens -= 1.0;
    qint64 waitMs = 0;
    if (m_tokens < 0)
        waitMs = qint64(std::ceil(-m_tokens * 1000.0 / m_rate));
    if (m_pausedUntilMs > nowMs)
        waitMs += m_pausedUntilMs - nowMs;
    if (waitMs > 0) {
        const qint64 end = nowMs + waitMs;
        m_waitedMs += std::max<qint64>(0, end - std::max(nowMs, m_waitEndMs));
        m_waitEndMs = std::max(m_waitEndMs, end);
    }
    return waitMs;
}

void RateLimiter::penalise(qint64 nowMs, qint64 pauseMs)
{
    refill(nowMs);
    m_pausedUntilMs = std::max(m_pausedUntilMs, nowMs + std::max<qint64>(pauseMs, 0));
    m_rate = std::max(MinRate, m_rate / 2.0);
    m_tokens = std::min(m_tokens, 0.0);
}

void RateLimiter::recordSuccess()
{
    if (m_rate < m_configuredRate)
        m_rate = std::min(m_configuredRate, m_rate + m_configuredRate / 20.0);
}

qint64 RateLimiter::nowMs()
{
    QElapsedTimer timer;
    timer.start();
    return timer.msecsSinceReference();
}

qint64 RateLimiter::tryAcquire(qint64 nowMs)
{
    refill(nowMs);
    if (m_pausedUntilMs > nowMs)
        return m_pausedUntilMs - nowMs;
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        return 0;
    }
    return std::max<qint64>(1, qint64(std::ceil((1.0 - m_tokens) * 1000.0 / m_rate)));
}
