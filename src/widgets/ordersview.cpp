// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/ordersview.h"
#include "ui_ordersview.h"

#include "export/simorderexporter.h"
#include "model/simordercolumns.h"
#include "table/eventtablemodel.h"
#include "table/simordertablemodel.h"
#include "widgets/orderstatusdelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QKeySequence>
#include <QMenu>
#include <QMessageBox>
#include <QShortcut>
#include <QTextDocument>

namespace {

using Model = SimOrderTableModel;

QString statusChange(int before, const SimOrderStep &step)
{
    if (step.typeId == SimCardOrder::SubmittedTypeId)
        return OrdersView::tr("Submitted");
    if (step.statusId < 0)
        return OrdersView::tr("updated, no status given (stays %1)")
            .arg(before < 0 ? OrdersView::tr("unknown") : SimCardOrder::statusName(before));
    if (before == step.statusId)
        return OrdersView::tr("%1 again").arg(SimCardOrder::statusName(step.statusId));
    if (before < 0)
        return SimCardOrder::statusName(step.statusId);
    return OrdersView::tr("%1 → %2").arg(
        SimCardOrder::statusName(before), SimCardOrder::statusName(step.statusId));
}

} // namespace

OrdersView::OrdersView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::OrdersView>())
    , m_model(std::make_unique<SimOrderTableModel>())
{
    m_ui->setupUi(this);
    m_ui->ordersSplitter->setStretchFactor(0, 3);
    m_ui->ordersSplitter->setStretchFactor(1, 1);
    m_ui->copyTrackingButton->setEnabled(false);
    m_ui->unpaidButton->setIcon(OrderStatusDelegate::icon(SimCardOrder::Submitted));
    m_ui->paidButton->setIcon(OrderStatusDelegate::icon(SimCardOrder::Paid));
    m_ui->shippedButton->setIcon(OrderStatusDelegate::icon(SimCardOrder::Shipped));
    m_ui->canceledButton->setIcon(OrderStatusDelegate::icon(SimCardOrder::Canceled));

    auto *exportMenu = new QMenu(tr("Export CSV…"), this);
    exportMenu->addAction(tr("Export shown orders…"), this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Export orders"), QStringLiteral("orders.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!file.isEmpty() && !exportToFile(file, false, &error))
            QMessageBox::warning(this, tr("Export orders"), error);
    });
    exportMenu->addAction(tr("Export selected orders…"), this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Export orders"), QStringLiteral("orders.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!file.isEmpty() && !exportToFile(file, true, &error))
            QMessageBox::warning(this, tr("Export orders"), error);
    });
    m_ui->exportButton->setMenu(exportMenu);

    auto *copy = new QShortcut(QKeySequence::Copy, m_ui->ordersTable, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &OrdersView::copySelection);

    for (QToolButton *button : { m_ui->unpaidButton, m_ui->paidButton, m_ui->shippedButton,
             m_ui->canceledButton, m_ui->recentButton })
        connect(button, &QToolButton::toggled, this, &OrdersView::applyToggles);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_model.get(), &SimOrderTableModel::setSearchText);
    connect(m_ui->copyTrackingButton, &QToolButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_trackingReference); });
    connect(m_ui->showEventsLabel, &QLabel::linkActivated, this, [this] {
        if (const std::optional<qint64> id = currentOrderId())
            Q_EMIT showEventsRequested(*id, QString::number(*id));
    });

    m_ui->ordersTable->setModel(m_model.get());
    m_ui->ordersTable->setItemDelegateForColumn(SimOrderColumns::Status, new OrderStatusDelegate(this));
    m_ui->ordersTable->verticalHeader()->hide();
    m_ui->ordersTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_ui->ordersTable->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_ui->ordersTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_ui->ordersTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &OrdersView::onCurrentChanged);
    connect(m_model.get(), &SimOrderTableModel::countsChanged, this, &OrdersView::updateCounts);
    // The shown order's steps change as pages arrive; a reset (filter) may drop the selection.
    connect(m_model.get(), &QAbstractItemModel::dataChanged, this, &OrdersView::onCurrentChanged);
    connect(m_model.get(), &QAbstractItemModel::modelReset, this, &OrdersView::onCurrentChanged);
    updateCounts();
    showTimeline(nullptr);
}

OrdersView::~OrdersView() = default;

void OrdersView::setEventModel(EventTableModel *events)
{
    // A model of its own that follows the event table; the view's filters and sort carry over.
    auto model = std::make_unique<SimOrderTableModel>(events);
    model->setProviderNames(m_model->context().providerNames);
    m_ui->ordersTable->setModel(model.get());
    m_model.swap(model);
    connect(m_ui->ordersTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &OrdersView::onCurrentChanged);
    connect(m_model.get(), &SimOrderTableModel::countsChanged, this, &OrdersView::updateCounts);
    connect(m_model.get(), &QAbstractItemModel::dataChanged, this, &OrdersView::onCurrentChanged);
    connect(m_model.get(), &QAbstractItemModel::modelReset, this, &OrdersView::onCurrentChanged);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_model.get(), &SimOrderTableModel::setSearchText);
    // Columns fit the first orders that arrive; after that the user's widths stay.
    connect(m_model.get(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_columnsFitted)
            return;
        m_columnsFitted = true;
        m_ui->ordersTable->resizeColumnsToContents();
        // A long name or e-mail address must not push the dates and references out of sight.
        QHeaderView *header = m_ui->ordersTable->horizontalHeader();
        for (int c = 0; c < header->count(); ++c)
            header->resizeSection(
                c, std::min(header->sectionSize(c), 12 * fontMetrics().averageCharWidth() + 60));
    });
    m_model->sort(m_ui->ordersTable->horizontalHeader()->sortIndicatorSection(),
        m_ui->ordersTable->horizontalHeader()->sortIndicatorOrder());
    applyToggles();
    m_model->setSearchText(m_ui->searchEdit->text());
    updateCounts();
    onCurrentChanged();
}

void OrdersView::setProviderNames(const QHash<qint64, QString> &names)
{
    m_model->setProviderNames(names);
    onCurrentChanged();
}

void OrdersView::setNowMs(qint64 nowMs) { m_model->setNowMs(nowMs); }

QTableView *OrdersView::tableView() const { return m_ui->ordersTable; }

QToolButton *OrdersView::toggle(int bucket) const
{
    switch (bucket) {
    case Model::Unpaid:
        return m_ui->unpaidButton;
    case Model::PaidNotShipped:
        return m_ui->paidButton;
    case Model::Shipped:
        return m_ui->shippedButton;
    case Model::Canceled:
        return m_ui->canceledButton;
    default:
        return m_ui->recentButton;
    }
}

void OrdersView::applyToggles()
{
    QList<Model::Bucket> buckets;
    for (int b = 0; b < Model::BucketCount; ++b) {
        if (toggle(b)->isChecked())
            buckets.append(Model::Bucket(b));
    }
    m_model->setBuckets(buckets);
    m_model->setRecentOnly(m_ui->recentButton->isChecked());
}

void OrdersView::updateCounts()
{
    const Model::Counts counts = m_model->counts();
    m_ui->unpaidButton->setText(tr("Submitted (unpaid) %1").arg(counts.buckets[Model::Unpaid]));
    m_ui->paidButton->setText(tr("Paid (not shipped) %1").arg(counts.buckets[Model::PaidNotShipped]));
    m_ui->shippedButton->setText(tr("Shipped %1").arg(counts.buckets[Model::Shipped]));
    m_ui->canceledButton->setText(tr("Canceled %1").arg(counts.buckets[Model::Canceled]));
    m_ui->recentButton->setText(tr("Updated in the last 7 days %1").arg(counts.recent));
}

std::optional<qint64> OrdersView::currentOrderId() const
{
    const QModelIndex current = m_ui->ordersTable->selectionModel()->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return current.data(Model::OrderIdRole).toLongLong();
}

bool OrdersView::showOrder(qint64 orderId)
{
    if (!m_model->book().order(orderId))
        return false;
    if (m_model->rowOfOrder(orderId) < 0) {
        for (int b = 0; b <= Model::BucketCount; ++b) {
            const QSignalBlocker block(toggle(b));
            toggle(b)->setChecked(false);
        }
        applyToggles();
        m_ui->searchEdit->clear();
    }
    const int row = m_model->rowOfOrder(orderId);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_ui->ordersTable->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->ordersTable->scrollTo(index);
    return true;
}

void OrdersView::onCurrentChanged()
{
    const QModelIndex current = m_ui->ordersTable->selectionModel()->currentIndex();
    showTimeline(current.isValid() ? m_model->orderAt(current.row()) : nullptr);
}

void OrdersView::showTimeline(const SimOrderRecord *order)
{
    m_trackingReference = order ? order->trackingReference : QString();
    m_ui->copyTrackingButton->setEnabled(!m_trackingReference.isEmpty());
    m_ui->copyTrackingButton->setToolTip(m_trackingReference);
    if (!order) {
        m_ui->orderTitle->setText(tr("<i>Select an order to see its timeline.</i>"));
        m_ui->showEventsLabel->clear();
        m_ui->timeline->clear();
        return;
    }
    const SimOrderColumns::Context &context = m_model->context();
    auto text
        = [&](SimOrderColumns::Column column) { return SimOrderColumns::text(*order, column, context); };
    QString title = tr("<b>Order %1</b> · <span style=\"color:%2\">%3</span><br>%4")
                        .arg(order->orderId)
                        .arg(OrderStatusDelegate::color(order->statusId).name(),
                            text(SimOrderColumns::Status).toHtmlEscaped(),
                            text(SimOrderColumns::Organisation).toHtmlEscaped());
    if (order->providerId || !order->trackingReference.isEmpty())
        title += tr("<br>Shipped with %1 · tracking reference <b>%2</b>")
                     .arg(text(SimOrderColumns::Provider).toHtmlEscaped(),
                         order->trackingReference.toHtmlEscaped());
    m_ui->orderTitle->setText(title);
    m_ui->showEventsLabel->setText(order->steps.size() == 1
            ? tr("<a href=\"events\">Show its event in the event table</a>")
            : tr("<a href=\"events\">Show its %1 events in the event table</a>").arg(order->steps.size()));

    QString html;
    if (!order->isSubmitLoaded())
        html += tr("<p><i>%1 (the submit event is not in the loaded time range)</i></p>")
                    .arg(text(SimOrderColumns::Submitted).toHtmlEscaped());
    int status = -1;
    for (const SimOrderStep &step : order->steps) {
        QString item = QStringLiteral("<p><b>%1</b> · %2")
                           .arg(SimOrderColumns::timeText(step.timestampMs, SimOrderColumns::Format::Display),
                               statusChange(status, step).toHtmlEscaped());
        if (step.providerId)
            item += tr(" · %1").arg(
                SimCardOrder::providerName(*step.providerId, context.providerNames).toHtmlEscaped());
        if (!step.trackingReference.isEmpty())
            item += tr(" · tracking %1").arg(step.trackingReference.toHtmlEscaped());
        item += QStringLiteral("<br>%1<br><small>event %2</small></p>")
                    .arg(step.performedBy.toHtmlEscaped())
                    .arg(step.eventId);
        html += item;
        if (step.typeId == SimCardOrder::SubmittedTypeId && status < 0)
            status = SimCardOrder::Submitted;
        else if (step.statusId >= 0)
            status = step.statusId;
    }
    m_ui->timeline->setHtml(html);
}

QString OrdersView::timelineText() const
{
    QTextDocument title;
    title.setHtml(m_ui->orderTitle->text());
    return title.toPlainText() + QLatin1Char('\n') + m_ui->timeline->toPlainText();
}

std::vector<const SimOrderRecord *> OrdersView::ordersToExport(bool selectedOnly) const
{
    std::vector<const SimOrderRecord *> orders;
    if (selectedOnly) {
        QModelIndexList rows = m_ui->ordersTable->selectionModel()->selectedRows();
        std::sort(rows.begin(), rows.end(),
            [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
        for (const QModelIndex &index : rows)
            orders.push_back(m_model->orderAt(index.row()));
    } else {
        for (int row = 0; row < m_model->rowCount(); ++row)
            orders.push_back(m_model->orderAt(row));
    }
    return orders;
}

bool OrdersView::exportToFile(const QString &fileName, bool selectedOnly, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const std::vector<const SimOrderRecord *> orders = ordersToExport(selectedOnly);
    return SimOrderExporter::write(&file, SimOrderExporter::Format::Csv, orders, m_model->context(), error);
}

void OrdersView::copySelection()
{
    const std::vector<const SimOrderRecord *> orders = ordersToExport(true);
    if (!orders.empty())
        QApplication::clipboard()->setText(SimOrderExporter::tsv(orders, m_model->context()));
}
