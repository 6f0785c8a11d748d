#include "ProfileSecret.h"

#include "CliOutput.h"
#include "KeychainAccess.h"
#include "SecretInput.h"

#include "secrets/SecretKeys.h"

#include <QCoreApplication>

namespace tokendesk::cli {

using namespace tokendesk::secrets;

ProfileSecret::ProfileSecret()
    : m_fromEnvironment(qgetenv("TOKENDESK_CLIENT_SECRET"))
{
}

ProfileSecret::~ProfileSecret()
{
    SecretBuffer::wipe(m_fromEnvironment);
    SecretBuffer::wipe(m_fromInput);
}

QByteArray ProfileSecret::obtain(const domain::Profile &profile, QString *error)
{
    if (!m_fromEnvironment.isEmpty())
        return m_fromEnvironment;
    SecretBuffer stored;
    const SecretError keychain = KeychainAccess::load(SecretKeys::clientSecret(profile.id), &stored);
    if (!keychain.isError())
        return stored.bytes();
    if (keychain.kind != SecretError::Kind::NotFound)
        CliOutput::err(QCoreApplication::translate("ProfileSecret", "%1: %2\n")
                           .arg(profile.name, keychain.message));
    if (m_fromInput.isEmpty()) {
        SecretInput::Result input = SecretInput::read(
            QCoreApplication::translate("ProfileSecret", "Client secret for %1: ").arg(profile.clientId));
        if (!input.error.isEmpty()) {
            *error = input.error;
            return {};
        }
        m_fromInput = input.secret;
        SecretBuffer::wipe(input.secret);
    }
    return m_fromInput;
}

} // namespace tokendesk::cli
