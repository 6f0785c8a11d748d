#include "EmptyWorkspaceView.h"

#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace tokendesk::ui {

EmptyWorkspaceView::EmptyWorkspaceView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("emptyWorkspaceView"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/tokendesk/icons/tokendesk.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);

    auto *title = new QLabel(tr("No tokens yet"), this);
    title->setObjectName(QStringLiteral("emptyTitleLabel"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto *hint =
        new QLabel(tr("This workspace is empty. Tokens of your portal accounts, and tokens "
                      "you add by hand or import, will be listed here."),
                   this);
    hint->setObjectName(QStringLiteral("emptyHintLabel"));
    hint->setTextFormat(Qt::PlainText);
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignCenter);
    // A fixed width lets the layout compute the wrapped height (a centred, wrapping label
    // with only a maximum width gets clipped).
    hint->setFixedWidth(460);
    hint->setMinimumHeight(hint->heightForWidth(460));

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(hint, 0, Qt::AlignHCenter);
    layout->addStretch();
}

} // namespace tokendesk::ui
