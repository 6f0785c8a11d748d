#include "ControlValidator.h"

#include "EntryText.h"
#include "IpRange.h"
#include "IpRangeValidator.h"
#include "OriginPattern.h"
#include "OriginValidator.h"
#include "PermittedUrlValidator.h"
#include "UrlPattern.h"

#include <QHash>
#include <QRegularExpression>

namespace tokendesk::validation {

std::optional<EntryResult> ControlValidator::validateEntry(ControlKind kind, const QString &input)
{
    if (EntryText::trimmed(input).isEmpty())
        return std::nullopt;
    switch (kind) {
    case ControlKind::Origin:
        return OriginValidator::validate(input);
    case ControlKind::Url:
        return PermittedUrlValidator::validate(input);
    case ControlKind::Ip:
        return IpRangeValidator::validate(input);
    }
    return std::nullopt;
}

ListResult ControlValidator::validateList(ControlKind kind, const QStringList &inputs)
{
    ListResult result;
    for (const QString &input : inputs) {
        if (auto entry = validateEntry(kind, input))
            result.entries.append(*entry);
    }
    result.listFindings = listFindings(kind, result.entries);
    return result;
}

QStringList ControlValidator::splitPastedText(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

Findings ControlValidator::listFindings(ControlKind kind, const QList<EntryResult> &entries)
{
    Findings findings;
    const auto label = [](int index) {
        return QString::number(index + 1);
    };

    if (entries.size() > kMaxEntriesPerControl) {
        Finding finding =
            Finding::fromRule("list.too-many", {QString::number(entries.size()),
                                                QString::number(kMaxEntriesPerControl)});
        for (int i = kMaxEntriesPerControl; i < entries.size(); ++i)
            finding.entries.append(i);
        findings.append(finding);
    }

    QHash<QString, int> firstIndexOf;
    QList<int> distinct; // valid entries, first of each canonical form
    for (int i = 0; i < entries.size(); ++i) {
        if (!entries.at(i).isValid())
            continue;
        const QString &canonical = entries.at(i).canonical;
        const auto seen = firstIndexOf.constFind(canonical);
        if (seen != firstIndexOf.cend()) {
            Finding finding =
                Finding::fromRule("list.duplicate", {label(*seen), label(i), canonical});
            finding.entries = {*seen, i};
            findings.append(finding);
            continue;
        }
        firstIndexOf.insert(canonical, i);
        distinct.append(i);
    }

    for (int inner : distinct) {
        for (int outer : distinct) {
            if (inner == outer)
                continue;
            const QString &outerText = entries.at(outer).canonical;
            const QString &innerText = entries.at(inner).canonical;
            // Two different texts for the same set (a range and its CIDR form): name the later.
            const bool mutual = inner < outer && covers(kind, innerText, outerText);
            if (!mutual && covers(kind, outerText, innerText)) {
                Finding finding = Finding::fromRule(
                    "list.redundant", {label(inner), innerText, label(outer), outerText});
                finding.entries = {inner, outer};
                findings.append(finding);
                break; // one covering entry is enough to name
            }
        }
    }
    return findings;
}

bool ControlValidator::covers(ControlKind kind, const QString &outer, const QString &inner)
{
    switch (kind) {
    case ControlKind::Ip: {
        const auto a = IpRange::fromCanonical(outer);
        const auto b = IpRange::fromCanonical(inner);
        return a && b && a->contains(*b);
    }
    case ControlKind::Origin: {
        const auto a = OriginPattern::fromCanonical(outer);
        const auto b = OriginPattern::fromCanonical(inner);
        return a && b && a->covers(*b);
    }
    case ControlKind::Url: {
        const auto a = UrlPattern::fromCanonical(outer);
        const auto b = UrlPattern::fromCanonical(inner);
        return a && b && a->covers(*b);
    }
    }
    return false;
}

} // namespace tokendesk::validation
