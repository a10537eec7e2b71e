// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/payloadsketch.h"

#include <algorithm>
#include <vector>

namespace {

constexpr uint8_t fold(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? uint8_t(c + 32) : c;
}

// Each word of the text, hashed (FNV-1a over the folded bytes), in order.
template<typename Word>
void forEachWord(const char *data, size_t size, Word word)
{
    size_t i = 0;
    while (i < size) {
        while (i < size && !PayloadSketch::isWordByte(uint8_t(data[i])))
            ++i;
        if (i == size)
            return;
        uint64_t hash = 0xcbf29ce484222325ULL;
        while (i < size && PayloadSketch::isWordByte(uint8_t(data[i]))) {
            hash = (hash ^ fold(uint8_t(data[i]))) * 0x100000001b3ULL;
            ++i;
        }
        if (!word(hash))
            return;
    }
}

} // namespace

void PayloadSketch::add(uint64_t hash)
{
    const uint32_t a = uint32_t(hash) & (Bits - 1), b = uint32_t(hash >> 32) & (Bits - 1);
    m_bits[a >> 6] |= uint64_t(1) << (a & 63);
    m_bits[b >> 6] |= uint64_t(1) << (b & 63);
}

bool PayloadSketch::has(uint64_t hash) const
{
    const uint32_t a = uint32_t(hash) & (Bits - 1), b = uint32_t(hash >> 32) & (Bits - 1);
    return (m_bits[a >> 6] >> (a & 63) & 1) && (m_bits[b >> 6] >> (b & 63) & 1);
}

PayloadSketch PayloadSketch::of(std::string_view raw)
{
    // The words of values only: a search matches values (EventFilterEngine), and the keys'
    // words ("shipped" of shipped_date) would make every block of their kind a candidate. A
    // string is a key when a ':' follows its closing quote; its words are dropped then.
    PayloadSketch sketch;
    std::vector<uint64_t> pending; // the words of the string being read
    const char *data = raw.data();
    const size_t size = raw.size();
    size_t i = 0;
    while (i < size) {
        if (data[i] != '"') {
            size_t end = i;
            while (end < size && data[end] != '"')
                ++end;
            forEachWord(data + i, end - i, [&](uint64_t hash) {
                sketch.add(hash);
                return true;
            });
            i = end;
            continue;
        }
        size_t close = i + 1;
        while (close < size && data[close] != '"')
            close += data[close] == '\\' ? 2 : 1;
        close = std::min(close, size);
        pending.clear();
        forEachWord(data + i + 1, close - i - 1, [&](uint64_t hash) {
            pending.push_back(hash);
            return true;
        });
        if (close + 1 >= size || data[close + 1] != ':') {
            for (uint64_t hash : pending)
                sketch.add(hash);
        }
        i = close + 1;
    }
    return sketch;
}

std::optional<PayloadSketch> PayloadSketch::fromBytes(std::string_view bytes)
{
    PayloadSketch sketch;
    if (bytes.size() != sizeof sketch.m_bits)
        return std::nullopt;
    std::memcpy(sketch.m_bits.data(), bytes.data(), bytes.size());
    return sketch;
}

bool PayloadSketch::mayContainWords(QByteArrayView text) const
{
    bool all = true;
    forEachWord(text.data(), size_t(text.size()), [&](uint64_t hash) { return all = has(hash); });
    return all;
}
