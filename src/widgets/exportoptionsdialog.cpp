// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/exportoptionsdialog.h"
#include "ui_exportoptionsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QLocale>
#include <QPushButton>

ExportOptionsDialog::ExportOptionsDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ExportOptionsDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &ExportOptionsDialog::browse);
    connect(m_ui->fileEdit, &QLineEdit::textChanged, this, &ExportOptionsDialog::updateSave);
    connect(m_ui->payloadCheck, &QCheckBox::toggled, this, &ExportOptionsDialog::updateSecrets);
    connect(m_ui->keepSecretsCheck, &QCheckBox::toggled, this, &ExportOptionsDialog::updateSecrets);
    updateSave();
    updateSecrets();
}

ExportOptionsDialog::~ExportOptionsDialog() = default;

void ExportOptionsDialog::setRowCounts(qsizetype selected, qsizetype shown)
{
    const QLocale locale;
    m_ui->selectedRadio->setText(tr("&Selected rows (%1)").arg(locale.toString(selected)));
    m_ui->allShownRadio->setText(tr("&All shown rows (%1)").arg(locale.toString(shown)));
    m_ui->selectedRadio->setEnabled(selected > 0);
    if (selected == 0)
        m_ui->allShownRadio->setChecked(true);
}

void ExportOptionsDialog::setSelectedOnly(bool selectedOnly)
{
    (selectedOnly && m_ui->selectedRadio->isEnabled() ? m_ui->selectedRadio : m_ui->allShownRadio)
        ->setChecked(true);
}

bool ExportOptionsDialog::selectedOnly() const { return m_ui->selectedRadio->isChecked(); }

void ExportOptionsDialog::setColumnTitles(const QStringList &titles)
{
    m_ui->columnsLabel->setText(
        tr("The visible columns, in the order shown: %1.").arg(titles.join(QStringLiteral(", "))));
}

void ExportOptionsDialog::setIncludePayload(bool include) { m_ui->payloadCheck->setChecked(include); }

bool ExportOptionsDialog::includePayload() const { return m_ui->payloadCheck->isChecked(); }

void ExportOptionsDialog::setKeepSecrets(bool keep) { m_ui->keepSecretsCheck->setChecked(keep); }

bool ExportOptionsDialog::keepSecrets() const
{
    return includePayload() && m_ui->keepSecretsCheck->isChecked();
}

void ExportOptionsDialog::setWholeEventPayload(bool whole)
{
    m_ui->payloadKindCombo->setCurrentIndex(whole ? 1 : 0);
}

bool ExportOptionsDialog::wholeEventPayload() const { return m_ui->payloadKindCombo->currentIndex() == 1; }

void ExportOptionsDialog::setForExcel(bool forExcel) { m_ui->excelCheck->setChecked(forExcel); }

bool ExportOptionsDialog::forExcel() const { return m_ui->excelCheck->isChecked(); }

void ExportOptionsDialog::setWriteView(bool write) { m_ui->writeViewCheck->setChecked(write); }

bool ExportOptionsDialog::writeView() const { return m_ui->writeViewCheck->isChecked(); }

void ExportOptionsDialog::setNeutraliseFormulas(bool neutralise)
{
    m_ui->formulaCheck->setChecked(neutralise);
}

bool ExportOptionsDialog::neutraliseFormulas() const { return m_ui->formulaCheck->isChecked(); }

void ExportOptionsDialog::setFileName(const QString &fileName) { m_ui->fileEdit->setText(fileName); }

QString ExportOptionsDialog::fileName() const { return m_ui->fileEdit->text().trimmed(); }

void ExportOptionsDialog::browse()
{
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Export events"), this->fileName(), tr("CSV files (*.csv);;All files (*)"));
    if (!fileName.isEmpty())
        m_ui->fileEdit->setText(fileName);
}

void ExportOptionsDialog::updateSecrets()
{
    m_ui->keepSecretsCheck->setEnabled(includePayload());
    m_ui->payloadKindCombo->setEnabled(includePayload());
    m_ui->keepSecretsWarning->setVisible(keepSecrets());
    // Room for the warning's lines, or none; queued, so that the layout has seen the change.
    if (isVisible())
        QMetaObject::invokeMethod(
            this, [this] { adjustSize(); }, Qt::QueuedConnection);
}

void ExportOptionsDialog::updateSave()
{
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(!fileName().isEmpty());
}
