// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

class EmnifySimulator;

// Fills the simulator with generated events, leaving out any whose detail payload is not valid
// JSON. Client, CLI and benchmark are about transport; a generator payload the parser rejects
// would show up there as "page still malformed", which is right for the client but not what
// those tests measure. Returns how many events were left out (0 when the generator is clean).
qsizetype generateValidEvents(EmnifySimulator &simulator, qsizetype count, quint64 seed);
