#pragma once

#include <QWidget>

namespace tokendesk::ui {

// What the workspace area shows before any token is there.
class EmptyWorkspaceView : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyWorkspaceView(QWidget *parent = nullptr);
};

} // namespace tokendesk::ui
