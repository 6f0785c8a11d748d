#pragma once

#include "domain/Token.h"
#include "store/Conflict.h"
#include "validation/ControlKind.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>

namespace tokendesk::ui {

// The fields a conflict names ("name", "status", "controls.ip_ranges", "labels.team"), read
// from and written to a token as lists of lines, with their labels and stable object names.
class ConflictFields
{
    Q_DECLARE_TR_FUNCTIONS(ConflictFields)

public:
    // What the user decides on: the fields the conflict names, then any other field mine and
    // theirs differ in (so nothing of either side is hidden), in a stable order.
    static QStringList fieldsOf(const store::Conflict &conflict);
    static QString label(const QString &field);
    // Prefix of the field's widgets' object names: "name", "ipRanges", "labels.team".
    static QString objectPrefix(const QString &field);
    static std::optional<validation::ControlKind> controlKind(const QString &field);
    // One line per entry; nullopt when the token lacks the field (a label it does not have).
    static std::optional<QStringList> value(const domain::Token &token, const QString &field);
    static void setValue(domain::Token &token, const QString &field,
                         const std::optional<QStringList> &value);
    // For people: one entry per line, "(none)" for an empty list or a missing label.
    static QString displayText(const std::optional<QStringList> &value);
    // Error and warning messages about a value of the field, errors first.
    static QStringList problems(const QString &field, const std::optional<QStringList> &value,
                                bool *hasError);
};

} // namespace tokendesk::ui
