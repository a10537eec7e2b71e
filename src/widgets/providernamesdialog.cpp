// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/providernamesdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

ProviderNamesDialog::ProviderNamesDialog(QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    setWindowTitle(tr("SIM order providers"));
    auto *intro = new QLabel(tr("The emnify API sends a shipping provider as a number only. Name the "
                                "providers you know; the others show as \"provider N\"."),
        this);
    intro->setWordWrap(true);
    m_table->setHorizontalHeaderLabels({ tr("Provider ID"), tr("Name") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Provider names"));
    auto *add = new QPushButton(tr("&Add"), this);
    auto *remove = new QPushButton(tr("&Remove"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        addRow();
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table);
    layout->addLayout(rowButtons);
    layout->addWidget(buttons);
    resize(420, 320);
}

ProviderNamesDialog::~ProviderNamesDialog() = default;

void ProviderNamesDialog::setNames(const QHash<qint64, QString> &names)
{
    m_table->setRowCount(0);
    QList<qint64> ids = names.keys();
    std::sort(ids.begin(), ids.end());
    for (qint64 id : ids)
        addRow(id, names.value(id));
}

void ProviderNamesDialog::addRow(qint64 id, const QString &name)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(id >= 0 ? QString::number(id) : QString()));
    m_table->setItem(row, 1, new QTableWidgetItem(name));
}

QHash<qint64, QString> ProviderNamesDialog::names() const
{
    QHash<qint64, QString> names;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *idItem = m_table->item(row, 0);
        const QTableWidgetItem *nameItem = m_table->item(row, 1);
        bool ok = false;
        const qint64 id = idItem ? idItem->text().trimmed().toLongLong(&ok) : 0;
        const QString name = nameItem ? nameItem->text().trimmed() : QString();
        if (ok && id >= 0 && !name.isEmpty())
            names.insert(id, name);
    }
    return names;
}
