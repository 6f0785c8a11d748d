#include "ValidationTestSupport.h"

#include "validation/IpAddress.h"
#include "validation/IpRange.h"
#include "validation/IpRangeValidator.h"

#include <QTest>

using namespace tokendesk::validation;
using namespace tokendesk::validation::testing;

class TestIpRangeValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entries_data();
    void entries();
    void fixesValidate_data();
    void fixesValidate();
    void rfc5952_data();
    void rfc5952();
    void invalidIpv6_data();
    void invalidIpv6();
    void rangeArithmetic();
};

void TestIpRangeValidator::entries_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical"); // empty: invalid
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("fix"); // of the first error, or of fixRule
    QTest::addColumn<QString>("fixRule");

    QTest::newRow("address") << "8.8.8.8" << "8.8.8.8" << "" << "" << "";
    QTest::newRow("network") << "81.2.0.0/16" << "81.2.0.0/16" << "" << "" << "";
    QTest::newRow("spec example") << "203.0.113.7/32" << "203.0.113.7" << "ip.prefix-redundant,ip.documentation" << "203.0.113.7" << "ip.prefix-redundant";
    QTest::newRow("host bits") << "10.0.0.1/8" << "" << "ip.host-bits-set" << "10.0.0.0/8" << "";
    QTest::newRow("host bits /24") << "8.8.4.5/24" << "" << "ip.host-bits-set" << "8.8.4.0/24" << "";
    QTest::newRow("host bits to any") << "1.2.3.4/0" << "" << "ip.host-bits-set,ip.any" << "" << "";
    QTest::newRow("prefix missing") << "8.8.8.0/" << "" << "ip.prefix-invalid" << "" << "";
    QTest::newRow("prefix letters") << "8.8.8.0/x" << "" << "ip.prefix-invalid" << "" << "";
    QTest::newRow("prefix 33") << "8.8.8.0/33" << "" << "ip.prefix-invalid" << "" << "";
    QTest::newRow("prefix 129") << "2001:4860::/129" << "" << "ip.prefix-invalid" << "" << "";
    QTest::newRow("prefix negative") << "8.8.8.0/-1" << "" << "ip.prefix-invalid" << "" << "";
    QTest::newRow("prefix huge") << "8.8.8.0/99999999999" << "" << "ip.prefix-invalid" << "" << "";
    QTest::newRow("any v4") << "0.0.0.0/0" << "" << "ip.any" << "" << "";
    QTest::newRow("any v6") << "::/0" << "" << "ip.any" << "" << "";
    QTest::newRow("any range") << "0.0.0.0-255.255.255.255" << "" << "ip.any" << "" << "";
    QTest::newRow("unspecified v4") << "0.0.0.0" << "" << "ip.unspecified" << "" << "";
    QTest::newRow("unspecified v6") << "::" << "" << "ip.unspecified" << "" << "";
    QTest::newRow("not an address") << "example.com" << "" << "ip.invalid" << "" << "";
    QTest::newRow("five parts") << "1.2.3.4.5" << "" << "ip.invalid" << "" << "";
    QTest::newRow("octet 256") << "1.2.3.256" << "" << "ip.invalid" << "" << "";

    // Legacy IPv4
    QTest::newRow("short form") << "127.1" << "" << "ip.ipv4-noncanonical" << "127.0.0.1" << "";
    QTest::newRow("three parts") << "10.1.258" << "" << "ip.ipv4-noncanonical" << "10.1.1.2" << "";
    QTest::newRow("hex part") << "0x7f.0.0.1" << "" << "ip.ipv4-noncanonical" << "127.0.0.1" << "";
    QTest::newRow("integer") << "167772161" << "" << "ip.ipv4-noncanonical" << "10.0.0.1" << "";
    QTest::newRow("octal ambiguous") << "010.8.8.8" << "" << "ip.ipv4-noncanonical" << "" << "";
    QTest::newRow("leading zero ambiguous") << "8.8.8.08" << "" << "ip.ipv4-noncanonical" << "" << "";
    QTest::newRow("leading zeros ambiguous") << "8.8.8.010" << "" << "ip.ipv4-noncanonical" << "" << "";

    // IPv6
    QTest::newRow("ipv6 compressed") << "2001:4860:0:0:0:0:0:8888" << "2001:4860::8888" << "" << "" << "";
    QTest::newRow("ipv6 upper") << "2001:4860::8888" << "2001:4860::8888" << "" << "" << "";
    QTest::newRow("ipv6 brackets") << "[2001:4860::8888]" << "2001:4860::8888" << "ip.brackets" << "2001:4860::8888" << "ip.brackets";
    QTest::newRow("ipv6 zone") << "fe80::1%eth0" << "" << "ip.zone-id" << "fe80::1" << "";
    QTest::newRow("ipv6 network") << "2001:4860::/32" << "2001:4860::/32" << "" << "" << "";
    QTest::newRow("ipv6 host bits") << "2001:4860::1/32" << "" << "ip.host-bits-set" << "2001:4860::/32" << "";
    QTest::newRow("ipv6 /128") << "2001:4860::1/128" << "2001:4860::1" << "ip.prefix-redundant" << "2001:4860::1" << "ip.prefix-redundant";
    QTest::newRow("ipv4-mapped") << "::ffff:8.8.8.8" << "8.8.8.8" << "ip.ipv4-mapped" << "8.8.8.8" << "ip.ipv4-mapped";
    QTest::newRow("ipv4-mapped hex") << "::FFFF:808:808" << "8.8.8.8" << "ip.ipv4-mapped" << "8.8.8.8" << "ip.ipv4-mapped";
    QTest::newRow("ipv4-mapped network") << "::ffff:8.8.8.0/120" << "8.8.8.0/24" << "ip.ipv4-mapped" << "8.8.8.0/24" << "ip.ipv4-mapped";
    QTest::newRow("ipv6 garbage") << "2001:::1" << "" << "ip.invalid" << "" << "";

    // Ranges
    QTest::newRow("range") << "8.8.8.1-8.8.8.9" << "8.8.8.1-8.8.8.9" << "" << "" << "";
    QTest::newRow("range is cidr") << "8.8.8.0-8.8.8.255" << "8.8.8.0-8.8.8.255" << "ip.range-is-cidr" << "8.8.8.0/24" << "ip.range-is-cidr";
    QTest::newRow("range of one") << "8.8.8.8-8.8.8.8" << "8.8.8.8-8.8.8.8" << "ip.range-is-cidr" << "8.8.8.8" << "ip.range-is-cidr";
    QTest::newRow("range reversed") << "8.8.8.9-8.8.8.1" << "" << "ip.range-reversed" << "8.8.8.1-8.8.8.9" << "";
    QTest::newRow("range mixed") << "8.8.8.8-2001:4860::1" << "" << "ip.range-mixed-family" << "" << "";
    QTest::newRow("range with prefix") << "8.8.8.0/24-8.8.9.0" << "" << "ip.prefix-invalid" << "" << "";
    QTest::newRow("range three ends") << "1.1.1.1-1.1.1.2-1.1.1.3" << "" << "ip.invalid" << "" << "";
    QTest::newRow("range v6") << "2001:4860::1-2001:4860::ff" << "2001:4860::1-2001:4860::ff" << "" << "" << "";
    QTest::newRow("range broad") << "8.0.0.0-8.1.0.0" << "8.0.0.0-8.1.0.0" << "ip.broad" << "" << "";
    QTest::newRow("range exactly /16") << "8.8.0.0-8.8.255.255" << "8.8.0.0-8.8.255.255" << "ip.range-is-cidr" << "8.8.0.0/16" << "ip.range-is-cidr";

    // Special-purpose blocks
    QTest::newRow("private 10") << "10.1.2.3" << "10.1.2.3" << "ip.private" << "" << "";
    QTest::newRow("private 172.16") << "172.31.255.255" << "172.31.255.255" << "ip.private" << "" << "";
    QTest::newRow("not private 172.32") << "172.32.0.1" << "172.32.0.1" << "" << "" << "";
    QTest::newRow("private 192.168") << "192.168.1.0/24" << "192.168.1.0/24" << "ip.private" << "" << "";
    QTest::newRow("ula") << "fd00::/8" << "fd00::/8" << "ip.private,ip.broad" << "" << "";
    QTest::newRow("loopback") << "127.0.0.1" << "127.0.0.1" << "ip.loopback" << "" << "";
    QTest::newRow("loopback v6") << "::1" << "::1" << "ip.loopback" << "" << "";
    QTest::newRow("link-local") << "169.254.10.1" << "169.254.10.1" << "ip.link-local" << "" << "";
    QTest::newRow("link-local v6") << "fe80::1" << "fe80::1" << "ip.link-local" << "" << "";
    QTest::newRow("cgnat") << "100.64.1.1" << "100.64.1.1" << "ip.shared" << "" << "";
    QTest::newRow("documentation") << "192.0.2.10" << "192.0.2.10" << "ip.documentation" << "" << "";
    QTest::newRow("documentation v6") << "2001:db8::1" << "2001:db8::1" << "ip.documentation" << "" << "";
    QTest::newRow("multicast") << "224.0.0.1" << "224.0.0.1" << "ip.multicast" << "" << "";
    QTest::newRow("multicast v6") << "ff02::1" << "ff02::1" << "ip.multicast" << "" << "";
    QTest::newRow("reserved 240") << "240.0.0.1" << "240.0.0.1" << "ip.reserved" << "" << "";
    QTest::newRow("broadcast") << "255.255.255.255" << "255.255.255.255" << "ip.reserved" << "" << "";
    QTest::newRow("this network") << "0.1.2.3" << "0.1.2.3" << "ip.reserved" << "" << "";
    QTest::newRow("benchmarking") << "198.18.0.1" << "198.18.0.1" << "ip.reserved" << "" << "";
    QTest::newRow("6to4") << "2002::/16" << "2002::/16" << "ip.reserved,ip.broad" << "" << "";
    QTest::newRow("overlaps private") << "9.255.255.0-10.0.0.5" << "9.255.255.0-10.0.0.5" << "ip.private" << "" << "";
    QTest::newRow("broad and private") << "10.0.0.0/8" << "10.0.0.0/8" << "ip.private,ip.broad" << "" << "";
    QTest::newRow("broad /15") << "8.8.0.0/15" << "8.8.0.0/15" << "ip.broad" << "" << "";
    QTest::newRow("not broad /16") << "8.8.0.0/16" << "8.8.0.0/16" << "" << "" << "";
    QTest::newRow("broad v6 /31") << "2400::/31" << "2400::/31" << "ip.broad" << "" << "";
    QTest::newRow("not broad v6 /32") << "2400::/32" << "2400::/32" << "" << "" << "";

    // Found in review: each of these once had another result.
    QTest::newRow("prefix zero-padded") << "10.0.0.0/010" << "" << "ip.prefix-invalid" << "" << "";
    QTest::newRow("octet 09 ambiguous") << "09.1.2.3" << "" << "ip.ipv4-noncanonical" << "" << "";
    QTest::newRow("ipv4 in brackets") << "[1.2.3.4]" << "" << "ip.invalid" << "" << "";
    QTest::newRow("ipv4 with zone") << "1.2.3.4%eth0" << "" << "ip.invalid" << "" << "";
    QTest::newRow("short end does not widen by swap") << "1.2.3.4-5" << "" << "ip.ipv4-noncanonical,ip.range-reversed" << "" << "";
    QTest::newRow("ipv6 range ending in mapped") << "::fffe:0:0-::ffff:0:0" << "::fffe:0:0-::ffff:0:0" << "ip.reserved" << "" << "";
    QTest::newRow("mapped range said once") << "::ffff:8.8.8.1-::ffff:8.8.8.9" << "8.8.8.1-8.8.8.9" << "ip.ipv4-mapped" << "8.8.8.1-8.8.8.9" << "ip.ipv4-mapped";
    QTest::newRow("network over mapped block") << "::ff00:0:0/88" << "::ff00:0:0/88" << "ip.reserved" << "" << "";
    QTest::newRow("whitespace") << "8.8.8.8 /32" << "" << "entry.whitespace" << "" << "";
}

void TestIpRangeValidator::entries()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QFETCH(QString, rules);
    QFETCH(QString, fix);
    QFETCH(QString, fixRule);

    const EntryResult result = IpRangeValidator::validate(input);
    QCOMPARE(ruleIds(result.findings), sortedRules(rules));
    QCOMPARE(result.isValid(), !canonical.isEmpty());
    QCOMPARE(result.canonical, canonical);
    if (!fixRule.isEmpty() || !result.isValid())
        QCOMPARE(fixOf(result.findings, fixRule), fix);
}

void TestIpRangeValidator::fixesValidate_data()
{
    entries_data();
}

void TestIpRangeValidator::fixesValidate()
{
    QFETCH(QString, input);
    verifyFixesValidate(ControlKind::Ip, input);
}

void TestIpRangeValidator::rfc5952_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("leading zeros") << "2001:0db8:0000:0000:0000:0000:0000:0001" << "2001:db8::1";
    QTest::newRow("longest run") << "2001:db8:0:0:1:0:0:0" << "2001:db8:0:0:1::";
    QTest::newRow("tie takes first") << "2001:db8:0:0:1:0:0:1" << "2001:db8::1:0:0:1";
    QTest::newRow("single zero not compressed") << "2001:db8:0:1:1:1:1:1" << "2001:db8:0:1:1:1:1:1";
    QTest::newRow("upper case") << "2001:DB8::ABCD" << "2001:db8::abcd";
    QTest::newRow("all zero") << "0:0:0:0:0:0:0:0" << "::";
    QTest::newRow("loopback") << "0:0:0:0:0:0:0:1" << "::1";
    QTest::newRow("trailing run") << "fe80:0:0:0:0:0:0:0" << "fe80::";
    QTest::newRow("ipv4 tail") << "64:ff9b::192.0.2.33" << "64:ff9b::c000:221";
    QTest::newRow("compressed middle") << "1:0:0:2:0:0:0:3" << "1:0:0:2::3";
}

void TestIpRangeValidator::rfc5952()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto address = IpAddress::parseIpv6(input);
    QVERIFY(address);
    QCOMPARE(address->toString(), expected);
    // The output reads back to the same address.
    QCOMPARE(IpAddress::parseIpv6(expected)->compare(*address), 0);
}

void TestIpRangeValidator::invalidIpv6_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("two compressions") << "1::2::3";
    QTest::newRow("nine groups") << "1:2:3:4:5:6:7:8:9";
    QTest::newRow("seven groups") << "1:2:3:4:5:6:7";
    QTest::newRow("five hex digits") << "12345::1";
    QTest::newRow("leading colon") << ":1::2";
    QTest::newRow("trailing colon") << "1::2:";
    QTest::newRow("bad ipv4 tail") << "::ffff:1.2.3";
    QTest::newRow("octal ipv4 tail") << "::ffff:010.2.3.4";
    QTest::newRow("ipv4 tail in the middle") << "::1.2.3.4:1";
    QTest::newRow("not hex") << "2001:db8::g";
    QTest::newRow("compression for nothing") << "1:2:3:4:5:6:7:8::";
}

void TestIpRangeValidator::invalidIpv6()
{
    QFETCH(QString, input);
    QVERIFY(!IpAddress::parseIpv6(input));
}

void TestIpRangeValidator::rangeArithmetic()
{
    const auto network = IpRange::fromCanonical(QStringLiteral("10.0.0.0/8"));
    const auto inner = IpRange::fromCanonical(QStringLiteral("10.20.0.0-10.20.0.9"));
    const auto outside = IpRange::fromCanonical(QStringLiteral("11.0.0.0/8"));
    QVERIFY(network && inner && outside);
    QVERIFY(network->contains(*inner));
    QVERIFY(!inner->contains(*network));
    QVERIFY(!network->overlaps(*outside));
    QCOMPARE(network->cidrPrefixLength(), std::optional<int>(8));
    QCOMPARE(inner->cidrPrefixLength(), std::nullopt);
    QVERIFY(!IpRange::fromCanonical(QStringLiteral("10.0.0.9-10.0.0.1")));

    const auto first = *IpAddress::parseCanonicalIpv4(QStringLiteral("1.0.0.0"));
    QVERIFY(!IpAddress::spanExceedsPowerOfTwo(first, *IpAddress::parseCanonicalIpv4(QStringLiteral("1.0.255.255")), 16));
    QVERIFY(IpAddress::spanExceedsPowerOfTwo(first, *IpAddress::parseCanonicalIpv4(QStringLiteral("1.1.0.0")), 16));
}

QTEST_GUILESS_MAIN(TestIpRangeValidator)
#include "tst_iprangevalidator.moc"
