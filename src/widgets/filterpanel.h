// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "settings/viewerfilterstate.h"

#include <QHash>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class FilterPanel;
}
class FilterChip;
class QCheckBox;
class QCompleter;
class QStandardItemModel;
class QTreeWidgetItem;

// The filter side panel: free-text search (debounced), time range and scope (what is read from the
// API), severity and source toggles, and the event types by category (platform, MNO/reseller,
// other) as a tri-state tree with loaded counts. It only edits a ViewerFilterState; the main window
// decides what goes to the API and what filters locally.
class FilterPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterPanel)

public:
    static constexpr int SearchDebounceMs = 150;

    explicit FilterPanel(QWidget *parent = nullptr);
    ~FilterPanel() override;

    [[nodiscard]] ViewerFilterState state() const;
    // What the scope reads, for people ("SIM 8988303000123456789"); empty for the whole account.
    [[nodiscard]] QString scopeText() const;
    void setState(const ViewerFilterState &state); // emits nothing

    // Per type id, loaded events (EventTableModel::typeCounts()) and those the other filters let
    // through (shownTypeCounts()), shown as "shown / loaded"; unknown ids join "Other".
    void setTypeCounts(const QHash<int, qsizetype> &loaded, const QHash<int, qsizetype> &shown);
    // Ticks this category or type alone (the tree's context menu and double-click).
    void showOnly(QTreeWidgetItem *item);
    // The pins as chips, in this order ("device Sensor 12"); each one's removal is pinRemoved(index).
    void setPinChips(const QStringList &texts);
    [[nodiscard]] QStringList pinChips() const;
    // Pivots (search terms from a cell or a payload field, Pivot): one chip each after the pins;
    // removing one, or adding one, emits localFilterChanged(). Show only and Exclude of one value
    // replace each other; a term already there is not added twice.
    void addPivot(const QString &term);
    void removePivot(int index);
    [[nodiscard]] QStringList pivotChips() const; // as shown ("not: type: Update location")
    // What the scope editor completes, per kind: the texts people know an entity by (ICCID, IMEI,
    // IP, a name, an e-mail) and its id, which a chosen completion puts in the editor.
    struct KnownEntity
    {
        ViewerFilterState::ScopeKind kind;
        QString text;
        qint64 id;
    };
    void setKnownEntities(const QList<KnownEntity> &entities);
    // The saved views to list (id, name, shortcut text), in order; a click says savedViewActivated(id).
    struct SavedViewEntry
    {
        QString id;
        QString name;
        QString shortcut; // "Ctrl+1"; empty past the ninth
    };
    void setSavedViews(const QList<SavedViewEntry> &views);

    void focusSearch();
    void clearSearch();
    void clearFilters(); // severities, sources, types, search; keeps what is read (range, scope)
    [[nodiscard]] bool hasLocalFilters() const;

Q_SIGNALS:
    void localFilterChanged(); // search (after the debounce), severities, sources, types
    void queryChanged(); // time range or scope: what to read from the API
    void pinRemoved(int index); // of the chip in setPinChips()' list
    void clearAllRequested();
    void savedViewActivated(const QString &id);

private:
    enum ItemKind { GroupItem = 1, CategoryItem, TypeItem };
    void buildTree();
    QTreeWidgetItem *addTypeItem(QTreeWidgetItem *category, int typeId, const QString &name);
    void updateCustomRange();
    void onTimeRangeChanged();
    void onScopeChanged();
    void onItemChanged(QTreeWidgetItem *item, int column);
    void showTreeMenu(const QPoint &pos);
    void setAllChecked(bool checked);
    void emitLocalSoon();
    void showSearchProblem();
    void useCompletionsOfKind();
    // The scope editor's text, or the id of the one known entity of the scope's kind it names.
    [[nodiscard]] QString scopeValue() const;
    void collectHidden(QTreeWidgetItem *item, QSet<int> *categories, QSet<int> *types) const;
    [[nodiscard]] QList<std::pair<QCheckBox *, int>> severityBoxes() const;
    [[nodiscard]] QList<std::pair<QCheckBox *, int>> sourceBoxes() const;

    std::unique_ptr<Ui::FilterPanel> m_ui;
    QTimer m_searchTimer;
    QTimer m_emitTimer; // coalesces the burst of itemChanged a tri-state click causes
    QHash<int, QTreeWidgetItem *> m_typeItems;
    QHash<int, QTreeWidgetItem *> m_categoryItems;
    QTreeWidgetItem *m_otherItem = nullptr;
    QSet<int> m_hiddenUnknownTypes; // hidden ids that have no item (yet)
    QHash<int, QStandardItemModel *> m_known; // by scope kind; owned by this
    // By scope kind: a known entity's case-folded text to its id (AmbiguousText when two share it).
    QHash<int, QHash<QString, qint64>> m_idByText;
    static constexpr qint64 AmbiguousText = -1;
    QCompleter *m_completer;
    void showPivotChips();

    QList<FilterChip *> m_chips;
    QStringList m_pivots; // ViewerFilterState::pivots
    QList<FilterChip *> m_pivotChips;
    bool m_updating = false;
};
