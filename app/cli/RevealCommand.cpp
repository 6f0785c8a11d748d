#include "RevealCommand.h"

#include "CliOutput.h"
#include "ExitCode.h"
#include "KeychainAccess.h"
#include "PortalWait.h"
#include "ProfileSecret.h"
#include "WorkspaceContext.h"

#include "portal/HttpPortalBackend.h"
#include "secrets/SecretKeys.h"
#include "store/ProfileStore.h"
#include "store/TokenStore.h"

#include <QNetworkAccessManager>

namespace tokendesk::cli {

using namespace tokendesk::portal;
using namespace tokendesk::secrets;

QString RevealCommand::summary() const
{
    return tr("Print a token's value, fetched from the portal (optionally kept in the keychain).");
}

int RevealCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() + QLatin1Char('\n') +
        tr("The value goes to standard output only. It is never written to the workspace, a\n"
           "log or an export. --remember keeps it in the OS keychain, so that it can be shown\n"
           "offline; --forget removes it from there."));
    const QCommandLineOption rememberOption(QStringLiteral("remember"), tr("Keep the value in the keychain."));
    const QCommandLineOption forgetOption(QStringLiteral("forget"), tr("Remove the kept value from the keychain."));
    parser.addOptions({rememberOption, forgetOption, WorkspaceContext::workspaceOption()});
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("token"), tr("The token's id."), QStringLiteral("TOKEN_ID"));
    const auto usage = [](const QString &message) {
        CliOutput::err(QStringLiteral("tokendesk-cli reveal: %1\n").arg(message));
        return int(UsageError);
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        CliOutput::out(parser.helpText().replace(QStringLiteral("[options]"), QStringLiteral("reveal [options]")));
        return Success;
    }
    if (parser.positionalArguments().size() != 1)
        return usage(tr("name one token id"));
    auto workspace = WorkspaceContext::open(parser, QStringLiteral("reveal"));
    if (!workspace)
        return WorkspaceUnusable;
    const QString tokenId = parser.positionalArguments().first();
    const QList<store::TokenRecord> found = store::TokenStore(*workspace).findById(tokenId);
    if (found.size() != 1)
        return usage(found.isEmpty() ? tr("no token “%1” in the workspace").arg(tokenId)
                                     : tr("“%1” is in several profiles").arg(tokenId));
    const auto profile = store::ProfileStore(*workspace).find(found.first().profileId);
    if (!profile || profile->isLocal())
        return usage(tr("only tokens of a portal profile have a value to reveal"));
    const QString key = SecretKeys::tokenValue(profile->id, tokenId);

    if (parser.isSet(forgetOption)) {
        const SecretError removed = KeychainAccess::remove(key);
        if (removed.isError()) {
            CliOutput::err(QStringLiteral("tokendesk-cli reveal: %1\n").arg(removed.message));
            return KeychainUnavailable;
        }
        CliOutput::err(tr("The value of %1 is no longer kept.\n").arg(tokenId));
        return Success;
    }

    ProfileSecret profileSecret;
    QString secretError;
    QByteArray clientSecret = profileSecret.obtain(*profile, &secretError);
    if (clientSecret.isEmpty())
        return usage(tr("no client secret for %1: %2").arg(profile->name, secretError));
    QNetworkAccessManager network;
    HttpPortalBackend backend(&network, QUrl(profile->baseUrl), PortalCredentials{profile->clientId, clientSecret});
    SecretBuffer::wipe(clientSecret);
    const auto revealed = waitFor<RevealedValue>(
        [&](PortalCallback<RevealedValue> done) { return backend.revealToken(tokenId, done); });
    SecretBuffer value;
    if (revealed.ok()) {
        value = SecretBuffer(revealed.value->value);
    } else if (revealed.error.isTransient() && KeychainAccess::load(key, &value).kind == SecretError::Kind::None) {
        CliOutput::err(tr("The portal cannot be reached; this is the value kept in the keychain.\n"));
    } else {
        CliOutput::err(QStringLiteral("tokendesk-cli reveal: %1\n").arg(revealed.error.message));
        return revealed.error.kind == PortalErrorKind::Forbidden ||
                       revealed.error.kind == PortalErrorKind::Unauthorized
                   ? PortalRefused
                   : PortalUnreachable;
    }
    if (parser.isSet(rememberOption) && revealed.ok()) {
        const SecretError stored = KeychainAccess::store(key, value);
        if (stored.isError()) {
            CliOutput::err(QStringLiteral("tokendesk-cli reveal: not kept: %1\n").arg(stored.message));
            return KeychainUnavailable;
        }
    }
    CliOutput::out(QString::fromUtf8(value.bytes()) + QLatin1Char('\n'));
    return Success;
}

} // namespace tokendesk::cli
