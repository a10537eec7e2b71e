// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QStringList>

#include <memory>

namespace Ui {
class ExportOptionsDialog;
}

// The save flow of an export: which rows (selected or all shown), the format (CSV or JSON Lines),
// for CSV whether to add the payload column (the detail or the whole event), for Excel and the
// formula guard, whether to keep the credentials in the payload (off unless ticked, with a
// warning), and the file, whose suffix follows the format.
class ExportOptionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportOptionsDialog)

public:
    explicit ExportOptionsDialog(QWidget *parent = nullptr);
    ~ExportOptionsDialog() override;

    void setRowCounts(qsizetype selected, qsizetype shown);
    void setSelectedOnly(bool selectedOnly);
    [[nodiscard]] bool selectedOnly() const;
    void setColumnTitles(const QStringList &titles);
    void setIncludePayload(bool include);
    [[nodiscard]] bool includePayload() const;
    void setKeepSecrets(bool keep);
    [[nodiscard]] bool keepSecrets() const; // false without a payload column (always one in JSON Lines)
    void setWholeEventPayload(bool whole);
    [[nodiscard]] bool wholeEventPayload() const; // the payload column holds the whole event
    // JSON Lines (.jsonl, the whole event per line) instead of CSV; the CSV-only options grey out.
    void setJsonLines(bool jsonLines);
    [[nodiscard]] bool jsonLines() const;
    void setForExcel(bool forExcel);
    [[nodiscard]] bool forExcel() const;
    void setNeutraliseFormulas(bool neutralise);
    [[nodiscard]] bool neutraliseFormulas() const;
    // Off by default for CSV: a spreadsheet would show extra lines in the file, so it goes beside it.
    void setWriteView(bool write);
    [[nodiscard]] bool writeView() const;
    void setFileName(const QString &fileName);
    [[nodiscard]] QString fileName() const;

private:
    void browse();
    void updateSave();
    void updateSecrets();
    void updateFormat();

    std::unique_ptr<Ui::ExportOptionsDialog> m_ui;
    QStringList m_columnTitles;
};
