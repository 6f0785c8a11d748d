#pragma once

#include "SandboxClient.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>
#include <QUrlQuery>

namespace tokendesk::sandbox {

// One HTTP request as the sandbox's endpoints see it: headers by lower-case name, the path
// parameters of the matched route and, once authenticated, the calling client.
struct ApiRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    QStringList pathArguments;
    SandboxClient client;

    QByteArray header(const char *lowerCaseName) const
    {
        return headers.value(QByteArray(lowerCaseName));
    }
    bool hasHeader(const char *lowerCaseName) const
    {
        return headers.contains(QByteArray(lowerCaseName));
    }
};

} // namespace tokendesk::sandbox
