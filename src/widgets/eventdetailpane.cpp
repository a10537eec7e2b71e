// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/eventdetailpane.h"
#include "ui_eventdetailpane.h"

#include "api/eventjson.h"
#include "model/eventtext.h"
#include "model/eventtypecatalogue.h"
#include "model/simcardorder.h"
#include "widgets/severitydelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QTextDocument>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace {

constexpr int RoleCopyText = Qt::UserRole; // the value as copied: unquoted text, or compact JSON

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

    connect(m_ui->relatedLabel, &QLabel::linkActivated, this, &EventDetailPane::activateLink);
    connect(m_ui->orderLabel, &QLabel::linkActivated, this, &EventDetailPane::activateLink);
    connect(m_ui->payloadTree, &QWidget::customContextMenuRequested, this, &EventDetailPane::showTreeMenu);
    connect(m_ui->rawJson, &QWidget::customContextMenuRequested, this, &EventDetailPane::showRawMenu);
    clear();
}

EventDetailPane::~EventDetailPane() = default;

void EventDetailPane::clear()
{
    m_eventId.reset();
    m_prettyJson.clear();
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
    const QString severity = EventTypeCatalogue::severityName(int(event.severity.id), event.severity.name);
    m_ui->titleLabel->setText(tr("%1 · %2").arg(typeName, severity));
    m_ui->severityIcon->setPixmap(SeverityDelegate::icon(int(event.severity.id)).pixmap(18, 18));
    m_ui->severityIcon->setToolTip(severity);

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
    const QString source = EventTypeCatalogue::sourceName(int(event.source.id), event.source.name);
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
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(EventJson::toJson(event), &error);
    m_ui->payloadTree->setUpdatesEnabled(false);
    m_ui->payloadTree->clear();
    if (error.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject object = doc.object();
        for (auto it = object.begin(); it != object.end(); ++it)
            addJson(nullptr, it.key(), it.value());
        m_prettyJson = doc.toJson(QJsonDocument::Indented);
    } else {
        // Should not happen (EventJson writes valid JSON), but never show an empty pane silently.
        m_prettyJson = tr("The event could not be shown as JSON: %1").arg(error.errorString()).toUtf8();
    }
    m_ui->payloadTree->expandToDepth(1);
    m_ui->payloadTree->resizeColumnToContents(0);
    // Deep keys must not squeeze the values off the pane.
    const int maxKeyWidth = std::max(120, m_ui->payloadTree->viewport()->width() * 2 / 5);
    m_ui->payloadTree->setColumnWidth(0, std::min(m_ui->payloadTree->columnWidth(0), maxKeyWidth));
    m_ui->payloadTree->setUpdatesEnabled(true);
    m_ui->rawJson->setPlainText(QString::fromUtf8(m_prettyJson));
    m_ui->stack->setCurrentWidget(m_ui->detailPage);
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

void EventDetailPane::addJson(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_ui->payloadTree);
    item->setText(0, key);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        item->setText(
            1, object.isEmpty() ? QStringLiteral("{}") : QStringLiteral("{…} %1").arg(object.size()));
        item->setData(
            1, RoleCopyText, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
        for (auto it = object.begin(); it != object.end(); ++it)
            addJson(item, it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        item->setText(1, array.isEmpty() ? QStringLiteral("[]") : QStringLiteral("[…] %1").arg(array.size()));
        item->setData(
            1, RoleCopyText, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
        for (qsizetype i = 0; i < array.size(); ++i)
            addJson(item, QStringLiteral("[%1]").arg(i), array.at(i));
    } else {
        item->setText(1, valueText(value));
        item->setData(1, RoleCopyText, value.isString() ? value.toString() : valueText(value));
        if (value.isString())
            item->setToolTip(1, value.toString());
    }
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
        label = html.mid(begin, html.indexOf(QLatin1String("</a>"), begin) - begin);
    }
    Q_EMIT pinRequested(*it, id, label);
}

void EventDetailPane::showTreeMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_ui->payloadTree->itemAt(pos);
    QMenu menu(this);
    QAction *copyValue = menu.addAction(tr("Copy value"));
    copyValue->setEnabled(item != nullptr);
    QAction *copyKeyValue = menu.addAction(tr("Copy key and value"));
    copyKeyValue->setEnabled(item != nullptr);
    QAction *copyAll = menu.addAction(tr("Copy all"));
    menu.addSeparator();
    QAction *expand = menu.addAction(tr("Expand all"));
    QAction *collapse = menu.addAction(tr("Collapse all"));
    QAction *chosen = menu.exec(m_ui->payloadTree->viewport()->mapToGlobal(pos));
    if (!chosen)
        return;
    if (chosen == copyValue)
        QApplication::clipboard()->setText(item->data(1, RoleCopyText).toString());
    else if (chosen == copyKeyValue)
        QApplication::clipboard()->setText(
            item->text(0) + QStringLiteral(": ") + item->data(1, RoleCopyText).toString());
    else if (chosen == copyAll)
        QApplication::clipboard()->setText(QString::fromUtf8(m_prettyJson));
    else if (chosen == expand)
        m_ui->payloadTree->expandAll();
    else if (chosen == collapse)
        m_ui->payloadTree->collapseAll();
}

void EventDetailPane::showRawMenu(const QPoint &pos)
{
    std::unique_ptr<QMenu> menu(m_ui->rawJson->createStandardContextMenu(pos));
    menu->addSeparator();
    QAction *copyAll = menu->addAction(tr("Copy all"));
    if (menu->exec(m_ui->rawJson->viewport()->mapToGlobal(pos)) == copyAll)
        QApplication::clipboard()->setText(QString::fromUtf8(m_prettyJson));
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
