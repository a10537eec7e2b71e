// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

// What a payload block may contain, small enough to keep for every block: the block's words (runs
// of ASCII letters and digits and of non-ASCII bytes, ASCII case-folded) in a two-hash Bloom filter
// of 16,384 bits. A search asks it first and decompresses only the blocks that may hold every word
// of its text: an order id, an IMEI or a tracking reference is in a few blocks of a million events,
// and the others cost a few bit tests instead of a zstd run (bench_scale, "payload search").
// Words, not trigrams: payloads are full of ids, hex session ids and IP addresses, whose trigrams
// fill a filter of this size until every block "may" hold every number. So payload values match
// by whole words (EventFilterEngine). 2 KB a block of 128 records: 16 bytes an event.
class PayloadSketch final
{
public:
    static constexpr size_t Bits = 16384;

    PayloadSketch() = default;
    // The sketch of a block's raw records.
    [[nodiscard]] static PayloadSketch of(std::string_view raw);

    // Its bits as bytes (an archive keeps them with the block), and back: nullopt when the bytes
    // are not a sketch of this size (an archive of another version: make the sketch anew).
    [[nodiscard]] std::string_view bytes() const
    {
        return { reinterpret_cast<const char *>(m_bits.data()), sizeof m_bits };
    }
    [[nodiscard]] static std::optional<PayloadSketch> fromBytes(std::string_view bytes);

    // False only when some word of `text` is in no record of the block.
    [[nodiscard]] bool mayContainWords(QByteArrayView text) const;

    // Whether a byte belongs to a word (ASCII letters and digits, any byte of a UTF-8 sequence).
    [[nodiscard]] static constexpr bool isWordByte(uint8_t c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    }

    friend bool operator==(const PayloadSketch &, const PayloadSketch &) = default;

private:
    void add(uint64_t hash);
    [[nodiscard]] bool has(uint64_t hash) const;
    std::array<uint64_t, Bits / 64> m_bits {};
};
