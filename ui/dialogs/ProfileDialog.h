#pragma once

#include "domain/Profile.h"

#include <QDialog>
#include <QPointer>
#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tokendesk::ui {

// Connects a portal account: name, URL, client id and secret, with "Test connection".
// The caller stores the profile in the workspace and the secret in the keychain.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    // Tests a connection for the dialog (the dialog itself never talks to the network).
    using ConnectionTester = std::function<void(const domain::Profile &, const QByteArray &secret,
                                                std::function<void(bool connected, const QString &message)>)>;

    explicit ProfileDialog(ConnectionTester tester, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    domain::Profile profile() const;
    // Handed out once; the field is cleared.
    QByteArray takeSecret();
    // Shown when saving failed (a name taken, no keychain): the dialog stays open.
    void showError(const QString &message);

private:
    void validate();
    void testConnection();

    ConnectionTester m_tester;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_clientId;
    QLineEdit *m_secret;
    QPushButton *m_test;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    bool m_testing = false;
    quint64 m_testGeneration = 0; // an answer for values since changed is not shown
};

} // namespace tokendesk::ui
