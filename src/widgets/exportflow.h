// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "export/csvexportrunner.h"
#include "session/viewfile.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class EventTableView;
class QProgressDialog;
class ViewerSettings;

// Exporting what the table shows or selects to CSV or JSON Lines: the options dialog (its choices remembered
// in the settings), the worker that writes (holding the store's read lock), the progress dialog with Cancel,
// and the outcome.
class ExportFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportFlow)

public:
    struct Request
    {
        QString fileName;
        bool selectedOnly = false;
        bool includePayload = false;
        CsvExportRunner::Options options; // options.format: CSV or JSON Lines
        bool writeView = false; // <fileName>.view.json beside it, once the rows are written
    };

    // view, settings: not owned, must outlive the flow; the view's model is what is exported.
    // Dialogs open over it.
    ExportFlow(EventTableView *view, ViewerSettings *settings);
    ~ExportFlow() override; // cancels and waits for a running export

    void exportInteractively(bool selectedOnly);
    // Non-interactive (the dialog ends up here); ends with finished(). False when one runs already.
    bool exportToFile(const Request &request);
    // keepSecrets: the payload column keeps secret values (default: "<redacted>", see PayloadSecrets).
    bool exportToFile(
        const QString &fileName, bool selectedOnly, bool includePayload, bool keepSecrets = false);
    [[nodiscard]] bool isRunning() const { return m_runner->isRunning(); }
    void cancel() { m_runner->cancel(); }

    // Where the dialog proposes to save: the folder of the last export while it exists, else the
    // Documents folder (created when a fresh profile has none yet), else the home folder.
    [[nodiscard]] static QString defaultDirectory(const QString &remembered);
    // The view (and account) an export was made from, asked for when it starts.
    void setViewProvider(std::function<ViewFile()> provider) { m_viewProvider = std::move(provider); }
    // The formula guard the user chose for exports, which Ctrl+C follows too.
    [[nodiscard]] bool neutralisesFormulas() const;

Q_SIGNALS:
    void started(const QString &fileName, qsizetype rows);
    void finished(const CsvExportRunner::Result &result);

private:
    void onFinished(const CsvExportRunner::Result &result);

    EventTableView *m_view;
    ViewerSettings *m_settings;
    CsvExportRunner *m_runner;
    QPointer<QProgressDialog> m_progress;
    std::function<ViewFile()> m_viewProvider;
    std::optional<ViewFile> m_viewFile; // of the running export, when it writes one
    QString m_fileName; // of the running export
};
