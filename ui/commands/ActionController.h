#pragma once

#include "Command.h"

#include <QList>
#include <QObject>

namespace tokendesk::ui {

// Owns the window's commands and enables each one from the current CommandContext.
class ActionController : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    Command *add(QAction *action, Command::Requirements requirements, std::function<void()> run);
    void setContext(const CommandContext &context);
    const CommandContext &context() const { return m_context; }
    const QList<Command *> &commands() const { return m_commands; }

private:
    QList<Command *> m_commands;
    CommandContext m_context;
};

} // namespace tokendesk::ui
