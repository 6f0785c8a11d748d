#pragma once

#include "domain/TokenKind.h"
#include "review/Grade.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace tokendesk::inventory {

// What the token table shows of one token, read without parsing the token's whole JSON so
// that a workspace of 100,000 tokens lists quickly. The grade comes later, from the review.
struct TokenSummary
{
    QString profileId;
    QString tokenId;
    QString deploymentId;
    QString name;
    domain::TokenKind kind = domain::TokenKind::Api;
    domain::TokenStatus status = domain::TokenStatus::Active;
    int origins = 0;
    int urls = 0;
    int ips = 0;
    QString usageModel;  // "browser", "backend", or as labelled (shown, never guessed)
    QString environment; // as labelled
    QDateTime rotationDue; // UTC
    QDateTime lastSynced;  // when the portal last confirmed its deployment; invalid: never
    bool pending = false;  // edits wait in the outbox
    std::optional<review::Grade> grade; // nullopt until reviewed
    int findings = 0;

    // "profile/token": unique in a workspace.
    QString key() const { return profileId + QLatin1Char('/') + tokenId; }
    static QString keyOf(const QString &profileId, const QString &tokenId)
    {
        return profileId + QLatin1Char('/') + tokenId;
    }
};

} // namespace tokendesk::inventory
