// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/pivotactions.h"

#include "filter/pivot.h"
#include "model/eventstore.h"
#include "session/viewrequest.h"
#include "table/eventtablemodel.h"
#include "widgets/eventtableview.h"

#include <QAction>
#include <QMenu>

namespace {

constexpr qsizetype MenuValueLength = 40;

QString entityText(EventEntity entity, const QString &label)
{
    switch (entity) {
    case EventEntity::Endpoint:
        return PivotActions::tr("Show only this device (%1)").arg(label);
    case EventEntity::Sim:
        return PivotActions::tr("Show only this SIM (%1)").arg(label);
    case EventEntity::Organisation:
        return PivotActions::tr("Show only this organisation (%1)").arg(label);
    case EventEntity::User:
        return PivotActions::tr("Show only this user (%1)").arg(label);
    case EventEntity::Imsi:
        return PivotActions::tr("Show only this IMSI (%1)").arg(label);
    case EventEntity::Order:
        break;
    }
    return PivotActions::tr("Show only this order (%1)").arg(label);
}

} // namespace

PivotActions::PivotActions(EventTableView *table, QObject *parent)
    : QObject(parent)
    , m_table(table)
    , m_showOnly(new QAction(tr("Show only this value"), this))
    , m_exclude(new QAction(tr("Exclude this value"), this))
    , m_menu(new QAction(tr("Pivot menu of the current cell"), this))
{
    m_showOnly->setObjectName(QStringLiteral("actionPivotShowOnly"));
    // "+" too: the numeric keypad has no "=", and its "-" excludes already.
    m_showOnly->setShortcuts({ QKeySequence(Qt::Key_Equal), QKeySequence(Qt::Key_Plus) });
    m_exclude->setObjectName(QStringLiteral("actionPivotExclude"));
    m_exclude->setShortcut(QKeySequence(Qt::Key_Minus));
    m_menu->setObjectName(QStringLiteral("actionPivotMenu"));
    m_menu->setShortcuts({ QKeySequence(Qt::SHIFT | Qt::Key_F10), QKeySequence(Qt::Key_Menu) });
    // Keys of the table only: "-" and "=" are typing in the search box.
    for (QAction *action : { m_showOnly, m_exclude, m_menu }) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        table->addAction(action);
    }
    connect(m_showOnly, &QAction::triggered, this, [this] { pivotCurrent(false); });
    connect(m_exclude, &QAction::triggered, this, [this] { pivotCurrent(true); });
    connect(m_menu, &QAction::triggered, this, [this] {
        const QModelIndex index = m_table->currentIndex();
        if (!index.isValid())
            return;
        m_table->scrollTo(index);
        const QRect rect = m_table->visualRect(index);
        showCellMenu(index, m_table->viewport()->mapToGlobal(rect.bottomLeft()));
    });
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_table->indexAt(pos);
        if (index.isValid() && !m_table->selectionModel()->isSelected(index))
            m_table->setCurrentIndex(index); // the menu is about the row the user sees marked
        showCellMenu(index, m_table->viewport()->mapToGlobal(pos));
    });
}

PivotActions::~PivotActions() = default;

QString PivotActions::menuText(const QString &value)
{
    QString text = value.simplified();
    if (text.size() > MenuValueLength)
        text = text.left(MenuValueLength - 1) + QChar(0x2026);
    return text.replace(QLatin1Char('&'), QLatin1String("&&"));
}

void PivotActions::pivotCurrent(bool excluded)
{
    const QModelIndex index = m_table->currentIndex();
    const EventTableModel *model = m_table->eventModel();
    if (!index.isValid() || !model)
        return;
    const qsizetype row = index.data(EventTableModel::StoreRowRole).value<qsizetype>();
    const QString term = Pivot::cellTerm(model->store(), row, EventColumns::Column(index.column()), excluded);
    if (!term.isEmpty())
        Q_EMIT pivotRequested(term);
}

QMenu *PivotActions::cellMenu(const QModelIndex &index, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    const EventTableModel *model = m_table->eventModel();
    if (index.isValid() && model) {
        const EventStore &store = model->store();
        const qsizetype row = index.data(EventTableModel::StoreRowRole).value<qsizetype>();
        const auto column = EventColumns::Column(index.column());
        const QString value = Pivot::cellValue(store, row, column);
        const QString only = Pivot::cellTerm(store, row, column, false);
        if (!only.isEmpty()) {
            const QString except = Pivot::cellTerm(store, row, column, true);
            // After a tab the menu shows the key of the table's action (the key is bound there, not here).
            QAction *showOnly = menu->addAction(tr("Show only \"%1\"").arg(menuText(value))
                + QLatin1Char('\t') + m_showOnly->shortcut().toString(QKeySequence::NativeText));
            connect(showOnly, &QAction::triggered, this, [this, only] { Q_EMIT pivotRequested(only); });
            QAction *exclude = menu->addAction(tr("Exclude \"%1\"").arg(menuText(value)) + QLatin1Char('\t')
                + m_exclude->shortcut().toString(QKeySequence::NativeText));
            connect(exclude, &QAction::triggered, this, [this, except] { Q_EMIT pivotRequested(except); });
        }
        const QList<EntityPin> pins = EntityPin::ofEvent(store, row);
        if (!pins.isEmpty())
            menu->addSeparator();
        for (const EntityPin &pin : pins) {
            QAction *action = menu->addAction(entityText(pin.entity, menuText(pin.label)));
            connect(action, &QAction::triggered, this,
                [this, pin] { Q_EMIT pinRequested(pin.entity, pin.id, pin.label); });
        }
        menu->addSeparator();
        const qint64 timestampMs = store.timestampMs(row);
        const qint64 eventId = store.id(row);
        QAction *around = menu->addAction(tr("Events around this one (±5 min)"));
        around->setObjectName(QStringLiteral("actionEventsAround"));
        connect(around, &QAction::triggered, this,
            [this, timestampMs, eventId] { Q_EMIT eventsAroundRequested(timestampMs, eventId); });
    }
    // The table's own actions (Copy, Export selected) as its menu had them.
    bool separated = menu->isEmpty();
    for (QAction *action : m_table->actions()) {
        if (action == m_showOnly || action == m_exclude || action == m_menu)
            continue;
        if (!separated)
            menu->addSeparator();
        separated = true;
        menu->addAction(action);
    }
    return menu;
}

void PivotActions::showCellMenu(const QModelIndex &index, const QPoint &globalPos)
{
    QMenu *menu = cellMenu(index, m_table);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

void PivotActions::addPayloadPivots(
    QMenu *menu, const QString &key, const QString &value, const std::function<void(const QString &)> &pivot)
{
    const QString only = Pivot::payloadTerm(key, value, false);
    if (only.isEmpty())
        return;
    const QString except = Pivot::payloadTerm(key, value, true);
    const QString text = menuText(value);
    QAction *showOnly = menu->addAction(tr("Show only %1: \"%2\"").arg(menuText(key), text));
    QObject::connect(showOnly, &QAction::triggered, menu, [pivot, only] { pivot(only); });
    QAction *exclude = menu->addAction(tr("Exclude %1: \"%2\"").arg(menuText(key), text));
    QObject::connect(exclude, &QAction::triggered, menu, [pivot, except] { pivot(except); });
}
