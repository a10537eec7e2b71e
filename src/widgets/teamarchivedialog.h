// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

// File > Open team archive…: the postgresql:// URL of a team archive (or a local archive file).
// The password never goes into it: libpq reads PGPASSWORD or ~/.pgpass, and a URL with one is
// refused here with the reason, before anything connects.
class TeamArchiveDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamArchiveDialog)

public:
    explicit TeamArchiveDialog(QWidget *parent = nullptr);
    ~TeamArchiveDialog() override;

    void setLocation(const QString &urlOrFile);
    [[nodiscard]] QString location() const;

private:
    void validate();

    QLineEdit *m_location;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};
