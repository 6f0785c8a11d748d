#include "EntryText.h"

namespace tokendesk::validation {

namespace {

bool isInvisible(char32_t codePoint)
{
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
        return true;
    default:
        return false;
    }
}

QString codePointName(char32_t codePoint)
{
    return QStringLiteral("U+%1").arg(uint(codePoint), 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

bool EntryText::check(const QString &trimmedText, FindingCollector &findings)
{
    qsizetype codePoints = 0;
    bool whitespace = false;
    std::optional<char32_t> invisible;
    for (const char32_t codePoint : QStringView(trimmedText).toUcs4()) {
        ++codePoints;
        if (QChar::isSpace(codePoint))
            whitespace = true;
        else if (!invisible && isInvisible(codePoint))
            invisible = codePoint;
    }
    if (codePoints > kMaxLength)
        findings.add("entry.too-long", {QString::number(codePoints)});
    if (whitespace)
        findings.add("entry.whitespace");
    if (invisible)
        findings.add("entry.control-char", {codePointName(*invisible)});
    return !findings.hasError();
}

} // namespace tokendesk::validation
