// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "filter/eventfilter.h"
#include "model/event.h"

#include <QByteArray>
#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class EventDetailPane;
}
class QJsonValue;
class QTreeWidgetItem;

// Everything about one event: type, time (local and UTC), severity, who performed it, the related
// entities as links that pin the table to them, a SIM order box for order events, and the whole
// event JSON as a tree and as text. Building it is a few hundred items at most (well under 10 ms).
class EventDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventDetailPane)

public:
    using Pin = EventEntity;

    explicit EventDetailPane(QWidget *parent = nullptr);
    ~EventDetailPane() override;

    void setEvent(const Event &event);
    // The user's names for shipping provider ids (settings); without one a provider reads "provider N".
    void setProviderNames(const QHash<qint64, QString> &names) { m_providerNames = names; }
    void clear();
    [[nodiscard]] std::optional<qint64> eventId() const;

    // What the pane shows, for tests and the clipboard.
    [[nodiscard]] QString titleText() const;
    [[nodiscard]] QString performedByText() const;
    [[nodiscard]] QString orderText() const; // plain text of the SIM order box; empty when hidden
    [[nodiscard]] QString rawJson() const;

Q_SIGNALS:
    // A related-entity link was clicked: filter the table to events of this entity.
    void pinRequested(EventEntity pin, qint64 id, const QString &label);
    // The order box's "Open in Orders view" link.
    void orderViewRequested(qint64 orderId);

private:
    void showOrder(const Event &event);
    void activateLink(const QString &link);
    void showTreeMenu(const QPoint &pos);
    void showRawMenu(const QPoint &pos);
    void addJson(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value);
    static QString valueText(const QJsonValue &value);

    std::unique_ptr<Ui::EventDetailPane> m_ui;
    std::optional<qint64> m_eventId;
    QByteArray m_prettyJson;
    QHash<qint64, QString> m_providerNames;
};
