#pragma once

#include <QSet>
#include <QString>

namespace tokendesk::validation {

// The Public Suffix List (ICANN and private sections) embedded at build time. Answers whether
// a name is a public suffix, under which anyone may register names (com, co.uk, github.io).
class PublicSuffixList
{
public:
    // The list embedded in the core library, loaded once on first use.
    static const PublicSuffixList &embedded();
    // Which copy of the list is embedded (package version or file date).
    static QString embeddedVersion();

    // Parses the list's text format; rule names are stored in ASCII (punycode) form.
    static PublicSuffixList fromText(const QString &text);

    // name: lower-case ASCII without a trailing dot.
    bool isPublicSuffix(const QString &name) const;
    // Whether some public suffix lies strictly below name (amazonaws.com: s3.amazonaws.com;
    // kawasaki.jp: every name under the rule *.kawasaki.jp).
    bool hasPublicSuffixBelow(const QString &name) const;
    qsizetype ruleCount() const
    {
        return m_rules.size() + m_wildcards.size() + m_exceptions.size();
    }

private:
    QSet<QString> m_rules;       // "co.uk"
    QSet<QString> m_wildcards;   // "ck" for the rule "*.ck"
    QSet<QString> m_exceptions;  // "www.ck" for the rule "!www.ck"
    QSet<QString> m_ruleParents; // every proper parent of a rule: "uk" for "co.uk"
};

} // namespace tokendesk::validation
