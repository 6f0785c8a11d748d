#include "ActionController.h"

namespace tokendesk::ui {

Command *ActionController::add(QAction *action, Command::Requirements requirements,
                               std::function<void()> run)
{
    auto *command = new Command(action, requirements, std::move(run), this);
    m_commands.append(command);
    command->update(m_context);
    return command;
}

void ActionController::setContext(const CommandContext &context)
{
    m_context = context;
    for (Command *command : std::as_const(m_commands))
        command->update(context);
}

} // namespace tokendesk::ui
