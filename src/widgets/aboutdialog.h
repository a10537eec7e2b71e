// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QMessageBox>

// Help > About: the version, the licence, the Qt version it runs on and the libraries it links
// with their licences.
class AboutDialog final : public QMessageBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    [[nodiscard]] static QString html();
};
