#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk::cli {

// tokendesk-cli add --profile P --deployment D --name N [...]: a new token, queued.
class AddCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddCommand)

public:
    QString name() const override { return QStringLiteral("add"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace tokendesk::cli
