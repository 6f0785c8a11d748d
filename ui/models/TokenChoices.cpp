#include "TokenChoices.h"

#include "TokenTableModel.h"

#include "domain/TokenNotes.h"

#include <QComboBox>
#include <QCoreApplication>

namespace tokendesk::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tokendesk::ui::TokenChoices", text);
}

} // namespace

void TokenChoices::fillKinds(QComboBox *combo)
{
    for (domain::TokenKind kind : {domain::TokenKind::Api, domain::TokenKind::Integration, domain::TokenKind::OAuth})
        combo->addItem(TokenTableModel::kindText(kind), int(kind));
}

void TokenChoices::fillUsageModels(QComboBox *combo, bool explained)
{
    combo->addItem(tr("Not set"), QString());
    combo->addItem(explained ? tr("Browser (requests come from web pages)") : tr("Browser"),
                   QStringLiteral("browser"));
    combo->addItem(explained ? tr("Backend (requests come from your servers)") : tr("Backend"),
                   QStringLiteral("backend"));
}

void TokenChoices::fillEnvironments(QComboBox *combo)
{
    combo->addItem(tr("Not set"), QString());
    for (const QString &environment : domain::TokenLabels::environments()) {
        QString text = environment;
        text[0] = text[0].toUpper();
        combo->addItem(text, environment);
    }
}

} // namespace tokendesk::ui
