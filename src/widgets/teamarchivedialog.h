// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// File > Open team archive…: the postgresql:// URL of a team archive (or a local archive file).
// The password never goes into it (a URL with one is refused here with the reason, before
// anything connects): it is typed into its own field, and may be remembered in the keychain;
// left empty, the keychain's entry for the URL, PGPASSWORD or ~/.pgpass give it.
class TeamArchiveDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamArchiveDialog)

public:
    explicit TeamArchiveDialog(QWidget *parent = nullptr);
    ~TeamArchiveDialog() override;

    void setLocation(const QString &urlOrFile);
    [[nodiscard]] QString location() const;
    [[nodiscard]] QString password() const; // empty: the keychain's, PGPASSWORD or ~/.pgpass
    [[nodiscard]] bool rememberPassword() const;

private:
    void validate();

    QLineEdit *m_location;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};
