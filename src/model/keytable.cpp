// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/keytable.h"

#include <algorithm>
#include <cstring>

uint32_t KeyTable::hash(std::string_view key)
{
    // Eight bytes a step (descriptions and entity keys are tens of bytes), then a final mix.
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ key.size();
    const char *p = key.data();
    size_t n = key.size();
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t word;
        std::memcpy(&word, p, 8);
        h = (h ^ word) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    if (n > 0) {
        uint64_t word = 0;
        std::memcpy(&word, p, n);
        h = (h ^ word) * 0xc4ceb9fe1a85ec53ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return uint32_t(h ^ (h >> 32));
}

uint32_t KeyTable::find(std::string_view key, uint32_t hash) const
{
    if (m_slots.empty())
        return NotFound;
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.indexPlusOne == 0)
            return NotFound;
        if (slot.hash == hash && this->key(slot.indexPlusOne - 1) == key)
            return slot.indexPlusOne - 1;
    }
}

uint32_t KeyTable::findOrInsert(std::string_view key, uint32_t hash, bool *inserted)
{
    if (m_staged.adoptInto(&m_slots))
        rehash();
    if ((size_t(size()) + 1) * 2 > m_slots.size())
        grow(std::max<size_t>(64, m_slots.size() * 2));
    const size_t mask = m_slots.size() - 1;
    size_t i = hash & mask;
    for (;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.indexPlusOne == 0)
            break;
        if (slot.hash == hash && this->key(slot.indexPlusOne - 1) == key) {
            if (inserted)
                *inserted = false;
            return slot.indexPlusOne - 1;
        }
    }
    const uint32_t index = size();
    m_slots[i] = Slot { hash, index + 1 };
    m_hashes.push_back(hash);
    m_bytes.insert(m_bytes.end(), key.begin(), key.end());
    m_offsets.push_back(uint32_t(m_bytes.size()));
    if (inserted)
        *inserted = true;
    return index;
}

void KeyTable::grow(size_t slots)
{
    m_slots.clear();
    m_slots.shrink_to_fit();
    m_slots.resize(slots); // zero pages, not written here
    rehash();
}

void KeyTable::rehash()
{
    const size_t mask = m_slots.size() - 1;
    for (uint32_t index = 0; index < size(); ++index) {
        size_t i = m_hashes[index] & mask;
        while (m_slots[i].indexPlusOne != 0)
            i = (i + 1) & mask;
        m_slots[i] = Slot { m_hashes[index], index + 1 };
    }
}

void KeyTable::reserveKeys(size_t keys, size_t bytes)
{
    m_hashes.reserve(keys);
    m_offsets.reserve(keys + 1);
    m_bytes.reserve(bytes);
}

void KeyTable::reserveSlots(size_t keys)
{
    size_t slots = std::max<size_t>(64, m_slots.size());
    while (slots < keys * 2)
        slots *= 2;
    if (slots > m_slots.size() && !m_staged.stageIfLarge(slots))
        grow(slots);
}

void KeyTable::addSpare(std::vector<PagePrefault::Range> *ranges, size_t keys, size_t bytes) const
{
    PagePrefault::addSpare(ranges, m_hashes, m_hashes.size(), m_hashes.size() + keys);
    PagePrefault::addSpare(ranges, m_offsets, m_offsets.size(), m_offsets.size() + keys);
    PagePrefault::addSpare(ranges, m_bytes, m_bytes.size(), m_bytes.size() + bytes);
}

void KeyTable::clear()
{
    m_staged.clear();
    std::fill(m_slots.begin(), m_slots.end(), Slot {});
    m_hashes.clear();
    m_offsets.assign(1, 0);
    m_bytes.clear();
}

void KeyTable::release()
{
    *this = KeyTable();
}

size_t KeyTable::memoryUsage() const
{
    return (m_slots.capacity() + m_staged.size()) * sizeof(Slot) + (m_hashes.capacity() + m_offsets.capacity()) * sizeof(uint32_t)
        + m_bytes.capacity();
}
