#include "ValidateCommand.h"

#include "CliOutput.h"
#include "ExitCode.h"
#include "StdinReader.h"

#include "validation/ControlValidator.h"
#include "validation/ValidationJson.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace tokendesk::cli {

using namespace tokendesk::validation;

namespace {

// Long inputs (a pasted megabyte) are shortened in human-readable output only.
QString shortened(const QString &text)
{
    constexpr int kShown = 80;
    return text.size() <= kShown ? text : text.left(kShown) + QStringLiteral("…");
}

QString humanReport(const ListResult &result, bool withList)
{
    QString text;
    for (const EntryResult &entry : result.entries) {
        if (entry.isValid()) {
            text += ValidateCommand::tr("%1: valid").arg(shortened(entry.input));
            if (entry.canonical != entry.input.trimmed())
                text += QStringLiteral(" → ") + entry.canonical;
        } else {
            text += ValidateCommand::tr("%1: invalid").arg(shortened(entry.input));
        }
        text += QLatin1Char('\n');
        for (const Finding &finding : entry.findings) {
            text += QStringLiteral("  %1 %2: %3")
                        .arg(severityName(finding.severity), finding.rule, finding.message);
            if (finding.fix)
                text += ValidateCommand::tr(" (fix: %1)").arg(*finding.fix);
            text += QLatin1Char('\n');
        }
    }
    if (withList) {
        for (const Finding &finding : result.listFindings) {
            text += QStringLiteral("list %1 %2: %3\n")
                        .arg(severityName(finding.severity), finding.rule, finding.message);
        }
    }
    return text;
}

} // namespace

QString ValidateCommand::summary() const
{
    return tr("Check CORS origins, permitted URLs or IP ranges and print their canonical form.");
}

int ValidateCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() + QLatin1Char('\n') +
        tr("Values come from the arguments, or from standard input, one per line.\n"
           "Exit status: 0 when nothing has an error, 1 when anything has, 2 for a usage error."));
    const QCommandLineOption kindOption(QStringLiteral("kind"),
                                        tr("What the values are: origin, url or ip."), tr("kind"));
    const QCommandLineOption listOption(
        QStringLiteral("list"),
        tr("Treat the values as one control list: the list rules apply too."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOption(kindOption);
    parser.addOption(listOption);
    parser.addOption(jsonOption);
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("values"), tr("Values to check."),
                                 QStringLiteral("[VALUE...]"));

    if (!parser.parse(arguments)) {
        CliOutput::err(QStringLiteral("tokendesk-cli validate: %1\n").arg(parser.errorText()));
        return UsageError;
    }
    if (parser.isSet(helpOption)) {
        CliOutput::out(parser.helpText().replace(QStringLiteral("[options]"),
                                                 QStringLiteral("validate [options]")));
        return Success;
    }
    if (!parser.isSet(kindOption)) {
        CliOutput::err(tr("tokendesk-cli validate: --kind is required (origin, url or ip)\n"));
        return UsageError;
    }
    const auto kind = controlKindFromName(parser.value(kindOption));
    if (!kind) {
        CliOutput::err(tr("tokendesk-cli validate: unknown kind “%1”; use origin, url or ip\n")
                           .arg(parser.value(kindOption)));
        return UsageError;
    }

    QStringList values = parser.positionalArguments();
    if (values.isEmpty()) {
        if (CliOutput::stdinIsTerminal())
            CliOutput::err(
                tr("Reading values from standard input, one per line; end with Ctrl-D.\n"));
        const StdinReader::Result input = StdinReader::readLines();
        if (!input.error.isEmpty()) {
            CliOutput::err(QStringLiteral("tokendesk-cli validate: %1\n").arg(input.error));
            return UsageError;
        }
        values = input.lines;
    }

    const bool withList = parser.isSet(listOption);
    ListResult result;
    if (withList) {
        result = ControlValidator::validateList(*kind, values);
    } else {
        for (const QString &value : values) {
            if (auto entry = ControlValidator::validateEntry(*kind, value))
                result.entries.append(*entry);
        }
    }

    if (parser.isSet(jsonOption)) {
        const QJsonObject report = ValidationJson::report(*kind, result, withList);
        CliOutput::out(QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact)) +
                       QLatin1Char('\n'));
    } else if (result.entries.isEmpty()) {
        CliOutput::err(tr("No values to check.\n"));
    } else {
        CliOutput::out(humanReport(result, withList));
    }
    return result.isValid() ? Success : FindingsError;
}

} // namespace tokendesk::cli
