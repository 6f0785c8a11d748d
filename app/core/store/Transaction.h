#pragma once

#include <QSqlDatabase>

namespace tokendesk::store {

// A write transaction that rolls back unless committed: every change to the workspace that
// spans rows (a token and its outbox entry, a pulled page) is all or nothing. Reads that
// decide a write belong inside it: it holds the workspace's write lock from the start.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase database);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();

private:
    QSqlDatabase m_database;
    bool m_active = false;
};

} // namespace tokendesk::store
