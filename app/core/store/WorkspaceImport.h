#pragma once

#include "ImportRow.h"
#include "Workspace.h"

#include <QList>
#include <functional>

namespace tokendesk::store {

// Imports tokens from a file in the export formats (JSON or CSV, told apart by content).
// Every row is checked with the validation engine first; a row with an error is reported
// (where, which rule) and nothing of it is applied. Each good row is applied on its own:
// an existing token (same id in the profile) is changed, any other is added.
class WorkspaceImport
{
public:
    struct Report
    {
        int added = 0;
        bool cancelled = false; // stopped between rows: the rows before were applied
        int changed = 0;
        int unchanged = 0;
        QList<ImportRow> refused;
        QString error; // the file as a whole could not be read
    };

    // Parses without touching the workspace.
    static QList<ImportRow> read(const QByteArray &content, QString *error);
    static Report apply(Workspace &workspace, const QString &profileId, const QList<ImportRow> &rows,
                        const std::function<void(int done, int total)> &progress = {},
                        const std::function<bool()> &cancelled = {});

private:
    static QList<ImportRow> readCsv(const QString &text, QString *error);
    static QList<ImportRow> readJson(const QByteArray &content, QString *error);
};

} // namespace tokendesk::store
