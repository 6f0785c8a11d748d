#pragma once

#include "ControlKind.h"
#include "EntryResult.h"
#include "ListResult.h"

#include <QJsonObject>

namespace tokendesk::validation {

// The machine-readable form of validation results (tokendesk-cli validate --json).
class ValidationJson
{
public:
    static QJsonObject finding(const Finding &finding);
    static QJsonObject entry(const EntryResult &entry);
    // withList: include the "list" member (the --list form).
    static QJsonObject report(ControlKind kind, const ListResult &result, bool withList);
};

} // namespace tokendesk::validation
