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
#include <functional>
#include <memory>
#include <type_traits>
#include <vector>

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

    // Each entry is parsed once: a pasted list of thousands stays fast.
    const auto coversEntry = containmentOf(kind, entries, distinct);
    for (int inner : distinct) {
        for (int outer : distinct) {
            if (inner == outer)
                continue;
            // Two different texts for the same set (a range and its CIDR form): name the later.
            if (coversEntry(outer, inner) && !(inner < outer && coversEntry(inner, outer))) {
                Finding finding = Finding::fromRule("list.redundant",
                                                    {label(inner), entries.at(inner).canonical,
                                                     label(outer), entries.at(outer).canonical});
                finding.entries = {inner, outer};
                findings.append(finding);
                break; // one covering entry is enough to name
            }
        }
    }
    return findings;
}

namespace {

// Patterns parsed from canonical entries, indexed like the entries.
template <typename Pattern, typename Parse>
std::function<bool(int, int)> coversWith(const QList<EntryResult> &entries,
                                         const QList<int> &indices, Parse parse)
{
    auto patterns = std::make_shared<std::vector<std::optional<Pattern>>>(entries.size());
    for (int index : indices)
        (*patterns)[size_t(index)] = parse(entries.at(index).canonical);
    return [patterns](int outer, int inner) {
        const std::optional<Pattern> &a = (*patterns)[size_t(outer)];
        const std::optional<Pattern> &b = (*patterns)[size_t(inner)];
        if (!a || !b)
            return false;
        if constexpr (std::is_same_v<Pattern, IpRange>)
            return a->contains(*b);
        else
            return a->covers(*b);
    };
}

} // namespace

std::function<bool(int, int)> ControlValidator::containmentOf(ControlKind kind,
                                                              const QList<EntryResult> &entries,
                                                              const QList<int> &indices)
{
    switch (kind) {
    case ControlKind::Ip:
        return coversWith<IpRange>(entries, indices, &IpRange::fromCanonical);
    case ControlKind::Origin:
        return coversWith<OriginPattern>(entries, indices, &OriginPattern::fromCanonical);
    case ControlKind::Url:
        return coversWith<UrlPattern>(entries, indices, &UrlPattern::fromCanonical);
    }
    return [](int, int) {
        return false;
    };
}

} // namespace tokendesk::validation
