// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/eventdetailpane.h"
#include "ui_eventdetailpane.h"

#include "api/eventjson.h"
#include "model/eventtext.h"
#include "model/eventtypecatalogue.h"
#include "model/jsondocument.h"
#include "model/simcardorder.h"
#include "widgets/highlightdelegate.h"
#include "widgets/pivotactions.h"
#include "widgets/severitydelegate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QScrollBar>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextDocument>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace {

constexpr int RoleCopyText = Qt::UserRole; // the value as copied: unquoted text, or compact JSON
// Secret leaves only: their path, and the value's text as shown and as copied once revealed.
constexpr int RoleSecretPath = Qt::UserRole + 1;
constexpr int RoleSecretText = Qt::UserRole + 2;
constexpr int RoleSecretCopyText = Qt::UserRole + 3;

// The path of a member as PayloadSecrets::find() spells it.
QString memberPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString link(const QString &kind, qint64 id, const QString &text)
{
    return QStringLiteral("<a href=\"pin:%1:%2\">%3</a>").arg(kind).arg(id).arg(text.toHtmlEscaped());
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), valueHtml);
}

} // namespace

EventDetailPane::EventDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EventDetailPane>())
{
    m_ui->setupUi(this);
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.25);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    m_ui->payloadTree->header()->setStretchLastSection(true);
    m_ui->rawJson->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlight = new HighlightDelegate(-1, m_ui->payloadTree);
    m_ui->payloadTree->setItemDelegate(m_highlight);
    // The page scrolls (vertically) when the labels and the payload do not fit a small or scaled
    // screen; the payload keeps room for a dozen lines rather than shrinking to nothing.
    m_ui->payloadTabs->setMinimumHeight(fontMetrics().height() * 14);

    connect(m_ui->relatedLabel, &QLabel::linkActivated, this, &EventDetailPane::activateLink);
    connect(m_ui->orderLabel, &QLabel::linkActivated, this, &EventDetailPane::activateLink);
    connect(m_ui->payloadTree, &QWidget::customContextMenuRequested, this, &EventDetailPane::showTreeMenu);
    connect(m_ui->rawJson, &QWidget::customContextMenuRequested, this, &EventDetailPane::showRawMenu);

    // The tree's actions; Copy value is also Ctrl+C on the tree.
    const auto treeAction = [this](const QString &text, const char *name) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        action->setShortcutContext(Qt::WidgetShortcut);
        m_ui->payloadTree->addAction(action);
        return action;
    };
    m_copyValueAction = treeAction(tr("Copy value"), "copyValueAction");
    m_copyValueAction->setShortcut(QKeySequence::Copy);
    m_copyKeyValueAction = treeAction(tr("Copy key and value"), "copyKeyValueAction");
    m_copyAllAction = treeAction(tr("Copy all"), "copyAllAction");
    m_revealAction = treeAction(tr("Reveal value"), "revealAction");
    connect(m_copyValueAction, &QAction::triggered, this, [this] {
        if (const QTreeWidgetItem *item = m_ui->payloadTree->currentItem())
            QApplication::clipboard()->setText(item->data(1, RoleCopyText).toString());
    });
    connect(m_copyKeyValueAction, &QAction::triggered, this, [this] {
        if (const QTreeWidgetItem *item = m_ui->payloadTree->currentItem())
            QApplication::clipboard()->setText(
                item->text(0) + QStringLiteral(": ") + item->data(1, RoleCopyText).toString());
    });
    connect(m_copyAllAction, &QAction::triggered, this,
        [this] { QApplication::clipboard()->setText(QString::fromUtf8(m_maskedJson)); });
    connect(m_revealAction, &QAction::triggered, this,
        [this] { toggleSecret(m_ui->payloadTree->currentItem()); });
    connect(m_ui->payloadTree, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem *item) { toggleSecret(item); });
    clear();
}

EventDetailPane::~EventDetailPane() = default;

void EventDetailPane::clear()
{
    m_eventId.reset();
    m_object = {};
    m_prettyJson.clear();
    m_maskedJson.clear();
    m_secrets.clear();
    m_secretPaths.clear();
    m_secretItems.clear();
    m_revealed.clear();
    m_ui->secretsLabel->hide();
    m_ui->payloadTree->clear();
    m_ui->rawJson->clear();
    m_ui->stack->setCurrentWidget(m_ui->emptyPage);
}

std::optional<qint64> EventDetailPane::eventId() const { return m_eventId; }

void EventDetailPane::setEvent(const Event &event)
{
    m_eventId = event.id;
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();

    const QString typeName
        = event.type.name.isEmpty() ? catalogue.typeName(int(event.type.id)) : event.type.name;
    const QString severity = QCoreApplication::translate("EventLevels",
        EventTypeCatalogue::severityName(int(event.severity.id), event.severity.name).toUtf8());
    m_ui->titleLabel->setText(tr("%1 · %2").arg(typeName, severity));
    m_ui->severityIcon->setPixmap(SeverityDelegate::icon(int(event.severity.id)).pixmap(18, 18));
    m_ui->severityIcon->setToolTip(severity);
    m_ui->severityIcon->setAccessibleName(tr("Severity: %1").arg(severity)); // the icon alone says nothing to a screen reader

    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(event.timestampMs, Qt::UTC);
    const QDateTime local = utc.toLocalTime();
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz");
    if (local.offsetFromUtc() == 0)
        m_ui->timeLabel->setText(tr("%1 UTC").arg(utc.toString(format)));
    else
        m_ui->timeLabel->setText(
            tr("%1 %2  ·  %3 UTC")
                .arg(local.toString(format), local.timeZoneAbbreviation(), utc.toString(format)));
    const QString category = catalogue.categoryLabel(catalogue.categoryOf(int(event.type.id)));
    const QString source = QCoreApplication::translate(
        "EventLevels", EventTypeCatalogue::sourceName(int(event.source.id), event.source.name).toUtf8());
    m_ui->descriptionLabel->setText(tr("%1\nCategory: %2 · Source: %3 · Event ID: %4%5")
                                        .arg(event.description, category, source)
                                        .arg(event.id)
                                        .arg(event.alert ? tr(" · Alert") : QString()));
    m_ui->performedByLabel->setText(EventText::performedBy(event.user));

    QStringList related;
    if (event.organisation.id >= 0)
        related << tr("Organisation: %1")
                       .arg(link(QStringLiteral("organisation"), event.organisation.id,
                           event.organisation.name.isEmpty() ? QString::number(event.organisation.id)
                                                             : event.organisation.name));
    if (event.endpoint && event.endpoint->id >= 0)
        related << tr("Device: %1")
                       .arg(link(QStringLiteral("endpoint"), event.endpoint->id,
                           event.endpoint->name.isEmpty() ? QString::number(event.endpoint->id)
                                                          : event.endpoint->name));
    if (event.sim && event.sim->id >= 0)
        related << tr("SIM: %1").arg(link(QStringLiteral("sim"), event.sim->id,
            event.sim->iccid.isEmpty() ? QString::number(event.sim->id) : event.sim->iccid));
    if (event.imsi && event.imsi->id >= 0)
        related << tr("IMSI: %1")
                       .arg(link(QStringLiteral("imsi"), event.imsi->id,
                           event.imsi->imsi.isEmpty() ? QString::number(event.imsi->id) : event.imsi->imsi));
    if (event.user && event.user->id >= 0)
        related << tr("User: %1")
                       .arg(link(QStringLiteral("user"), event.user->id, EventText::userShort(*event.user)));
    m_ui->relatedLabel->setText(related.join(QStringLiteral("<br>")));
    m_ui->relatedLabel->setVisible(!related.isEmpty());

    showOrder(event);

    // The whole event as the API sent it (minus formatting): the tree and the raw text. QJsonDocument
    // orders object keys alphabetically; that is acceptable for reading and keeps this fast.
    // Secrets are found in the same text the tree is built from; a new event reveals nothing.
    const QByteArray json = EventJson::toJson(event);
    m_secrets.clear();
    m_secretPaths.clear();
    m_secretItems.clear();
    m_revealed.clear();
    for (const PayloadSecrets::Secret &secret : PayloadSecrets::find(json)) {
        m_secrets.insert(secret.path, secret);
        m_secretPaths.append(secret.path);
    }
    QJsonParseError error;
    const QJsonDocument doc = JsonDocument::fromJson(json, &error);
    m_ui->payloadTree->setUpdatesEnabled(false);
    m_ui->payloadTree->clear();
    if (error.error == QJsonParseError::NoError && doc.isObject()) {
        m_object = doc.object();
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            addJson(nullptr, it.key(), it.value(), it.key());
        m_maskedJson = QJsonDocument(shownValue(m_object, QString(), false).toObject())
                           .toJson(QJsonDocument::Indented);
        m_prettyJson = m_maskedJson;
    } else {
        // Should not happen (EventJson writes valid JSON), but never show an empty pane silently.
        m_object = {};
        m_prettyJson = tr("The event could not be shown as JSON: %1").arg(error.errorString()).toUtf8();
        m_maskedJson = m_prettyJson;
    }
    updateSecretsLabel();
    m_ui->payloadTree->expandToDepth(1);
    m_ui->payloadTree->setUpdatesEnabled(true);
    m_ui->rawJson->setPlainText(QString::fromUtf8(m_prettyJson));
    markRawJson();
    m_ui->stack->setCurrentWidget(m_ui->detailPage);
    fitKeyColumn();
}

void EventDetailPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitKeyColumn();
}

void EventDetailPane::fitKeyColumn()
{
    // Keys as wide as they are, but never more than 2/5 of the tree: deep keys must not push the
    // values out of view on a narrow pane. Measured against the pane's width, which is known while
    // the tree's own may not be yet (the page was hidden until now).
    QTreeWidget *tree = m_ui->payloadTree;
    tree->resizeColumnToContents(0);
    const int available = std::min(tree->viewport()->width(), width());
    const int maxKeyWidth = std::max(80, available * 2 / 5);
    tree->setColumnWidth(0, std::min(tree->columnWidth(0), maxKeyWidth));
}

void EventDetailPane::showOrder(const Event &event)
{
    const std::optional<SimCardOrder> order = SimCardOrder::fromEvent(event);
    m_ui->orderBox->setVisible(order.has_value());
    if (!order) {
        m_ui->orderLabel->clear();
        return;
    }
    QString html = QStringLiteral("<table>");
    html += row(tr("Order"),
        link(QStringLiteral("order"), order->orderId, QString::number(order->orderId))
            + QStringLiteral(" · <a href=\"orders:%1\">%2</a>")
                  .arg(order->orderId)
                  .arg(tr("Open in Orders view")));
    html += row(tr("Status"),
        QStringLiteral("<b>%1</b>").arg(SimCardOrder::statusName(order->statusId).toHtmlEscaped()));
    if (order->providerId)
        html += row(tr("Shipped with"),
            (m_providerNames.contains(*order->providerId)
                    ? tr("%1 (provider ID %2)")
                          .arg(SimCardOrder::providerName(*order->providerId, m_providerNames))
                    : tr("provider ID %1"))
                .arg(*order->providerId)
                .toHtmlEscaped());
    if (!order->trackingReference.isEmpty())
        html += row(tr("Tracking reference"), order->trackingReference.toHtmlEscaped());
    if (!order->shippedDate.isEmpty()) {
        const QDateTime shipped = QDateTime::fromString(order->shippedDate, Qt::ISODateWithMs);
        html += row(tr("Shipped on"),
            (shipped.isValid() ? shipped.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                               : order->shippedDate)
                .toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_ui->orderLabel->setText(html);
}

void EventDetailPane::addJson(
    QTreeWidgetItem *parent, const QString &key, const QJsonValue &value, const QString &path)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_ui->payloadTree);
    item->setText(0, key);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        item->setText(
            1, object.isEmpty() ? QStringLiteral("{}") : QStringLiteral("{…} %1").arg(object.size()));
        // Copying a whole object or array never reveals a secret inside it.
        item->setData(1, RoleCopyText,
            QString::fromUtf8(
                QJsonDocument(shownValue(object, path, false).toObject()).toJson(QJsonDocument::Compact)));
        for (auto it = object.begin(); it != object.end(); ++it)
            addJson(item, it.key(), it.value(), memberPath(path, it.key()));
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        item->setText(1, array.isEmpty() ? QStringLiteral("[]") : QStringLiteral("[…] %1").arg(array.size()));
        item->setData(1, RoleCopyText,
            QString::fromUtf8(
                QJsonDocument(shownValue(array, path, false).toArray()).toJson(QJsonDocument::Compact)));
        for (qsizetype i = 0; i < array.size(); ++i)
            addJson(item, QStringLiteral("[%1]").arg(i), array.at(i), path + QStringLiteral("[%1]").arg(i));
    } else if (m_secrets.contains(path)) {
        item->setData(1, RoleSecretPath, path);
        item->setData(1, RoleSecretText, valueText(value));
        item->setData(1, RoleSecretCopyText, value.isString() ? value.toString() : valueText(value));
        m_secretItems.insert(path, item);
        showSecretItem(item);
    } else {
        item->setText(1, valueText(value));
        item->setData(1, RoleCopyText, value.isString() ? value.toString() : valueText(value));
        if (value.isString())
            item->setToolTip(1, value.toString());
    }
}

void EventDetailPane::showSecretItem(QTreeWidgetItem *item)
{
    const QString path = item->data(1, RoleSecretPath).toString();
    const PayloadSecrets::Secret &secret = m_secrets[path];
    QFont font = item->font(1);
    if (m_revealed.contains(path)) {
        item->setText(1, item->data(1, RoleSecretText).toString());
        item->setData(1, RoleCopyText, item->data(1, RoleSecretCopyText));
        item->setToolTip(1,
            tr("A live credential (%1), shown until another event is selected. Double-click to hide it.")
                .arg(PayloadSecrets::label(secret.kind)));
        font.setItalic(false);
    } else {
        const QString marker = PayloadSecrets::marker(secret.kind, secret.length);
        item->setText(1, marker);
        item->setData(1, RoleCopyText, marker);
        item->setToolTip(1,
            tr("Hidden: a live credential (%1). Double-click or press Enter to reveal it.")
                .arg(PayloadSecrets::label(secret.kind)));
        font.setItalic(true);
    }
    item->setFont(1, font);
}

void EventDetailPane::toggleSecret(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QString path = item->data(1, RoleSecretPath).toString();
    if (!path.isEmpty())
        setSecretRevealed(path, !m_revealed.contains(path));
}

QStringList EventDetailPane::secretPaths() const { return m_secretPaths; }

bool EventDetailPane::isSecretRevealed(const QString &path) const { return m_revealed.contains(path); }

void EventDetailPane::setSecretRevealed(const QString &path, bool revealed)
{
    if (!m_secrets.contains(path) || m_revealed.contains(path) == revealed)
        return;
    if (revealed)
        m_revealed.insert(path);
    else
        m_revealed.remove(path);
    if (QTreeWidgetItem *item = m_secretItems.value(path))
        showSecretItem(item);
    updateRawJson();
    updateSecretsLabel();
}

void EventDetailPane::updateSecretsLabel()
{
    const qsizetype hidden = m_secrets.size() - m_revealed.size();
    if (m_secrets.isEmpty())
        m_ui->secretsLabel->clear();
    else if (hidden == 0)
        m_ui->secretsLabel->setText(tr("Live credentials are shown until you select another event. "
                                       "Double-click one in the tree to hide it again."));
    else if (hidden == 1)
        m_ui->secretsLabel->setText(
            tr("One value is hidden because it is a live credential, such as the token "
               "of a password-reset link. Double-click it in the tree to reveal it."));
    else
        m_ui->secretsLabel->setText(
            tr("%1 values are hidden because they are live credentials, such as the "
               "token of a password-reset link. Double-click one in the tree to reveal it.")
                .arg(hidden));
    m_ui->secretsLabel->setVisible(!m_secrets.isEmpty());
}

QJsonValue EventDetailPane::shownValue(const QJsonValue &value, const QString &path, bool withReveals) const
{
    if (m_secrets.isEmpty())
        return value;
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            *it = shownValue(*it, memberPath(path, it.key()), withReveals);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = shownValue(array.at(i), path + QStringLiteral("[%1]").arg(i), withReveals);
        return array;
    }
    const auto secret = m_secrets.constFind(path);
    if (secret == m_secrets.cend() || (withReveals && m_revealed.contains(path)))
        return value;
    return PayloadSecrets::marker(secret->kind, secret->length);
}

void EventDetailPane::updateRawJson()
{
    m_prettyJson
        = QJsonDocument(shownValue(m_object, QString(), true).toObject()).toJson(QJsonDocument::Indented);
    QScrollBar *bar = m_ui->rawJson->verticalScrollBar();
    const int scrolled = bar->value();
    m_ui->rawJson->setPlainText(QString::fromUtf8(m_prettyJson));
    markRawJson();
    bar->setValue(scrolled);
}

void EventDetailPane::setHighlights(const QStringList &texts)
{
    if (texts == m_highlights)
        return;
    m_highlights = texts;
    m_highlight->setTexts(texts);
    m_ui->payloadTree->viewport()->update();
    markRawJson();
}

void EventDetailPane::markRawJson()
{
    QList<QTextEdit::ExtraSelection> marks;
    const QString text = m_ui->rawJson->toPlainText();
    for (const auto &[start, length] : HighlightDelegate::matches(text, m_highlights)) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_ui->rawJson->document());
        mark.cursor.setPosition(int(start));
        mark.cursor.setPosition(int(start + length), QTextCursor::KeepAnchor);
        mark.format.setBackground(QColor(255, 214, 0)); // as HighlightDelegate
        mark.format.setForeground(Qt::black);
        marks.append(mark);
    }
    m_ui->rawJson->setExtraSelections(marks);
}

QString EventDetailPane::valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const QVariant v = value.toVariant(); // keeps 64-bit integers exact
        return v.typeId() == QMetaType::Double ? QString::number(v.toDouble(), 'g', 17) : v.toString();
    }
    case QJsonValue::String:
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    default:
        return {};
    }
}

void EventDetailPane::activateLink(const QString &link)
{
    const QStringList parts = link.split(QLatin1Char(':'));
    if (parts.size() == 2 && parts.at(0) == QLatin1String("orders")) {
        bool ok = false;
        const qint64 orderId = parts.at(1).toLongLong(&ok);
        if (ok)
            Q_EMIT orderViewRequested(orderId);
        return;
    }
    if (parts.size() != 3 || parts.at(0) != QLatin1String("pin"))
        return;
    bool ok = false;
    const qint64 id = parts.at(2).toLongLong(&ok);
    if (!ok)
        return;
    static const QHash<QString, Pin> pins {
        { QStringLiteral("organisation"), Pin::Organisation },
        { QStringLiteral("endpoint"), Pin::Endpoint },
        { QStringLiteral("sim"), Pin::Sim },
        { QStringLiteral("imsi"), Pin::Imsi },
        { QStringLiteral("user"), Pin::User },
        { QStringLiteral("order"), Pin::Order },
    };
    const auto it = pins.constFind(parts.at(1));
    if (it == pins.cend())
        return;
    // The label the user clicked, for the "pinned to ..." indicator.
    QString label;
    const QString html = m_ui->relatedLabel->text() + m_ui->orderLabel->text();
    const qsizetype at = html.indexOf(QStringLiteral("href=\"%1\">").arg(link));
    if (at >= 0) {
        const qsizetype begin = html.indexOf(QLatin1Char('>'), at) + 1;
        // The link's text is HTML ("Greta &lt;greta@…&gt;"); the chip wants what the user read.
        label = QTextDocumentFragment::fromHtml(html.mid(begin, html.indexOf(QLatin1String("</a>"), begin) - begin))
                    .toPlainText();
    }
    Q_EMIT pinRequested(*it, id, label);
}

void EventDetailPane::showTreeMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_ui->payloadTree->itemAt(pos);
    if (item)
        m_ui->payloadTree->setCurrentItem(item); // the actions work on the current item
    QMenu menu(this);
    m_copyValueAction->setEnabled(item != nullptr);
    m_copyKeyValueAction->setEnabled(item != nullptr);
    menu.addAction(m_copyValueAction);
    menu.addAction(m_copyKeyValueAction);
    menu.addAction(m_copyAllAction);
    const QString secretPath = item ? item->data(1, RoleSecretPath).toString() : QString();
    if (!secretPath.isEmpty()) {
        m_revealAction->setText(m_revealed.contains(secretPath) ? tr("Hide value") : tr("Reveal value"));
        menu.addSeparator();
        menu.addAction(m_revealAction);
    }
    // A leaf's value as shown (a secret only once revealed) pivots by its key; an array element
    // by the key of its array.
    if (item && item->childCount() == 0 && (secretPath.isEmpty() || m_revealed.contains(secretPath))) {
        const QTreeWidgetItem *named = item;
        while (named && named->text(0).startsWith(QLatin1Char('[')))
            named = named->parent();
        if (named) {
            menu.addSeparator();
            PivotActions::addPayloadPivots(&menu, named->text(0), item->data(1, RoleCopyText).toString(),
                [this](const QString &term) { Q_EMIT pivotRequested(term); });
        }
    }
    menu.addSeparator();
    QAction *expand = menu.addAction(tr("Expand all"));
    QAction *collapse = menu.addAction(tr("Collapse all"));
    QAction *chosen = menu.exec(m_ui->payloadTree->viewport()->mapToGlobal(pos));
    m_copyValueAction->setEnabled(true);
    m_copyKeyValueAction->setEnabled(true);
    if (chosen == expand)
        m_ui->payloadTree->expandAll();
    else if (chosen == collapse)
        m_ui->payloadTree->collapseAll();
}

void EventDetailPane::showRawMenu(const QPoint &pos)
{
    std::unique_ptr<QMenu> menu(m_ui->rawJson->createStandardContextMenu(pos));
    menu->addSeparator();
    menu->addAction(m_copyAllAction);
    if (!m_secretPaths.isEmpty())
        menu->addSeparator();
    for (const QString &path : std::as_const(m_secretPaths)) {
        QAction *toggle
            = menu->addAction((m_revealed.contains(path) ? tr("Hide %1") : tr("Reveal %1")).arg(path));
        connect(toggle, &QAction::triggered, this,
            [this, path] { setSecretRevealed(path, !m_revealed.contains(path)); });
    }
    menu->exec(m_ui->rawJson->viewport()->mapToGlobal(pos));
}

QString EventDetailPane::titleText() const { return m_ui->titleLabel->text(); }

QString EventDetailPane::performedByText() const { return m_ui->performedByLabel->text(); }

QString EventDetailPane::orderText() const
{
    if (m_ui->orderBox->isHidden() || m_ui->orderLabel->text().isEmpty())
        return {};
    QTextDocument doc;
    doc.setHtml(m_ui->orderLabel->text());
    return doc.toPlainText();
}

QString EventDetailPane::rawJson() const { return QString::fromUtf8(m_prettyJson); }
