#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk::cli {

// tokendesk-cli import FILE [--profile P]: tokens from a JSON or CSV export, checked row by row.
class ImportCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace tokendesk::cli
