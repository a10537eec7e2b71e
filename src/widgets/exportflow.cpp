// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/exportflow.h"

#include "table/eventtablemodel.h"
#include "widgets/eventtableview.h"
#include "widgets/exportoptionsdialog.h"

#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QProgressDialog>
#include <QStandardPaths>

#include <climits>

ExportFlow::ExportFlow(EventTableView *view)
    : QObject(view)
    , m_view(view)
    , m_runner(new CsvExportRunner(this))
{
    connect(m_runner, &CsvExportRunner::finished, this, &ExportFlow::onFinished);
}

ExportFlow::~ExportFlow() = default; // the runner's destructor cancels and waits

void ExportFlow::exportInteractively(bool selectedOnly)
{
    if (m_runner->isRunning())
        return;
    ExportOptionsDialog dialog(m_view->window());
    const qsizetype selected = qsizetype(m_view->selectionModel()->selectedRows().size());
    dialog.setRowCounts(selected, m_view->eventModel()->rowCount());
    dialog.setSelectedOnly(selectedOnly);
    QStringList titles;
    for (EventColumns::Column column : m_view->visibleColumns())
        titles.append(EventColumns::title(column));
    dialog.setColumnTitles(titles);
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    dialog.setFileName(QDir(directory).filePath(
        QStringLiteral("emnify-events-%1.csv")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")))));
    if (dialog.exec() != QDialog::Accepted)
        return;
    exportToFile(dialog.fileName(), dialog.selectedOnly(), dialog.includePayload(), dialog.keepSecrets());
}

bool ExportFlow::exportToFile(const QString &fileName, bool selectedOnly, bool includePayload, bool keepSecrets)
{
    EventTableModel *model = m_view->eventModel();
    std::vector<qsizetype> rows;
    if (selectedOnly) {
        rows = m_view->selectedStoreRows();
    } else {
        const std::vector<uint32_t> &visible = model->visibleRows();
        rows.assign(visible.cbegin(), visible.cend());
    }
    QList<EventColumns::Column> columns = m_view->visibleColumns();
    if (includePayload)
        columns.append(EventColumns::Payload);
    const qsizetype total = qsizetype(rows.size());
    if (!m_runner->start(model->lockForRead(), fileName, std::move(rows), columns, keepSecrets))
        return false;

    auto *progress = new QProgressDialog(tr("Exporting %1 events…").arg(QLocale().toString(total)), tr("Cancel"),
        0, int(std::min<qsizetype>(total, INT_MAX)), m_view->window());
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400); // small exports finish before it would show
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, m_runner, &CsvExportRunner::cancel);
    connect(m_runner, &CsvExportRunner::progressChanged, progress,
        [progress](qsizetype done, qsizetype) { progress->setValue(int(std::min<qsizetype>(done, INT_MAX))); });
    m_progress = progress;
    Q_EMIT started(fileName);
    return true;
}

void ExportFlow::onFinished(const CsvExportRunner::Result &result)
{
    if (m_progress)
        m_progress->close();
    Q_EMIT finished(result);
}
