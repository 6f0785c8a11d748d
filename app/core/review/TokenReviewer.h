#pragma once

#include "ReviewPolicy.h"
#include "TokenReview.h"

#include "domain/Token.h"
#include "domain/TokenNotes.h"

#include <QCoreApplication>
#include <QDateTime>

namespace tokendesk::review {

// The security review of validation-rules.md for one token: pure, no I/O, the time passed in,
// so the CLI, the views, a future dashboard and its tests all judge alike.
class TokenReviewer
{
    Q_DECLARE_TR_FUNCTIONS(TokenReviewer)

public:
    static TokenReview review(const domain::Token &token, const domain::TokenNotes &notes,
                              const QDateTime &now, const ReviewPolicy &policy = {});
    // When the token's current value should be replaced: issued + rotation period (UTC).
    static QDateTime rotationDue(const domain::Token &token, const domain::TokenNotes &notes);
    // The environments a token's label names ("production", or "production,staging").
    static QStringList environmentsOf(const domain::Token &token);
    // "browser", "backend", or empty when not set (never guessed).
    static QString usageModelOf(const domain::Token &token);

private:
    static void reviewControls(const domain::Token &token, QList<ReviewFinding> &findings);
    static void reviewRotation(const domain::Token &token, const QDateTime &due,
                               const QDateTime &now, const ReviewPolicy &policy,
                               QList<ReviewFinding> &findings);
    static void reviewEntryWarnings(const domain::Token &token, QList<ReviewFinding> &findings);
};

} // namespace tokendesk::review
