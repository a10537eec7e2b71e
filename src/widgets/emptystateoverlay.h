// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

// A centred message over an item view's viewport that says why the view is empty (loading, nothing
// in the range, everything filtered away, no access), with links for what to do about it.
class EmptyStateOverlay final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStateOverlay)

public:
    explicit EmptyStateOverlay(QWidget *viewport); // follows the viewport's size

    void showMessage(const QString &html); // empty hides

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};
