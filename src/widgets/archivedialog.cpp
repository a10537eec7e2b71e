// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/archivedialog.h"

#include "settings/viewersettings.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr double BytesPerGiB = 1024.0 * 1024.0 * 1024.0;

QString timeText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
}

} // namespace

ArchiveDialog::ArchiveDialog(AccountArchive *archives, ViewerSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_archives(archives)
    , m_settings(settings)
    , m_table(new QTableWidget(this))
    , m_forgetButton(new QPushButton(tr("&Forget this account's archive…"), this))
    , m_monthsSpin(new QSpinBox(this))
    , m_sizeSpin(new QDoubleSpinBox(this))
    , m_statusLabel(new QLabel(this))
{
    setWindowTitle(tr("Archive"));
    auto *intro
        = new QLabel(tr("Events read from the API are kept on this computer, one archive per account, "
                        "so that they show at once and stay available beyond the API's 30 days."),
            this);
    intro->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("archiveTable"));
    m_table->setAccessibleName(tr("Archives of the accounts"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({ tr("Account"), tr("Events"), tr("Covered"), tr("Oldest event"),
        tr("Newest event"), tr("Size on disk"), tr("File") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_forgetButton->setObjectName(QStringLiteral("forgetButton"));
    m_forgetButton->setAccessibleName(tr("Forget the selected account's archive"));

    m_monthsSpin->setObjectName(QStringLiteral("retentionMonths"));
    m_monthsSpin->setRange(1, 120);
    m_monthsSpin->setSuffix(tr(" months"));
    m_monthsSpin->setValue(m_settings->archiveRetentionMonths());
    m_monthsSpin->setAccessibleName(tr("Keep archived events for this many months"));
    m_sizeSpin->setObjectName(QStringLiteral("sizeLimit"));
    m_sizeSpin->setRange(0, 1024);
    m_sizeSpin->setDecimals(1);
    m_sizeSpin->setSingleStep(0.5);
    m_sizeSpin->setSuffix(tr(" GiB"));
    m_sizeSpin->setSpecialValueText(tr("No limit"));
    m_sizeSpin->setValue(double(m_settings->archiveMaxBytes()) / BytesPerGiB);
    m_sizeSpin->setAccessibleName(tr("Size limit of each archive in GiB, 0 for no limit"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Keep archived events for:"), m_monthsSpin);
    form->addRow(tr("&Size limit per account:"), m_sizeSpin);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    buttons->addButton(m_forgetButton, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_statusLabel);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(1000, 360);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ArchiveDialog::updateButtons);
    connect(m_forgetButton, &QPushButton::clicked, this, &ArchiveDialog::forgetSelected);
    connect(m_monthsSpin, &QSpinBox::editingFinished, this, &ArchiveDialog::saveRetention);
    connect(m_sizeSpin, &QDoubleSpinBox::editingFinished, this, &ArchiveDialog::saveRetention);
    connect(m_archives, &AccountArchive::infoRead, this, &ArchiveDialog::onInfoRead);
    connect(m_archives, &AccountArchive::pruned, this, &ArchiveDialog::refresh);
    updateButtons();
}

ArchiveDialog::~ArchiveDialog()
{
    // A focused spin box finishes editing when the closing window takes its focus, in ~QWidget,
    // after this object's part is gone (seen by UBSan): it must no longer call saveRetention().
    m_monthsSpin->disconnect(this);
    m_sizeSpin->disconnect(this);
}

void ArchiveDialog::setRows(const QList<Row> &rows)
{
    m_rows = rows;
    m_table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const Row &r = rows.at(row);
        auto *name = new QTableWidgetItem(r.current ? tr("%1 (shown)").arg(r.name) : r.name);
        m_table->setItem(row, AccountColumn, name);
        for (int column = EventsColumn; column < PathColumn; ++column)
            m_table->setItem(row, column, new QTableWidgetItem);
        m_table->setItem(row, PathColumn,
            new QTableWidgetItem(r.path.isEmpty() ? tr("None yet: made at the first connection")
                                                  : QDir::toNativeSeparators(r.path)));
        if (r.current)
            m_table->selectRow(row);
    }
    if (m_table->currentRow() < 0 && !rows.isEmpty())
        m_table->selectRow(0);
    refresh();
}

void ArchiveDialog::refresh()
{
    QStringList paths;
    for (const Row &row : std::as_const(m_rows)) {
        if (!row.path.isEmpty())
            paths << row.path;
    }
    m_reading = true;
    m_statusLabel->setText(tr("Reading the archives…"));
    m_archives->readInfo(paths);
}

void ArchiveDialog::onInfoRead(const QList<AccountArchive::FileInfo> &files)
{
    const QLocale locale;
    for (int row = 0; row < m_rows.size(); ++row) {
        const auto file = std::find_if(files.cbegin(), files.cend(),
            [&](const AccountArchive::FileInfo &f) { return f.path == m_rows.at(row).path; });
        if (file == files.cend())
            continue;
        const EventArchive::Info &info = file->info;
        const bool readable = file->exists && file->error.isEmpty();
        const QList<TimeInterval> &intervals = info.coverage.intervals();
        QStringList spans;
        for (const TimeInterval &interval : intervals)
            spans << tr("%1 to %2").arg(timeText(interval.from), timeText(interval.until));
        const QString empty = file->exists ? file->error : tr("No events archived yet");
        if (m_rows.at(row).name.isEmpty()) // an archive of an account removed since
            m_table->item(row, AccountColumn)
                ->setText(
                    readable ? tr("%1 (removed account)").arg(info.account.label) : tr("Unknown account"));
        m_table->item(row, EventsColumn)->setText(readable ? locale.toString(info.events) : empty);
        m_table->item(row, CoveredColumn)
            ->setText(readable ? tr("%n interval(s)", nullptr, int(intervals.size())) : QString());
        m_table->item(row, CoveredColumn)->setToolTip(spans.join(QLatin1Char('\n')));
        m_table->item(row, OldestColumn)
            ->setText(readable && info.events > 0 ? timeText(info.oldestMs) : QString());
        m_table->item(row, NewestColumn)
            ->setText(readable && info.events > 0 ? timeText(info.newestMs) : QString());
        m_table->item(row, SizeColumn)
            ->setText(readable ? locale.formattedDataSize(info.bytesOnDisk) : QString());
    }
    m_reading = false;
    m_statusLabel->clear();
    updateButtons();
    Q_EMIT filesRead();
}

void ArchiveDialog::forgetSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).path.isEmpty())
        return;
    const Row target = m_rows.at(row);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Forget archive"),
        tr("Delete the archive of “%1” (%2)? Its events are read from the API again, as far as the API "
           "still keeps them (30 days).")
            .arg(target.name, QDir::toNativeSeparators(target.path)),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("forgetConfirmation"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, target](int result) {
        if (result != QMessageBox::Yes)
            return;
        QString error;
        if (!m_archives->forget(target.path, &error))
            m_statusLabel->setText(tr("The archive could not be deleted: %1").arg(error));
        refresh();
    });
    box->open();
}

void ArchiveDialog::saveRetention()
{
    const int months = m_monthsSpin->value();
    const qint64 bytes = qint64(m_sizeSpin->value() * BytesPerGiB);
    if (months == m_settings->archiveRetentionMonths() && bytes == m_settings->archiveMaxBytes())
        return;
    m_settings->setArchiveRetentionMonths(months);
    m_settings->setArchiveMaxBytes(bytes);
    Q_EMIT retentionChanged();
}

void ArchiveDialog::updateButtons()
{
    const int row = m_table->currentRow();
    m_forgetButton->setEnabled(row >= 0 && row < m_rows.size() && !m_rows.at(row).path.isEmpty());
}
