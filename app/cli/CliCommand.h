#pragma once

#include <QString>
#include <QStringList>

namespace tokendesk::cli {

// One subcommand of tokendesk-cli ("validate", later "list", "sync", ...).
class CliCommand
{
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // arguments: the subcommand's own arguments, its name first (as argv[0] would be).
    virtual int run(const QStringList &arguments) = 0;
};

} // namespace tokendesk::cli
