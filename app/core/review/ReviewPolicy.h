#pragma once

namespace tokendesk::review {

// The defaults the review applies where a token has no policy of its own. A token's
// rotation period comes from its notes (domain::TokenNotes, default 90 days).
struct ReviewPolicy
{
    int reminderWindowDays = 14; // review.rotation-due fires this many days before the due date
};

} // namespace tokendesk::review
