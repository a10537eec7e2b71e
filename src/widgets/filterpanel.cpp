// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/filterpanel.h"
#include "ui_filterpanel.h"

#include "filter/pivot.h"
#include "filter/searchquery.h"
#include "model/eventtypecatalogue.h"
#include "widgets/filterchip.h"
#include "widgets/severitydelegate.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCompleter>
#include <QHeaderView>
#include <QListWidget>
#include <QMenu>
#include <QRegularExpressionValidator>
#include <QScopedValueRollback>
#include <QStandardItemModel>
#include <QToolButton>

#include <algorithm>
#include <functional>

namespace {

constexpr int RoleKind = Qt::UserRole;
constexpr int RoleId = Qt::UserRole + 1;

} // namespace

FilterPanel::FilterPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::FilterPanel>())
{
    m_ui->setupUi(this);

    using TR = ViewerFilterState::TimeRange;
    m_ui->timeRangeCombo->addItem(tr("Last hour"), int(TR::LastHour));
    m_ui->timeRangeCombo->addItem(tr("Last 24 hours"), int(TR::Last24Hours));
    m_ui->timeRangeCombo->addItem(tr("Last 7 days"), int(TR::Last7Days));
    m_ui->timeRangeCombo->addItem(tr("Last 30 days"), int(TR::Last30Days));
    m_ui->timeRangeCombo->insertSeparator(m_ui->timeRangeCombo->count());
    m_ui->timeRangeCombo->addItem(tr("Today"), int(TR::Today));
    m_ui->timeRangeCombo->addItem(tr("Yesterday"), int(TR::Yesterday));
    m_ui->timeRangeCombo->addItem(tr("This week"), int(TR::ThisWeek));
    m_ui->timeRangeCombo->addItem(tr("Last week"), int(TR::LastWeek));
    m_ui->timeRangeCombo->insertSeparator(m_ui->timeRangeCombo->count());
    m_ui->timeRangeCombo->addItem(tr("Custom…"), int(TR::Custom));
    m_ui->timeRangeCombo->setToolTip(
        tr("Events are kept for 30 days. Changing the range reads the events again."));
    m_ui->timeRangeCombo->setCurrentIndex(m_ui->timeRangeCombo->findData(int(TR::Last7Days)));

    using SK = ViewerFilterState::ScopeKind;
    m_ui->scopeCombo->addItem(tr("Whole account"), int(SK::Account));
    m_ui->scopeCombo->addItem(tr("Device"), int(SK::Endpoint));
    m_ui->scopeCombo->addItem(tr("SIM"), int(SK::Sim));
    m_ui->scopeCombo->addItem(tr("User"), int(SK::User));
    m_ui->scopeCombo->addItem(tr("Organisation"), int(SK::Organisation));
    // An id, an ICCID/IMSI/IMEI or a name (ViewRequest maps it); no ',' (q has no escaping).
    m_ui->scopeIdEdit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[^,]{1,100}")), m_ui->scopeIdEdit));
    m_completer = new QCompleter(this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionRole(Qt::DisplayRole);
    m_completer->popup()->setAccessibleName(tr("Known devices, SIMs, users and organisations"));
    m_ui->scopeIdEdit->setCompleter(m_completer);
    // A chosen completion reads "tracker-7 · 42": the editor gets the id the API list needs (after
    // QLineEdit has put the completion's text in).
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, [this](const QModelIndex &index) {
        const QString id = index.data(Qt::UserRole).toString();
        QTimer::singleShot(0, this, [this, id] {
            m_ui->scopeIdEdit->setText(id);
            Q_EMIT queryChanged();
        });
    });
    m_ui->scopeIdEdit->setEnabled(false);

    for (const auto &[box, id] : severityBoxes())
        box->setIcon(SeverityDelegate::icon(id));

    m_ui->categoryTree->header()->setStretchLastSection(false);
    m_ui->categoryTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->categoryTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    buildTree();
    updateCustomRange();

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(SearchDebounceMs);
    m_emitTimer.setSingleShot(true);
    m_emitTimer.setInterval(0);
    connect(&m_searchTimer, &QTimer::timeout, this, &FilterPanel::localFilterChanged);
    connect(&m_emitTimer, &QTimer::timeout, this, &FilterPanel::localFilterChanged);
    m_ui->searchErrorLabel->hide();
    m_ui->searchErrorLabel->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this] {
        showSearchProblem();
        if (!m_updating)
            m_searchTimer.start();
    });
    for (const auto &[box, id] : severityBoxes() + sourceBoxes())
        connect(box, &QCheckBox::toggled, this, &FilterPanel::emitLocalSoon);
    connect(m_ui->categoryTree, &QTreeWidget::itemChanged, this, &FilterPanel::onItemChanged);
    m_ui->categoryTree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_ui->categoryTree, &QWidget::customContextMenuRequested, this, &FilterPanel::showTreeMenu);
    connect(m_ui->categoryTree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) { showOnly(item); });
    connect(m_ui->timeRangeCombo, &QComboBox::currentIndexChanged, this, &FilterPanel::onTimeRangeChanged);
    connect(m_ui->fromEdit, &QDateTimeEdit::editingFinished, this, &FilterPanel::queryChanged);
    connect(m_ui->untilEdit, &QDateTimeEdit::editingFinished, this, &FilterPanel::queryChanged);
    connect(m_ui->scopeCombo, &QComboBox::currentIndexChanged, this, &FilterPanel::onScopeChanged);
    connect(m_ui->scopeIdEdit, &QLineEdit::returnPressed, this, &FilterPanel::queryChanged);
    connect(m_ui->clearButton, &QPushButton::clicked, this, &FilterPanel::clearAllRequested);
    // A click or Enter applies a view; moving the cursor through the list with arrows does not.
    connect(m_ui->savedViewsList, &QListWidget::itemClicked, this,
        [this](QListWidgetItem *item) { Q_EMIT savedViewActivated(item->data(Qt::UserRole).toString()); });
    connect(m_ui->savedViewsList, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { Q_EMIT savedViewActivated(item->data(Qt::UserRole).toString()); });
}

void FilterPanel::setSavedViews(const QList<SavedViewEntry> &views)
{
    QListWidget *list = m_ui->savedViewsList;
    list->clear();
    for (const SavedViewEntry &view : views) {
        auto *item = new QListWidgetItem(view.name, list);
        item->setData(Qt::UserRole, view.id);
        item->setToolTip(view.shortcut.isEmpty() ? view.name : tr("%1 (%2)").arg(view.name, view.shortcut));
    }
}

FilterPanel::~FilterPanel()
{
    // A focused range editor finishes editing when the closing window takes its focus, which
    // happens in ~QWidget, after this object's part is gone: it must no longer reach us.
    m_ui->fromEdit->disconnect(this);
    m_ui->untilEdit->disconnect(this);
}

QList<std::pair<QCheckBox *, int>> FilterPanel::severityBoxes() const
{
    return { { m_ui->severityInfo, 0 }, { m_ui->severityWarn, 1 }, { m_ui->severityCritical, 2 } };
}

QList<std::pair<QCheckBox *, int>> FilterPanel::sourceBoxes() const
{
    return { { m_ui->sourceNetwork, 0 }, { m_ui->sourcePolicy, 1 }, { m_ui->sourceApi, 2 } };
}

void FilterPanel::buildTree()
{
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    QTreeWidget *tree = m_ui->categoryTree;
    QScopedValueRollback guard(m_updating, true);
    auto group = [tree](const QString &name) {
        auto *item = new QTreeWidgetItem(tree, { name });
        item->setData(0, RoleKind, GroupItem);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
        item->setCheckState(0, Qt::Checked);
        QFont font = item->font(0);
        font.setBold(true);
        item->setFont(0, font);
        return item;
    };
    QTreeWidgetItem *platform = group(tr("Platform"));
    QTreeWidgetItem *reseller = group(tr("MNO / reseller"));

    const QList<EventTypeCatalogue::Category> &categories = catalogue.categories();
    for (int index = 0; index < categories.size(); ++index) {
        const EventTypeCatalogue::Category &category = categories.at(index);
        QTreeWidgetItem *parent = category.reseller ? reseller : platform;
        QTreeWidgetItem *item;
        if (index == catalogue.otherCategory()) {
            item = new QTreeWidgetItem(tree, { tr("Other") });
            item->setToolTip(0, tr("Event types this viewer does not know yet"));
            m_otherItem = item;
        } else {
            item = new QTreeWidgetItem(parent, { category.name });
        }
        item->setData(0, RoleKind, CategoryItem);
        item->setData(0, RoleId, index);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
        item->setCheckState(0, Qt::Checked);
        m_categoryItems.insert(index, item);
        for (int typeId : category.typeIds)
            addTypeItem(item, typeId, catalogue.typeName(typeId));
    }
    platform->setExpanded(true);
    reseller->setExpanded(true);
}

QTreeWidgetItem *FilterPanel::addTypeItem(QTreeWidgetItem *category, int typeId, const QString &name)
{
    auto *item = new QTreeWidgetItem({ name });
    item->setData(0, RoleKind, TypeItem);
    item->setData(0, RoleId, typeId);
    item->setToolTip(0, tr("Event type %1").arg(typeId));
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    const bool hidden = m_hiddenUnknownTypes.remove(typeId) || category->checkState(0) == Qt::Unchecked;
    item->setCheckState(0, hidden ? Qt::Unchecked : Qt::Checked);
    category->addChild(item);
    m_typeItems.insert(typeId, item);
    return item;
}

void FilterPanel::setTypeCounts(const QHash<int, qsizetype> &loaded, const QHash<int, qsizetype> &shown)
{
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    QScopedValueRollback guard(m_updating, true);
    for (auto it = loaded.cbegin(); it != loaded.cend(); ++it) {
        if (!m_typeItems.contains(it.key())) {
            QTreeWidgetItem *category = m_categoryItems.value(catalogue.categoryOf(it.key()), m_otherItem);
            addTypeItem(category, it.key(), catalogue.typeName(it.key()));
        }
    }
    const QLocale locale;
    const QBrush dim = palette().brush(QPalette::Disabled, QPalette::Text);
    using Counts = std::pair<qsizetype, qsizetype>; // shown, loaded
    std::function<Counts(QTreeWidgetItem *)> update = [&](QTreeWidgetItem *item) -> Counts {
        Counts sum { 0, 0 };
        if (item->data(0, RoleKind).toInt() == TypeItem) {
            const int id = item->data(0, RoleId).toInt();
            sum = { shown.value(id), loaded.value(id) };
        }
        for (int i = 0; i < item->childCount(); ++i) {
            const Counts child = update(item->child(i));
            sum.first += child.first;
            sum.second += child.second;
        }
        item->setText(1, tr("%1 / %2").arg(locale.toString(sum.first), locale.toString(sum.second)));
        item->setToolTip(1,
            tr("%1 shown with the other filters, %2 loaded").arg(locale.toString(sum.first), locale.toString(sum.second)));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setForeground(0, sum.second == 0 ? dim : QBrush());
        item->setForeground(1, sum.first == 0 ? dim : QBrush());
        return sum;
    };
    for (int i = 0; i < m_ui->categoryTree->topLevelItemCount(); ++i)
        update(m_ui->categoryTree->topLevelItem(i));
}

void FilterPanel::setAllChecked(bool checked)
{
    for (int i = 0; i < m_ui->categoryTree->topLevelItemCount(); ++i)
        m_ui->categoryTree->topLevelItem(i)->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
    m_hiddenUnknownTypes.clear();
}

void FilterPanel::showOnly(QTreeWidgetItem *item)
{
    if (!item)
        return;
    {
        // Auto-tristate items pass a parent's state to its children and their mix up to it.
        QScopedValueRollback guard(m_updating, true);
        setAllChecked(false);
        item->setCheckState(0, Qt::Checked);
    }
    emitLocalSoon();
}

void FilterPanel::showTreeMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_ui->categoryTree->itemAt(pos);
    QMenu menu(this);
    if (item) {
        const bool type = item->data(0, RoleKind).toInt() == TypeItem;
        QAction *only = menu.addAction(type ? tr("Show only this event type") : tr("Show only this category"));
        connect(only, &QAction::triggered, this, [this, item] { showOnly(item); });
    }
    QAction *all = menu.addAction(tr("Show all event types"));
    connect(all, &QAction::triggered, this, [this] {
        {
            QScopedValueRollback guard(m_updating, true);
            setAllChecked(true);
        }
        emitLocalSoon();
    });
    menu.exec(m_ui->categoryTree->viewport()->mapToGlobal(pos));
}

void FilterPanel::onItemChanged(QTreeWidgetItem *, int column)
{
    if (column == 0 && !m_updating)
        emitLocalSoon();
}

void FilterPanel::emitLocalSoon()
{
    if (!m_updating)
        m_emitTimer.start();
}

void FilterPanel::collectHidden(QTreeWidgetItem *item, QSet<int> *categories, QSet<int> *types) const
{
    const int kind = item->data(0, RoleKind).toInt();
    if (kind == CategoryItem && item->checkState(0) == Qt::Unchecked)
        categories->insert(item->data(0, RoleId).toInt());
    if (kind == TypeItem && item->checkState(0) == Qt::Unchecked)
        types->insert(item->data(0, RoleId).toInt());
    for (int i = 0; i < item->childCount(); ++i)
        collectHidden(item->child(i), categories, types);
}

ViewerFilterState FilterPanel::state() const
{
    ViewerFilterState state;
    state.timeRange = ViewerFilterState::TimeRange(m_ui->timeRangeCombo->currentData().toInt());
    if (state.timeRange == ViewerFilterState::TimeRange::Custom) {
        state.customFrom = m_ui->fromEdit->dateTime();
        state.customUntil = m_ui->untilEdit->dateTime();
    }
    for (const auto &[box, id] : severityBoxes()) {
        if (!box->isChecked())
            state.hiddenSeverities.insert(id);
    }
    for (const auto &[box, id] : sourceBoxes()) {
        if (!box->isChecked())
            state.hiddenSources.insert(id);
    }
    for (int i = 0; i < m_ui->categoryTree->topLevelItemCount(); ++i)
        collectHidden(m_ui->categoryTree->topLevelItem(i), &state.hiddenCategories, &state.hiddenTypeIds);
    state.hiddenTypeIds += m_hiddenUnknownTypes;
    state.searchText = m_ui->searchEdit->text().trimmed();
    state.pivots = m_pivots;
    state.scopeKind = ViewerFilterState::ScopeKind(m_ui->scopeCombo->currentData().toInt());
    state.scopeId = state.scopeKind == ViewerFilterState::ScopeKind::Account ? QString() : scopeValue();
    return state;
}

void FilterPanel::setState(const ViewerFilterState &state)
{
    QScopedValueRollback guard(m_updating, true);
    const QSignalBlocker blockRange(m_ui->timeRangeCombo);
    const QSignalBlocker blockScope(m_ui->scopeCombo);
    m_ui->timeRangeCombo->setCurrentIndex(std::max(0, m_ui->timeRangeCombo->findData(int(state.timeRange))));
    if (state.timeRange == ViewerFilterState::TimeRange::Custom) {
        m_ui->fromEdit->setDateTime(state.customFrom);
        m_ui->untilEdit->setDateTime(state.customUntil);
    }
    updateCustomRange();
    for (const auto &[box, id] : severityBoxes()) {
        const QSignalBlocker block(box);
        box->setChecked(!state.hiddenSeverities.contains(id));
    }
    for (const auto &[box, id] : sourceBoxes()) {
        const QSignalBlocker block(box);
        box->setChecked(!state.hiddenSources.contains(id));
    }
    // Types first, then whole categories (which overrule their children).
    m_hiddenUnknownTypes.clear();
    for (auto it = m_typeItems.cbegin(); it != m_typeItems.cend(); ++it)
        it.value()->setCheckState(0, state.hiddenTypeIds.contains(it.key()) ? Qt::Unchecked : Qt::Checked);
    for (int id : state.hiddenTypeIds) {
        if (!m_typeItems.contains(id))
            m_hiddenUnknownTypes.insert(id);
    }
    for (auto it = m_categoryItems.cbegin(); it != m_categoryItems.cend(); ++it) {
        if (state.hiddenCategories.contains(it.key()))
            it.value()->setCheckState(0, Qt::Unchecked);
        else if (it.value()->childCount() == 0)
            it.value()->setCheckState(0, Qt::Checked);
    }
    m_ui->searchEdit->setText(state.searchText);
    if (m_pivots != state.pivots) {
        m_pivots = state.pivots;
        showPivotChips();
    }
    m_ui->scopeCombo->setCurrentIndex(std::max(0, m_ui->scopeCombo->findData(int(state.scopeKind))));
    m_ui->scopeIdEdit->setText(state.scopeId);
    m_ui->scopeIdEdit->setEnabled(state.scopeKind != ViewerFilterState::ScopeKind::Account);
}

void FilterPanel::setPinChips(const QStringList &texts)
{
    const bool hadFocus = std::any_of(m_chips.cbegin(), m_chips.cend(), [](const FilterChip *chip) {
        return chip->hasFocus() || chip->closeButton()->hasFocus();
    });
    // Later: the chip whose key or close button asked for this is still handling that event.
    for (FilterChip *chip : std::as_const(m_chips)) {
        m_ui->chipsLayout->removeWidget(chip);
        chip->hide();
        chip->deleteLater();
    }
    m_chips.clear();
    for (const QString &text : texts) {
        auto *chip = new FilterChip(text, this);
        const int index = int(m_chips.size());
        connect(chip, &FilterChip::removeRequested, this, [this, index] { Q_EMIT pinRemoved(index); });
        m_ui->chipsLayout->insertWidget(index, chip); // the pins, then the pivots
        m_chips.append(chip);
    }
    // Removing a chip by keyboard leaves the focus on the next chip (or the search), not nowhere.
    if (hadFocus) {
        if (m_chips.isEmpty())
            m_ui->searchEdit->setFocus(Qt::OtherFocusReason);
        else
            m_chips.first()->setFocus(Qt::OtherFocusReason);
    }
}

QStringList FilterPanel::pinChips() const
{
    QStringList texts;
    for (const FilterChip *chip : m_chips)
        texts.append(chip->text());
    return texts;
}

void FilterPanel::addPivot(const QString &term)
{
    const QString trimmed = term.trimmed();
    if (trimmed.isEmpty() || m_pivots.contains(trimmed))
        return;
    // "Exclude X" after "Show only X" (or the other way round) means the new one.
    const auto base = [](const QString &t) { return t.startsWith(QLatin1Char('-')) ? t.sliced(1) : t; };
    m_pivots.removeIf([&](const QString &other) { return base(other) == base(trimmed); });
    m_pivots.append(trimmed);
    showPivotChips();
    Q_EMIT localFilterChanged();
}

void FilterPanel::removePivot(int index)
{
    if (index < 0 || index >= m_pivots.size())
        return;
    m_pivots.removeAt(index);
    showPivotChips();
    Q_EMIT localFilterChanged();
}

QStringList FilterPanel::pivotChips() const
{
    QStringList texts;
    for (const FilterChip *chip : m_pivotChips)
        texts.append(chip->text());
    return texts;
}

void FilterPanel::showPivotChips()
{
    const bool hadFocus = std::any_of(m_pivotChips.cbegin(), m_pivotChips.cend(), [](const FilterChip *chip) {
        return chip->hasFocus() || chip->closeButton()->hasFocus();
    });
    // Later, as in setPinChips(): the chip that asked for this is still handling its event.
    for (FilterChip *chip : std::as_const(m_pivotChips)) {
        m_ui->chipsLayout->removeWidget(chip);
        chip->hide();
        chip->deleteLater();
    }
    m_pivotChips.clear();
    for (const QString &term : std::as_const(m_pivots)) {
        auto *chip = new FilterChip(Pivot::chipLabel(term), this);
        chip->setToolTip(Pivot::isExclusion(term)
                ? tr("Events that do not match %1. Delete or Backspace removes this filter.").arg(term)
                : tr("Only events that match %1. Delete or Backspace removes this filter.").arg(term));
        const int index = int(m_pivotChips.size());
        connect(chip, &FilterChip::removeRequested, this, [this, index] { removePivot(index); });
        m_ui->chipsLayout->addWidget(chip);
        m_pivotChips.append(chip);
    }
    if (hadFocus) {
        if (m_pivotChips.isEmpty())
            m_ui->searchEdit->setFocus(Qt::OtherFocusReason);
        else
            m_pivotChips.first()->setFocus(Qt::OtherFocusReason);
    }
}

QString FilterPanel::scopeText() const
{
    const QString id = m_ui->scopeIdEdit->text().trimmed();
    if (m_ui->scopeCombo->currentData().toInt() == int(ViewerFilterState::ScopeKind::Account) || id.isEmpty())
        return {};
    return m_ui->scopeCombo->currentText() + QLatin1Char(' ') + id;
}

void FilterPanel::showSearchProblem()
{
    // Said at once, under the box: a malformed query restricts nothing rather than showing no rows.
    const SearchQuery query = SearchQuery::parse(m_ui->searchEdit->text());
    m_ui->searchErrorLabel->setText(query.isValid() ? QString() : tr("Not searched: %1").arg(query.error()));
    m_ui->searchErrorLabel->setVisible(!query.isValid());
}

void FilterPanel::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

void FilterPanel::clearSearch()
{
    if (m_ui->searchEdit->text().isEmpty())
        return;
    m_ui->searchEdit->clear();
    m_searchTimer.stop();
    Q_EMIT localFilterChanged(); // clearing is applied at once, not debounced
}

void FilterPanel::clearFilters()
{
    ViewerFilterState cleared;
    const ViewerFilterState current = state();
    cleared.timeRange = current.timeRange;
    cleared.customFrom = current.customFrom;
    cleared.customUntil = current.customUntil;
    cleared.scopeKind = current.scopeKind;
    cleared.scopeId = current.scopeId;
    setState(cleared);
    m_searchTimer.stop();
    Q_EMIT localFilterChanged();
}

bool FilterPanel::hasLocalFilters() const
{
    const ViewerFilterState s = state();
    return !s.hiddenSeverities.isEmpty() || !s.hiddenSources.isEmpty() || !s.hiddenCategories.isEmpty()
        || !s.hiddenTypeIds.isEmpty() || !s.searchText.isEmpty() || !s.pivots.isEmpty();
}

void FilterPanel::updateCustomRange()
{
    const bool custom
        = m_ui->timeRangeCombo->currentData().toInt() == int(ViewerFilterState::TimeRange::Custom);
    m_ui->fromLabel->setVisible(custom);
    m_ui->fromEdit->setVisible(custom);
    m_ui->untilLabel->setVisible(custom);
    m_ui->untilEdit->setVisible(custom);
}

void FilterPanel::onTimeRangeChanged()
{
    const bool custom
        = m_ui->timeRangeCombo->currentData().toInt() == int(ViewerFilterState::TimeRange::Custom);
    if (custom && m_ui->fromEdit->dateTime() >= m_ui->untilEdit->dateTime()) {
        // A sensible start: the last 24 hours, which the user then narrows.
        const QDateTime now = QDateTime::currentDateTime();
        m_ui->untilEdit->setDateTime(now);
        m_ui->fromEdit->setDateTime(now.addDays(-1));
    }
    updateCustomRange();
    Q_EMIT queryChanged();
}

void FilterPanel::setKnownEntities(const QList<KnownEntity> &entities)
{
    for (QStandardItemModel *model : std::as_const(m_known))
        model->clear();
    m_idByText.clear();
    for (const KnownEntity &entity : entities) {
        if (entity.text.isEmpty() || entity.id < 0)
            continue;
        QHash<QString, qint64> &byText = m_idByText[int(entity.kind)];
        const QString folded = entity.text.toCaseFolded();
        const auto known = byText.constFind(folded);
        byText.insert(folded, known == byText.constEnd() || *known == entity.id ? entity.id : AmbiguousText);
        QStandardItemModel *&model = m_known[int(entity.kind)];
        if (!model)
            model = new QStandardItemModel(this);
        auto *item = new QStandardItem(entity.text + QStringLiteral(" \u00b7 ") + QString::number(entity.id));
        item->setData(QString::number(entity.id), Qt::UserRole);
        model->appendRow(item);
    }
    useCompletionsOfKind();
}

QString FilterPanel::scopeValue() const
{
    // What the completer would have put in, for text typed in full: a name, an IMEI, an IP, an
    // ICCID or an e-mail seen in loaded events reads that entity's own list, not the account's
    // list filtered with `q` (ViewRequest).
    const QString text = m_ui->scopeIdEdit->text().trimmed();
    const qint64 id = m_idByText.value(m_ui->scopeCombo->currentData().toInt()).value(text.toCaseFolded(), AmbiguousText);
    return id == AmbiguousText ? m_ui->scopeIdEdit->text() : QString::number(id);
}

void FilterPanel::useCompletionsOfKind()
{
    m_completer->setModel(m_known.value(m_ui->scopeCombo->currentData().toInt()));
}

void FilterPanel::onScopeChanged()
{
    useCompletionsOfKind();
    const bool account
        = m_ui->scopeCombo->currentData().toInt() == int(ViewerFilterState::ScopeKind::Account);
    m_ui->scopeIdEdit->setEnabled(!account);
    if (account) {
        m_ui->scopeIdEdit->clear();
        Q_EMIT queryChanged();
    } else {
        m_ui->scopeIdEdit->setFocus(Qt::OtherFocusReason);
        if (!m_ui->scopeIdEdit->text().isEmpty())
            Q_EMIT queryChanged();
    }
}
