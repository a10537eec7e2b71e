// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/exportoptionsdialog.h"
#include "ui_exportoptionsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
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
    connect(m_ui->formatCombo, &QComboBox::currentIndexChanged, this, &ExportOptionsDialog::updateFormat);
    updateSave();
    updateFormat();
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
    m_columnTitles = titles;
    updateFormat();
}

void ExportOptionsDialog::setJsonLines(bool jsonLines)
{
    m_ui->formatCombo->setCurrentIndex(jsonLines ? 1 : 0);
}

bool ExportOptionsDialog::jsonLines() const { return m_ui->formatCombo->currentIndex() == 1; }

void ExportOptionsDialog::setIncludePayload(bool include) { m_ui->payloadCheck->setChecked(include); }

bool ExportOptionsDialog::includePayload() const { return m_ui->payloadCheck->isChecked(); }

void ExportOptionsDialog::setKeepSecrets(bool keep) { m_ui->keepSecretsCheck->setChecked(keep); }

bool ExportOptionsDialog::keepSecrets() const
{
    return (jsonLines() || includePayload()) && m_ui->keepSecretsCheck->isChecked();
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
    const QString filter = jsonLines() ? tr("JSON Lines files (*.jsonl);;All files (*)")
                                       : tr("CSV files (*.csv);;All files (*)");
    QString fileName = QFileDialog::getSaveFileName(this, tr("Export events"), this->fileName(), filter);
    if (fileName.isEmpty())
        return;
    // The platform dialog does not always add the suffix of the chosen filter.
    if (QFileInfo(fileName).suffix().isEmpty())
        fileName += jsonLines() ? QStringLiteral(".jsonl") : QStringLiteral(".csv");
    m_ui->fileEdit->setText(fileName);
}

void ExportOptionsDialog::updateFormat()
{
    const bool csv = !jsonLines();
    if (csv) {
        m_ui->columnsLabel->setText(tr("The visible columns, in the order shown: %1.")
                                        .arg(m_columnTitles.join(QStringLiteral(", "))));
    } else {
        m_ui->columnsLabel->setText(tr(
            "Each line holds one whole event as JSON, every field as received, whatever the columns show."));
    }
    m_ui->payloadCheck->setEnabled(csv);
    m_ui->excelCheck->setEnabled(csv);
    m_ui->formulaCheck->setEnabled(csv); // JSON has no formulas
    // The file's suffix follows the format, unless the user chose another one.
    const QString name = m_ui->fileEdit->text();
    const QString from = csv ? QStringLiteral(".jsonl") : QStringLiteral(".csv");
    if (name.endsWith(from, Qt::CaseInsensitive))
        m_ui->fileEdit->setText(
            name.chopped(from.size()) + (csv ? QStringLiteral(".csv") : QStringLiteral(".jsonl")));
    updateSecrets();
}

void ExportOptionsDialog::updateSecrets()
{
    const bool payload = jsonLines() || includePayload();
    m_ui->keepSecretsCheck->setEnabled(payload);
    m_ui->payloadKindCombo->setEnabled(!jsonLines() && includePayload());
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
