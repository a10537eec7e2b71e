// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "export/csvexportrunner.h"

#include <QObject>
#include <QPointer>

class EventTableView;
class QProgressDialog;

// Exporting what the table shows or selects to CSV: the options dialog, the worker that writes
// (holding the store's read lock), the progress dialog with Cancel, and the outcome.
class ExportFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportFlow)

public:
    // view: not owned, must outlive the flow; its model is what is exported. Dialogs open over it.
    explicit ExportFlow(EventTableView *view);
    ~ExportFlow() override; // cancels and waits for a running export

    void exportInteractively(bool selectedOnly);
    // Non-interactive (the dialog ends up here); ends with finished(). False when one runs already.
    // keepSecrets: the payload column keeps secret values (default: "<redacted>", see PayloadSecrets).
    bool exportToFile(const QString &fileName, bool selectedOnly, bool includePayload, bool keepSecrets = false);
    [[nodiscard]] bool isRunning() const { return m_runner->isRunning(); }

Q_SIGNALS:
    void started(const QString &fileName);
    void finished(const CsvExportRunner::Result &result);

private:
    void onFinished(const CsvExportRunner::Result &result);

    EventTableView *m_view;
    CsvExportRunner *m_runner;
    QPointer<QProgressDialog> m_progress;
};
