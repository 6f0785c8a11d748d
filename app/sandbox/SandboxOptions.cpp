#include "SandboxOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace tokendesk::sandbox {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SandboxOptions", text);
}

std::optional<double> parseRate(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < 0.0 || value > 1.0)
        return std::nullopt;
    return value;
}

std::optional<int> parseCount(const QString &text, int minimum, int maximum)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

bool isLoopback(const QHostAddress &address)
{
    return address.isLoopback();
}

} // namespace

QString SandboxOptions::helpText()
{
    return tr("Usage: tokendesk-portal-sandbox --client ID:SECRET:ROLE [options]\n"
              "\n"
              "A local portal that implements the TokenDesk portal API (docs/portal-api.yaml),\n"
              "for the demo, for tests and as a reference implementation.\n"
              "\n"
              "Options:\n"
              "  --listen HOST:PORT    loopback address to listen on (default 127.0.0.1:0,\n"
              "                        a free port); the first line printed is\n"
              "                        'listening http://HOST:PORT'\n"
              "  --data DIR            keep the portal's data in DIR/sandbox.sqlite\n"
              "                        (default: in memory, gone on exit)\n"
              "  --client ID:SECRET:ROLE\n"
              "                        register an OAuth client; ROLE is administrator,\n"
              "                        consumer or consumer_reader (repeatable, at least one)\n"
              "  --seed demo|N         fill an empty portal: 'demo' for three deployments and\n"
              "                        about 40 realistic tokens, or N tokens for benchmarks\n"
              "  --latency-ms MS       delay every response by MS milliseconds\n"
              "  --fault-rate P        answer this share of requests (0..1) with 500 or 503\n"
              "  --drop-rate P         close the connection in the middle of this share of\n"
              "                        responses, after the request took effect\n"
              "  --rate-limit N        allow N requests per minute, then answer 429 with\n"
              "                        Retry-After\n"
              "  --token-ttl S         access tokens expire after S seconds (default 1800)\n"
              "  --random-seed N       make fault injection repeatable\n"
              "  --help, --version\n");
}

SandboxOptions::Parsed SandboxOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("help"), QStringLiteral("h")});
    const QCommandLineOption version(QStringLiteral("version"));
    const QCommandLineOption listen(QStringLiteral("listen"), QString(), QStringLiteral("addr"));
    const QCommandLineOption data(QStringLiteral("data"), QString(), QStringLiteral("dir"));
    const QCommandLineOption client(QStringLiteral("client"), QString(), QStringLiteral("c"));
    const QCommandLineOption seed(QStringLiteral("seed"), QString(), QStringLiteral("s"));
    const QCommandLineOption latency(QStringLiteral("latency-ms"), QString(), QStringLiteral("ms"));
    const QCommandLineOption fault(QStringLiteral("fault-rate"), QString(), QStringLiteral("p"));
    const QCommandLineOption drop(QStringLiteral("drop-rate"), QString(), QStringLiteral("p"));
    const QCommandLineOption rate(QStringLiteral("rate-limit"), QString(), QStringLiteral("n"));
    const QCommandLineOption ttl(QStringLiteral("token-ttl"), QString(), QStringLiteral("s"));
    const QCommandLineOption randomSeed(QStringLiteral("random-seed"), QString(),
                                        QStringLiteral("n"));
    parser.addOptions(
        {help, version, listen, data, client, seed, latency, fault, drop, rate, ttl, randomSeed});

    Parsed parsed;
    if (!parser.parse(arguments)) {
        parsed.error = parser.errorText();
        return parsed;
    }
    if (parser.isSet(help)) {
        parsed.helpRequested = true;
        return parsed;
    }
    if (parser.isSet(version)) {
        parsed.versionRequested = true;
        return parsed;
    }
    if (!parser.positionalArguments().isEmpty()) {
        parsed.error = tr("unexpected argument “%1”").arg(parser.positionalArguments().first());
        return parsed;
    }

    SandboxOptions options;
    if (parser.isSet(listen)) {
        const QString value = parser.value(listen);
        const int colon = value.lastIndexOf(QLatin1Char(':'));
        QString host = value.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        const auto port = parseCount(value.mid(colon + 1), 0, 65535);
        if (colon < 0 || !port) {
            parsed.error = tr("--listen needs HOST:PORT, for example 127.0.0.1:8080 or [::1]:0");
            return parsed;
        }
        QHostAddress address;
        if (host == QLatin1String("localhost"))
            address = QHostAddress(QHostAddress::LocalHost);
        else if (!address.setAddress(host)) {
            parsed.error = tr("--listen: “%1” is not an IP address").arg(host);
            return parsed;
        }
        if (!isLoopback(address)) {
            parsed.error = tr("--listen: the sandbox only listens on loopback addresses "
                              "(127.0.0.0/8 or ::1), not %1")
                               .arg(host);
            return parsed;
        }
        options.listenAddress = address;
        options.port = quint16(*port);
    }
    options.dataDir = parser.value(data);
    if (parser.isSet(data) && options.dataDir.isEmpty()) {
        parsed.error = tr("--data needs a directory");
        return parsed;
    }
    for (const QString &value : parser.values(client)) {
        const QStringList parts = value.split(QLatin1Char(':'));
        const auto role = parts.size() == 3 ? domain::portalRoleFromName(parts.at(2)) : std::nullopt;
        if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty() || !role) {
            parsed.error = tr("--client needs ID:SECRET:ROLE with ROLE administrator, consumer "
                              "or consumer_reader, for example ci:s3cret:consumer");
            return parsed;
        }
        for (const SandboxClient &known : options.clients) {
            if (known.id == parts.at(0)) {
                parsed.error = tr("--client: “%1” is given twice").arg(known.id);
                return parsed;
            }
        }
        options.clients.append(SandboxClient{parts.at(0), parts.at(1), *role});
    }
    if (options.clients.isEmpty()) {
        parsed.error = tr("at least one --client ID:SECRET:ROLE is needed, for example "
                          "--client demo:demo-secret:administrator");
        return parsed;
    }
    if (parser.isSet(seed)) {
        options.seed = parser.value(seed);
        if (options.seed != QLatin1String("demo") && !parseCount(options.seed, 1, 1000000)) {
            parsed.error = tr("--seed takes 'demo' or a token count from 1 to 1000000");
            return parsed;
        }
    }
    if (parser.isSet(latency)) {
        const auto value = parseCount(parser.value(latency), 0, 600000);
        if (!value) {
            parsed.error = tr("--latency-ms takes milliseconds from 0 to 600000");
            return parsed;
        }
        options.latencyMs = *value;
    }
    for (const auto &[option, target] :
         {std::pair{&fault, &options.faultRate}, std::pair{&drop, &options.dropRate}}) {
        if (!parser.isSet(*option))
            continue;
        const auto value = parseRate(parser.value(*option));
        if (!value) {
            parsed.error = tr("--%1 takes a share from 0 to 1, such as 0.1")
                               .arg(option->names().constFirst());
            return parsed;
        }
        *target = *value;
    }
    if (parser.isSet(rate)) {
        const auto value = parseCount(parser.value(rate), 0, 1000000);
        if (!value) {
            parsed.error = tr("--rate-limit takes requests per minute from 0 (no limit) to 1000000");
            return parsed;
        }
        options.rateLimitPerMinute = *value;
    }
    if (parser.isSet(ttl)) {
        const auto value = parseCount(parser.value(ttl), 1, 86400 * 7);
        if (!value) {
            parsed.error = tr("--token-ttl takes seconds from 1 to 604800");
            return parsed;
        }
        options.tokenTtlSeconds = *value;
    }
    if (parser.isSet(randomSeed)) {
        bool ok = false;
        const uint value = parser.value(randomSeed).toUInt(&ok);
        if (!ok) {
            parsed.error = tr("--random-seed takes a non-negative integer");
            return parsed;
        }
        options.randomSeed = value;
    }
    parsed.options = options;
    return parsed;
}

} // namespace tokendesk::sandbox
