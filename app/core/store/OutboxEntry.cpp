#include "OutboxEntry.h"

namespace tokendesk::store {

QString OutboxEntry::operationName(Operation operation)
{
    switch (operation) {
    case Operation::Create:
        return QStringLiteral("create");
    case Operation::Update:
        return QStringLiteral("update");
    case Operation::Delete:
        break;
    }
    return QStringLiteral("delete");
}

QString OutboxEntry::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Sent:
        return QStringLiteral("sent");
    case State::Conflict:
        break;
    }
    return QStringLiteral("conflict");
}

} // namespace tokendesk::store
