#include "Command.h"

#include <QAction>

namespace tokendesk::ui {

Command::Command(QAction *action, Requirements requirements, std::function<void()> run, QObject *parent)
    : QObject(parent), m_action(action), m_requirements(requirements), m_run(std::move(run)),
      m_baseToolTip(action->toolTip())
{
    connect(m_action, &QAction::triggered, this, [this] {
        if (m_action->isEnabled())
            m_run();
    });
}

QString Command::whyNot(const CommandContext &context) const
{
    const auto roleName = [&] {
        return context.role ? domain::portalRoleName(*context.role) : QString();
    };
    if (m_requirements.testFlag(WorkspaceOpen) && !context.workspaceOpen)
        return tr("Open a workspace first.");
    if (m_requirements.testFlag(PortalProfiles) && !context.hasPortalProfiles)
        return tr("No portal profile: connect to a portal first.");
    if (m_requirements.testFlag(NotSyncing) && context.syncing)
        return tr("Wait for the sync to finish.");
    if (m_requirements.testFlag(ProfileInScope) && !context.profileInScope)
        return tr("Select a profile or deployment in the sidebar first.");
    if (m_requirements.testFlag(OneToken) && context.selectedTokens != 1)
        return tr("Select one token first.");
    if (m_requirements.testFlag(PortalToken) && !context.selectedInPortal)
        return tr("Tokens of the Local profile have no value on a portal.");
    if (m_requirements.testFlag(RoleMayEdit) && context.role && !domain::roleMayEdit(*context.role))
        return tr("Read-only: the portal gave this client the role %1.").arg(roleName());
    if (m_requirements.testFlag(RoleMayCreateOrDelete) && context.role &&
        !domain::roleMayCreateOrDelete(*context.role))
        return tr("The role %1 may not create or delete tokens.").arg(roleName());
    if (m_requirements.testFlag(RoleMayReveal) && context.role && !domain::roleMayReveal(*context.role))
        return tr("The role %1 may not see token values.").arg(roleName());
    return {};
}

void Command::update(const CommandContext &context)
{
    const QString reason = whyNot(context);
    m_action->setEnabled(reason.isEmpty());
    const QString tip = reason.isEmpty() ? m_baseToolTip : QStringLiteral("%1\n%2").arg(m_baseToolTip, reason);
    m_action->setToolTip(tip);
    m_action->setStatusTip(reason.isEmpty() ? m_baseToolTip : reason);
}

} // namespace tokendesk::ui
