// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/event.h"

#include <QString>

#include <optional>

// Sentences about an event that the detail pane, the table and exports share.
class EventText final
{
public:
    // "Action performed by: Sample User, abc@cde.com. (User ID: 123456)" as the emnify Portal writes
    // it; reads naturally for partial users; for no user, why there is none.
    [[nodiscard]] static QString performedBy(const std::optional<EventUser> &user);
    // The short form for a table cell: "Sample User <abc@cde.com>", or empty for no user.
    [[nodiscard]] static QString userShort(const EventUser &user);
    // The sentence shown when an event carries no user.
    [[nodiscard]] static QString noUserExplanation();
};
