#pragma once

#include <QObject>
#include <QPointer>

class QNetworkReply;
class QTimer;

namespace tokendesk::portal {

// A request in flight, possibly spanning retries, a token refresh and several pages. The
// caller may cancel it; the callback then reports PortalErrorKind::Cancelled. The call
// deletes itself after it finished.
class PortalCall : public QObject
{
    Q_OBJECT

public:
    explicit PortalCall(QObject *parent = nullptr);

    void cancel();
    bool isCancelled() const { return m_cancelled; }
    bool isFinished() const { return m_finished; }

    // For the transport: the reply or timer of the current attempt, aborted on cancel.
    void setCurrentReply(QNetworkReply *reply);
    void setRetryTimer(QTimer *timer);
    void markFinished();

Q_SIGNALS:
    void cancelled();
    void finished();

private:
    QPointer<QNetworkReply> m_reply;
    QPointer<QTimer> m_retryTimer;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace tokendesk::portal
