// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QHash>

class QTableWidget;

// The names the user gives to SIM order shipping providers (the API sends only an id and documents
// no names): a table of provider id and name, rows added and removed, empty by default.
class ProviderNamesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderNamesDialog)

public:
    explicit ProviderNamesDialog(QWidget *parent = nullptr);
    ~ProviderNamesDialog() override;

    void setNames(const QHash<qint64, QString> &names);
    // Rows with a whole-number id and a name; a later row with the same id wins.
    [[nodiscard]] QHash<qint64, QString> names() const;
    void addRow(qint64 id = -1, const QString &name = {});

private:
    QTableWidget *m_table;
};
