// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/eventbatchbuilder.h"

#include <QtGlobal>

#include <string_view>

// The chunk format of archive schema 1 (decoded fields, column by column, the whole compressed
// with zstd), kept only to read an old archive once: EventArchive re-encodes its chunks in the
// EventBatch form (EventBatch::serialize) when it opens it.
namespace ArchiveChunk {

// Adds the chunk's events to the builder, in the chunk's order. False when the bytes are
// damaged (then some of them may have been added).
bool decodeFormat1(std::string_view compressed, qsizetype rawSize, EventBatchBuilder *builder);

} // namespace ArchiveChunk
