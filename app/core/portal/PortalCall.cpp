#include "PortalCall.h"

#include <QNetworkReply>
#include <QTimer>

namespace tokendesk::portal {

PortalCall::PortalCall(QObject *parent)
    : QObject(parent)
{
}

void PortalCall::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (m_retryTimer) {
        m_retryTimer->stop();
        m_retryTimer->deleteLater();
    }
    // A receiver of cancelled() may destroy the transport, and this call with it.
    const QPointer<PortalCall> self(this);
    Q_EMIT cancelled();
    if (self && m_reply)
        m_reply->abort();
}

void PortalCall::setCurrentReply(QNetworkReply *reply)
{
    m_reply = reply;
}

void PortalCall::setRetryTimer(QTimer *timer)
{
    m_retryTimer = timer;
}

void PortalCall::markFinished()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
    deleteLater();
}

} // namespace tokendesk::portal
