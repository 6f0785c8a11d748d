#include "TokenReviewer.h"

#include "validation/ControlValidator.h"

#include <QRegularExpression>
#include <algorithm>

namespace tokendesk::review {

using domain::Token;
using domain::TokenLabels;
using domain::TokenStatus;
using validation::ControlKind;

namespace {

ReviewFinding makeFinding(const char *rule, ReviewSeverity severity, const QString &message,
                          QList<ControlKind> controls = {})
{
    ReviewFinding finding;
    finding.rule = QString::fromLatin1(rule);
    finding.severity = severity;
    finding.message = message;
    finding.controls = std::move(controls);
    return finding;
}

QDateTime issuedAt(const Token &token)
{
    return token.rotatedAt.isValid() ? token.rotatedAt : token.createdAt;
}

} // namespace

QDateTime TokenReviewer::rotationDue(const Token &token, const domain::TokenNotes &notes)
{
    const QDateTime issued = issuedAt(token);
    if (!issued.isValid())
        return {};
    return issued.toUTC().addDays(notes.effectiveRotationDays());
}

QStringList TokenReviewer::environmentsOf(const Token &token)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QStringList environments = token.labels.value(TokenLabels::environmentKey())
                                   .toLower()
                                   .split(separators, Qt::SkipEmptyParts);
    environments.removeDuplicates();
    return environments;
}

QString TokenReviewer::usageModelOf(const Token &token)
{
    const QString usage = token.labels.value(TokenLabels::usageModelKey()).trimmed().toLower();
    return TokenLabels::isUsageModel(usage) ? usage : QString();
}

TokenReview TokenReviewer::review(const Token &token, const domain::TokenNotes &notes,
                                  const QDateTime &now, const ReviewPolicy &policy)
{
    TokenReview result;
    result.disabled = token.status == TokenStatus::Disabled;
    result.rotationDue = rotationDue(token, notes);
    QList<ReviewFinding> &findings = result.findings;

    if (!result.disabled && token.controls.isEmpty()) {
        findings.append(makeFinding(
            "review.no-controls", ReviewSeverity::Critical,
            tr("Active token with no CORS origins, no permitted URLs and no IPs: anyone who "
               "has its value can use it from anywhere."),
            {ControlKind::Origin, ControlKind::Url, ControlKind::Ip}));
    }
    reviewControls(token, findings);
    if (!result.disabled)
        reviewRotation(token, result.rotationDue, now, policy, findings);

    const QStringList environments = environmentsOf(token);
    if (environments.size() != 1) {
        findings.append(makeFinding(
            "review.shared-environment", ReviewSeverity::Medium,
            environments.isEmpty()
                ? tr("No environment set: give each environment a token of its own.")
                : tr("Used for %1 environments (%2): give each environment a token of its own.")
                      .arg(environments.size())
                      .arg(environments.join(QStringLiteral(", ")))));
    }
    if (usageModelOf(token).isEmpty()) {
        findings.append(makeFinding(
            "review.usage-unknown", ReviewSeverity::Low,
            tr("Usage model not set: say whether requests come from a browser or a backend.")));
    }
    reviewEntryWarnings(token, findings);

    if (result.disabled) {
        const QDateTime disabledSince = token.updatedAt.isValid() ? token.updatedAt : issuedAt(token);
        if (disabledSince.isValid() &&
            disabledSince.toUTC().addDays(notes.effectiveRotationDays()) < now.toUTC()) {
            findings.append(makeFinding(
                "review.disabled-stale", ReviewSeverity::Low,
                tr("Disabled for more than %n day(s): delete it.", nullptr,
                   notes.effectiveRotationDays())));
        }
    }

    std::stable_sort(findings.begin(), findings.end(),
                     [](const ReviewFinding &a, const ReviewFinding &b) {
                         return a.severity > b.severity;
                     });
    result.grade = gradeFor(result.worstSeverity());
    return result;
}

void TokenReviewer::reviewControls(const Token &token, QList<ReviewFinding> &findings)
{
    const auto &controls = token.controls;
    const QString usage = usageModelOf(token);
    if (usage == QLatin1String("browser")) {
        if (controls.permittedUrls.isEmpty()) {
            findings.append(makeFinding("review.browser-no-urls", ReviewSeverity::High,
                                        tr("Browser token without permitted URLs."),
                                        {ControlKind::Url}));
        }
        if (controls.corsOrigins.isEmpty()) {
            findings.append(makeFinding("review.browser-no-origins", ReviewSeverity::High,
                                        tr("Browser token without CORS origins."),
                                        {ControlKind::Origin}));
        }
    } else if (usage == QLatin1String("backend")) {
        if (controls.ipRanges.isEmpty()) {
            findings.append(makeFinding("review.backend-no-ips", ReviewSeverity::High,
                                        tr("Backend token without an IP whitelist."),
                                        {ControlKind::Ip}));
        }
        QList<ControlKind> browserControls;
        if (!controls.corsOrigins.isEmpty())
            browserControls.append(ControlKind::Origin);
        if (!controls.permittedUrls.isEmpty())
            browserControls.append(ControlKind::Url);
        if (!browserControls.isEmpty()) {
            findings.append(makeFinding(
                "review.backend-browser-controls", ReviewSeverity::Low,
                tr("Backend token with CORS origins or permitted URLs: they do not apply "
                   "outside a browser."),
                browserControls));
        }
    }
}

void TokenReviewer::reviewRotation(const Token &, const QDateTime &due, const QDateTime &now,
                                   const ReviewPolicy &policy, QList<ReviewFinding> &findings)
{
    if (!due.isValid())
        return;
    const QDateTime nowUtc = now.toUTC();
    if (due < nowUtc) {
        const qint64 days = due.daysTo(nowUtc);
        findings.append(makeFinding(
            "review.rotation-overdue", ReviewSeverity::High,
            tr("Rotation overdue by %n day(s) (due %1).", nullptr, int(days))
                .arg(due.date().toString(Qt::ISODate))));
    } else if (due <= nowUtc.addDays(policy.reminderWindowDays)) {
        const qint64 days = nowUtc.daysTo(due);
        findings.append(makeFinding(
            "review.rotation-due", ReviewSeverity::Medium,
            tr("Rotation due in %n day(s) (on %1).", nullptr, int(days))
                .arg(due.date().toString(Qt::ISODate))));
    }
}

void TokenReviewer::reviewEntryWarnings(const Token &token, QList<ReviewFinding> &findings)
{
    ReviewFinding warnings = makeFinding("review.entry-warnings", ReviewSeverity::Medium, {});
    for (ControlKind kind : {ControlKind::Origin, ControlKind::Url, ControlKind::Ip}) {
        const QStringList &entries = token.controls.list(kind);
        if (entries.isEmpty())
            continue;
        const validation::ListResult list = validation::ControlValidator::validateList(kind, entries);
        for (int i = 0; i < list.entries.size(); ++i) {
            for (const validation::Finding &finding : list.entries.at(i).findings) {
                if (finding.severity == validation::Severity::Warning)
                    warnings.details.append({kind, i, finding});
            }
        }
        for (const validation::Finding &finding : list.listFindings) {
            if (finding.severity == validation::Severity::Warning)
                warnings.details.append({kind, finding.entries.value(0, -1), finding});
        }
        if (!warnings.details.isEmpty() && warnings.details.constLast().control == kind)
            warnings.controls.append(kind);
    }
    if (warnings.details.isEmpty())
        return;
    warnings.message = tr("%n warning(s) on the entries of its controls.", nullptr,
                          int(warnings.details.size()));
    findings.append(warnings);
}

} // namespace tokendesk::review
