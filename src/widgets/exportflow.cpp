// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/exportflow.h"

#include "settings/viewersettings.h"
#include "table/eventtablemodel.h"
#include "widgets/eventtableview.h"
#include "widgets/exportoptionsdialog.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QProgressDialog>
#include <QStandardPaths>

#include <climits>

namespace {
// From this many rows the progress dialog shows at once: QProgressDialog's own guess of the
// remaining time only shows it after a few progress steps, which a fast disk may never give.
constexpr qsizetype ShowProgressFromRows = 100'000;
} // namespace

ExportFlow::ExportFlow(EventTableView *view, ViewerSettings *settings)
    : QObject(view)
    , m_view(view)
    , m_settings(settings)
    , m_runner(new CsvExportRunner(this))
{
    connect(m_runner, &CsvExportRunner::finished, this, &ExportFlow::onFinished);
}

ExportFlow::~ExportFlow() = default; // the runner's destructor cancels and waits

QString ExportFlow::defaultDirectory(const QString &remembered)
{
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir())
        return remembered;
    // A fresh profile may name a Documents folder that does not exist yet.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QDir().mkpath(documents))
        return documents;
    return QDir::homePath();
}

bool ExportFlow::neutralisesFormulas() const { return m_settings->exportPreferences().neutraliseFormulas; }

void ExportFlow::exportInteractively(bool selectedOnly)
{
    if (m_runner->isRunning())
        return;
    ViewerSettings::ExportPreferences preferences = m_settings->exportPreferences();
    ExportOptionsDialog dialog(m_view->window());
    const qsizetype selected = qsizetype(m_view->selectionModel()->selectedRows().size());
    dialog.setRowCounts(selected, m_view->eventModel()->rowCount());
    dialog.setSelectedOnly(selectedOnly);
    QStringList titles;
    for (EventColumns::Column column : m_view->visibleColumns())
        titles.append(EventColumns::title(column));
    dialog.setColumnTitles(titles);
    dialog.setIncludePayload(preferences.includePayload);
    dialog.setWholeEventPayload(preferences.wholeEventPayload);
    dialog.setForExcel(preferences.forExcel);
    dialog.setNeutraliseFormulas(preferences.neutraliseFormulas);
    dialog.setWriteView(preferences.writeView);
    dialog.setJsonLines(preferences.jsonLines);
    dialog.setFileName(
        QDir(defaultDirectory(preferences.directory))
            .filePath(QStringLiteral("emnify-events-%1.%2")
                          .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")),
                              preferences.jsonLines ? QStringLiteral("jsonl") : QStringLiteral("csv"))));
    if (dialog.exec() != QDialog::Accepted)
        return;

    preferences.directory = QFileInfo(dialog.fileName()).absolutePath();
    preferences.includePayload = dialog.includePayload();
    preferences.wholeEventPayload = dialog.wholeEventPayload();
    preferences.forExcel = dialog.forExcel();
    preferences.neutraliseFormulas = dialog.neutraliseFormulas();
    preferences.writeView = dialog.writeView();
    preferences.jsonLines = dialog.jsonLines();
    m_settings->setExportPreferences(preferences);

    Request request;
    request.fileName = dialog.fileName();
    request.selectedOnly = dialog.selectedOnly();
    request.includePayload = dialog.includePayload();
    request.options.format
        = dialog.jsonLines() ? CsvExportRunner::Format::JsonLines : CsvExportRunner::Format::Csv;
    request.options.keepSecrets = dialog.keepSecrets();
    request.options.payload = dialog.wholeEventPayload() ? EventCsvExporter::Payload::WholeEvent
                                                         : EventCsvExporter::Payload::Detail;
    request.options.csv.neutraliseFormulas = dialog.neutraliseFormulas();
    request.options.csv.byteOrderMark = dialog.forExcel();
    request.options.csv.sepLine = dialog.forExcel() && CsvWriter::excelNeedsSepLine(QLocale());
    request.writeView = dialog.writeView();
    exportToFile(request);
}

bool ExportFlow::exportToFile(
    const QString &fileName, bool selectedOnly, bool includePayload, bool keepSecrets)
{
    Request request;
    request.fileName = fileName;
    request.selectedOnly = selectedOnly;
    request.includePayload = includePayload;
    request.options.keepSecrets = keepSecrets;
    return exportToFile(request);
}

bool ExportFlow::exportToFile(const Request &request)
{
    EventTableModel *model = m_view->eventModel();
    std::vector<qsizetype> rows;
    if (request.selectedOnly) {
        rows = m_view->selectedStoreRows();
    } else {
        const std::vector<uint32_t> &visible = model->visibleRows();
        rows.assign(visible.cbegin(), visible.cend());
    }
    QList<EventColumns::Column> columns = m_view->visibleColumns();
    if (request.includePayload)
        columns.append(EventColumns::Payload);
    const qsizetype total = qsizetype(rows.size());
    CsvExportRunner::Options options = request.options;
    // Rows of SIM order events read their status and provider in words, as the Orders view does.
    options.orderColumns = options.format == CsvExportRunner::Format::Csv
        && EventCsvExporter::hasOrderEvents(model->store(), rows);
    options.providerNames = m_settings->providerNames();
    if (!m_runner->start(model->lockForRead(), request.fileName, std::move(rows), columns, options))
        return false;
    // The view as it is now: the user may change it while the rows are written.
    m_viewFile.reset();
    if (request.writeView && m_viewProvider)
        m_viewFile = m_viewProvider();
    m_fileName = request.fileName;

    auto *progress
        = new QProgressDialog(tr("Exporting %Ln events…", nullptr, int(std::min<qsizetype>(total, INT_MAX))),
            tr("Cancel"), 0, int(std::min<qsizetype>(total, INT_MAX)), m_view->window());
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setAccessibleName(tr("Export progress"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400); // small exports finish before it would show
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, m_runner, &CsvExportRunner::cancel);
    connect(m_runner, &CsvExportRunner::progressChanged, progress, [progress](qsizetype done, qsizetype) {
        progress->setValue(int(std::min<qsizetype>(done, INT_MAX)));
    });
    progress->setValue(0); // starts the minimum-duration timer
    if (total >= ShowProgressFromRows)
        progress->show();
    m_progress = progress;
    Q_EMIT started(request.fileName, total);
    return true;
}

void ExportFlow::onFinished(const CsvExportRunner::Result &finishedResult)
{
    if (m_progress)
        m_progress->close();
    CsvExportRunner::Result result = finishedResult;
    if (result.ok && m_viewFile) {
        m_viewFile->rows = result.rows;
        m_viewFile->exportedAt = QDateTime::currentDateTimeUtc();
        m_viewFile->exportedFile = QFileInfo(m_fileName).fileName();
        QString error;
        if (!m_viewFile->write(ViewFile::sidecarPath(m_fileName), &error)) {
            result.ok = false;
            result.error = tr("the events were written, but not the view beside them (%1): %2")
                               .arg(QDir::toNativeSeparators(ViewFile::sidecarPath(m_fileName)), error);
        }
    }
    m_viewFile.reset();
    Q_EMIT finished(result);
}
