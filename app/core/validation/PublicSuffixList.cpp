#include "PublicSuffixList.h"

#include <QFile>
#include <QUrl>

#ifndef TOKENDESK_PSL_VERSION
#define TOKENDESK_PSL_VERSION "unknown"
#endif

namespace tokendesk::validation {

namespace {

QString toAscii(const QString &rule)
{
    for (QChar c : rule) {
        if (c.unicode() > 0x7F) {
            const QByteArray ace = QUrl::toAce(rule);
            return ace.isEmpty() ? rule : QString::fromLatin1(ace);
        }
    }
    return rule.toLower();
}

} // namespace

const PublicSuffixList &PublicSuffixList::embedded()
{
    static const PublicSuffixList list = [] {
        QFile file(QStringLiteral(":/tokendesk/public_suffix_list.dat"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the embedded Public Suffix List is missing from this build");
        return fromText(QString::fromUtf8(file.readAll()));
    }();
    return list;
}

QString PublicSuffixList::embeddedVersion()
{
    return QStringLiteral(TOKENDESK_PSL_VERSION);
}

PublicSuffixList PublicSuffixList::fromText(const QString &text)
{
    PublicSuffixList list;
    const auto lines = QStringView(text).split(QLatin1Char('\n'));
    for (QStringView line : lines) {
        // A rule is the first white-space separated word of a line; "//" starts a comment.
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u"//"))
            continue;
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        const QString rule = (space >= 0 ? line.left(space) : line).toString();
        if (rule.startsWith(QLatin1Char('!')))
            list.m_exceptions.insert(toAscii(rule.mid(1)));
        else if (rule.startsWith(QStringLiteral("*.")))
            list.m_wildcards.insert(toAscii(rule.mid(2)));
        else
            list.m_rules.insert(toAscii(rule));
    }
    for (const QSet<QString> *rules : {&list.m_rules, &list.m_wildcards}) {
        for (const QString &rule : *rules) {
            const bool wildcard = rules == &list.m_wildcards;
            if (wildcard)
                list.m_ruleParents.insert(rule); // "*.ck": suffixes lie below "ck"
            for (qsizetype dot = rule.indexOf(QLatin1Char('.')); dot >= 0;
                 dot = rule.indexOf(QLatin1Char('.'), dot + 1))
                list.m_ruleParents.insert(rule.mid(dot + 1));
        }
    }
    return list;
}

bool PublicSuffixList::hasPublicSuffixBelow(const QString &name) const
{
    return m_ruleParents.contains(name);
}

bool PublicSuffixList::isPublicSuffix(const QString &name) const
{
    if (name.isEmpty() || m_exceptions.contains(name))
        return false;
    if (m_rules.contains(name))
        return true;
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return true; // the list's implicit "*" rule: every top-level label is a suffix
    return m_wildcards.contains(name.mid(dot + 1));
}

} // namespace tokendesk::validation
