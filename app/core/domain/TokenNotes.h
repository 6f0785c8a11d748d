#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace tokendesk::domain {

// What TokenDesk knows of a token that the portal does not: its rotation policy and where
// it is used. Kept in the workspace only, never sent.
struct TokenNotes
{
    static constexpr int kDefaultRotationDays = 90;
    static constexpr int kMaxRotationDays = 3650;

    std::optional<int> rotationDays; // nullopt: the default policy
    QString whereUsed;

    int effectiveRotationDays() const { return rotationDays.value_or(kDefaultRotationDays); }
    friend bool operator==(const TokenNotes &a, const TokenNotes &b)
    {
        return a.rotationDays == b.rotationDays && a.whereUsed == b.whereUsed;
    }
};

// The labels TokenDesk reads (docs/portal-api.md): usage model and environment.
struct TokenLabels
{
    static QString usageModelKey() { return QStringLiteral("usage_model"); }
    static QString environmentKey() { return QStringLiteral("environment"); }
    // "browser", "backend"; "unknown" (or empty) clears the label: never guessed.
    static bool isUsageModel(const QString &value);
    static bool isEnvironment(const QString &value);
    // The environments TokenDesk knows, in the order they are offered.
    static QStringList environments();
};

} // namespace tokendesk::domain
