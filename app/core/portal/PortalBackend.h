#pragma once

#include "PortalCall.h"
#include "PortalResult.h"

#include "domain/Deployment.h"
#include "domain/PortalIdentity.h"
#include "domain/Token.h"
#include "domain/TokenDraft.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace tokendesk::portal {

// An answer to a conditional GET: notModified when the ETag still matched.
template <typename T>
struct Conditional
{
    bool notModified = false;
    T value{};
    QByteArray etag;
};

// One page of a deployment's tokens.
struct TokenPageRequest
{
    QString deploymentId;
    QString cursor;
    int limit = 100;
    std::optional<QDateTime> updatedSince; // incremental pull: tombstones included
    QByteArray ifNoneMatch;                // ETag of the same page last time
};

struct TokenPage
{
    bool notModified = false; // 304: nothing changed since ifNoneMatch
    QList<domain::Token> tokens;
    QList<domain::TokenTombstone> tombstones;
    QString nextCursor; // empty on the last page
    QDateTime asOf;     // the next incremental pull starts here
    QByteArray etag;
};

// Every page of a deployment's tokens, followed to the end. Each id appears once, at its
// latest version; a tombstone wins over an older live version.
struct TokenListing
{
    QList<domain::Token> tokens;
    QList<domain::TokenTombstone> tombstones;
    QDateTime asOf; // of the first page
    int pages = 0;

    void addToken(const domain::Token &token);
    void addTombstone(const domain::TokenTombstone &tombstone);

private:
    QHash<QString, qsizetype> m_tokenIndex;
    QHash<QString, qsizetype> m_tombstoneIndex;
};

// A token's value, from reveal: a secret, to be shown or copied and then forgotten.
struct RevealedValue
{
    QString tokenId;
    QByteArray value;
    qint64 version = 0;
};

// The portal API as TokenDesk uses it (docs/portal-api.yaml). Every call is asynchronous:
// the callback runs once on the caller's thread, and the returned call can be cancelled.
// Writes take the version they change (If-Match) and an idempotency key that the caller
// keeps with the pending change, so that a repeated attempt never applies twice; an empty
// key makes one up for this call's own retries.
class PortalBackend
{
public:
    virtual ~PortalBackend() = default;

    virtual PortalCall *fetchIdentity(PortalCallback<domain::PortalIdentity> done) = 0;
    // ifNoneMatch: the ETag of the last answer (of the first page), or empty.
    virtual PortalCall *
    fetchDeployments(const QByteArray &ifNoneMatch,
                     PortalCallback<Conditional<QList<domain::Deployment>>> done) = 0;
    virtual PortalCall *
    fetchLicenses(const QString &deploymentId, const QByteArray &ifNoneMatch,
                  PortalCallback<Conditional<QList<domain::License>>> done) = 0;
    virtual PortalCall *fetchTokenPage(const TokenPageRequest &request,
                                       PortalCallback<TokenPage> done) = 0;
    // All pages; progress reports the tokens received so far.
    virtual PortalCall *fetchAllTokens(const QString &deploymentId,
                                       const std::optional<QDateTime> &updatedSince,
                                       std::function<void(int received)> progress,
                                       PortalCallback<TokenListing> done) = 0;
    virtual PortalCall *fetchToken(const QString &tokenId, PortalCallback<domain::Token> done) = 0;
    virtual PortalCall *createToken(const QString &deploymentId, const domain::TokenDraft &draft,
                                    const QString &idempotencyKey,
                                    PortalCallback<domain::Token> done) = 0;
    virtual PortalCall *updateToken(const QString &tokenId, qint64 expectedVersion,
                                    const domain::TokenChange &change,
                                    const QString &idempotencyKey,
                                    PortalCallback<domain::Token> done) = 0;
    virtual PortalCall *deleteToken(const QString &tokenId, qint64 expectedVersion,
                                    const QString &idempotencyKey, PortalCallback<Done> done) = 0;
    virtual PortalCall *revealToken(const QString &tokenId, PortalCallback<RevealedValue> done) = 0;
    virtual PortalCall *regenerateSecret(const QString &tokenId, qint64 expectedVersion,
                                         const QString &idempotencyKey,
                                         PortalCallback<domain::Token> done) = 0;
};

} // namespace tokendesk::portal
