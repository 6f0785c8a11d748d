#include "ProfileDialog.h"

#include "portal/PortalEndpoint.h"
#include "secrets/SecretBuffer.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace tokendesk::ui {

namespace {

QLineEdit *field(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    return edit;
}

} // namespace

ProfileDialog::ProfileDialog(ConnectionTester tester, QWidget *parent)
    : QDialog(parent), m_tester(std::move(tester)),
      m_name(field(QStringLiteral("profileNameLineEdit"), tr("Profile name"), this)),
      m_url(field(QStringLiteral("portalUrlLineEdit"), tr("Portal address"), this)),
      m_clientId(field(QStringLiteral("clientIdLineEdit"), tr("Client id"), this)),
      m_secret(field(QStringLiteral("clientSecretLineEdit"), tr("Client secret"), this)),
      m_test(new QPushButton(tr("&Test connection"), this)), m_result(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(tr("Connect to a portal"));
    m_url->setPlaceholderText(QStringLiteral("https://portal.example.com"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleDescription(tr("Stored in the system keychain, never on disk in clear."));
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_result->setObjectName(QStringLiteral("connectionResultLabel"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);

    auto *form = new QFormLayout;
    const auto row = [&](const QString &label, QLineEdit *edit, const QString &hint) {
        auto *caption = new QLabel(label, this);
        caption->setBuddy(edit);
        edit->setToolTip(hint);
        if (edit->accessibleDescription().isEmpty())
            edit->setAccessibleDescription(hint);
        form->addRow(caption, edit);
    };
    row(tr("&Name:"), m_name, tr("How this account is shown in TokenDesk."));
    row(tr("Portal &address:"), m_url, tr("HTTPS address of the portal's API."));
    row(tr("Client &id:"), m_clientId, tr("The API client the portal issued."));
    row(tr("Client &secret:"), m_secret, m_secret->accessibleDescription());

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_test, 0, Qt::AlignLeft);
    layout->addWidget(m_result);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    for (QLineEdit *edit : {m_name, m_url, m_clientId, m_secret})
        connect(edit, &QLineEdit::textChanged, this, &ProfileDialog::validate);
    validate();
}

ProfileDialog::~ProfileDialog()
{
    QString text = m_secret->text();
    text.fill(QLatin1Char('\0'));
    m_secret->clear();
}

void ProfileDialog::validate()
{
    QString error;
    const bool urlOk = bool(portal::PortalEndpoint::parse(m_url->text().trimmed(), &error));
    QString problem;
    if (m_name->text().trimmed().isEmpty())
        problem = tr("Enter a name.");
    else if (!urlOk)
        problem = m_url->text().trimmed().isEmpty() ? tr("Enter the portal's address.") : error;
    else if (m_clientId->text().trimmed().isEmpty())
        problem = tr("Enter the client id.");
    else if (m_secret->text().isEmpty())
        problem = tr("Enter the client secret.");
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
    m_test->setEnabled(problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setToolTip(problem);
    if (!m_testing) {
        m_result->setText(problem);
        m_result->setAccessibleName(problem);
    }
}

void ProfileDialog::testConnection()
{
    if (!m_tester)
        return;
    QByteArray secret = m_secret->text().toUtf8();
    m_testing = true;
    m_test->setEnabled(false);
    m_result->setText(tr("Connecting…"));
    const quint64 generation = ++m_testGeneration;
    QPointer<ProfileDialog> self(this);
    m_tester(profile(), secret, [self, generation](bool, const QString &message) {
        if (!self || generation != self->m_testGeneration)
            return;
        self->m_testing = false;
        self->m_test->setEnabled(true);
        self->m_result->setText(message);
        self->m_result->setAccessibleName(message);
    });
    secrets::SecretBuffer::wipe(secret);
}

domain::Profile ProfileDialog::profile() const
{
    domain::Profile profile;
    profile.id = QUuid::createUuid().toString(QUuid::Id128).left(12);
    profile.name = m_name->text().trimmed();
    profile.kind = domain::Profile::Kind::Portal;
    QString error;
    const auto url = portal::PortalEndpoint::parse(m_url->text().trimmed(), &error);
    profile.baseUrl = url ? url->toString() : m_url->text().trimmed();
    profile.clientId = m_clientId->text().trimmed();
    profile.createdAt = QDateTime::currentDateTimeUtc();
    return profile;
}

QByteArray ProfileDialog::takeSecret()
{
    QByteArray secret = m_secret->text().toUtf8();
    m_secret->clear();
    return secret;
}

void ProfileDialog::showError(const QString &message)
{
    m_result->setText(message);
    m_result->setAccessibleName(message);
}

} // namespace tokendesk::ui
