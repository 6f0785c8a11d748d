#include "ValidationTestSupport.h"

#include "validation/OriginValidator.h"

#include <QTest>

using namespace tokendesk::validation;
using namespace tokendesk::validation::testing;

class TestOriginValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalForms_data();
    void canonicalForms();
    void fixesValidate_data();
    void fixesValidate();
};

void TestOriginValidator::canonicalForms_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical"); // empty: invalid
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("fix"); // of the first error; when valid, the first fix offered

    // Plain and normalised forms
    QTest::newRow("plain") << "https://example.com" << "https://example.com" << "" << "";
    QTest::newRow("trimmed") << "  https://example.com\t" << "https://example.com" << "" << "";
    QTest::newRow("scheme added") << "example.com" << "https://example.com" << "origin.scheme-added" << "https://example.com";
    QTest::newRow("upper case") << "HTTPS://WWW.Example.COM" << "https://www.example.com" << "host.uppercase" << "https://www.example.com";
    QTest::newRow("default https port") << "https://example.com:443" << "https://example.com" << "origin.default-port" << "https://example.com";
    QTest::newRow("default http port") << "http://localhost:80" << "http://localhost" << "origin.default-port,host.loopback" << "http://localhost";
    QTest::newRow("other port kept") << "https://example.com:8443" << "https://example.com:8443" << "" << "";
    QTest::newRow("leading zero port") << "https://example.com:08443" << "https://example.com:8443" << "" << "";
    QTest::newRow("trailing slash") << "https://example.com/" << "https://example.com" << "origin.trailing-slash" << "https://example.com";
    QTest::newRow("trailing dot") << "https://example.com." << "https://example.com" << "host.trailing-dot" << "https://example.com";
    QTest::newRow("idn") << "https://Bücher.de:443/" << "https://xn--bcher-kva.de"
                         << "host.uppercase,host.idn-converted,origin.default-port,origin.trailing-slash"
                         << "https://xn--bcher-kva.de";
    QTest::newRow("idn sharp s nontransitional") << "https://faß.de" << "https://xn--fa-hia.de" << "host.idn-converted" << "https://xn--fa-hia.de";
    QTest::newRow("fullwidth letters") << "https://ｅｘａｍｐｌｅ.com" << "https://example.com" << "host.idn-converted" << "https://example.com";
    QTest::newRow("look-alike cyrillic a") << "https://exаmple.com" << "https://xn--exmple-4nf.com" << "host.idn-converted" << "https://xn--exmple-4nf.com";
    QTest::newRow("a-label kept") << "https://xn--bcher-kva.de" << "https://xn--bcher-kva.de" << "" << "";

    // Schemes
    QTest::newRow("http insecure") << "http://example.com" << "http://example.com" << "origin.insecure-scheme" << "https://example.com";
    QTest::newRow("http insecure keeps port") << "http://example.com:8080" << "http://example.com:8080" << "origin.insecure-scheme" << "https://example.com:8080";
    QTest::newRow("http loopback ok") << "http://localhost:3000" << "http://localhost:3000" << "host.loopback" << "";
    QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8080" << "http://127.0.0.1:8080" << "host.ip-literal,host.loopback" << "";
    QTest::newRow("ftp") << "ftp://example.com" << "" << "origin.scheme-unsupported" << "";
    QTest::newRow("opaque scheme") << "javascript:alert(1)" << "" << "origin.scheme-unsupported" << "";
    QTest::newRow("host and port, no scheme") << "example.com:8443" << "https://example.com:8443" << "origin.scheme-added" << "https://example.com:8443";

    // Ports
    QTest::newRow("port 0") << "https://example.com:0" << "" << "origin.port-invalid" << "";
    QTest::newRow("port too big") << "https://example.com:65536" << "" << "origin.port-invalid" << "";
    QTest::newRow("port letters") << "https://example.com:https" << "" << "origin.port-invalid" << "";
    QTest::newRow("port empty") << "https://example.com:" << "" << "origin.port-invalid" << "";

    // Paths, userinfo, null
    QTest::newRow("path") << "https://example.com/app" << "" << "origin.has-path" << "https://example.com";
    QTest::newRow("query") << "https://example.com?x=1" << "" << "origin.has-path" << "https://example.com";
    QTest::newRow("fragment") << "https://example.com#top" << "" << "origin.has-path" << "https://example.com";
    QTest::newRow("userinfo") << "https://user:pw@example.com" << "" << "origin.has-userinfo" << "https://example.com";
    QTest::newRow("userinfo and path") << "https://u@example.com/x" << "" << "origin.has-userinfo,origin.has-path" << "https://example.com";
    QTest::newRow("null") << "null" << "" << "origin.null" << "";
    QTest::newRow("NULL") << "NULL" << "" << "origin.null" << "";

    // Wildcards
    QTest::newRow("star") << "*" << "" << "origin.wildcard-all" << "";
    QTest::newRow("https star") << "https://*" << "" << "origin.wildcard-all" << "";
    QTest::newRow("star com") << "https://*.com" << "" << "origin.wildcard-all" << "";
    QTest::newRow("star co.uk") << "https://*.co.uk" << "" << "origin.wildcard-all" << "";
    QTest::newRow("star private suffix") << "https://*.github.io" << "" << "origin.wildcard-all" << "";
    QTest::newRow("star unlisted tld") << "https://*.intranet" << "" << "origin.wildcard-all" << "";
    QTest::newRow("star subdomain") << "https://*.example.com" << "https://*.example.com" << "origin.wildcard-subdomain" << "";
    QTest::newRow("star below co.uk") << "https://*.example.co.uk" << "https://*.example.co.uk" << "origin.wildcard-subdomain" << "";
    QTest::newRow("star middle") << "https://a.*.example.com" << "" << "origin.wildcard-position" << "";
    QTest::newRow("star glued") << "https://*example.com" << "" << "origin.wildcard-position" << "";
    QTest::newRow("star in label") << "https://ex*ample.com" << "" << "origin.wildcard-position" << "";
    QTest::newRow("two stars") << "https://*.*.example.com" << "" << "origin.wildcard-position" << "";

    // Hosts
    QTest::newRow("underscore") << "https://a_b.example.com" << "" << "host.invalid" << "";
    QTest::newRow("empty label") << "https://a..example.com" << "" << "host.invalid" << "";
    QTest::newRow("leading hyphen") << "https://-a.example.com" << "" << "host.invalid" << "";
    QTest::newRow("trailing hyphen") << "https://a-.example.com" << "" << "host.invalid" << "";
    QTest::newRow("label 64") << QStringLiteral("https://%1.com").arg(QString(64, QLatin1Char('a'))) << "" << "host.invalid" << "";
    QTest::newRow("label 63") << QStringLiteral("https://%1.com").arg(QString(63, QLatin1Char('a')))
                              << QStringLiteral("https://%1.com").arg(QString(63, QLatin1Char('a'))) << "" << "";
    QTest::newRow("name 254") << QStringLiteral("https://%1.%2.%3.%4.com").arg(QString(63, QLatin1Char('a')), QString(63, QLatin1Char('b')), QString(63, QLatin1Char('c')), QString(58, QLatin1Char('d')))
                              << "" << "host.invalid" << "";
    QTest::newRow("bad punycode") << "https://xn--zz.com" << "" << "host.invalid" << "";
    QTest::newRow("empty host") << "https://" << "" << "host.invalid" << "";
    QTest::newRow("numeric tld") << "https://example.123" << "" << "host.invalid" << "";
    QTest::newRow("single label") << "https://intranet" << "https://intranet" << "host.single-label" << "";
    QTest::newRow("localhost") << "https://localhost" << "https://localhost" << "host.loopback" << "";
    QTest::newRow("below localhost") << "http://app.localhost:5173" << "http://app.localhost:5173" << "host.loopback" << "";
    QTest::newRow("ipv4 literal") << "https://203.0.113.9" << "https://203.0.113.9" << "host.ip-literal" << "";
    QTest::newRow("ipv4 short") << "https://127.1" << "" << "host.ipv4-noncanonical" << "https://127.0.0.1";
    QTest::newRow("ipv4 hex") << "https://0x7f.0.0.1" << "" << "host.ipv4-noncanonical" << "https://127.0.0.1";
    QTest::newRow("ipv4 octal ambiguous") << "https://010.0.0.1" << "" << "host.ipv4-noncanonical" << "";
    QTest::newRow("ipv4 integer") << "https://2130706433" << "" << "host.ipv4-noncanonical" << "https://127.0.0.1";
    QTest::newRow("ipv4 out of range") << "https://256.1.1.1" << "" << "host.invalid" << "";
    QTest::newRow("fullwidth digits") << "https://１２７.0.0.1" << "https://127.0.0.1" << "host.idn-converted,host.ip-literal,host.loopback" << "https://127.0.0.1";
    QTest::newRow("ipv6 literal") << "https://[2001:DB8:0:0:0:0:0:1]:8443" << "https://[2001:db8::1]:8443" << "host.uppercase,host.ip-literal" << "https://[2001:db8::1]:8443";
    QTest::newRow("ipv6 loopback") << "http://[::1]:8080" << "http://[::1]:8080" << "host.ip-literal,host.loopback" << "";
    QTest::newRow("mapped loopback") << "http://[::ffff:127.0.0.1]" << "http://[::ffff:7f00:1]" << "host.ip-literal,host.loopback" << "";
    QTest::newRow("ipv6 unclosed") << "https://[::1" << "" << "host.invalid" << "";
    QTest::newRow("ipv6 zone") << "https://[fe80::1%25eth0]" << "" << "host.invalid" << "";

    // Found in review
    QTest::newRow("wildcard over wildcard-rule parent") << "https://*.kawasaki.jp" << "" << "origin.wildcard-all" << "";
    QTest::newRow("wildcard over suffix below") << "https://*.amazonaws.com" << "" << "origin.wildcard-all" << "";
    QTest::newRow("backslash ends the host") << "https://evil.com\\@example.com" << "" << "origin.has-path" << "https://evil.com";
    QTest::newRow("insecure fix drops 443") << "http://example.com:443" << "http://example.com:443" << "origin.insecure-scheme" << "https://example.com";
    QTest::newRow("ideographic trailing dot") << QStringLiteral("https://example.com\u3002") << "https://example.com" << "host.trailing-dot,host.idn-converted" << "https://example.com";

    // Every entry
    QTest::newRow("inner space") << "https://exa mple.com" << "" << "entry.whitespace" << "";
    QTest::newRow("control char") << QStringLiteral("https://exa\u0007mple.com") << "" << "entry.control-char" << "";
    QTest::newRow("zero width space") << QStringLiteral("https://exa\u200Bmple.com") << "" << "entry.control-char" << "";
    QTest::newRow("too long") << QStringLiteral("https://%1.com").arg(QString(2100, QLatin1Char('a'))) << "" << "entry.too-long" << "";
}

void TestOriginValidator::canonicalForms()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QFETCH(QString, rules);
    QFETCH(QString, fix);

    const EntryResult result = OriginValidator::validate(input);
    QCOMPARE(result.input, input);
    QCOMPARE(ruleIds(result.findings), sortedRules(rules));
    QCOMPARE(result.isValid(), !canonical.isEmpty());
    QCOMPARE(result.canonical, canonical);
    QString actualFix = result.isValid() ? QString() : fixOf(result.findings);
    for (const Finding &finding : result.findings) {
        if (result.isValid() && finding.fix) {
            actualFix = *finding.fix;
            break;
        }
    }
    QCOMPARE(actualFix, fix);
}

void TestOriginValidator::fixesValidate_data()
{
    canonicalForms_data();
}

void TestOriginValidator::fixesValidate()
{
    QFETCH(QString, input);
    verifyFixesValidate(ControlKind::Origin, input);
}

QTEST_GUILESS_MAIN(TestOriginValidator)
#include "tst_originvalidator.moc"
