// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

// splitmix64: tiny, fast and the same on every platform (std distributions are not), for the
// generated accounts and the simulator's injected faults: a seed gives the same run everywhere.
class SplitMix64 final
{
public:
    explicit SplitMix64(quint64 seed = 1)
        : m_state(seed)
    {
    }
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n).
    quint64 below(quint64 n) { return n ? quint64((unsigned __int128)next() * n >> 64) : 0; }
    qint64 range(qint64 lo, qint64 hi) { return lo + qint64(below(quint64(hi - lo + 1))); } // inclusive
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); } // [0, 1)
    bool chance(double p) { return unit() < p; }
    template <typename T, size_t N> const T &pick(const T (&items)[N]) { return items[below(N)]; }

private:
    quint64 m_state;
};
