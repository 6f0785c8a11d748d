#pragma once

#include "domain/Profile.h"

#include <QByteArray>
#include <QString>

namespace tokendesk::cli {

// A portal profile's client secret for one command: TOKENDESK_CLIENT_SECRET (for headless
// pipelines), else the keychain, else the first line of standard input (asked once).
class ProfileSecret
{
public:
    ProfileSecret();
    ~ProfileSecret();
    ProfileSecret(const ProfileSecret &) = delete;
    ProfileSecret &operator=(const ProfileSecret &) = delete;

    // Empty, with *error set, when there is none.
    QByteArray obtain(const domain::Profile &profile, QString *error);

private:
    QByteArray m_fromEnvironment;
    QByteArray m_fromInput;
};

} // namespace tokendesk::cli
