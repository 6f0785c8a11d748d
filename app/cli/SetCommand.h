#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk::cli {

// tokendesk-cli set TOKEN_ID [--name N] [--status S] [--origins ...]: an edit, queued.
class SetCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetCommand)

public:
    QString name() const override { return QStringLiteral("set"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace tokendesk::cli
