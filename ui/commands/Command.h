#pragma once

#include "CommandContext.h"

#include <QFlags>
#include <QObject>
#include <functional>

class QAction;

namespace tokendesk::ui {

// One user action: its QAction, when it applies and what it does. ActionController enables
// it from the CommandContext and says in its tooltip why it is not available.
class Command : public QObject
{
    Q_OBJECT

public:
    enum Requirement {
        None = 0,
        WorkspaceOpen = 1 << 0,
        OneToken = 1 << 1,
        PortalToken = 1 << 2,   // the selected token lives on a portal
        RoleMayEdit = 1 << 3,
        RoleMayCreateOrDelete = 1 << 4,
        RoleMayReveal = 1 << 5,
        NotSyncing = 1 << 6,
        PortalProfiles = 1 << 7,
        ProfileInScope = 1 << 8,
    };
    Q_DECLARE_FLAGS(Requirements, Requirement)

    Command(QAction *action, Requirements requirements, std::function<void()> run,
            QObject *parent = nullptr);

    QAction *action() const { return m_action; }
    Requirements requirements() const { return m_requirements; }
    // Empty when the command applies; otherwise why not, for people.
    QString whyNot(const CommandContext &context) const;
    void update(const CommandContext &context);

private:
    QAction *m_action;
    Requirements m_requirements;
    std::function<void()> m_run;
    QString m_baseToolTip;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Command::Requirements)

} // namespace tokendesk::ui
