#include "PaletteIcon.h"

#include "PaletteIconEngine.h"

namespace tokendesk::ui {

QIcon PaletteIcon::make(const QString &name, const QString &themeName)
{
    if (!themeName.isEmpty() && QIcon::hasThemeIcon(themeName))
        return QIcon::fromTheme(themeName);
    return QIcon(new PaletteIconEngine(QStringLiteral(":/tokendesk/icons/%1.svg").arg(name)));
}

} // namespace tokendesk::ui
