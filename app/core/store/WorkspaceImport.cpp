#include "WorkspaceImport.h"

#include "TokenStore.h"
#include "WorkspaceEditor.h"
#include "WorkspaceExport.h"

#include "domain/TokenChanges.h"
#include "domain/TokenFieldRules.h"
#include "portal/PortalJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

namespace tokendesk::store {

using namespace tokendesk::domain;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkspaceImport", text);
}

FieldIssue shapeIssue(const QString &field, const QString &message)
{
    return FieldIssue{field, std::nullopt, QStringLiteral("import.invalid-field"), message,
                      validation::Severity::Error};
}

// RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.
QList<QStringList> csvRecords(const QString &text, QList<int> *lines)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            record.append(field);
            field.clear();
            if (!(record.size() == 1 && record.first().isEmpty())) {
                records.append(record);
                lines->append(recordLine);
            }
            record.clear();
            ++line;
            recordLine = line;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        record.append(field);
        records.append(record);
        lines->append(recordLine);
    }
    return records;
}

QStringList spaceSeparated(const QString &value)
{
    return value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

void checkRow(ImportRow &row)
{
    if (row.deployment.trimmed().isEmpty())
        row.issues.append(shapeIssue(QStringLiteral("deployment"), tr("The row names no deployment.")));
    row.issues += TokenFieldRules::checkDraft(row.draft);
}

} // namespace

QList<ImportRow> WorkspaceImport::read(const QByteArray &content, QString *error)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(content);
    if (decoder.hasError()) {
        *error = tr("The file is not UTF-8 text.");
        return {};
    }
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('{')))
        return readJson(content, error);
    return readCsv(text, error);
}

QList<ImportRow> WorkspaceImport::readCsv(const QString &text, QString *error)
{
    QList<int> lines;
    const QList<QStringList> records = csvRecords(text, &lines);
    if (records.isEmpty()) {
        *error = tr("The file is empty.");
        return {};
    }
    const QStringList header = records.first();
    const auto column = [&](const char *name) { return header.indexOf(QLatin1String(name)); };
    if (column("name") < 0 || (column("deployment") < 0 && column("deployment_id") < 0)) {
        *error = tr("The first line must name the columns, with at least “name” and "
                    "“deployment” (the columns of an export: %1).")
                     .arg(WorkspaceExport::csvColumns().join(QStringLiteral(", ")));
        return {};
    }
    QList<ImportRow> rows;
    for (int r = 1; r < records.size(); ++r) {
        const QStringList &record = records.at(r);
        const auto value = [&](const char *name) {
            const int index = column(name);
            return index >= 0 ? record.value(index) : QString();
        };
        ImportRow row;
        row.location = tr("line %1").arg(lines.at(r));
        if (record.size() != header.size())
            row.issues.append(shapeIssue(QString(), tr("The line has %1 fields; the header has %2.")
                                                        .arg(record.size()).arg(header.size())));
        for (const char *name : {"name", "kind", "status", "cors_origins", "permitted_urls", "ip_ranges"}) {
            if (column(name) >= 0)
                row.fields.insert(QLatin1String(name));
        }
        for (const char *label : {"usage_model", "environment"}) {
            if (column(label) >= 0)
                row.fields.insert(QStringLiteral("labels.") + QLatin1String(label));
        }
        row.deployment = !value("deployment_id").isEmpty() ? value("deployment_id") : value("deployment");
        row.tokenId = value("token_id");
        row.draft.name = value("name");
        if (!value("kind").isEmpty()) {
            const auto kind = tokenKindFromName(value("kind"));
            if (!kind)
                row.issues.append(FieldIssue{QStringLiteral("kind"), std::nullopt, QStringLiteral("token.kind-invalid"),
                                             tr("“kind” is api, integration or oauth."), validation::Severity::Error});
            else
                row.draft.kind = *kind;
        }
        if (!value("status").isEmpty()) {
            const auto status = tokenStatusFromName(value("status"));
            if (!status)
                row.issues.append(FieldIssue{QStringLiteral("status"), std::nullopt, QStringLiteral("token.status-invalid"),
                                             tr("“status” is active or disabled."), validation::Severity::Error});
            else
                row.draft.status = *status;
        }
        row.draft.controls.corsOrigins = spaceSeparated(value("cors_origins"));
        row.draft.controls.permittedUrls = spaceSeparated(value("permitted_urls"));
        row.draft.controls.ipRanges = spaceSeparated(value("ip_ranges"));
        for (const char *label : {"usage_model", "environment"}) {
            if (!value(label).isEmpty())
                row.draft.labels.insert(QLatin1String(label), value(label));
        }
        checkRow(row);
        rows.append(row);
    }
    return rows;
}

QList<ImportRow> WorkspaceImport::readJson(const QByteArray &content, QString *error)
{
    QJsonParseError parseError;
    const QJsonObject document = QJsonDocument::fromJson(content, &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("The file is not valid JSON (at byte %1: %2).")
                     .arg(parseError.offset).arg(parseError.errorString());
        return {};
    }
    if (document.value(QStringLiteral("format")).toString() != QLatin1String("tokendesk-workspace-export")) {
        *error = tr("The JSON file is not a TokenDesk export (its “format” is not "
                    "“tokendesk-workspace-export”).");
        return {};
    }
    const int version = document.value(QStringLiteral("version")).toInt();
    if (version < 1 || version > WorkspaceExport::kJsonVersion) {
        *error = tr("The export has version %1; this TokenDesk reads version %2.")
                     .arg(version).arg(WorkspaceExport::kJsonVersion);
        return {};
    }
    QList<ImportRow> rows;
    const QJsonArray profiles = document.value(QStringLiteral("profiles")).toArray();
    for (int p = 0; p < profiles.size(); ++p) {
        const QJsonArray deployments =
            profiles.at(p).toObject().value(QStringLiteral("deployments")).toArray();
        for (int d = 0; d < deployments.size(); ++d) {
            const QJsonObject deployment = deployments.at(d).toObject();
            const QJsonArray tokens = deployment.value(QStringLiteral("tokens")).toArray();
            for (int t = 0; t < tokens.size(); ++t) {
                const QJsonObject json = tokens.at(t).toObject();
                ImportRow row;
                row.location = QStringLiteral("profiles[%1].deployments[%2].tokens[%3]").arg(p).arg(d).arg(t);
                // A JSON token is complete: every field, and the whole label map.
                row.fields = {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("status"),
                              QStringLiteral("cors_origins"), QStringLiteral("permitted_urls"),
                              QStringLiteral("ip_ranges"), QStringLiteral("labels")};
                row.deployment = deployment.value(QStringLiteral("name")).toString();
                row.tokenId = json.value(QStringLiteral("id")).toString();
                row.draft.name = json.value(QStringLiteral("name")).toString();
                const auto kind = tokenKindFromName(json.value(QStringLiteral("kind")).toString(QStringLiteral("api")));
                const auto status = tokenStatusFromName(json.value(QStringLiteral("status")).toString(QStringLiteral("active")));
                const auto controls = portal::PortalJson::controlsFromJson(json.value(QStringLiteral("controls")));
                const auto labels = portal::PortalJson::labelsFromJson(json.value(QStringLiteral("labels")));
                if (!kind || !status || !controls || !labels)
                    row.issues.append(shapeIssue(QString(), tr("The token's kind, status, controls or labels are malformed.")));
                row.draft.kind = kind.value_or(TokenKind::Api);
                row.draft.status = status.value_or(TokenStatus::Active);
                row.draft.controls = controls.value_or(SecurityControls());
                row.draft.labels = labels.value_or(Labels());
                const QJsonValue notes = json.value(QStringLiteral("notes"));
                if (notes.isObject()) {
                    TokenNotes parsed;
                    const QJsonValue days = notes.toObject().value(QStringLiteral("rotation_days"));
                    if (days.isDouble())
                        parsed.rotationDays = days.toInt();
                    parsed.whereUsed = notes.toObject().value(QStringLiteral("where_used")).toString();
                    row.notes = parsed;
                }
                checkRow(row);
                rows.append(row);
            }
        }
    }
    return rows;
}

WorkspaceImport::Report WorkspaceImport::apply(Workspace &workspace, const QString &profileId,
                                               const QList<ImportRow> &rows,
                                               const std::function<void(int, int)> &progress,
                                               const std::function<bool()> &cancelled)
{
    Report report;
    WorkspaceEditor editor(workspace);
    TokenStore tokens(workspace);
    int done = 0;
    for (const ImportRow &row : rows) {
        // Each row commits on its own, so stopping between rows leaves whole rows only.
        if (cancelled && cancelled()) {
            report.cancelled = true;
            break;
        }
        if (progress)
            progress(done++, int(rows.size()));
        if (hasErrorIssue(row.issues)) {
            report.refused.append(row);
            continue;
        }
        const auto existing = row.tokenId.isEmpty() ? std::nullopt : tokens.token(profileId, row.tokenId);
        EditResult result;
        if (existing) {
            // Only what the file gives changes; a column it leaves out keeps its value.
            Token wanted = existing->local;
            const auto given = [&](const char *field) { return row.fields.contains(QLatin1String(field)); };
            if (given("name"))
                wanted.name = row.draft.name;
            if (given("status"))
                wanted.status = row.draft.status;
            if (given("cors_origins"))
                wanted.controls.corsOrigins = row.draft.controls.corsOrigins;
            if (given("permitted_urls"))
                wanted.controls.permittedUrls = row.draft.controls.permittedUrls;
            if (given("ip_ranges"))
                wanted.controls.ipRanges = row.draft.controls.ipRanges;
            if (given("labels")) {
                wanted.labels = row.draft.labels;
            } else {
                for (const QString &field : row.fields) {
                    if (!field.startsWith(QLatin1String("labels.")))
                        continue;
                    const QString key = field.mid(7);
                    if (row.draft.labels.contains(key))
                        wanted.labels.insert(key, row.draft.labels.value(key));
                    else
                        wanted.labels.remove(key);
                }
            }
            const TokenChange change = TokenChanges::diff(existing->local, wanted);
            if (change.isEmpty()) {
                if (row.notes)
                    editor.setNotes(profileId, row.tokenId, *row.notes);
                report.unchanged += 1;
                continue;
            }
            result = editor.editToken(profileId, row.tokenId, change);
        } else {
            result = editor.addToken(profileId, row.deployment, row.draft);
        }
        if (result.storageFailure) {
            report.error = result.error; // the workspace failed: stop, the file is not to blame
            return report;
        }
        if (!result.accepted()) {
            ImportRow refused = row;
            if (!result.error.isEmpty())
                refused.issues.append(shapeIssue(QString(), result.error));
            else
                refused.issues = result.issues;
            report.refused.append(refused);
        } else {
            if (row.notes) {
                const EditResult noted = editor.setNotes(profileId, result.tokenId, *row.notes);
                if (noted.storageFailure) {
                    report.error = noted.error;
                    return report;
                }
            }
            if (existing)
                report.changed += 1;
            else
                report.added += 1;
        }
    }
    if (progress)
        progress(done, int(rows.size()));
    return report;
}

} // namespace tokendesk::store
