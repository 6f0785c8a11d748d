#pragma once

#include "domain/Deployment.h"
#include "domain/FieldIssue.h"
#include "domain/PortalIdentity.h"
#include "domain/Token.h"
#include "domain/TokenDraft.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace tokendesk::portal {

// The JSON shapes of docs/portal-api.yaml. Readers are strict: a field of the wrong type or a
// missing required field gives nullopt, so that a misbehaving portal is reported, not guessed.
class PortalJson
{
public:
    static QString formatTime(const QDateTime &time); // 2026-12-03T13:32:05.123Z
    static std::optional<QDateTime> parseTime(const QString &text);

    static QJsonObject tokenToJson(const domain::Token &token);
    static std::optional<domain::Token> tokenFromJson(const QJsonObject &json);
    static QJsonObject tombstoneToJson(const domain::TokenTombstone &tombstone,
                                       const QDateTime &updatedAt);
    static std::optional<domain::TokenTombstone> tombstoneFromJson(const QJsonObject &json);
    static bool isTombstone(const QJsonObject &json);

    static QJsonObject controlsToJson(const domain::SecurityControls &controls);
    static std::optional<domain::SecurityControls> controlsFromJson(const QJsonValue &json);
    static QJsonObject labelsToJson(const domain::Labels &labels);
    static std::optional<domain::Labels> labelsFromJson(const QJsonValue &json);

    static QJsonObject deploymentToJson(const domain::Deployment &deployment);
    static std::optional<domain::Deployment> deploymentFromJson(const QJsonObject &json);
    static QJsonObject licenseToJson(const domain::License &license);
    static std::optional<domain::License> licenseFromJson(const QJsonObject &json);
    static QJsonObject identityToJson(const domain::PortalIdentity &identity);
    static std::optional<domain::PortalIdentity> identityFromJson(const QJsonObject &json);

    // Request bodies the client sends.
    static QJsonObject draftToJson(const domain::TokenDraft &draft);
    static QJsonObject changeToMergePatch(const domain::TokenChange &change);

    // The errors[] member of problem details.
    static QJsonArray fieldIssuesToJson(const domain::FieldIssues &issues);
    static domain::FieldIssues fieldIssuesFromJson(const QJsonArray &json);
};

} // namespace tokendesk::portal
