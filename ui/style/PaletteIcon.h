#pragma once

#include <QIcon>

namespace tokendesk::ui {

// The window's action icons: the desktop theme's where it has one, else a bundled SVG drawn
// in the palette's text colour at paint time, so that it is sharp at any scale and readable
// in light and dark themes alike.
class PaletteIcon
{
public:
    // name: a bundled icon (resources/icons/<name>.svg); themeName: the freedesktop name.
    static QIcon make(const QString &name, const QString &themeName = {});
};

} // namespace tokendesk::ui
