// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "filter/eventfilter.h"
#include "model/event.h"
#include "model/payloadsecrets.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class EventDetailPane;
}
class HighlightDelegate;
class QAction;
class QJsonValue;
class QTreeWidgetItem;

// Everything about one event: type, time (local and UTC), severity, who performed it, the related
// entities as links that pin the table to them, a SIM order box for order events, and the whole
// event JSON as a tree and as text. Building it is a few hundred items at most (well under 10 ms).
//
// Secret values (PayloadSecrets: activation keys, tokens, JWTs) show as a marker in the tree and the
// raw JSON. Double-click or Enter on one (or its context menu) reveals it until another event is
// shown; nothing remembers it. Copies give the marker: Copy all always, Copy value unless the
// value was revealed.
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
    // The search's texts (SearchQuery::highlightTexts()), marked in the payload tree and the raw JSON.
    void setHighlights(const QStringList &texts);

    // What the pane shows, for tests and the clipboard.
    [[nodiscard]] QString titleText() const;
    [[nodiscard]] QString performedByText() const;
    [[nodiscard]] QString orderText() const; // plain text of the SIM order box; empty when hidden
    [[nodiscard]] QString rawJson() const; // as shown: secrets masked unless revealed

    // The paths (PayloadSecrets::Secret::path) of the event's secret values, and which are shown.
    [[nodiscard]] QStringList secretPaths() const;
    [[nodiscard]] bool isSecretRevealed(const QString &path) const;
    void setSecretRevealed(const QString &path, bool revealed);

Q_SIGNALS:
    // A related-entity link was clicked: filter the table to events of this entity.
    void pinRequested(EventEntity pin, qint64 id, const QString &label);
    // The order box's "Open in Orders view" link.
    void orderViewRequested(qint64 orderId);
    // A payload field's Show only / Exclude (PivotActions::addPayloadPivots): a SearchQuery term.
    void pivotRequested(const QString &term);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitKeyColumn();
    void showOrder(const Event &event);
    void activateLink(const QString &link);
    void showTreeMenu(const QPoint &pos);
    void showRawMenu(const QPoint &pos);
    void addJson(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value, const QString &path);
    void showSecretItem(QTreeWidgetItem *item);
    void toggleSecret(QTreeWidgetItem *item);
    // The value with its secrets as markers; revealed ones as they are when withReveals.
    [[nodiscard]] QJsonValue shownValue(const QJsonValue &value, const QString &path, bool withReveals) const;
    void updateRawJson();
    void markRawJson();
    void updateSecretsLabel();
    static QString valueText(const QJsonValue &value);

    std::unique_ptr<Ui::EventDetailPane> m_ui;
    std::optional<qint64> m_eventId;
    QJsonObject m_object; // the event as shown
    QByteArray m_prettyJson; // the raw JSON tab's text
    QByteArray m_maskedJson; // what Copy all copies: every secret masked
    QHash<QString, PayloadSecrets::Secret> m_secrets; // by path
    QStringList m_secretPaths; // in document order
    QHash<QString, QTreeWidgetItem *> m_secretItems; // by path; owned by the tree
    QSet<QString> m_revealed; // paths; cleared for every event
    QAction *m_copyValueAction;
    QAction *m_copyKeyValueAction;
    QAction *m_copyAllAction;
    QAction *m_revealAction;
    QHash<qint64, QString> m_providerNames;
    HighlightDelegate *m_highlight; // the tree's; owned by it
    QStringList m_highlights;
};
