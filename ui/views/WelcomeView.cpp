#include "WelcomeView.h"

#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tokendesk::ui {

WelcomeView::WelcomeView(QWidget *parent) : QWidget(parent), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("welcomeView"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/tokendesk/icons/tokendesk.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);

    auto *title = new QLabel(tr("Welcome to TokenDesk"), this);
    title->setObjectName(QStringLiteral("welcomeTitleLabel"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto *hint = new QLabel(tr("Review and manage the API tokens of your Self Service Portal "
                               "accounts: CORS origins, permitted URLs, IP ranges and rotation. "
                               "How would you like to start?"),
                            this);
    hint->setObjectName(QStringLiteral("welcomeHintLabel"));
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignCenter);
    hint->setFixedWidth(480);
    hint->setMinimumHeight(hint->heightForWidth(480));

    QPushButton *connectButton = choice(
        QStringLiteral("connectButton"), tr("&Connect to a portal…"),
        tr("Enter the portal's address and an API client; the secret goes to the system keychain."));
    QPushButton *demoButton = choice(
        QStringLiteral("demoButton"), tr("Try the &demo"),
        tr("Starts a local demo portal with realistic tokens; nothing leaves this computer."));
    QPushButton *offlineButton = choice(
        QStringLiteral("offlineButton"), tr("Work &offline"),
        tr("Add tokens by hand or import a file into the Local profile."));
    connect(connectButton, &QPushButton::clicked, this, &WelcomeView::connectRequested);
    connect(demoButton, &QPushButton::clicked, this, &WelcomeView::demoRequested);
    connect(offlineButton, &QPushButton::clicked, this, &WelcomeView::offlineRequested);
    connectButton->setDefault(true);

    m_message->setObjectName(QStringLiteral("welcomeMessageLabel"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setFixedWidth(480);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(hint, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    for (QPushButton *button : {connectButton, demoButton, offlineButton})
        layout->addWidget(button, 0, Qt::AlignHCenter);
    layout->addWidget(m_message, 0, Qt::AlignHCenter);
    layout->addStretch();
    setFocusProxy(connectButton);
}

QPushButton *WelcomeView::choice(const QString &objectName, const QString &text,
                                 const QString &description)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setMinimumWidth(280);
    button->setToolTip(description);
    button->setAccessibleDescription(description);
    return button;
}

void WelcomeView::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setAccessibleName(message);
    m_message->setVisible(!message.isEmpty());
}

} // namespace tokendesk::ui
