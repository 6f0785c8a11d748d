#pragma once

#include "secrets/SecretBuffer.h"

#include <QByteArray>
#include <QObject>
#include <functional>

class QClipboard;

namespace tokendesk::ui {

// Puts a secret on the clipboard the way a password manager does: marked as sensitive for
// clipboard managers and history on every platform, cleared after a timeout only if the
// clipboard still holds what was copied, and cleared when TokenDesk quits.
class ClipboardGuard : public QObject
{
    Q_OBJECT

public:
    // How the guard waits: the app uses a timer, tests fire the callback themselves.
    using Scheduler = std::function<void(int milliseconds, std::function<void()> callback)>;
    static constexpr int kDefaultClearSeconds = 30;

    explicit ClipboardGuard(QClipboard *clipboard, QObject *parent = nullptr);
    ~ClipboardGuard() override;

    void setScheduler(Scheduler scheduler) { m_schedule = std::move(scheduler); }
    void setClearAfterSeconds(int seconds) { m_clearAfterSeconds = seconds; }
    int clearAfterSeconds() const { return m_clearAfterSeconds; }

    void copySecret(const secrets::SecretBuffer &secret);
    // Clears the clipboard if it still holds our secret; called on timeout and on quit.
    void clearIfOurs();
    bool holdsSecret() const;

Q_SIGNALS:
    void cleared();

private:
    QClipboard *m_clipboard;
    Scheduler m_schedule;
    int m_clearAfterSeconds = kDefaultClearSeconds;
    QByteArray m_fingerprint; // a hash of what we put there, never the secret itself
    quint64 m_generation = 0; // a later copy outlives the timer of an earlier one
};

} // namespace tokendesk::ui
