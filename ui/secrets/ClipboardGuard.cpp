#include "ClipboardGuard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>
#include <QPointer>
#include <QTimer>

namespace tokendesk::ui {

namespace {

QByteArray fingerprintOf(const QByteArray &text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256);
}

// A little-endian DWORD 0, as the Windows clipboard formats below expect.
QByteArray dwordZero()
{
    return QByteArray(4, '\0');
}

} // namespace

ClipboardGuard::ClipboardGuard(QClipboard *clipboard, QObject *parent)
    : QObject(parent)
    , m_clipboard(clipboard)
    , m_schedule([this](int milliseconds, std::function<void()> callback) {
        QTimer::singleShot(milliseconds, this, std::move(callback));
    })
{
    connect(qApp, &QCoreApplication::aboutToQuit, this, &ClipboardGuard::clearIfOurs);
}

ClipboardGuard::~ClipboardGuard()
{
    clearIfOurs();
}

void ClipboardGuard::copySecret(const secrets::SecretBuffer &secret)
{
    auto *data = new QMimeData;
    data->setData(QStringLiteral("text/plain;charset=utf-8"), secret.bytes());
    data->setText(QString::fromUtf8(secret.bytes()));
    // KDE Klipper and other clipboard managers: do not keep it.
    data->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    // Windows: keep it out of clipboard history, cloud clipboard and monitors.
    data->setData(QStringLiteral("application/x-qt-windows-mime;value=\"ExcludeClipboardContentFromMonitorProcessing\""),
                  dwordZero());
    data->setData(QStringLiteral("application/x-qt-windows-mime;value=\"CanIncludeInClipboardHistory\""),
                  dwordZero());
    data->setData(QStringLiteral("application/x-qt-windows-mime;value=\"CanUploadToCloudClipboard\""),
                  dwordZero());
    // macOS: the pasteboard type password managers use for concealed content.
    data->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), secret.bytes());
    m_fingerprint = fingerprintOf(secret.bytes());
    m_clipboard->setMimeData(data, QClipboard::Clipboard);

    const quint64 generation = ++m_generation;
    const QPointer<ClipboardGuard> self(this);
    m_schedule(m_clearAfterSeconds * 1000, [self, generation] {
        if (self && self->m_generation == generation)
            self->clearIfOurs();
    });
}

bool ClipboardGuard::holdsSecret() const
{
    if (m_fingerprint.isEmpty())
        return false;
    const QMimeData *data = m_clipboard->mimeData(QClipboard::Clipboard);
    return data && fingerprintOf(data->text().toUtf8()) == m_fingerprint;
}

void ClipboardGuard::clearIfOurs()
{
    // Something else copied since: that is the user's now, and stays.
    if (holdsSecret()) {
        m_clipboard->clear(QClipboard::Clipboard);
        Q_EMIT cleared();
    }
    m_fingerprint.clear();
}

} // namespace tokendesk::ui
