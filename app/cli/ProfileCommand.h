#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tokendesk::cli {

// tokendesk-cli profile add NAME --url URL --client-id ID | list [--json] | test NAME |
// remove NAME | keychain
class ProfileCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ProfileCommand)

public:
    QString name() const override { return QStringLiteral("profile"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;

private:
    static int checkKeychain();
};

} // namespace tokendesk::cli
