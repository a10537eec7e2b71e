// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/accountsdialog.h"

#include "widgets/connectionflow.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int IdRole = Qt::UserRole;
enum Column { NameColumn, UrlColumn, OrganisationColumn, ColumnCount };

} // namespace

AccountsDialog::AccountsDialog(ConnectionFlow *connection, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_list(new QTreeWidget(this))
    , m_renameButton(new QPushButton(tr("Re&name"), this))
    , m_removeButton(new QPushButton(tr("&Remove…"), this))
    , m_errorLabel(new QLabel(this))
{
    setWindowTitle(tr("Accounts"));
    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setAccessibleName(tr("Saved accounts"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({ tr("Name"), tr("API"), tr("Organisation") });
    m_list->setRootIsDecorated(false);
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_renameButton->setAccessibleName(tr("Rename the selected account"));
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setAccessibleName(tr("Remove the selected account"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));

    auto *side = new QVBoxLayout;
    side->addWidget(m_renameButton);
    side->addWidget(m_removeButton);
    side->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    resize(640, 320);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemChanged, this, &AccountsDialog::onItemChanged);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &AccountsDialog::updateButtons);
    connect(m_renameButton, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_list->currentItem())
            m_list->editItem(item, NameColumn);
    });
    connect(m_removeButton, &QPushButton::clicked, this, &AccountsDialog::removeSelected);
    connect(m_connection, &ConnectionFlow::accountsChanged, this, &AccountsDialog::fill);
    fill();
}

AccountsDialog::~AccountsDialog() = default;

void AccountsDialog::fill()
{
    m_filling = true;
    const QString selected
        = m_list->currentItem() ? m_list->currentItem()->data(NameColumn, IdRole).toString() : QString();
    m_list->clear();
    for (const SavedAccount &account : m_connection->accounts()) {
        auto *item = new QTreeWidgetItem(m_list);
        const bool current = account.id == m_connection->currentAccountId();
        item->setText(NameColumn, account.name);
        item->setData(NameColumn, IdRole, account.id);
        item->setText(UrlColumn, account.apiUrl.toString());
        item->setText(
            OrganisationColumn, account.organisation.isEmpty() ? tr("not known yet") : account.organisation);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        if (current) {
            QFont font = item->font(NameColumn);
            font.setBold(true);
            item->setFont(NameColumn, font);
            item->setToolTip(NameColumn, tr("The account shown now"));
        }
        if (account.id == selected || (selected.isEmpty() && m_list->topLevelItemCount() == 1))
            m_list->setCurrentItem(item);
    }
    m_filling = false;
    updateButtons();
}

void AccountsDialog::onItemChanged(QTreeWidgetItem *item, int column)
{
    if (m_filling || column != NameColumn)
        return;
    const QString id = item->data(NameColumn, IdRole).toString();
    const QString name = item->text(NameColumn).trimmed();
    if (m_connection->renameAccount(id, name)) { // accountsChanged() refills the list
        m_errorLabel->hide();
        return;
    }
    m_errorLabel->setText(
        name.isEmpty() ? tr("An account needs a name.") : tr("Another account is named “%1”.").arg(name));
    m_errorLabel->show();
    fill(); // back to the name it has
}

void AccountsDialog::removeSelected()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString id = item->data(NameColumn, IdRole).toString();
    const QString name = item->text(NameColumn);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove account"),
        tr("Remove the account “%1” and its token from the keychain? Its archive stays until you forget it "
           "under File > Archive…")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeConfirmation"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result == QMessageBox::Yes)
            m_connection->removeAccount(id);
    });
    box->open();
}

void AccountsDialog::updateButtons()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    m_renameButton->setEnabled(item != nullptr);
    m_removeButton->setEnabled(
        item != nullptr && item->data(NameColumn, IdRole).toString() != m_connection->currentAccountId());
}
