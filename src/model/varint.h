// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// LEB128 varints (7 bits a byte, low first) and zigzag for signed deltas: what EventBatch's
// serialised form and the archive's older chunk format are made of.
namespace Varint {

inline void append(std::string *out, uint64_t value)
{
    while (value >= 0x80) {
        out->push_back(char(value | 0x80));
        value >>= 7;
    }
    out->push_back(char(value));
}

[[nodiscard]] inline uint64_t zigzag(int64_t v) { return (uint64_t(v) << 1) ^ uint64_t(v >> 63); }

[[nodiscard]] inline int64_t unzigzag(uint64_t v) { return int64_t(v >> 1) ^ -int64_t(v & 1); }

// Reads varints, bytes and runs of bytes; a read past the end returns 0 or empty and clears ok(),
// so that damaged bytes are found once, at the end, without a check at every step.
class Reader final
{
public:
    explicit Reader(std::string_view bytes)
        : m_p(bytes.data())
        , m_end(bytes.data() + bytes.size())
    {
    }
    uint64_t varint()
    {
        uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p >= m_end) {
                m_ok = false;
                return 0;
            }
            const uint8_t byte = uint8_t(*m_p++);
            value |= uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return value;
        }
        m_ok = false;
        return 0;
    }
    uint8_t byte()
    {
        if (m_p >= m_end) {
            m_ok = false;
            return 0;
        }
        return uint8_t(*m_p++);
    }
    std::string_view bytes(uint64_t size)
    {
        if (uint64_t(m_end - m_p) < size) {
            m_ok = false;
            return {};
        }
        std::string_view view(m_p, size_t(size));
        m_p += size;
        return view;
    }
    // A count that cannot exceed the bytes left (every element takes at least one byte), so that
    // a damaged count never makes the caller allocate without bound.
    uint64_t count()
    {
        const uint64_t n = varint();
        if (n > uint64_t(m_end - m_p))
            m_ok = false;
        return m_ok ? n : 0;
    }
    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] bool atEnd() const { return m_p == m_end; }
    [[nodiscard]] size_t left() const { return size_t(m_end - m_p); }

private:
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

} // namespace Varint
