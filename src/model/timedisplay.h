// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

// How the table shows an event's time: "5 minutes ago" in local time, or a date and time in local
// time or UTC. A value of its own so that settings can store it without knowing the table model.
enum class TimeDisplay { RelativeLocal, AbsoluteLocal, AbsoluteUtc };
