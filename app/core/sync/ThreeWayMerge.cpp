#include "ThreeWayMerge.h"

#include "domain/TokenFieldRules.h"
#include "validation/ControlValidator.h"

#include <QSet>

namespace tokendesk::sync {

using namespace tokendesk::domain;
using validation::ControlKind;

namespace {

QString comparable(ControlKind kind, const QString &entry)
{
    const auto result = validation::ControlValidator::validateEntry(kind, entry);
    if (result && result->isValid())
        return result->canonical;
    return entry.trimmed();
}

QSet<QString> comparableSet(ControlKind kind, const QStringList &list)
{
    QSet<QString> set;
    for (const QString &entry : list)
        set.insert(comparable(kind, entry));
    return set;
}

template <typename T>
std::pair<T, bool> mergeValue(const T &base, const T &mine, const T &theirs)
{
    if (mine == theirs || mine == base)
        return {theirs, false};
    if (theirs == base)
        return {mine, false};
    return {mine, true};
}

} // namespace

QStringList ThreeWayMerge::mergeList(ControlKind kind, const QStringList &base,
                                     const QStringList &mine, const QStringList &theirs)
{
    const QSet<QString> baseSet = comparableSet(kind, base);
    const QSet<QString> mineSet = comparableSet(kind, mine);
    QStringList merged;
    QSet<QString> present;
    for (const QString &entry : theirs) {
        const QString key = comparable(kind, entry);
        // Removed on my side: it was in the base and is no longer in mine.
        if (baseSet.contains(key) && !mineSet.contains(key))
            continue;
        if (!present.contains(key)) {
            merged.append(entry);
            present.insert(key);
        }
    }
    for (const QString &entry : mine) {
        const QString key = comparable(kind, entry);
        // Added on my side, and not there already.
        if (!baseSet.contains(key) && !present.contains(key)) {
            merged.append(entry);
            present.insert(key);
        }
    }
    return merged;
}

MergeResult ThreeWayMerge::merge(const Token &base, const Token &mine, const Token &theirs)
{
    MergeResult result;
    Token &merged = result.merged;
    merged = theirs;

    const auto name = mergeValue(base.name, mine.name, theirs.name);
    merged.name = name.first;
    if (name.second)
        result.conflictingFields.append(QStringLiteral("name"));
    const auto status = mergeValue(base.status, mine.status, theirs.status);
    merged.status = status.first;
    if (status.second)
        result.conflictingFields.append(QStringLiteral("status"));

    for (ControlKind kind : {ControlKind::Origin, ControlKind::Url, ControlKind::Ip}) {
        const QStringList &mineList = mine.controls.list(kind);
        const QStringList &baseList = base.controls.list(kind);
        if (comparableSet(kind, mineList) == comparableSet(kind, baseList))
            continue; // I did not touch this list: theirs stands
        merged.controls.list(kind) = mergeList(kind, baseList, mineList, theirs.controls.list(kind));
        const FieldIssues issues = TokenFieldRules::checkControlList(kind, merged.controls.list(kind));
        bool broken = false;
        for (const FieldIssue &issue : issues) {
            if (issue.severity == validation::Severity::Error) {
                result.issues.append(issue);
                broken = true;
            }
        }
        if (broken)
            result.conflictingFields.append(QStringLiteral("controls.") + controlFieldName(kind));
    }

    QSet<QString> keys;
    for (const Labels *labels : {&base.labels, &mine.labels, &theirs.labels}) {
        for (auto it = labels->cbegin(); it != labels->cend(); ++it)
            keys.insert(it.key());
    }
    const auto labelOf = [](const Labels &labels, const QString &key) -> std::optional<QString> {
        const auto it = labels.constFind(key);
        return it == labels.cend() ? std::nullopt : std::optional<QString>(*it);
    };
    for (const QString &key : keys) {
        const auto value = mergeValue(labelOf(base.labels, key), labelOf(mine.labels, key),
                                      labelOf(theirs.labels, key));
        if (value.first)
            merged.labels.insert(key, *value.first);
        else
            merged.labels.remove(key);
        if (value.second)
            result.conflictingFields.append(QStringLiteral("labels.") + key);
    }
    return result;
}

} // namespace tokendesk::sync
