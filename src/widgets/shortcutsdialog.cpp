// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

// "&Export all shown…" as the menu shows it: "Export all shown…".
QString plainText(const QAction *action)
{
    QString text = action->text();
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QChar(1), QLatin1Char('&'));
    return text;
}

// Where a widget shortcut works: the accessible name of the first widget it was added to that is
// not a menu ("Events" for the table).
QString placeOf(const QAction *action)
{
    if (action->shortcutContext() == Qt::WindowShortcut || action->shortcutContext() == Qt::ApplicationShortcut)
        return {};
    for (QObject *object : action->associatedObjects()) {
        const auto *widget = qobject_cast<QWidget *>(object);
        if (widget && !qobject_cast<const QMenu *>(widget) && !widget->accessibleName().isEmpty())
            return widget->accessibleName();
    }
    return {};
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard shortcuts"));
    setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({ tr("Action"), tr("Keys") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setShowGrid(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (const QAction *action : actions) {
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys.append(sequence.toString(QKeySequence::NativeText));
        const QString place = placeOf(action);
        const QString what = place.isEmpty() ? plainText(action) : tr("%1 (in %2)").arg(plainText(action), place);
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(what));
        m_table->setItem(row, 1, new QTableWidgetItem(keys.join(QLatin1String(", "))));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(480, 420);
}

ShortcutsDialog::~ShortcutsDialog() = default;

QList<std::pair<QString, QString>> ShortcutsDialog::rows() const
{
    QList<std::pair<QString, QString>> rows;
    for (int row = 0; row < m_table->rowCount(); ++row)
        rows.append({ m_table->item(row, 0)->text(), m_table->item(row, 1)->text() });
    return rows;
}
