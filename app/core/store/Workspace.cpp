#include "Workspace.h"

#include "SchemaMigrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

namespace tokendesk::store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Workspace", text);
}

// Every SQLite database starts with these 16 bytes.
const QByteArray kSqliteHeader("SQLite format 3\0", 16);

} // namespace

Workspace::Workspace()
    : m_connectionName(QStringLiteral("workspace-") + QUuid::createUuid().toString(QUuid::Id128))
{}

Workspace::~Workspace()
{
    close();
}

QString Workspace::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("workspace.sqlite"));
}

QString Workspace::resolvePath(const QString &commandLinePath)
{
    if (!commandLinePath.isEmpty())
        return commandLinePath;
    const QString fromEnvironment = qEnvironmentVariable("TOKENDESK_WORKSPACE");
    return fromEnvironment.isEmpty() ? defaultPath() : fromEnvironment;
}

WorkspaceError Workspace::failure(WorkspaceError::Kind kind, const QString &message)
{
    close();
    return WorkspaceError{kind, message};
}

WorkspaceError Workspace::open(const QString &path, Check check)
{
    close();
    m_path = QFileInfo(path).absoluteFilePath();
    const QFileInfo info(m_path);
    if (info.exists()) {
        if (info.isDir())
            return failure(WorkspaceError::Kind::NotAWorkspace,
                           tr("%1 is a folder, not a workspace file.").arg(m_path));
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly))
            return failure(WorkspaceError::Kind::CannotCreate,
                           tr("Cannot read %1: %2").arg(m_path, file.errorString()));
        const QByteArray header = file.read(16);
        // An empty file is what a crash during creation leaves: it is taken as new.
        if (!header.isEmpty() && header != kSqliteHeader)
            return failure(WorkspaceError::Kind::NotAWorkspace,
                           tr("%1 is not a TokenDesk workspace (not an SQLite database). The "
                              "file was left as it is.")
                               .arg(m_path));
    } else if (!QDir().mkpath(info.absolutePath())) {
        return failure(WorkspaceError::Kind::CannotCreate,
                       tr("Cannot create the folder %1.").arg(info.absolutePath()));
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return failure(WorkspaceError::Kind::CannotCreate,
                       tr("Cannot open %1: %2").arg(m_path, db.lastError().text()));

    QSqlQuery query(db);
    // Reading the schema is the first thing that touches the file's pages.
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        const QString error = query.lastError().text();
        const bool corrupt = error.contains(QLatin1String("malformed")) ||
                             error.contains(QLatin1String("not a database"));
        return failure(corrupt ? WorkspaceError::Kind::Corrupt : WorkspaceError::Kind::Sql,
                       tr("%1 is damaged and cannot be read (%2). The file was left as it is; "
                          "restore it from a backup or move it away to start afresh.")
                           .arg(m_path, error));
    }
    const int version = query.value(0).toInt();
    if (version > SchemaMigrations::latestVersion())
        return failure(WorkspaceError::Kind::FutureSchema,
                       tr("%1 was written by a newer TokenDesk (workspace version %2; this "
                          "version reads up to %3). Update TokenDesk to open it.")
                           .arg(m_path)
                           .arg(version)
                           .arg(SchemaMigrations::latestVersion()));
    if (version > 0 && check == Check::Integrity &&
        (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next() ||
         query.value(0).toString() != QLatin1String("ok"))) {
        return failure(WorkspaceError::Kind::Corrupt,
                       tr("%1 is damaged (%2). The file was left as it is; restore it from a "
                          "backup or move it away to start afresh.")
                           .arg(m_path, query.lastError().isValid() ? query.lastError().text()
                                                                    : query.value(0).toString()));
    }
    if (version == 0) {
        // A new workspace: nothing in it yet that is not ours.
        if (query.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")) && query.next() &&
            query.value(0).toInt() > 0)
            return failure(WorkspaceError::Kind::NotAWorkspace,
                           tr("%1 is an SQLite database of another program, not a TokenDesk "
                              "workspace. The file was left as it is.")
                               .arg(m_path));
    }
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
        !query.exec(QStringLiteral("PRAGMA foreign_keys=ON")) ||
        !query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))) {
        const QString error = query.lastError().text();
        return failure(error.contains(QLatin1String("locked")) ? WorkspaceError::Kind::Busy
                                                               : WorkspaceError::Kind::Sql,
                       tr("Cannot prepare %1: %2").arg(m_path, error));
    }
    const QString migrationError =
        SchemaMigrations::migrate(db, version, SchemaMigrations::latestVersion());
    if (!migrationError.isEmpty())
        return failure(
            WorkspaceError::Kind::Sql,
            tr("Cannot update %1 to the current format: %2").arg(m_path, migrationError));
    return {};
}

void Workspace::close()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

bool Workspace::isOpen() const
{
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

QSqlDatabase Workspace::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Workspace::schemaVersion() const
{
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

} // namespace tokendesk::store
