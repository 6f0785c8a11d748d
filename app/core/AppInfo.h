#pragma once

#include <QString>

namespace tokendesk {

// Names and version shared by every TokenDesk binary.
class AppInfo
{
public:
    static QString applicationName(); // "TokenDesk"
    static QString organizationName();
    static QString version(); // "0.1.0"
    // Sets application, organisation and version on the running Q*Application.
    static void applyTo();
    // The plural forms of the English texts ("1 token", "2 tokens").
    static void installEnglishPlurals();
};

} // namespace tokendesk
