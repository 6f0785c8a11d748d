// The clipboard guard: sensitivity hints for every platform, the timed clear, "only if
// unchanged", and the clear on quit. Time is injected: the test fires the timer itself.

#include "secrets/ClipboardGuard.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using tokendesk::secrets::SecretBuffer;
using tokendesk::ui::ClipboardGuard;

class TestClipboardGuard : public QObject
{
    Q_OBJECT

private:
    QList<std::pair<int, std::function<void()>>> m_scheduled;

    std::unique_ptr<ClipboardGuard> guard()
    {
        m_scheduled.clear();
        auto result = std::make_unique<ClipboardGuard>(QApplication::clipboard());
        result->setScheduler([this](int milliseconds, std::function<void()> callback) {
            m_scheduled.append({milliseconds, std::move(callback)});
        });
        return result;
    }

private Q_SLOTS:
    void init() { QApplication::clipboard()->clear(); }

    void marksTheSecretAsSensitive()
    {
        auto clipboardGuard = guard();
        clipboardGuard->copySecret(SecretBuffer("tdk_api_SECRET0001"));
        const QMimeData *data = QApplication::clipboard()->mimeData();
        QVERIFY(data);
        QCOMPARE(data->text(), QStringLiteral("tdk_api_SECRET0001"));
        QCOMPARE(data->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
        QVERIFY(data->hasFormat(QStringLiteral("application/x-qt-windows-mime;value=\"ExcludeClipboardContentFromMonitorProcessing\"")));
        QCOMPARE(data->data(QStringLiteral("application/x-qt-windows-mime;value=\"CanIncludeInClipboardHistory\"")), QByteArray(4, '\0'));
        QCOMPARE(data->data(QStringLiteral("application/x-qt-windows-mime;value=\"CanUploadToCloudClipboard\"")), QByteArray(4, '\0'));
        QVERIFY(data->hasFormat(QStringLiteral("application/x-nspasteboard-concealed-type")));
    }

    void clearsAfterTheTimeout()
    {
        auto clipboardGuard = guard();
        clipboardGuard->setClearAfterSeconds(30);
        QSignalSpy cleared(clipboardGuard.get(), &ClipboardGuard::cleared);
        clipboardGuard->copySecret(SecretBuffer("tdk_api_SECRET0002"));
        QCOMPARE(m_scheduled.size(), 1);
        QCOMPARE(m_scheduled.first().first, 30000);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("tdk_api_SECRET0002"));
        m_scheduled.first().second(); // 30 s later
        QVERIFY(QApplication::clipboard()->text().isEmpty());
        QCOMPARE(cleared.size(), 1);
    }

    void leavesWhatTheUserCopiedSince()
    {
        auto clipboardGuard = guard();
        clipboardGuard->copySecret(SecretBuffer("tdk_api_SECRET0003"));
        QApplication::clipboard()->setText(QStringLiteral("something the user copied"));
        m_scheduled.first().second();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("something the user copied"));
    }

    void aLaterCopyIsNotClearedByAnEarlierTimer()
    {
        auto clipboardGuard = guard();
        clipboardGuard->copySecret(SecretBuffer("tdk_api_SECRET0004"));
        clipboardGuard->copySecret(SecretBuffer("tdk_api_SECRET0005"));
        QCOMPARE(m_scheduled.size(), 2);
        m_scheduled.at(0).second(); // the first copy's timer
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("tdk_api_SECRET0005"));
        m_scheduled.at(1).second();
        QVERIFY(QApplication::clipboard()->text().isEmpty());
    }

    void clearsOnQuit()
    {
        auto clipboardGuard = guard();
        clipboardGuard->copySecret(SecretBuffer("tdk_api_SECRET0006"));
        QMetaObject::invokeMethod(qApp, "aboutToQuit"); // what QApplication::quit() emits
        QVERIFY(QApplication::clipboard()->text().isEmpty());

        clipboardGuard->copySecret(SecretBuffer("tdk_api_SECRET0007"));
        clipboardGuard.reset(); // and when the guard goes with the window
        QVERIFY(QApplication::clipboard()->text().isEmpty());
    }
};

QTEST_MAIN(TestClipboardGuard)
#include "tst_clipboardguard.moc"
