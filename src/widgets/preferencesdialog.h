// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

struct ApiClientOptions;
class QLabel;
class QSpinBox;
class ViewerSettings;

// Edit > Preferences…: how often follow mode reads new events. The interval cannot go below what
// the client's rate budget allows (EventSession::minimumFollowIntervalMs()), and the dialog says
// why. OK keeps it in the settings; the archive's retention lives in File > Archive….
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    // settings: not owned, must outlive the dialog. options: the client's, for the rate budget.
    PreferencesDialog(ViewerSettings *settings, const ApiClientOptions &options, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    [[nodiscard]] int followIntervalSeconds() const;
    [[nodiscard]] int minimumFollowIntervalSeconds() const;

private:
    void save();

    ViewerSettings *m_settings;
    QSpinBox *m_followInterval;
    QLabel *m_followLimit;
};
