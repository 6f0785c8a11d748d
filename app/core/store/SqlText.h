#pragma once

#include <QString>

namespace tokendesk::store {

// Qt binds a null QString as SQL NULL; the workspace's text columns are NOT NULL, and an
// empty text is meant.
inline QString sqlText(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace tokendesk::store
