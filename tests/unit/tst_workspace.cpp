// The workspace file: creation, refusal of damaged, foreign and newer files (left as they
// were), the append-only journal, offline edits and the outbox, settling conflicts, import
// and export.

#include "ConflictFixture.h"

#include "store/ConflictStore.h"
#include "store/Journal.h"
#include "store/Outbox.h"
#include "store/ProfileStore.h"
#include "store/SchemaMigrations.h"
#include "store/TokenStore.h"
#include "store/Workspace.h"
#include "store/WorkspaceEditor.h"
#include "store/WorkspaceExport.h"
#include "store/WorkspaceImport.h"

#include "domain/TokenChanges.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk::store;
using namespace tokendesk::domain;
using tokendesk::testing::ConflictFixture;

namespace {

QByteArray digest(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

Profile portalProfile()
{
    Profile profile;
    profile.id = QStringLiteral("p1");
    profile.name = QStringLiteral("Shop");
    profile.baseUrl = QStringLiteral("https://portal.example.com");
    profile.clientId = QStringLiteral("ci");
    profile.createdAt = QDateTime::currentDateTimeUtc();
    return profile;
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void createsAWorkspaceWithTheLocalProfile()
    {
        Workspace workspace;
        QVERIFY(!workspace.open(path("new/ws.sqlite")).isError());
        QCOMPARE(workspace.schemaVersion(), SchemaMigrations::latestVersion());
        const auto local = ProfileStore(workspace).find(QStringLiteral("Local"));
        QVERIFY(local && local->isLocal());
        QSqlQuery query(workspace.database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        workspace.close();
        Workspace again; // opening twice migrates nothing and keeps the data
        QVERIFY(!again.open(path("new/ws.sqlite")).isError());
        QCOMPARE(ProfileStore(again).all().size(), 1);
    }

    void refusesFilesItDidNotWrite_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("kind");
        QTest::newRow("text") << QByteArray("hello, this is not a database\n") << int(WorkspaceError::Kind::NotAWorkspace);
        QByteArray damaged("SQLite format 3", 16);
        damaged += QByteArray(4096, '\x5a');
        QTest::newRow("damaged") << damaged << int(WorkspaceError::Kind::Corrupt);
    }
    void refusesFilesItDidNotWrite()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, kind);
        const QString file = path("foreign.sqlite");
        QFile::remove(file);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
        out.close();
        const QByteArray before = digest(file);
        Workspace workspace;
        const WorkspaceError error = workspace.open(file);
        QCOMPARE(int(error.kind), kind);
        QVERIFY2(error.message.contains(file), qPrintable(error.message));
        QVERIFY(!workspace.isOpen());
        QCOMPARE(digest(file), before);
    }

    void refusesAnotherProgramsDatabase()
    {
        const QString file = path("other.sqlite");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("CREATE TABLE recipes (name TEXT)"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        const QByteArray before = digest(file);
        Workspace workspace;
        QCOMPARE(workspace.open(file).kind, WorkspaceError::Kind::NotAWorkspace);
        QCOMPARE(digest(file), before);
    }

    void refusesANewerSchema()
    {
        const QString file = path("future.sqlite");
        {
            Workspace workspace;
            QVERIFY(!workspace.open(file).isError());
            QSqlQuery(workspace.database()).exec(QStringLiteral("PRAGMA user_version = 99"));
        }
        const QByteArray before = digest(file);
        Workspace workspace;
        const WorkspaceError error = workspace.open(file);
        QCOMPARE(error.kind, WorkspaceError::Kind::FutureSchema);
        QVERIFY(error.message.contains(QStringLiteral("newer")));
        QCOMPARE(digest(file), before);
    }

    void migrationsRunFromEveryEarlierVersionKeepingData()
    {
        // Every step from version n-1 (with data in it) to n; version 0 is an empty file.
        for (int version = 1; version <= SchemaMigrations::latestVersion(); ++version) {
            const QString file = path("migrate.sqlite");
            QFile::remove(file);
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("m"));
                db.setDatabaseName(file);
                QVERIFY(db.open());
                QVERIFY(SchemaMigrations::migrate(db, 0, version - 1).isEmpty());
                if (version > 1)
                    QVERIFY(QSqlQuery(db).exec(QStringLiteral("INSERT INTO profiles (id, name, kind, created_ms) "
                                                              "VALUES ('p', 'Kept', 'portal', 1)")));
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("m"));
            Workspace workspace;
            QVERIFY(!workspace.open(file).isError());
            QCOMPARE(workspace.schemaVersion(), SchemaMigrations::latestVersion());
            if (version > 1)
                QVERIFY(ProfileStore(workspace).find(QStringLiteral("Kept")));
        }
    }

    void journalIsAppendOnly()
    {
        Workspace workspace;
        QVERIFY(!workspace.open(path("journal.sqlite")).isError());
        Journal journal(workspace);
        QVERIFY(journal.append(JournalEntry{0, QDateTime::currentDateTimeUtc(), QStringLiteral("me"),
                                           QStringLiteral("local"), QStringLiteral("t"), QStringLiteral("created"), {}, {}}));
        QSqlQuery query(workspace.database());
        QVERIFY(!query.exec(QStringLiteral("UPDATE journal SET actor = 'someone else'")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM journal")));
        QCOMPARE(journal.forToken(QStringLiteral("local"), QStringLiteral("t")).size(), 1);
    }

    void offlineEditsQueueAndCombine()
    {
        Workspace workspace;
        QVERIFY(!workspace.open(path("edits.sqlite")).isError());
        QVERIFY(ProfileStore(workspace).add(portalProfile()).isEmpty());
        TokenStore tokens(workspace);
        QVERIFY(tokens.ensureDeployment(QStringLiteral("p1"), Deployment{QStringLiteral("dep_1"), QStringLiteral("Web"), {}, {}, 0}));
        Token server;
        server.id = QStringLiteral("tok_1");
        server.deploymentId = QStringLiteral("dep_1");
        server.name = QStringLiteral("Checkout");
        server.createdAt = server.updatedAt = server.rotatedAt = QDateTime::currentDateTimeUtc();
        server.version = 4;
        QVERIFY(tokens.put(TokenRecord{QStringLiteral("p1"), server, server}));

        WorkspaceEditor editor(workspace);
        TokenChange rename;
        rename.name = QStringLiteral("Checkout (prod)");
        QVERIFY(editor.editToken(QStringLiteral("p1"), QStringLiteral("tok_1"), rename).accepted());
        TokenChange ips;
        ips.ipRanges = QStringList{QStringLiteral("203.0.113.0/28")};
        QVERIFY(editor.editToken(QStringLiteral("p1"), QStringLiteral("tok_1"), ips).accepted());

        // Two edits before any sync: one outbox entry holding both, based on version 4.
        const QList<OutboxEntry> queued = Outbox(workspace).entries(QStringLiteral("p1"));
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().baseVersion, 4);
        const auto local = tokens.token(QStringLiteral("p1"), QStringLiteral("tok_1"));
        QCOMPARE(local->local.name, QStringLiteral("Checkout (prod)"));
        QCOMPARE(local->local.controls.ipRanges, QStringList{QStringLiteral("203.0.113.0/28")});
        QCOMPARE(local->server->name, QStringLiteral("Checkout"));

        // A refused edit writes nothing.
        TokenChange bad;
        bad.ipRanges = QStringList{QStringLiteral("10.0.0.1/8")};
        const EditResult refused = editor.editToken(QStringLiteral("p1"), QStringLiteral("tok_1"), bad);
        QVERIFY(!refused.accepted());
        QCOMPARE(refused.issues.first().rule, QStringLiteral("ip.host-bits-set"));
        QCOMPARE(tokens.token(QStringLiteral("p1"), QStringLiteral("tok_1"))->local.controls.ipRanges,
                 QStringList{QStringLiteral("203.0.113.0/28")});
        QCOMPARE(Journal(workspace).forToken(QStringLiteral("p1"), QStringLiteral("tok_1")).size(), 2);

        // Once sent, an entry is never changed: a further edit queues behind it.
        OutboxEntry sent = queued.first();
        sent.state = OutboxEntry::State::Sent;
        QVERIFY(Outbox(workspace).update(sent));
        TokenChange disable;
        disable.status = TokenStatus::Disabled;
        QVERIFY(editor.editToken(QStringLiteral("p1"), QStringLiteral("tok_1"), disable).accepted());
        QCOMPARE(Outbox(workspace).entries(QStringLiteral("p1")).size(), 2);
        QCOMPARE(Outbox(workspace).entry(sent.seq)->payload, sent.payload);
    }

    void conflictSettledFieldByFieldIsCheckedLikeAnyEdit()
    {
        Workspace workspace;
        QVERIFY(!workspace.open(path("custom.sqlite")).isError());
        const qint64 id = ConflictFixture::add(workspace);
        QVERIFY(id != 0);
        ConflictStore conflicts(workspace);
        const Conflict conflict = *conflicts.find(id);
        QCOMPARE(conflict.fields,
                 (QStringList{QStringLiteral("name"), QStringLiteral("controls.ip_ranges")}));
        const QString p = ConflictFixture::profileId();
        const QString t = ConflictFixture::tokenId();
        TokenStore tokens(workspace);
        const TokenRecord before = *tokens.token(p, t);
        const OutboxEntry entryBefore = Outbox(workspace).entriesFor(p, t).first();
        const int journalled = Journal(workspace).forToken(p, t).size();

        // A broken IP range is refused with its rule id, and nothing changes.
        Token broken = *conflict.theirs;
        broken.controls.ipRanges = QStringList{QStringLiteral("10.0.0.1/8")};
        WorkspaceEditor editor(workspace);
        const QString refused = editor.resolveConflictWith(id, broken);
        QVERIFY2(refused.contains(QStringLiteral("ip.host-bits-set")), qPrintable(refused));
        QVERIFY(!conflicts.find(id)->resolvedAt);
        QVERIFY(tokens.token(p, t)->local == before.local);
        QVERIFY(tokens.token(p, t)->server == before.server);
        const OutboxEntry entryAfter = Outbox(workspace).entriesFor(p, t).first();
        QCOMPARE(entryAfter.state, OutboxEntry::State::Conflict);
        QCOMPARE(entryAfter.payload, entryBefore.payload);
        QCOMPARE(Journal(workspace).forToken(p, t).size(), journalled);

        // Their name, my IP ranges: queued as a change on top of their version.
        Token chosen = *conflict.theirs;
        chosen.controls.ipRanges = conflict.mine->controls.ipRanges;
        chosen.version = 1; // only the user's fields count: the rest is the portal's
        const QDateTime settledAt(QDate(2024, 5, 3), QTime(8, 0), Qt::UTC);
        editor.setClock([settledAt] { return settledAt; });
        QCOMPARE(editor.resolveConflictWith(id, chosen), QString());

        const Conflict settled = *conflicts.find(id);
        QCOMPARE(settled.resolution, QStringLiteral("custom"));
        QCOMPARE(settled.resolvedAt, std::optional<QDateTime>(settledAt));
        QVERIFY(conflicts.open(p).isEmpty());
        const QList<OutboxEntry> queued = Outbox(workspace).entriesFor(p, t);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().state, OutboxEntry::State::Pending);
        QCOMPARE(queued.first().operation, OutboxEntry::Operation::Update);
        QCOMPARE(queued.first().baseVersion, 5);
        QVERIFY(queued.first().base == conflict.theirs);
        QVERIFY(queued.first().idempotencyKey != entryBefore.idempotencyKey);
        const auto change = TokenChanges::fromJson(queued.first().payload);
        QVERIFY(change);
        QVERIFY(!change->name);
        QCOMPARE(change->ipRanges, std::optional<QStringList>(conflict.mine->controls.ipRanges));
        const TokenRecord after = *tokens.token(p, t);
        QCOMPARE(after.local.name, ConflictFixture::theirName());
        QCOMPARE(after.local.controls.ipRanges, conflict.mine->controls.ipRanges);
        QCOMPARE(after.local.version, 5);
        QVERIFY(after.server == conflict.theirs);
        const QList<JournalEntry> lines = Journal(workspace).forToken(p, t);
        QCOMPARE(lines.size(), journalled + 1);
        QCOMPARE(lines.last().action, QStringLiteral("resolved"));

        // Settled once only.
        QVERIFY(!editor.resolveConflictWith(id, chosen).isEmpty());
        QVERIFY(!editor.resolveConflict(id, WorkspaceEditor::Resolution::Theirs).isEmpty());
    }

    void wholeVersionsStillSettleThroughTheSamePath()
    {
        Workspace workspace;
        QVERIFY(!workspace.open(path("whole.sqlite")).isError());
        const qint64 id = ConflictFixture::add(workspace);
        QVERIFY(id != 0);
        WorkspaceEditor editor(workspace);
        // The automatic merge holds six ranges: refused with the limit's rule.
        const QString refused = editor.resolveConflict(id, WorkspaceEditor::Resolution::Merged);
        QVERIFY2(refused.contains(QStringLiteral("merged")), qPrintable(refused));
        QVERIFY(!ConflictStore(workspace).find(id)->resolvedAt);
        QCOMPARE(editor.resolveConflict(id, WorkspaceEditor::Resolution::Mine), QString());
        QCOMPARE(ConflictStore(workspace).find(id)->resolution, QStringLiteral("mine"));
        const auto record = TokenStore(workspace).token(ConflictFixture::profileId(),
                                                        ConflictFixture::tokenId());
        QCOMPARE(record->local.name, ConflictFixture::myName());
    }

    void tokenDeletedOnThePortalIsAddedAgainAsNew()
    {
        Workspace workspace;
        QVERIFY(!workspace.open(path("readd.sqlite")).isError());
        const qint64 id = ConflictFixture::add(workspace, true);
        QVERIFY(id != 0);
        const Conflict conflict = *ConflictStore(workspace).find(id);
        QVERIFY(!conflict.theirs);
        WorkspaceEditor editor(workspace);
        QVERIFY(!editor.resolveConflict(id, WorkspaceEditor::Resolution::Mine).isEmpty());
        QCOMPARE(editor.resolveConflictWith(id, *conflict.mine), QString());

        const QString p = ConflictFixture::profileId();
        TokenStore tokens(workspace);
        QVERIFY(!tokens.token(p, ConflictFixture::tokenId()));
        const QList<TokenRecord> left = tokens.tokens(p);
        QCOMPARE(left.size(), 1);
        QVERIFY(left.first().local.id.startsWith(QLatin1String("new_")));
        QCOMPARE(left.first().local.name, ConflictFixture::myName());
        QCOMPARE(left.first().local.controls.ipRanges, conflict.mine->controls.ipRanges);
        const QList<OutboxEntry> queued = Outbox(workspace).entries(p);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().operation, OutboxEntry::Operation::Create);
        QCOMPARE(queued.first().tokenId, left.first().local.id);
        QCOMPARE(ConflictStore(workspace).find(id)->resolution, QStringLiteral("custom"));
    }

    void deploymentGoneFromThePortalStaysWhileEditsWait()
    {
        Workspace workspace;
        QVERIFY(!workspace.open(path("deployments.sqlite")).isError());
        QVERIFY(ProfileStore(workspace).add(portalProfile()).isEmpty());
        TokenStore tokens(workspace);
        const QString profile = QStringLiteral("p1");
        for (const char *id : {"dep_a", "dep_b"})
            QVERIFY(tokens.ensureDeployment(profile, Deployment{QLatin1String(id), QLatin1String(id), {}, {}, 0}));
        TokenDraft draft;
        draft.name = QStringLiteral("Waiting");
        QVERIFY(WorkspaceEditor(workspace).addToken(profile, QStringLiteral("dep_a"), draft).accepted());
        // The portal now lists neither deployment.
        QVERIFY(tokens.replaceDeployments(profile, {}));
        const QList<Deployment> left = tokens.deployments(profile);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().id, QStringLiteral("dep_a"));
        QCOMPARE(tokens.tokens(profile).size(), 1);
    }

    void importRefusesBadRowsAndAppliesTheRest()
    {
        Workspace workspace;
        QVERIFY(!workspace.open(path("import.sqlite")).isError());
        const QByteArray csv =
            "deployment,name,kind,cors_origins,ip_ranges\r\n"
            "Team,Good,api,https://a.example.com,203.0.113.0/28\r\n"
            "Team,Host bits,api,,10.0.0.1/8\r\n"
            "Team,\"Quoted, with comma\",integration,,\r\n"
            "Team,,api,,\r\n"
            "Team,Bad kind,robot,,\r\n";
        QString error;
        const QList<ImportRow> rows = WorkspaceImport::read(csv, &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(rows.size(), 5);
        const WorkspaceImport::Report report = WorkspaceImport::apply(workspace, Profile::localId(), rows);
        QCOMPARE(report.added, 2);
        QCOMPARE(report.refused.size(), 3);
        QCOMPARE(report.refused.at(0).location, QStringLiteral("line 3"));
        QVERIFY(std::any_of(report.refused.at(0).issues.cbegin(), report.refused.at(0).issues.cend(),
                            [](const FieldIssue &i) { return i.rule == QLatin1String("ip.host-bits-set"); }));
        QCOMPARE(report.refused.at(1).issues.first().rule, QStringLiteral("token.name-empty"));
        QCOMPARE(report.refused.at(2).issues.first().rule, QStringLiteral("token.kind-invalid"));
        QStringList names;
        for (const TokenRecord &record : TokenStore(workspace).tokens(Profile::localId()))
            names.append(record.local.name);
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("Good"), QStringLiteral("Quoted, with comma")}));
    }

    void exportRoundTripsThroughImport()
    {
        Workspace source;
        QVERIFY(!source.open(path("export-source.sqlite")).isError());
        TokenDraft draft;
        draft.name = QStringLiteral("Newline\nand \"quotes\", commas");
        draft.controls.corsOrigins = {QStringLiteral("https://a.example.com"), QStringLiteral("https://b.example.com")};
        draft.labels.insert(QStringLiteral("environment"), QStringLiteral("staging"));
        const EditResult added = WorkspaceEditor(source).addToken(Profile::localId(), QStringLiteral("Team"), draft);
        QVERIFY(added.accepted());
        TokenNotes notes;
        notes.rotationDays = 30;
        notes.whereUsed = QStringLiteral("billing service");
        QVERIFY(WorkspaceEditor(source).setNotes(Profile::localId(), added.tokenId, notes).accepted());
        notes.rotationDays = 0;
        QVERIFY(!WorkspaceEditor(source).setNotes(Profile::localId(), added.tokenId, notes).accepted());
        QCOMPARE(TokenStore(source).notes(Profile::localId(), added.tokenId).rotationDays, std::optional<int>(30));
        for (const QByteArray &exported : {WorkspaceExport::toCsv(source, Profile::localId()),
                                           WorkspaceExport::toJson(source, Profile::localId(), QDateTime::currentDateTimeUtc())}) {
            QString error;
            const QList<ImportRow> rows = WorkspaceImport::read(exported, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows.first().draft.name, draft.name);
            QCOMPARE(rows.first().draft.controls.corsOrigins, draft.controls.corsOrigins);
            QCOMPARE(rows.first().draft.labels, draft.labels);
            QCOMPARE(rows.first().deployment.isEmpty(), false);
            if (exported.startsWith('{')) { // JSON carries the notes too; CSV does not
                QVERIFY(rows.first().notes);
                QCOMPARE(rows.first().notes->rotationDays, std::optional<int>(30));
                QCOMPARE(rows.first().notes->whereUsed, QStringLiteral("billing service"));
            }
        }
        QVERIFY(WorkspaceExport::toJson(source, QString(), QDateTime::currentDateTimeUtc())
                    .contains("\"format\": \"tokendesk-workspace-export\""));
    }

    void importChangesOnlyTheColumnsItGives()
    {
        Workspace workspace;
        QVERIFY(!workspace.open(path("partial.sqlite")).isError());
        TokenDraft draft;
        draft.name = QStringLiteral("Original");
        draft.status = TokenStatus::Disabled;
        draft.controls.ipRanges = {QStringLiteral("198.51.100.7")};
        draft.labels = {{QStringLiteral("owner"), QStringLiteral("ops")}, {QStringLiteral("environment"), QStringLiteral("test")}};
        const EditResult added = WorkspaceEditor(workspace).addToken(Profile::localId(), QStringLiteral("Team"), draft);
        QVERIFY(added.accepted());
        const QByteArray csv = "token_id,deployment,name,environment\r\n" + added.tokenId.toUtf8() + ",Team,Renamed,staging\r\n";
        QString error;
        const WorkspaceImport::Report report =
            WorkspaceImport::apply(workspace, Profile::localId(), WorkspaceImport::read(csv, &error));
        QCOMPARE(report.changed, 1);
        const Token token = TokenStore(workspace).token(Profile::localId(), added.tokenId)->local;
        QCOMPARE(token.name, QStringLiteral("Renamed"));
        QCOMPARE(token.status, TokenStatus::Disabled);                       // no status column
        QCOMPARE(token.controls.ipRanges, QStringList{QStringLiteral("198.51.100.7")}); // no ip_ranges column
        QCOMPARE(token.labels.value(QStringLiteral("owner")), QStringLiteral("ops"));   // not an import column
        QCOMPARE(token.labels.value(QStringLiteral("environment")), QStringLiteral("staging"));
    }

    void importRefusesUnreadableFiles()
    {
        QString error;
        QVERIFY(WorkspaceImport::read(QByteArray("\xff\xfe\x00garbage", 10), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(WorkspaceImport::read("{\"format\":\"tokendesk-workspace-export\",\"version\":9}", &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("version 9")));
        error.clear();
        QVERIFY(WorkspaceImport::read("colour,size\r\nred,3\r\n", &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("name")));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
