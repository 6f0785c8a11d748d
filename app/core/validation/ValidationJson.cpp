#include "ValidationJson.h"

#include <QJsonArray>

namespace tokendesk::validation {

QJsonObject ValidationJson::finding(const Finding &finding)
{
    QJsonObject object{{QStringLiteral("rule"), finding.rule},
                       {QStringLiteral("severity"), severityName(finding.severity)},
                       {QStringLiteral("message"), finding.message}};
    if (finding.fix)
        object.insert(QStringLiteral("fix"), *finding.fix);
    if (!finding.entries.isEmpty()) {
        QJsonArray entries;
        for (int index : finding.entries)
            entries.append(index);
        object.insert(QStringLiteral("entries"), entries);
    }
    return object;
}

QJsonObject ValidationJson::entry(const EntryResult &entry)
{
    QJsonArray findings;
    for (const Finding &f : entry.findings)
        findings.append(finding(f));
    const bool valid = entry.isValid();
    return {{QStringLiteral("input"), entry.input},
            {QStringLiteral("valid"), valid},
            {QStringLiteral("canonical"), valid ? QJsonValue(entry.canonical) : QJsonValue()},
            {QStringLiteral("findings"), findings}};
}

QJsonObject ValidationJson::report(ControlKind kind, const ListResult &result, bool withList)
{
    QJsonArray entries;
    for (const EntryResult &e : result.entries)
        entries.append(entry(e));
    QJsonObject object{{QStringLiteral("kind"), controlKindName(kind)},
                       {QStringLiteral("entries"), entries}};
    if (withList) {
        QJsonArray findings;
        for (const Finding &f : result.listFindings)
            findings.append(finding(f));
        object.insert(QStringLiteral("list"), QJsonObject{{QStringLiteral("findings"), findings}});
    }
    return object;
}

} // namespace tokendesk::validation
