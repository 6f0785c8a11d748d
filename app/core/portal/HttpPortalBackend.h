#pragma once

#include "PortalBackend.h"
#include "PortalHttpTransport.h"

#include <QObject>

namespace tokendesk::portal {

// PortalBackend over HTTP: builds the contract's requests, reads its JSON strictly, and
// turns anything unexpected into a Protocol error rather than guessing.
class HttpPortalBackend : public QObject, public PortalBackend
{
    Q_OBJECT

public:
    HttpPortalBackend(QNetworkAccessManager *network, const QUrl &baseUrl,
                      PortalCredentials credentials, QObject *parent = nullptr);

    PortalHttpTransport &transport() { return *m_transport; }

    PortalCall *fetchIdentity(PortalCallback<domain::PortalIdentity> done) override;
    PortalCall *fetchDeployments(const QByteArray &ifNoneMatch,
                                 PortalCallback<Conditional<QList<domain::Deployment>>> done) override;
    PortalCall *fetchLicenses(const QString &deploymentId, const QByteArray &ifNoneMatch,
                              PortalCallback<Conditional<QList<domain::License>>> done) override;
    PortalCall *fetchTokenPage(const TokenPageRequest &request,
                               PortalCallback<TokenPage> done) override;
    PortalCall *fetchAllTokens(const QString &deploymentId,
                               const std::optional<QDateTime> &updatedSince,
                               std::function<void(int received)> progress,
                               PortalCallback<TokenListing> done) override;
    PortalCall *fetchToken(const QString &tokenId, PortalCallback<domain::Token> done) override;
    PortalCall *createToken(const QString &deploymentId, const domain::TokenDraft &draft,
                            const QString &idempotencyKey,
                            PortalCallback<domain::Token> done) override;
    PortalCall *updateToken(const QString &tokenId, qint64 expectedVersion,
                            const domain::TokenChange &change, const QString &idempotencyKey,
                            PortalCallback<domain::Token> done) override;
    PortalCall *deleteToken(const QString &tokenId, qint64 expectedVersion,
                            const QString &idempotencyKey, PortalCallback<Done> done) override;
    PortalCall *revealToken(const QString &tokenId, PortalCallback<RevealedValue> done) override;
    PortalCall *regenerateSecret(const QString &tokenId, qint64 expectedVersion,
                                 const QString &idempotencyKey,
                                 PortalCallback<domain::Token> done) override;

    // The query of one token page request (exposed for tests).
    static PortalRequest tokenPageRequest(const TokenPageRequest &request);
    static std::optional<TokenPage> parseTokenPage(const PortalResponse &response);

private:
    void fetchDeploymentPage(PortalCall *call, const QString &cursor, const QByteArray &ifNoneMatch,
                             std::shared_ptr<Conditional<QList<domain::Deployment>>> collected,
                             PortalCallback<Conditional<QList<domain::Deployment>>> done);
    void fetchNextTokenPage(PortalCall *call, TokenPageRequest request,
                            std::shared_ptr<TokenListing> listing,
                            std::function<void(int)> progress, PortalCallback<TokenListing> done);
    static PortalRequest write(const QByteArray &method, const QString &path,
                               const QString &idempotencyKey);

    PortalHttpTransport *m_transport;
};

} // namespace tokendesk::portal
