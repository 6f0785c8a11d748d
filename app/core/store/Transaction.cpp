#include "Transaction.h"

#include <QSqlQuery>

namespace tokendesk::store {

Transaction::Transaction(QSqlDatabase database)
    : m_database(std::move(database))
{
    // IMMEDIATE takes the write lock now (waiting up to the busy timeout), so that what the
    // transaction reads cannot be changed by another TokenDesk process before it writes.
    QSqlQuery begin(m_database);
    m_active = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

Transaction::~Transaction()
{
    if (m_active)
        m_database.rollback();
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    if (m_database.commit())
        return true;
    m_database.rollback();
    return false;
}

} // namespace tokendesk::store
