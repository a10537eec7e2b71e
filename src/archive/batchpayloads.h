// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/eventbatch.h"

#include <QByteArrayView>

#include <string>
#include <unordered_map>

// The payloads of a batch's rows for a writer: each compressed block is decompressed once, the
// first time one of its rows is asked for. The views stay valid while this object lives.
class BatchPayloads final
{
public:
    explicit BatchPayloads(const EventBatch &batch) : m_batch(batch) { }

    void payload(qsizetype row, QByteArrayView *detail, QByteArrayView *extra);

private:
    const EventBatch &m_batch;
    std::unordered_map<uint32_t, std::string> m_blocks; // decompressed, by block index
};
