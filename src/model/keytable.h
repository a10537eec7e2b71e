// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/pageprefault.h"

#include <cstdint>
#include <string_view>
#include <vector>

// Interns byte strings: each distinct key gets the next index (0, 1, 2, ...), and its bytes are
// kept once. Open addressing over (hash, index) slots; the hash is the caller's, so that a worker
// thread can compute it and the thread that owns the table only looks it up.
// Serves the store's descriptions and entities, and a batch's (see EventBatch).
class KeyTable final
{
public:
    static constexpr uint32_t NotFound = UINT32_MAX;

    [[nodiscard]] static uint32_t hash(std::string_view key);

    // The index of an equal key, or NotFound.
    [[nodiscard]] uint32_t find(std::string_view key, uint32_t hash) const;
    // The index of an equal key; or the key is added with the next index.
    uint32_t findOrInsert(std::string_view key, uint32_t hash, bool *inserted = nullptr);
    uint32_t findOrInsert(std::string_view key) { return findOrInsert(key, hash(key)); }

    [[nodiscard]] uint32_t size() const { return uint32_t(m_hashes.size()); }
    [[nodiscard]] size_t capacity() const { return m_slots.size() / 2; } // keys it takes without growing
    [[nodiscard]] std::string_view key(uint32_t index) const
    {
        return std::string_view(m_bytes.data() + m_offsets[index], m_offsets[index + 1] - m_offsets[index]);
    }
    [[nodiscard]] uint32_t keyHash(uint32_t index) const { return m_hashes[index]; }

    // Room for this many keys of this many bytes in all, without growing. Touches no memory: a
    // large hash table is made ready in the background and taken into use once it is.
    void reserve(size_t keys, size_t bytes)
    {
        reserveKeys(keys, bytes);
        reserveSlots(keys);
    }
    void reserveKeys(size_t keys, size_t bytes); // the keys' storage
    void reserveSlots(size_t keys); // the hash table
    // The memory the next keys will be written to (see PagePrefault).
    void addSpare(std::vector<PagePrefault::Range> *ranges, size_t keys, size_t bytes) const;
    void clear(); // keeps the memory, for reuse
    void release(); // gives the memory back
    [[nodiscard]] size_t memoryUsage() const;

private:
    struct Slot // all zero: empty
    {
        uint32_t hash = 0;
        uint32_t indexPlusOne = 0;
    };
    void grow(size_t slots);
    void rehash();

    std::vector<Slot, ZeroedAllocator<Slot>> m_slots; // a power of two, at most half full
    StagedArray<Slot> m_staged; // a larger m_slots, being made ready
    std::vector<uint32_t> m_hashes; // by index
    std::vector<uint32_t> m_offsets { 0 }; // by index, size() + 1 entries into m_bytes
    std::vector<char> m_bytes;
};
