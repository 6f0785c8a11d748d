#pragma once

#include <QByteArray>
#include <QString>

namespace tokendesk::secrets {

// A secret in memory for as short a time as possible: its bytes are overwritten when it is
// destroyed or cleared, instead of waiting in a freed QString for the next allocation.
class SecretBuffer
{
public:
    SecretBuffer() = default;
    explicit SecretBuffer(QByteArray bytes);
    SecretBuffer(const SecretBuffer &other);
    SecretBuffer &operator=(const SecretBuffer &other);
    ~SecretBuffer();

    const QByteArray &bytes() const { return m_bytes; }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    void clear();

    // Overwrites the bytes of an array that held a secret.
    static void wipe(QByteArray &bytes);

private:
    QByteArray m_bytes;
};

} // namespace tokendesk::secrets
