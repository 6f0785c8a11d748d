#pragma once

#include "domain/TokenDraft.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

namespace tokendesk::cli {

// The token options add and set share: --name, --status, --origins, --urls, --ips.
class TokenOptions
{
public:
    TokenOptions();
    void addTo(QCommandLineParser &parser) const;
    // The change the options ask for; an error message for a bad --status.
    domain::TokenChange change(const QCommandLineParser &parser, QString *error) const;

    QCommandLineOption name;
    QCommandLineOption status;
    QCommandLineOption origins;
    QCommandLineOption urls;
    QCommandLineOption ips;
    QCommandLineOption usageModel;
    QCommandLineOption environment;
};

} // namespace tokendesk::cli
