// docs/portal-api.yaml is a valid OpenAPI document (checked by Redocly's linter, a tool the
// project did not write), and it describes exactly the routes the sandbox serves.

#include "SandboxProcess.h"
#include "HttpProbe.h"

#include "SandboxRoutes.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk::sandbox;

class TestPortalContract : public QObject
{
    Q_OBJECT

private:
    QString m_source = QStringLiteral(TOKENDESK_SOURCE_DIR);
    QTemporaryDir m_work;
    QJsonObject m_document;

    QString redocly() const
    {
        return m_source + QStringLiteral("/tools/openapi/node_modules/.bin/redocly");
    }
    int runRedocly(const QStringList &arguments, QString *output)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // No telemetry, no update check: the linter must not reach for the network.
        environment.insert(QStringLiteral("REDOCLY_TELEMETRY"), QStringLiteral("off"));
        environment.insert(QStringLiteral("REDOCLY_SUPPRESS_UPDATE_NOTICE"), QStringLiteral("true"));
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(m_source);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(redocly(), arguments);
        if (!process.waitForFinished(180000))
            return -1;
        *output = QString::fromUtf8(process.readAll());
        return process.exitCode();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(redocly()),
                 "the OpenAPI linter is not installed: run scripts/dev.sh deps "
                 "(npm ci in tools/openapi)");
        QVERIFY(m_work.isValid());
    }

    void contractLintsWithoutWarnings()
    {
        QString output;
        const int status = runRedocly({QStringLiteral("lint"), QStringLiteral("--config"),
                                       QStringLiteral("tools/openapi/redocly.yaml"),
                                       QStringLiteral("--extends"), QStringLiteral("recommended-strict"),
                                       QStringLiteral("docs/portal-api.yaml")},
                                      &output);
        QVERIFY2(status == 0, qPrintable(output));
        QVERIFY2(!output.contains(QStringLiteral("warning"), Qt::CaseInsensitive), qPrintable(output));
    }

    void bundleForComparison()
    {
        const QString bundled = m_work.filePath(QStringLiteral("portal-api.json"));
        QString output;
        const int status = runRedocly({QStringLiteral("bundle"), QStringLiteral("docs/portal-api.yaml"),
                                       QStringLiteral("--ext"), QStringLiteral("json"),
                                       QStringLiteral("-o"), bundled},
                                      &output);
        QVERIFY2(status == 0, qPrintable(output));
        QFile file(bundled);
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_document = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(m_document.value(QStringLiteral("openapi")).toString().left(3), QStringLiteral("3.1"));
    }

    void documentAndSandboxHaveTheSameOperations()
    {
        QVERIFY(!m_document.isEmpty());
        QSet<QString> documented;
        const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            const QJsonObject operations = path.value().toObject();
            for (auto op = operations.begin(); op != operations.end(); ++op) {
                const QString method = op.key().toUpper();
                if (!QStringList{QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                                 QStringLiteral("PATCH"), QStringLiteral("DELETE")}
                         .contains(method))
                    continue;
                documented.insert(QStringLiteral("%1 %2 %3")
                                      .arg(method, path.key(),
                                           op.value().toObject().value(QStringLiteral("operationId")).toString()));
            }
        }
        QSet<QString> served;
        for (const SandboxRoute &route : SandboxRoutes::all())
            served.insert(QStringLiteral("%1 %2 %3")
                              .arg(QString::fromLatin1(route.method), route.path, route.operationId));
        const QSet<QString> undocumented = served - documented;
        const QSet<QString> unserved = documented - served;
        QVERIFY2(undocumented.isEmpty(), qPrintable(QStringList(undocumented.values()).join(QStringLiteral("; "))));
        QVERIFY2(unserved.isEmpty(), qPrintable(QStringList(unserved.values()).join(QStringLiteral("; "))));
    }

    // Every operation really answers on the running sandbox (not the "no such path" 404),
    // and an unauthenticated call gets a status the document lists for it.
    void everyDocumentedOperationAnswers()
    {
        QVERIFY(!m_document.isEmpty());
        SandboxProcess sandbox;
        QVERIFY(sandbox.start({QStringLiteral("--client"), QStringLiteral("a:b:administrator")}));
        HttpProbe http(sandbox.url());
        const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
        int checked = 0;
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            QString concrete = path.key();
            concrete.replace(QStringLiteral("{deployment_id}"), QStringLiteral("dep_x"))
                .replace(QStringLiteral("{token_id}"), QStringLiteral("tok_x"));
            const QJsonObject operations = path.value().toObject();
            for (auto op = operations.begin(); op != operations.end(); ++op) {
                if (!op.value().isObject() || !op.value().toObject().contains(QStringLiteral("responses")))
                    continue;
                const auto reply = http.send(op.key().toUpper().toLatin1(), concrete);
                QVERIFY2(!reply.body.contains("has no such path"), qPrintable(path.key()));
                const QJsonObject responses = op.value().toObject().value(QStringLiteral("responses")).toObject();
                QVERIFY2(responses.contains(QString::number(reply.status)) ||
                             responses.contains(QStringLiteral("%1XX").arg(reply.status / 100)),
                         qPrintable(QStringLiteral("%1 %2 answered %3, not documented")
                                        .arg(op.key(), path.key()).arg(reply.status)));
                ++checked;
            }
        }
        QCOMPARE(checked, SandboxRoutes::all().size());
    }
};

QTEST_GUILESS_MAIN(TestPortalContract)
#include "tst_portal_contract.moc"
