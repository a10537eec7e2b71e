// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/highlightdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>

HighlightDelegate::HighlightDelegate(int textsRole, QObject *parent) : QStyledItemDelegate(parent), m_textsRole(textsRole) { }

QList<std::pair<qsizetype, qsizetype>> HighlightDelegate::matches(const QString &text, const QStringList &texts)
{
    QList<std::pair<qsizetype, qsizetype>> runs;
    for (const QString &needle : texts) {
        if (needle.isEmpty())
            continue;
        for (qsizetype at = text.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(needle, at + needle.size(), Qt::CaseInsensitive))
            runs.append({ at, needle.size() });
    }
    std::sort(runs.begin(), runs.end());
    QList<std::pair<qsizetype, qsizetype>> merged;
    for (const auto &[start, length] : runs) {
        if (!merged.isEmpty() && start <= merged.back().first + merged.back().second) {
            const qsizetype end = std::max(merged.back().first + merged.back().second, start + length);
            merged.back().second = end - merged.back().first;
        } else {
            merged.append({ start, length });
        }
    }
    return merged;
}

void HighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant fromModel = m_textsRole >= 0 ? index.data(m_textsRole) : QVariant();
    const QStringList texts = fromModel.isValid() ? fromModel.toStringList() : m_texts;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const auto runs = texts.isEmpty() ? decltype(matches({}, {})) {} : matches(opt.text, texts);
    if (runs.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell without its text (background, selection, icon), then the text with the runs marked.
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    opt.text = text;
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget)
                               .adjusted(style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, opt.widget) + 1, 0, 0, 0);
    QString shown = text;
    shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
    QTextLayout layout(shown, opt.font);
    QList<QTextLayout::FormatRange> formats;
    for (const auto &[start, length] : runs) {
        QTextLayout::FormatRange range;
        range.start = int(start);
        range.length = int(length);
        range.format.setBackground(QColor(255, 214, 0)); // marker yellow, readable in either theme
        range.format.setForeground(Qt::black);
        formats.append(range);
    }
    layout.setFormats(formats);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(1e6);
    layout.endLayout();
    painter->save();
    painter->setClipRect(textRect);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text)); // Text: the model's foreground
    const qreal y = textRect.top() + (textRect.height() - line.height()) / 2;
    layout.draw(painter, QPointF(textRect.left(), y));
    painter->restore();
}
