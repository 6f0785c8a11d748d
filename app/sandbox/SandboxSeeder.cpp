#include "SandboxSeeder.h"

#include "TokenValues.h"

#include <QCoreApplication>

namespace tokendesk::sandbox {

using namespace tokendesk::domain;

namespace {

struct DemoToken
{
    int deployment;
    const char *name;
    TokenKind kind;
    TokenStatus status;
    QStringList origins;
    QStringList urls;
    QStringList ips;
    const char *usageModel; // "" when the owner never said
    const char *environment;
    int ageDays;
    int rotatedDaysAgo;
};

QStringList list(std::initializer_list<const char *> items)
{
    QStringList result;
    for (const char *item : items)
        result.append(QString::fromUtf8(item));
    return result;
}

// Good, weak and broken controls side by side, as a real account tends to have them. Broken
// entries predate today's rules: the portal keeps them, TokenDesk reports them.
QList<DemoToken> demoTokens()
{
    using K = TokenKind;
    const auto on = TokenStatus::Active;
    const auto off = TokenStatus::Disabled;
    return {
        // Web shop (browser integrations)
        {0, "Checkout widget (production)", K::Api, on, list({"https://shop.example.com", "https://www.shop.example.com"}), list({"https://shop.example.com/checkout"}), {}, "browser", "production", 400, 40},
        {0, "Checkout widget (staging)", K::Api, on, list({"https://staging.shop.example.com", "http://localhost:3000"}), list({"https://staging.shop.example.com/checkout"}), {}, "browser", "staging", 380, 120},
        {0, "Product search", K::Api, on, list({"https://*.shop.example.com"}), list({"https://shop.example.com"}), {}, "browser", "production", 700, 200},
        {0, "Store locator map", K::Api, on, {}, {}, {}, "browser", "production", 900, 900},
        {0, "Legacy catalogue embed", K::Api, on, list({"https://shop.example.com/", "shop.example.com"}), list({"http://shop.example.com/catalogue?embed=1"}), {}, "browser", "production", 1500, 1500},
        {0, "Marketing landing pages", K::Api, on, list({"http://promo.example.com", "https://promo.example.com"}), list({"https://promo.example.com/*"}), {}, "browser", "production", 300, 95},
        {0, "Address autocomplete (production)", K::Api, on, list({"https://shop.example.com", "https://shop.example.com"}), list({"https://shop.example.com/account/addresses"}), {}, "browser", "production", 200, 20},
        {0, "Address autocomplete (development)", K::Api, on, list({"http://localhost:8080", "http://127.0.0.1:8080"}), {}, {}, "browser", "development", 150, 150},
        {0, "Wishlist sharing", K::Api, off, list({"https://wishlist.shop.example.com"}), list({"https://wishlist.shop.example.com/share"}), {}, "browser", "production", 600, 600},
        {0, "Newsletter sign-up", K::Api, on, list({"*"}), {}, {}, "browser", "production", 1000, 365},
        {0, "Gift card balance", K::Api, on, list({"https://giftcards.example.com"}), list({"https://giftcards.example.com/balance"}), {}, "", "", 120, 60},
        {0, "Reviews widget", K::Integration, on, list({"https://shop.example.com", "https://*.example.com"}), list({"https://shop.example.com/reviews"}), {}, "browser", "production", 500, 30},
        {0, "A/B testing snippet", K::Api, on, list({"https://shop.example.com:443", "https://SHOP.example.com"}), {}, {}, "browser", "production", 260, 100},
        {0, "Store finder (test)", K::Api, on, list({"https://test.shop.example.com"}), list({"https://test.shop.example.com/stores#map"}), {}, "browser", "test", 90, 90},
        // Order backend (server-to-server)
        {1, "ERP sync (production)", K::Integration, on, {}, {}, list({"84.17.52.0/28", "146.70.12.34"}), "backend", "production", 800, 25},
        {1, "ERP sync (staging)", K::Integration, on, {}, {}, list({"84.17.53.16/28"}), "backend", "staging", 780, 60},
        {1, "Invoice export job", K::Api, on, {}, {}, list({"62.210.44.0/27"}), "backend", "production", 650, 210},
        {1, "Warehouse scanner gateway", K::Api, on, {}, {}, list({"10.20.0.0/16"}), "backend", "production", 900, 300},
        {1, "Nightly reconciliation", K::Api, on, {}, {}, {}, "backend", "production", 1200, 1200},
        {1, "Fraud scoring", K::Integration, on, {}, {}, list({"0.0.0.0/0"}), "backend", "production", 400, 80},
        {1, "Payment webhooks relay", K::Api, on, {}, {}, list({"91.203.10.5", "91.203.10.6", "91.203.10.7"}), "backend", "production", 350, 45},
        {1, "Customer data export", K::Api, on, {}, {}, list({"185.44.0.0/8"}), "backend", "production", 500, 400},
        {1, "Shipping label service", K::Api, on, {}, {}, list({"77.87.112.9/24"}), "backend", "production", 220, 100},
        {1, "Returns portal backend", K::Api, on, {}, {}, list({"2a01:4f8:c17:1a2b::/64"}), "backend", "production", 180, 30},
        {1, "Stock level feed", K::Api, on, list({"https://stock.example.com"}), {}, list({"193.30.120.0/24"}), "", "production", 260, 70},
        {1, "Old ERP connector", K::Integration, off, {}, {}, list({"192.168.10.0/24", "172.16.0.0/12"}), "backend", "production", 2000, 2000},
        {1, "CI smoke tests", K::Api, on, {}, {}, list({"100.64.12.0/24"}), "backend", "test", 100, 100},
        {1, "Data warehouse loader", K::Api, on, {}, {}, list({"2001:db8:1234::/48"}), "backend", "staging", 300, 150},
        // Partner integrations
        {2, "Marketplace connector", K::OAuth, on, {}, list({"https://partner.example.net/callback"}), list({"203.0.113.0/28"}), "backend", "production", 700, 60},
        {2, "Accounting app", K::OAuth, on, {}, list({"https://books.example.org/oauth/callback"}), {}, "backend", "production", 550, 550},
        {2, "CRM integration", K::OAuth, on, {}, list({"https://crm.example.com/integrations/return"}), list({"198.51.100.17"}), "backend", "production", 420, 180},
        {2, "Affiliate tracking", K::Integration, on, list({"https://affiliates.example.net"}), list({"https://affiliates.example.net/track"}), {}, "browser", "production", 330, 120},
        {2, "Loyalty partner (staging)", K::OAuth, on, {}, list({"http://loyalty-staging.example.com/callback"}), {}, "backend", "staging", 210, 210},
        {2, "Price comparison feed", K::Api, on, {}, {}, list({"8.8.8.8/32"}), "backend", "production", 640, 95},
        {2, "Agency reporting", K::Api, on, list({"https://reports.agency.example"}), {}, list({"45.83.220.0/22", "45.83.221.0/24"}), "", "production", 365, 365},
        {2, "Social login", K::OAuth, on, list({"https://shop.example.com"}), list({"https://shop.example.com/login/callback"}), {}, "browser", "production", 480, 14},
        {2, "Chat support widget", K::Integration, on, list({"https://*.co.uk"}), {}, {}, "browser", "production", 270, 270},
        {2, "Translation service", K::Api, off, {}, {}, list({"31.13.24.0/21"}), "backend", "development", 160, 160},
        {2, "Partner sandbox", K::OAuth, on, {}, list({"https://sandbox.partner.example.net/cb"}), list({"127.0.0.1"}), "backend", "development", 60, 60},
        {2, "BI dashboard", K::Api, on, list({"https://bi.example.com"}), list({"https://bi.example.com/dashboards"}), list({"52.28.0.0/16"}), "", "production", 90, 10},
    };
}

} // namespace

QString SandboxSeeder::seed(SandboxStore &store, const QString &seed, const QDateTime &now)
{
    if (seed.isEmpty() || !store.isEmpty())
        return {};
    if (!store.beginTransaction())
        return store.lastError();
    const bool ok = seed == QLatin1String("demo") ? seedDemo(store, now)
                                                   : seedCount(store, seed.toInt(), now);
    if (!ok || !store.commit())
        return QCoreApplication::translate("SandboxSeeder", "cannot seed the portal: %1")
            .arg(store.lastError());
    return {};
}

bool SandboxSeeder::seedDemo(SandboxStore &store, const QDateTime &now)
{
    QRandomGenerator random(20261203);
    store.setMeta(QStringLiteral("account_id"), QStringLiteral("acc_demo"));
    store.setMeta(QStringLiteral("account_name"), QStringLiteral("Example Retail Ltd"));
    const QList<Deployment> deployments = {
        {QStringLiteral("dep_webshop"), QStringLiteral("Web shop"), QStringLiteral("eu-west"),
         now.addDays(-2100), 0},
        {QStringLiteral("dep_orders"), QStringLiteral("Order backend"),
         QStringLiteral("eu-central"), now.addDays(-2050), 0},
        {QStringLiteral("dep_partners"), QStringLiteral("Partner integrations"),
         QStringLiteral("us-east"), now.addDays(-1400), 0},
    };
    for (const Deployment &deployment : deployments) {
        if (!store.insertDeployment(deployment))
            return false;
    }
    const QList<License> licenses = {
        {QStringLiteral("lic_webshop_av"), QStringLiteral("Address Validation"), 500000, 212340,
         now.addDays(200)},
        {QStringLiteral("lic_webshop_maps"), QStringLiteral("Maps"), 100000, 2150,
         now.addDays(21)},
        {QStringLiteral("lic_orders_av"), QStringLiteral("Address Validation"), 2000000, 1750000,
         now.addDays(330)},
        {QStringLiteral("lic_partners_email"), QStringLiteral("Email Validation"), 50000, 0,
         now.addDays(-5)},
        {QStringLiteral("lic_partners_phone"), QStringLiteral("Phone Validation"), 250000, 180000,
         std::nullopt},
    };
    const QStringList licenseOwners = {deployments[0].id, deployments[0].id, deployments[1].id,
                                       deployments[2].id, deployments[2].id};
    for (int i = 0; i < licenses.size(); ++i) {
        if (!store.insertLicense(licenseOwners.at(i), licenses.at(i)))
            return false;
    }
    for (const DemoToken &demo : demoTokens()) {
        StoredToken stored;
        Token &token = stored.token;
        token.id = TokenValues::identifier("tok_", random);
        token.deploymentId = deployments.at(demo.deployment).id;
        token.name = QString::fromUtf8(demo.name);
        token.kind = demo.kind;
        token.status = demo.status;
        token.controls = SecurityControls{demo.origins, demo.urls, demo.ips};
        if (*demo.usageModel)
            token.labels.insert(QStringLiteral("usage_model"), QLatin1String(demo.usageModel));
        if (*demo.environment)
            token.labels.insert(QStringLiteral("environment"), QLatin1String(demo.environment));
        token.createdAt = now.addDays(-demo.ageDays);
        token.rotatedAt = now.addDays(-demo.rotatedDaysAgo);
        token.updatedAt = store.nextChangeTime();
        token.version = 1 + random.bounded(6);
        stored.value = TokenValues::generate(token.kind, random);
        if (!store.insertToken(stored))
            return false;
    }
    return true;
}

bool SandboxSeeder::seedCount(SandboxStore &store, int count, const QDateTime &now)
{
    QRandomGenerator random{quint32(count)};
    store.setMeta(QStringLiteral("account_id"), QStringLiteral("acc_load"));
    store.setMeta(QStringLiteral("account_name"), QStringLiteral("Load test account"));
    const Deployment deployment{QStringLiteral("dep_load"), QStringLiteral("Load test"),
                                QStringLiteral("eu-west"), now.addDays(-365), 0};
    if (!store.insertDeployment(deployment))
        return false;
    const TokenKind kinds[] = {TokenKind::Api, TokenKind::Integration, TokenKind::OAuth};
    for (int i = 1; i <= count; ++i) {
        StoredToken stored;
        Token &token = stored.token;
        token.id = TokenValues::identifier("tok_", random);
        token.deploymentId = deployment.id;
        token.name = QStringLiteral("Token %1").arg(i, 6, 10, QLatin1Char('0'));
        token.kind = kinds[i % 3];
        token.status = i % 10 == 0 ? TokenStatus::Disabled : TokenStatus::Active;
        const int origins = int(random.bounded(4));
        for (int n = 0; n < origins; ++n)
            token.controls.corsOrigins.append(QStringLiteral("https://app%1-%2.example.com").arg(i).arg(n));
        if (random.bounded(2) == 0)
            token.controls.permittedUrls.append(
                QStringLiteral("https://app%1.example.com/integration").arg(i));
        const int ips = int(random.bounded(3));
        for (int n = 0; n < ips; ++n)
            token.controls.ipRanges.append(QStringLiteral("198.18.%1.%2")
                                               .arg((i >> 6) & 0xff)
                                               .arg((i & 0x3f) * 4 + n));
        token.labels.insert(QStringLiteral("environment"),
                            i % 4 == 0 ? QStringLiteral("staging") : QStringLiteral("production"));
        token.createdAt = now.addDays(-int(random.bounded(700)));
        token.rotatedAt = std::min(now, token.createdAt.addDays(int(random.bounded(300))));
        token.updatedAt = store.nextChangeTime();
        token.version = 1;
        stored.value = TokenValues::generate(token.kind, random);
        if (!store.insertToken(stored))
            return false;
    }
    return true;
}

} // namespace tokendesk::sandbox
