// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/connectdialog.h"
#include "ui_connectdialog.h"

#include "api/eventapiclient.h"

#include <QPushButton>

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectDialog>())
{
    m_ui->setupUi(this);
    m_ui->noteLabel->hide();
    m_ui->errorLabel->hide();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &ConnectDialog::updateOk);
    connect(m_ui->urlEdit, &QLineEdit::textChanged, this, &ConnectDialog::updateOk);
    connect(m_ui->tokenEdit, &QLineEdit::textChanged, this, &ConnectDialog::updateOk);
    updateOk();
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::setAccountName(const QString &name) { m_ui->nameEdit->setText(name); }

QString ConnectDialog::accountName() const { return m_ui->nameEdit->text().trimmed(); }

void ConnectDialog::setTakenNames(const QStringList &names) { m_takenNames = names; }

void ConnectDialog::setApiUrl(const QUrl &url) { m_ui->urlEdit->setText(url.toString()); }

QUrl ConnectDialog::apiUrl() const { return QUrl::fromUserInput(m_ui->urlEdit->text().trimmed()); }

void ConnectDialog::setToken(const QString &token) { m_ui->tokenEdit->setText(token); }

QString ConnectDialog::token() const { return m_ui->tokenEdit->text().trimmed(); }

void ConnectDialog::setRemember(bool remember) { m_ui->rememberCheck->setChecked(remember); }

bool ConnectDialog::remember() const
{
    return m_ui->rememberCheck->isEnabled() && m_ui->rememberCheck->isChecked();
}

void ConnectDialog::setNote(const QString &note)
{
    m_ui->noteLabel->setText(note);
    m_ui->noteLabel->setVisible(!note.isEmpty());
    adjustSize(); // the dialog may already be open: grow rather than squeeze the form
}

void ConnectDialog::setKeychainAvailable(bool available)
{
    m_ui->rememberCheck->setEnabled(available);
    if (!available)
        m_ui->rememberCheck->setChecked(false);
}

void ConnectDialog::accept()
{
    if (m_takenNames.contains(accountName(), Qt::CaseInsensitive)) {
        showError(
            tr("Another account is named “%1”. Choose another name.").arg(accountName()), m_ui->nameEdit);
        return;
    }
    const ApiError error = EventApiClient::checkBaseUrl(apiUrl());
    if (error.isError()) {
        showError(error.message(), m_ui->urlEdit);
        return;
    }
    QDialog::accept();
}

void ConnectDialog::showError(const QString &text, QWidget *focus)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->show();
    adjustSize();
    focus->setFocus();
}

void ConnectDialog::updateOk()
{
    m_ui->errorLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_ui->nameEdit->text().trimmed().isEmpty() && !m_ui->urlEdit->text().trimmed().isEmpty()
            && !m_ui->tokenEdit->text().trimmed().isEmpty());
}
