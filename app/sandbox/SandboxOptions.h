#pragma once

#include "SandboxClient.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <optional>

namespace tokendesk::sandbox {

// The sandbox's command line, checked: every bad value is refused with a message that names
// the flag and what it accepts.
struct SandboxOptions
{
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;
    QString dataDir; // empty: in memory, gone on exit
    QList<SandboxClient> clients;
    QString seed; // "", "demo" or a token count
    int latencyMs = 0;
    double faultRate = 0.0;
    double dropRate = 0.0;
    int rateLimitPerMinute = 0; // 0: unlimited
    int tokenTtlSeconds = 1800;
    std::optional<quint32> randomSeed;

    struct Parsed;
    // arguments include the program name first, as QCoreApplication::arguments() gives them.
    static Parsed parse(const QStringList &arguments);
    static QString helpText();
};

struct SandboxOptions::Parsed
{
    std::optional<SandboxOptions> options;
    QString error; // set when options is nullopt and help was not asked for
    bool helpRequested = false;
    bool versionRequested = false;
};

} // namespace tokendesk::sandbox
