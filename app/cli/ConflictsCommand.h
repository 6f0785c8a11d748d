#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk::cli {

// tokendesk-cli conflicts [--json] | conflicts resolve ID --take mine|theirs|merged
class ConflictsCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ConflictsCommand)

public:
    QString name() const override { return QStringLiteral("conflicts"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace tokendesk::cli
