#include "Token.h"

namespace tokendesk::domain {

bool operator==(const Token &a, const Token &b)
{
    return a.id == b.id && a.deploymentId == b.deploymentId && a.name == b.name &&
           a.kind == b.kind && a.status == b.status && a.maskedValue == b.maskedValue &&
           a.createdAt == b.createdAt && a.updatedAt == b.updatedAt &&
           a.rotatedAt == b.rotatedAt && a.controls == b.controls && a.labels == b.labels &&
           a.version == b.version;
}

} // namespace tokendesk::domain
