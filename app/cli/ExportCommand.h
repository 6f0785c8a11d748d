#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk::cli {

// tokendesk-cli export --format json|csv [-o FILE] [--profile P]: never a secret.
class ExportCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace tokendesk::cli
