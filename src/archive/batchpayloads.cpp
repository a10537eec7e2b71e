// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "archive/batchpayloads.h"

#include "model/payloadrecords.h"

#include <algorithm>

void BatchPayloads::payload(qsizetype row, QByteArrayView *detail, QByteArrayView *extra)
{
    const uint32_t index = m_batch.payloadBlock(row);
    auto it = m_blocks.find(index);
    if (it == m_blocks.end()) {
        const EventBatch::Block &block = m_batch.blocks()[index];
        std::string raw;
        const QByteArrayView bytes = m_batch.blockBytes(index);
        if (block.compressedSize == UINT32_MAX)
            raw.assign(bytes.data(), size_t(bytes.size()));
        else
            PayloadRecords::decompress({ bytes.data(), size_t(bytes.size()) }, block.rawSize, &raw);
        it = m_blocks.emplace(index, std::move(raw)).first;
    }
    const std::string &raw = it->second;
    const uint32_t offset = std::min<uint32_t>(m_batch.payloadOffset(row), uint32_t(raw.size()));
    PayloadRecords::split(QByteArrayView(raw.data() + offset, qsizetype(raw.size() - offset)), detail, extra);
}
