// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/emptystateoverlay.h"

#include <QEvent>

EmptyStateOverlay::EmptyStateOverlay(QWidget *viewport)
    : QLabel(viewport)
{
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    setMargin(24);
    setForegroundRole(QPalette::PlaceholderText);
    viewport->installEventFilter(this);
    setGeometry(viewport->rect());
    hide();
}

void EmptyStateOverlay::showMessage(const QString &html)
{
    if (html.isEmpty()) {
        hide();
        return;
    }
    setText(html);
    setGeometry(parentWidget()->rect());
    show();
    raise();
}

bool EmptyStateOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QLabel::eventFilter(watched, event);
}
