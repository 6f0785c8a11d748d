#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace tokendesk::ui {

// The first-run page: connect to a portal, try the demo, or work offline.
class WelcomeView : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomeView(QWidget *parent = nullptr);

    // Shown under the choices, e.g. why the demo could not start.
    void setMessage(const QString &message);

Q_SIGNALS:
    void connectRequested();
    void demoRequested();
    void offlineRequested();

private:
    QPushButton *choice(const QString &objectName, const QString &text, const QString &description);

    QLabel *m_message;
};

} // namespace tokendesk::ui
