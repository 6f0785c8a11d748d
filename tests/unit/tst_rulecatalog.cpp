// Every rule id of the catalogue is exercised (an input that raises it, one that does not),
// and the user documentation lists exactly the catalogue's rules with the same severities.

#include "ValidationTestSupport.h"

#include "validation/ControlValidator.h"
#include "validation/RuleCatalog.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace tokendesk::validation;

Q_DECLARE_METATYPE(tokendesk::validation::ControlKind)

namespace {

struct RuleExample
{
    const char *rule;
    ControlKind kind;
    QStringList raising;     // one entry, or a list for list.* rules
    QStringList notRaising;
};

QList<RuleExample> ruleExamples()
{
    const auto O = ControlKind::Origin;
    const auto U = ControlKind::Url;
    const auto I = ControlKind::Ip;
    const QString longEntry = QStringLiteral("https://%1.com").arg(QString(2050, QLatin1Char('a')));
    return {
        {"entry.whitespace", O, {"https://a b.com"}, {"https://ab.com"}},
        {"entry.too-long", O, {longEntry}, {"https://a.com"}},
        {"entry.control-char", I, {QStringLiteral("8.8.8.8\u0000")}, {"8.8.8.8"}},
        {"host.invalid", O, {"https://a_b.com"}, {"https://a-b.com"}},
        {"host.idn-converted", O, {"https://bücher.de"}, {"https://xn--bcher-kva.de"}},
        {"host.uppercase", U, {"Example.com"}, {"example.com"}},
        {"host.trailing-dot", U, {"example.com."}, {"example.com"}},
        {"host.ipv4-noncanonical", O, {"https://127.1"}, {"https://127.0.0.1"}},
        {"host.single-label", O, {"https://intranet"}, {"https://intranet.example.com"}},
        {"host.loopback", O, {"http://localhost:3000"}, {"https://example.com"}},
        {"host.ip-literal", O, {"https://[2001:4860::1]"}, {"https://example.com"}},
        {"origin.scheme-added", O, {"example.com"}, {"https://example.com"}},
        {"origin.scheme-unsupported", O, {"ws://example.com"}, {"https://example.com"}},
        {"origin.insecure-scheme", O, {"http://example.com"}, {"http://localhost"}},
        {"origin.default-port", O, {"https://example.com:443"}, {"https://example.com:444"}},
        {"origin.port-invalid", O, {"https://example.com:0"}, {"https://example.com:1"}},
        {"origin.trailing-slash", O, {"https://example.com/"}, {"https://example.com"}},
        {"origin.has-path", O, {"https://example.com/app"}, {"https://example.com"}},
        {"origin.has-userinfo", O, {"https://me@example.com"}, {"https://example.com"}},
        {"origin.null", O, {"null"}, {"https://null.example.com"}},
        {"origin.wildcard-all", O, {"https://*.co.uk"}, {"https://*.example.co.uk"}},
        {"origin.wildcard-subdomain", O, {"https://*.example.com"}, {"https://www.example.com"}},
        {"origin.wildcard-position", O, {"https://www.*.com"}, {"https://*.www.example.com"}},
        {"url.scheme-unsupported", U, {"ftp://example.com"}, {"example.com"}},
        {"url.insecure-scheme", U, {"http://example.com"}, {"example.com"}},
        {"url.default-port", U, {"https://example.com:443"}, {"example.com:443"}},
        {"url.port-invalid", U, {"example.com:99999"}, {"example.com:9999"}},
        {"url.has-userinfo", U, {"https://u:p@example.com"}, {"https://example.com"}},
        {"url.has-query", U, {"https://example.com/?q"}, {"https://example.com/"}},
        {"url.has-fragment", U, {"https://example.com/#f"}, {"https://example.com/"}},
        {"url.path-invalid", U, {"https://example.com/%g0"}, {"https://example.com/%20"}},
        {"url.path-normalised", U, {"https://example.com/a/../b"}, {"https://example.com/b"}},
        {"url.path-may-not-match", U, {"https://example.com/b"}, {"https://example.com"}},
        {"url.wildcard-subdomain", U, {"*.example.com"}, {"www.example.com"}},
        {"url.wildcard-all", U, {"*.com"}, {"*.example.com"}},
        {"url.wildcard-position", U, {"https://example.com/*/x"}, {"https://example.com/x/*"}},
        {"ip.invalid", I, {"8.8.8.8.8"}, {"8.8.8.8"}},
        {"ip.ipv4-noncanonical", I, {"0x08.8.8.8"}, {"8.8.8.8"}},
        {"ip.brackets", I, {"[2001:4860::1]"}, {"2001:4860::1"}},
        {"ip.prefix-invalid", I, {"8.8.8.0/40"}, {"8.8.8.0/24"}},
        {"ip.host-bits-set", I, {"8.8.8.8/24"}, {"8.8.8.0/24"}},
        {"ip.zone-id", I, {"fe80::1%1"}, {"fe80::1"}},
        {"ip.range-reversed", I, {"8.8.8.9-8.8.8.8"}, {"8.8.8.8-8.8.8.9"}},
        {"ip.range-mixed-family", I, {"8.8.8.8-::1"}, {"8.8.8.8-8.8.8.9"}},
        {"ip.any", I, {"::/0"}, {"::/1"}},
        {"ip.unspecified", I, {"0.0.0.0"}, {"0.0.0.1"}},
        {"ip.prefix-redundant", I, {"8.8.8.8/32"}, {"8.8.8.8"}},
        {"ip.ipv4-mapped", I, {"::ffff:8.8.8.8"}, {"8.8.8.8"}},
        {"ip.range-is-cidr", I, {"8.8.8.0-8.8.8.127"}, {"8.8.8.0-8.8.8.128"}},
        {"ip.private", I, {"192.168.0.1"}, {"192.169.0.1"}},
        {"ip.loopback", I, {"127.0.0.53"}, {"128.0.0.53"}},
        {"ip.link-local", I, {"fe80::/64"}, {"fec0::/64"}},
        {"ip.shared", I, {"100.127.255.255"}, {"100.128.0.0"}},
        {"ip.documentation", I, {"198.51.100.0/24"}, {"198.51.101.0/24"}},
        {"ip.multicast", I, {"239.1.1.1"}, {"223.1.1.1"}},
        {"ip.reserved", I, {"192.0.0.8"}, {"192.0.1.8"}},
        {"ip.broad", I, {"8.0.0.0/8"}, {"8.8.0.0/16"}},
        {"list.too-many", I, {"8.8.8.1", "8.8.8.2", "8.8.8.3", "8.8.8.4", "8.8.8.5", "8.8.8.6"},
         {"8.8.8.1", "8.8.8.2", "8.8.8.3", "8.8.8.4", "8.8.8.5"}},
        {"list.duplicate", O, {"https://a.com", "a.com"}, {"https://a.com", "http://a.com"}},
        {"list.redundant", I, {"8.8.8.0/24", "8.8.8.8"}, {"8.8.8.0/24", "8.8.9.8"}},
    };
}

bool raises(const RuleExample &example, const QStringList &inputs)
{
    const ListResult result = ControlValidator::validateList(example.kind, inputs);
    const QString rule = QString::fromLatin1(example.rule);
    if (hasRule(result.listFindings, rule))
        return true;
    for (const EntryResult &entry : result.entries) {
        if (hasRule(entry.findings, rule))
            return true;
    }
    return false;
}

// `rule.id` | severity rows of the documentation's tables.
QHash<QString, QString> documentedRules()
{
    QFile file(QStringLiteral(TOKENDESK_SOURCE_DIR "/docs/validation.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression row(
        QStringLiteral("^\\|\\s*`((?:entry|host|origin|url|ip|list)\\.[a-z0-9-]+)`\\s*\\|\\s*(\\w+)\\s*\\|"),
        QRegularExpression::MultilineOption);
    QHash<QString, QString> rules;
    auto matches = row.globalMatch(QString::fromUtf8(file.readAll()));
    while (matches.hasNext()) {
        const auto match = matches.next();
        rules.insert(match.captured(1), match.captured(2));
    }
    return rules;
}

} // namespace

class TestRuleCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRuleHasAnExample();
    void examples_data();
    void examples();
    void documentationListsEveryRule();
    void messagesAreFilled();
};

void TestRuleCatalog::everyRuleHasAnExample()
{
    QSet<QString> catalogue;
    for (const RuleDefinition &rule : RuleCatalog::all())
        catalogue.insert(QString::fromLatin1(rule.id));
    QSet<QString> exemplified;
    for (const RuleExample &example : ruleExamples())
        exemplified.insert(QString::fromLatin1(example.rule));
    QCOMPARE(catalogue - exemplified, QSet<QString>());
    QCOMPARE(exemplified - catalogue, QSet<QString>());
    QCOMPARE(catalogue.size(), RuleCatalog::all().size()); // ids are unique
}

void TestRuleCatalog::examples_data()
{
    QTest::addColumn<int>("index");
    const auto all = ruleExamples();
    for (int i = 0; i < all.size(); ++i)
        QTest::newRow(all.at(i).rule) << i;
}

void TestRuleCatalog::examples()
{
    QFETCH(int, index);
    const RuleExample example = ruleExamples().at(index);
    QVERIFY2(raises(example, example.raising), qPrintable(example.raising.join(QLatin1Char(' '))));
    QVERIFY2(!raises(example, example.notRaising), qPrintable(example.notRaising.join(QLatin1Char(' '))));

    // Only rules that define a fix ever carry one.
    if (RuleCatalog::rule(example.rule).fix == FixKind::None) {
        const ListResult result = ControlValidator::validateList(example.kind, example.raising);
        for (const EntryResult &entry : result.entries) {
            for (const Finding &finding : entry.findings) {
                if (finding.rule == QLatin1String(example.rule))
                    QVERIFY2(!finding.fix, example.rule);
            }
        }
    }
}

void TestRuleCatalog::documentationListsEveryRule()
{
    const QHash<QString, QString> documented = documentedRules();
    QVERIFY2(!documented.isEmpty(), "docs/validation.md has no rule table");
    QSet<QString> inCode;
    for (const RuleDefinition &rule : RuleCatalog::all()) {
        const QString id = QString::fromLatin1(rule.id);
        inCode.insert(id);
        QVERIFY2(documented.contains(id), qPrintable(id + QStringLiteral(" is not in docs/validation.md")));
        QCOMPARE(documented.value(id), severityName(rule.severity));
    }
    for (auto it = documented.cbegin(); it != documented.cend(); ++it)
        QVERIFY2(inCode.contains(it.key()), qPrintable(it.key() + QStringLiteral(" is documented but not in the code")));
}

void TestRuleCatalog::messagesAreFilled()
{
    for (const RuleDefinition &rule : RuleCatalog::all()) {
        const QString message = RuleCatalog::message(rule, {QStringLiteral("A"), QStringLiteral("B"),
                                                            QStringLiteral("C"), QStringLiteral("D")});
        QVERIFY2(!message.isEmpty(), rule.id);
        QVERIFY2(!message.contains(QRegularExpression(QStringLiteral("%\\d"))), rule.id);
    }
    // An argument holding a placeholder stays as typed.
    const QString message = RuleCatalog::message(RuleCatalog::rule("ip.invalid"), {QStringLiteral("%1%2")});
    QVERIFY(message.contains(QStringLiteral("“%1%2”")));
}

QTEST_GUILESS_MAIN(TestRuleCatalog)
#include "tst_rulecatalog.moc"
