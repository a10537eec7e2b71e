// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class ConnectionFlow;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

// File > Manage accounts…: the saved accounts with their API and organisation; rename one in
// place (F2 or a double click on its name), remove one (its keychain entry goes with it; the
// account shown cannot be removed). Changes apply at once through the ConnectionFlow.
class AccountsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountsDialog)

public:
    explicit AccountsDialog(ConnectionFlow *connection, QWidget *parent = nullptr); // not owned
    ~AccountsDialog() override;

    [[nodiscard]] QTreeWidget *list() const { return m_list; }

private:
    void fill();
    void onItemChanged(QTreeWidgetItem *item, int column);
    void removeSelected();
    void updateButtons();

    ConnectionFlow *m_connection;
    QTreeWidget *m_list;
    QPushButton *m_renameButton;
    QPushButton *m_removeButton;
    QLabel *m_errorLabel;
    bool m_filling = false;
};
