#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk::cli {

// tokendesk-cli reveal TOKEN_ID [--remember | --forget]: a token's value, on demand.
class RevealCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(RevealCommand)

public:
    QString name() const override { return QStringLiteral("reveal"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace tokendesk::cli
