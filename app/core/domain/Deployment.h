#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace tokendesk::domain {

// A portal deployment: the container of tokens and licenses.
struct Deployment
{
    QString id;
    QString name;
    QString region;
    QDateTime createdAt;
    int tokenCount = 0;
};

// A product licence of a deployment, with its remaining credits.
struct License
{
    QString id;
    QString product;
    qint64 creditsTotal = 0;
    qint64 creditsLeft = 0;
    std::optional<QDateTime> expiresAt; // nullopt: does not expire
};

} // namespace tokendesk::domain
