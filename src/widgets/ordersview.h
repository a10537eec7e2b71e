// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/simorderbook.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class OrdersView;
}
class EventTableModel;
class QTableView;
class QToolButton;
class SimOrderTableModel;

// The Orders view: one row per SIM order, folded from the events the event table loads (same time
// range and scope), with quick filters as toggles that show their counts, a search, a sortable
// table, Ctrl+C and CSV export, and the selected order's timeline with who did what.
class OrdersView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersView)

public:
    explicit OrdersView(QWidget *parent = nullptr);
    ~OrdersView() override;

    // Follows the event table's store from now on (not owned; must outlive the view).
    void setEventModel(EventTableModel *events);
    void setProviderNames(const QHash<qint64, QString> &names);
    void setNowMs(qint64 nowMs);

    // Selects this order (clearing the quick filters and search if they hide it); false if unknown.
    bool showOrder(qint64 orderId);
    [[nodiscard]] std::optional<qint64> currentOrderId() const;

    [[nodiscard]] SimOrderTableModel *model() const { return m_model.get(); }
    [[nodiscard]] QTableView *tableView() const;
    [[nodiscard]] QToolButton *toggle(int bucket) const; // SimOrderTableModel::Bucket; BucketCount: recent
    [[nodiscard]] QString timelineText() const; // the timeline as plain text (tests)
    bool exportToFile(const QString &fileName, bool selectedOnly, QString *error = nullptr);
    void copySelection();

Q_SIGNALS:
    // "Show its events": pin the event table to this order.
    void showEventsRequested(qint64 orderId, const QString &label);

private:
    void applyToggles();
    void updateCounts();
    void onCurrentChanged();
    void showTimeline(const SimOrderRecord *order);
    [[nodiscard]] std::vector<const SimOrderRecord *> ordersToExport(bool selectedOnly) const;

    std::unique_ptr<Ui::OrdersView> m_ui;
    std::unique_ptr<SimOrderTableModel> m_model;
    QString m_trackingReference; // of the selected order
    bool m_columnsFitted = false;
};
