// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/savedviewsdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeySequence>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

SavedViewsDialog::SavedViewsDialog(
    const SavedViews &views, std::function<ViewState()> current, QWidget *parent)
    : QDialog(parent)
    , m_views(views)
    , m_current(std::move(current))
{
    setWindowTitle(tr("Manage views"));
    setObjectName(QStringLiteral("savedViewsDialog"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("viewsList"));
    m_list->setAccessibleName(tr("Saved views"));
    const auto button = [this](const QString &text, const char *name) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        b->setAutoDefault(false);
        return b;
    };
    m_rename = button(tr("&Rename…"), "renameButton");
    m_replace = button(tr("Replace with &current view"), "replaceButton");
    m_remove = button(tr("Re&move"), "removeButton");
    m_show = button(tr("&Show again"), "showButton");
    m_up = button(tr("Move &up"), "upButton");
    m_down = button(tr("Move &down"), "downButton");
    QPushButton *restore = button(tr("Restore &built-in views"), "restoreButton");
    QPushButton *importButton = button(tr("&Import…"), "importButton");
    QPushButton *exportButton = button(tr("&Export…"), "exportButton");

    auto *side = new QVBoxLayout;
    for (QPushButton *b : { m_rename, m_replace, m_remove, m_show, m_up, m_down, restore })
        side->addWidget(b);
    side->addStretch();
    side->addWidget(importButton);
    side->addWidget(exportButton);
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &SavedViewsDialog::updateButtons);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &SavedViewsDialog::renameSelected);
    connect(m_rename, &QPushButton::clicked, this, &SavedViewsDialog::renameSelected);
    connect(m_replace, &QPushButton::clicked, this, [this] {
        const QString id = selectedId();
        m_views.setState(id, m_current());
        refill(id);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QString id = selectedId();
        m_views.remove(id);
        refill(id);
    });
    connect(m_show, &QPushButton::clicked, this, [this] {
        const QString id = selectedId();
        m_views.setHidden(id, false);
        refill(id);
    });
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(restore, &QPushButton::clicked, this, [this] {
        const QString id = selectedId();
        m_views.restoreBuiltIns();
        refill(id);
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getOpenFileName(this, tr("Import views"), {}, tr("Views (*.json);;All files (*)"));
        if (path.isEmpty())
            return;
        QString report;
        if (importFile(path, &report)) {
            if (!report.isEmpty())
                QMessageBox::information(this, tr("Import views"), report);
        } else {
            QMessageBox::warning(this, tr("Import views"), report);
        }
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export views"), QStringLiteral("views.json"), tr("Views (*.json)"));
        QString error;
        if (!path.isEmpty() && !exportFile(path, &error))
            QMessageBox::warning(
                this, tr("Export views"), tr("The views could not be written: %1").arg(error));
    });
    refill({});
    resize(560, 360);
}

SavedViewsDialog::~SavedViewsDialog() = default;

bool SavedViewsDialog::importFile(const QString &path, QString *report)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *report = tr("The file could not be read: %1").arg(file.errorString());
        return false;
    }
    const SavedViews::ImportResult result = m_views.importJson(file.read(1 << 20));
    if (!result.ok) {
        *report = tr("Nothing was imported. %1").arg(result.error);
        return false;
    }
    refill(result.addedIds.value(0));
    report->clear();
    if (!result.problems.isEmpty())
        *report = tr("Imported %n views, without what this version could not apply:", nullptr,
                      int(result.addedIds.size()))
            + QLatin1Char('\n') + QStringLiteral("• ") + result.problems.join(QStringLiteral("\n• "));
    return true;
}

bool SavedViewsDialog::exportFile(const QString &path, QString *error) const
{
    // The selected view alone when one is; else all shown views.
    const QString id = selectedId();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(m_views.exportJson(id.isEmpty() ? QStringList {} : QStringList { id })) < 0
        || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

QString SavedViewsDialog::selectedId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void SavedViewsDialog::refill(const QString &selectId)
{
    m_list->clear();
    int shown = 0;
    for (const SavedView &view : m_views.views()) {
        QString text = view.displayName();
        if (view.hidden)
            text = tr("%1 (removed)").arg(text);
        else if (++shown <= 9)
            text = tr("%1 (%2)").arg(
                text, QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + shown)).toString(QKeySequence::NativeText));
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, view.id);
        if (view.hidden)
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        if (view.id == selectId)
            m_list->setCurrentItem(item);
    }
    updateButtons();
}

void SavedViewsDialog::updateButtons()
{
    const SavedView *view = m_views.find(selectedId());
    const int row = m_list->currentRow();
    m_rename->setEnabled(view);
    m_replace->setEnabled(view);
    m_remove->setEnabled(view && !view->hidden);
    m_show->setEnabled(view && view->hidden);
    m_up->setEnabled(view && row > 0);
    m_down->setEnabled(view && row + 1 < m_list->count());
}

void SavedViewsDialog::renameSelected()
{
    const QString id = selectedId();
    const SavedView *view = m_views.find(id);
    if (!view)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Rename view"), tr("Name:"), QLineEdit::Normal, view->displayName(), &ok);
    if (ok && m_views.rename(id, name))
        refill(id);
}

void SavedViewsDialog::moveSelected(int delta)
{
    const QString id = selectedId();
    if (m_views.move(id, m_list->currentRow() + delta))
        refill(id);
}
