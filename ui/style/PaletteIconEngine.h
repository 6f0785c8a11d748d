#pragma once

#include <QIconEngine>

namespace tokendesk::ui {

// Renders a monochrome SVG tinted with the application palette's text colour (the
// disabled text colour for disabled actions).
class PaletteIconEngine : public QIconEngine
{
public:
    explicit PaletteIconEngine(QString svgPath) : m_svgPath(std::move(svgPath)) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine *clone() const override { return new PaletteIconEngine(m_svgPath); }

private:
    QString m_svgPath;
};

} // namespace tokendesk::ui
