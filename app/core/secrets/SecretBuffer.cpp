#include "SecretBuffer.h"

namespace tokendesk::secrets {

SecretBuffer::SecretBuffer(QByteArray bytes)
    : m_bytes(std::move(bytes))
{
    m_bytes.detach(); // our own copy, so that wiping it reaches no one else's
}

SecretBuffer::SecretBuffer(const SecretBuffer &other)
    : m_bytes(other.m_bytes)
{
    m_bytes.detach();
}

SecretBuffer &SecretBuffer::operator=(const SecretBuffer &other)
{
    if (this != &other) {
        wipe(m_bytes);
        m_bytes = other.m_bytes;
        m_bytes.detach();
    }
    return *this;
}

SecretBuffer::~SecretBuffer()
{
    wipe(m_bytes);
}

void SecretBuffer::clear()
{
    wipe(m_bytes);
    m_bytes.clear();
}

void SecretBuffer::wipe(QByteArray &bytes)
{
    if (bytes.isEmpty() || !bytes.isDetached())
        return;
    // volatile: the compiler may not drop stores to memory that is about to be freed.
    volatile char *data = bytes.data();
    for (qsizetype i = 0; i < bytes.size(); ++i)
        data[i] = 0;
}

} // namespace tokendesk::secrets
