// Properties that must hold for any input, checked over many generated ones (fixed seed,
// so a failure reproduces): canonical forms are stable, fixes validate to themselves, and
// nothing crashes.

#include "validation/ControlValidator.h"

#include <QRandomGenerator>
#include <QTest>

using namespace tokendesk::validation;

Q_DECLARE_METATYPE(tokendesk::validation::ControlKind)

namespace {

// Pieces that entries are made of, so that generated text often gets deep into the parsers.
const QStringList kPieces = {
    "https://", "http://", "ftp://", "//", "*.", "*", ".", "..", ":", "::", "/", "%", "%2e", "%7E",
    "%zz", "?", "#", "@", "[", "]", "-", "_", "0", "1", "00", "010", "0x", "ff", "255", "256",
    "127", "10", "192.168", "::ffff:", "fe80", "%eth0", "/8", "/32", "/128", "/0", "example",
    "com", "co.uk", "github.io", "localhost", "xn--", "bücher", "ß", "а", "Ａ", "EXAMPLE", ":443",
    ":80", ":0", ":65536", "null", " ", "\t", ",", "\\", "1.2.3.4", "8.8.8.", "2001:4860:",
    "-8.8.8.9", "/24",
};

QString generate(QRandomGenerator &random)
{
    QString text;
    const int count = int(random.bounded(1, 6));
    for (int i = 0; i < count; ++i)
        text += kPieces.at(int(random.bounded(kPieces.size())));
    return text;
}

} // namespace

class TestValidationProperties : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedInputs_data();
    void generatedInputs();
};

void TestValidationProperties::generatedInputs_data()
{
    QTest::addColumn<ControlKind>("kind");
    QTest::newRow("origin") << ControlKind::Origin;
    QTest::newRow("url") << ControlKind::Url;
    QTest::newRow("ip") << ControlKind::Ip;
}

void TestValidationProperties::generatedInputs()
{
    QFETCH(ControlKind, kind);
    QRandomGenerator random(20261203);
    int valid = 0;
    for (int i = 0; i < 20000; ++i) {
        const QString input = generate(random);
        const auto result = ControlValidator::validateEntry(kind, input);
        if (!result)
            continue;
        const QByteArray context = input.toUtf8();
        if (result->isValid()) {
            ++valid;
            QVERIFY2(!result->canonical.isEmpty(), context.constData());
            const auto again = ControlValidator::validateEntry(kind, result->canonical);
            QVERIFY2(again && again->isValid(), context.constData());
            QVERIFY2(again->canonical == result->canonical,
                     qPrintable(input + QStringLiteral(" → ") + result->canonical
                                + QStringLiteral(" → ") + again->canonical));
        } else {
            QVERIFY2(result->canonical.isEmpty(), context.constData());
        }
        for (const Finding &finding : result->findings) {
            if (!finding.fix)
                continue;
            const auto fixed = ControlValidator::validateEntry(kind, *finding.fix);
            QVERIFY2(fixed && fixed->isValid() && fixed->canonical == *finding.fix,
                     qPrintable(input + QStringLiteral(" fix ") + *finding.fix));
        }
    }
    // The generator must reach valid entries too, or the properties above say little.
    QVERIFY2(valid > 100, qPrintable(QString::number(valid)));
}

QTEST_GUILESS_MAIN(TestValidationProperties)
#include "tst_validationproperties.moc"
