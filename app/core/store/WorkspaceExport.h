#pragma once

#include "Workspace.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

namespace tokendesk::store {

// Exports of the workspace: JSON (complete, versioned: docs/workspace.md) or CSV (one row
// per token). Connection settings and tokens only: never a secret, never a token's value.
class WorkspaceExport
{
public:
    static constexpr int kJsonVersion = 1;
    static QStringList csvColumns();

    // profileId empty: every profile.
    static QByteArray toJson(Workspace &workspace, const QString &profileId, const QDateTime &now);
    static QByteArray toCsv(Workspace &workspace, const QString &profileId);
    // RFC 4180 quoting of one field.
    static QString csvField(const QString &value);
};

} // namespace tokendesk::store
