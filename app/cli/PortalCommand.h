#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk::cli {

// tokendesk-cli portal ping|list --url URL --client-id ID [--json] [--deployment ID]
// Talks to a portal directly, with the client secret read from standard input.
class PortalCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(PortalCommand)

public:
    QString name() const override { return QStringLiteral("portal"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;
};

} // namespace tokendesk::cli
