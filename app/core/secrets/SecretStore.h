#pragma once

#include "SecretBuffer.h"
#include "SecretError.h"

#include <QObject>
#include <functional>

namespace tokendesk::secrets {

// The only door to stored secrets. Asynchronous: each callback runs once, on the caller's
// thread. Keys come from SecretKeys. Implementations never write a secret anywhere else.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const SecretError &)>;
    using Read = std::function<void(const SecretBuffer &, const SecretError &)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    virtual void write(const QString &key, const SecretBuffer &secret, Done done) = 0;
    virtual void read(const QString &key, Read done) = 0;
    virtual void remove(const QString &key, Done done) = 0;
};

} // namespace tokendesk::secrets
