// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/payloadrecords.h"

#include <zstd.h>

#include <algorithm>
#include <memory>

namespace {

void putVarint(std::string *out, uint32_t value)
{
    while (value >= 0x80) {
        out->push_back(char(value | 0x80));
        value >>= 7;
    }
    out->push_back(char(value));
}

uint32_t getVarint(const char **p, const char *end)
{
    uint32_t value = 0;
    int shift = 0;
    while (*p < end && shift < 35) {
        const uint8_t byte = uint8_t(**p);
        ++*p;
        value |= uint32_t(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            break;
        shift += 7;
    }
    return value;
}

} // namespace

void PayloadRecords::append(std::string *block, std::string_view detail, std::string_view extra)
{
    putVarint(block, uint32_t(detail.size()));
    block->append(detail);
    putVarint(block, uint32_t(extra.size()));
    block->append(extra);
}

void PayloadRecords::split(QByteArrayView record, QByteArrayView *detail, QByteArrayView *extra)
{
    const char *p = record.data();
    const char *end = p + record.size();
    const uint32_t detailSize = std::min<uint32_t>(getVarint(&p, end), uint32_t(end - p));
    *detail = QByteArrayView(p, detailSize);
    p += detailSize;
    const uint32_t extraSize = std::min<uint32_t>(getVarint(&p, end), uint32_t(end - p));
    *extra = QByteArrayView(p, extraSize);
}

bool PayloadRecords::compress(std::string_view raw, std::string *out)
{
    // One context per thread, reused: no allocation per block.
    thread_local std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx *)> context(ZSTD_createCCtx(), &ZSTD_freeCCtx);
    const size_t start = out->size();
    const size_t bound = ZSTD_compressBound(raw.size());
    out->resize(start + bound);
    const size_t written = ZSTD_compressCCtx(context.get(), out->data() + start, bound, raw.data(), raw.size(), 1);
    if (ZSTD_isError(written)) {
        out->resize(start);
        return false;
    }
    out->resize(start + written);
    return true;
}

bool PayloadRecords::decompress(std::string_view compressed, size_t rawSize, std::string *out)
{
    out->resize(rawSize);
    const size_t n = ZSTD_decompress(out->data(), out->size(), compressed.data(), compressed.size());
    if (ZSTD_isError(n) || n != rawSize) {
        out->clear();
        return false;
    }
    return true;
}
