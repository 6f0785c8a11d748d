#pragma once

#include "domain/Profile.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

namespace tokendesk::portal {
class HttpPortalBackend;
class PortalCall;
}

namespace tokendesk::ui {

// Connects a portal account: name, URL, client id and secret, with "Test connection".
// The caller stores the profile in the workspace and the secret in the keychain.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    ProfileDialog(QNetworkAccessManager *network, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    domain::Profile profile() const;
    // Handed out once; the field is cleared.
    QByteArray takeSecret();
    // Shown when saving failed (a name taken, no keychain): the dialog stays open.
    void showError(const QString &message);

private:
    void validate();
    void testConnection();

    QNetworkAccessManager *m_network;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_clientId;
    QLineEdit *m_secret;
    QPushButton *m_test;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    std::unique_ptr<portal::HttpPortalBackend> m_backend;
};

} // namespace tokendesk::ui
