#include "ValidationTestSupport.h"

#include "validation/PathNormaliser.h"
#include "validation/PermittedUrlValidator.h"

#include <QTest>

using namespace tokendesk::validation;
using namespace tokendesk::validation::testing;

class TestPermittedUrlValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalForms_data();
    void canonicalForms();
    void fixesValidate_data();
    void fixesValidate();
    void removeDotSegments_data();
    void removeDotSegments();
};

void TestPermittedUrlValidator::canonicalForms_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical"); // empty: invalid
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("fix"); // of the first error, or of the named rule's finding
    QTest::addColumn<QString>("fixRule");

    QTest::newRow("portal form") << "www.example.com" << "www.example.com" << "" << "" << "";
    QTest::newRow("scheme kept") << "https://www.example.com" << "https://www.example.com" << "" << "" << "";
    QTest::newRow("root slash dropped") << "https://example.com/" << "https://example.com" << "" << "" << "";
    QTest::newRow("path kept") << "https://example.com/shop" << "https://example.com/shop" << "url.path-may-not-match" << "" << "";
    QTest::newRow("trailing slash kept") << "https://example.com/shop/" << "https://example.com/shop/" << "url.path-may-not-match" << "" << "";
    QTest::newRow("prefix") << "https://example.com/shop/*" << "https://example.com/shop/*" << "url.path-may-not-match" << "" << "";
    QTest::newRow("whole site prefix") << "https://example.com/*" << "https://example.com/*" << "" << "" << "";
    QTest::newRow("upper-case host") << "https://EXAMPLE.com/Shop" << "https://example.com/Shop" << "host.uppercase,url.path-may-not-match" << "https://example.com/Shop" << "host.uppercase";
    QTest::newRow("dot segments") << "https://example.com/a/./b/../c" << "https://example.com/a/c" << "url.path-normalised,url.path-may-not-match" << "https://example.com/a/c" << "url.path-normalised";
    QTest::newRow("dot segments above root") << "https://example.com/../../a" << "https://example.com/a" << "url.path-normalised,url.path-may-not-match" << "https://example.com/a" << "url.path-normalised";
    QTest::newRow("encoded dot") << "https://example.com/a/%2e%2E/b" << "https://example.com/b" << "url.path-normalised,url.path-may-not-match" << "https://example.com/b" << "url.path-normalised";
    QTest::newRow("escape upper-cased") << "https://example.com/a%2fb" << "https://example.com/a%2Fb" << "url.path-normalised,url.path-may-not-match" << "https://example.com/a%2Fb" << "url.path-normalised";
    QTest::newRow("unreserved decoded") << "https://example.com/%7Euser" << "https://example.com/~user" << "url.path-normalised,url.path-may-not-match" << "https://example.com/~user" << "url.path-normalised";
    QTest::newRow("unicode path encoded") << "https://example.com/bücher" << "https://example.com/b%C3%BCcher" << "url.path-normalised,url.path-may-not-match" << "https://example.com/b%C3%BCcher" << "url.path-normalised";
    QTest::newRow("malformed escape") << "https://example.com/100%" << "" << "url.path-invalid" << "" << "";
    QTest::newRow("malformed escape hex") << "https://example.com/%zz" << "" << "url.path-invalid" << "" << "";

    QTest::newRow("default port https") << "https://example.com:443/x" << "https://example.com/x" << "url.default-port,url.path-may-not-match" << "" << "";
    QTest::newRow("schemeless port kept") << "example.com:443" << "example.com:443" << "" << "" << "";
    QTest::newRow("port invalid") << "https://example.com:70000" << "" << "url.port-invalid" << "" << "";
    QTest::newRow("http insecure") << "http://example.com/x" << "http://example.com/x" << "url.insecure-scheme,url.path-may-not-match" << "https://example.com/x" << "url.insecure-scheme";
    QTest::newRow("http loopback") << "http://localhost:3000/app" << "http://localhost:3000/app" << "host.loopback,url.path-may-not-match" << "" << "";
    QTest::newRow("scheme unsupported") << "ftp://example.com" << "" << "url.scheme-unsupported" << "" << "";
    QTest::newRow("file scheme") << "file:///etc/passwd" << "" << "url.scheme-unsupported" << "" << "";
    QTest::newRow("userinfo") << "https://me@example.com/x" << "" << "url.has-userinfo,url.path-may-not-match" << "https://example.com/x" << "";
    QTest::newRow("query") << "https://example.com/x?a=1" << "" << "url.has-query,url.path-may-not-match" << "https://example.com/x" << "";
    QTest::newRow("fragment") << "https://example.com/#top" << "" << "url.has-fragment" << "https://example.com" << "";
    QTest::newRow("query and fragment") << "example.com/?a#b" << "" << "url.has-query,url.has-fragment" << "example.com" << "";

    QTest::newRow("star") << "*" << "" << "url.wildcard-all" << "" << "";
    QTest::newRow("star host") << "https://*/x" << "" << "url.wildcard-all" << "" << "";
    QTest::newRow("star over suffix") << "*.co.uk" << "" << "url.wildcard-all" << "" << "";
    QTest::newRow("star subdomain") << "*.example.com" << "*.example.com" << "url.wildcard-subdomain" << "" << "";
    QTest::newRow("star subdomain prefix") << "https://*.example.com/*" << "https://*.example.com/*" << "url.wildcard-subdomain" << "" << "";
    QTest::newRow("star inside path") << "https://example.com/a*/b" << "" << "url.wildcard-position,url.path-may-not-match" << "" << "";
    QTest::newRow("two stars in path") << "https://example.com/a**" << "" << "url.wildcard-position,url.path-may-not-match" << "" << "";
    QTest::newRow("star glued to host") << "https://example.com*" << "" << "url.wildcard-position" << "" << "";
    QTest::newRow("star in label") << "https://shop*.example.com" << "" << "url.wildcard-position" << "" << "";

    QTest::newRow("backslash path") << "https://example.com/a\\..\\admin" << "https://example.com/admin" << "url.path-normalised,url.path-may-not-match" << "https://example.com/admin" << "url.path-normalised";
    QTest::newRow("backslash ends the host") << "https://evil.com\\@example.com" << "https://evil.com/@example.com" << "url.path-normalised,url.path-may-not-match" << "https://evil.com/@example.com" << "url.path-normalised";
    QTest::newRow("insecure fix drops 443") << "http://example.com:443/a" << "http://example.com:443/a" << "url.insecure-scheme,url.path-may-not-match" << "https://example.com/a" << "url.insecure-scheme";
    QTest::newRow("host invalid") << "https://exa_mple.com/x" << "" << "host.invalid" << "" << "";
    QTest::newRow("legacy ipv4 host") << "http://0x7f000001/admin" << "" << "host.ipv4-noncanonical,url.path-may-not-match" << "http://127.0.0.1/admin" << "";
}

void TestPermittedUrlValidator::canonicalForms()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QFETCH(QString, rules);
    QFETCH(QString, fix);
    QFETCH(QString, fixRule);

    const EntryResult result = PermittedUrlValidator::validate(input);
    QCOMPARE(ruleIds(result.findings), sortedRules(rules));
    QCOMPARE(result.isValid(), !canonical.isEmpty());
    QCOMPARE(result.canonical, canonical);
    if (!fixRule.isEmpty() || !result.isValid())
        QCOMPARE(fixOf(result.findings, fixRule), fix);
}

void TestPermittedUrlValidator::fixesValidate_data()
{
    canonicalForms_data();
}

void TestPermittedUrlValidator::fixesValidate()
{
    QFETCH(QString, input);
    verifyFixesValidate(ControlKind::Url, input);
}

void TestPermittedUrlValidator::removeDotSegments_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    // RFC 3986 section 5.4 examples, reduced to their paths
    QTest::newRow("5.2.4 example 1") << "/a/b/c/./../../g" << "/a/g";
    QTest::newRow("5.2.4 example 2") << "mid/content=5/../6" << "mid/6";
    QTest::newRow("dot at end") << "/a/b/." << "/a/b/";
    QTest::newRow("dotdot at end") << "/a/b/.." << "/a/";
    QTest::newRow("above root") << "/../g" << "/g";
    QTest::newRow("dots in names") << "/a/..b/.c" << "/a/..b/.c";
    QTest::newRow("empty") << "" << "";
}

void TestPermittedUrlValidator::removeDotSegments()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(PathNormaliser::removeDotSegments(path), expected);
}

QTEST_GUILESS_MAIN(TestPermittedUrlValidator)
#include "tst_permittedurlvalidator.moc"
