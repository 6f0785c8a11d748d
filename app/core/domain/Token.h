#pragma once

#include "SecurityControls.h"
#include "TokenKind.h"

#include <QDateTime>
#include <QMap>
#include <QString>

namespace tokendesk::domain {

using Labels = QMap<QString, QString>;

// A portal token as the portal describes it. Never holds the token's value: only the masked
// form the portal shows in lists.
struct Token
{
    QString id;
    QString deploymentId;
    QString name;
    TokenKind kind = TokenKind::Api;
    TokenStatus status = TokenStatus::Active;
    QString maskedValue;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime rotatedAt; // when the current value was issued
    SecurityControls controls;
    Labels labels;
    qint64 version = 0;

    friend bool operator==(const Token &a, const Token &b);
    friend bool operator!=(const Token &a, const Token &b) { return !(a == b); }
};

// What incremental pulls report for a token deleted since the last pull.
struct TokenTombstone
{
    QString id;
    QString deploymentId;
    QDateTime deletedAt;
    qint64 version = 0;
};

} // namespace tokendesk::domain
