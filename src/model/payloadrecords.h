// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>

#include <string>
#include <string_view>

// How a row's payload is kept: a record (varint length + detail JSON, varint length + the
// unknown-keys JSON) appended to a block of records, and the block compressed with zstd level 1
// (the fastest; JSON of one kind of payload still shrinks about eightfold per block).
namespace PayloadRecords {

void append(std::string *block, std::string_view detail, std::string_view extra);
// The record starting at `record` (the rest of the block from the row's offset).
void split(QByteArrayView record, QByteArrayView *detail, QByteArrayView *extra);

// Appends the compressed block to *out; false (and *out as it was) when zstd failed.
bool compress(std::string_view raw, std::string *out);
// Decompresses a block of rawSize bytes into *out; false (and *out empty) when it is damaged.
bool decompress(std::string_view compressed, size_t rawSize, std::string *out);

} // namespace PayloadRecords
