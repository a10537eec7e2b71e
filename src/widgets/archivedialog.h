// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/accountarchive.h"

#include <QDialog>

class ViewerSettings;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

// File > Archive…: each account's local archive (events, covered intervals, oldest and newest
// event, size on disk, the file), the retention settings, and "Forget this account's archive".
// The files are read on a job thread (AccountArchive::readInfo): a big archive never stalls the
// window while the dialog fills.
class ArchiveDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchiveDialog)

public:
    struct Row
    {
        QString name; // the account's
        QString path; // empty: no archive yet (the organisation is learnt at the first connection)
        bool current = false; // the account shown
    };
    enum Column {
        AccountColumn,
        EventsColumn,
        CoveredColumn,
        OldestColumn,
        NewestColumn,
        SizeColumn,
        PathColumn,
        ColumnCount
    };

    // Neither owned; both must outlive the dialog.
    ArchiveDialog(AccountArchive *archives, ViewerSettings *settings, QWidget *parent = nullptr);
    ~ArchiveDialog() override;

    void setRows(const QList<Row> &rows); // and reads their files
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QPushButton *forgetButton() const { return m_forgetButton; }
    [[nodiscard]] bool isReading() const { return m_reading; }

Q_SIGNALS:
    void filesRead(); // the table shows what the files hold
    void retentionChanged(); // saved in the settings; the current archive is pruned to it

private:
    void refresh();
    void onInfoRead(const QList<AccountArchive::FileInfo> &files);
    void forgetSelected();
    void saveRetention();
    void updateButtons();

    AccountArchive *m_archives;
    ViewerSettings *m_settings;
    QList<Row> m_rows;
    QTableWidget *m_table;
    QPushButton *m_forgetButton;
    QSpinBox *m_monthsSpin;
    QDoubleSpinBox *m_sizeSpin;
    QLabel *m_statusLabel;
    bool m_reading = false;
};
