// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/teamarchivedialog.h"

#include "teamarchive/teamarchive.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

TeamArchiveDialog::TeamArchiveDialog(QWidget *parent)
    : QDialog(parent)
    , m_location(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember the password in the keychain"), this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Open team archive"));
    auto *intro = new QLabel(tr("The team archive's PostgreSQL URL, for example "
                                "postgresql://viewer@db.example.com/events?sslmode=verify-full. It is "
                                "opened read-only. The password is never part of the URL: type it "
                                "below, or leave it empty for the one in the keychain, PGPASSWORD or "
                                "~/.pgpass."),
        this);
    intro->setWordWrap(true);
    m_location->setObjectName(QStringLiteral("teamArchiveLocation"));
    m_location->setPlaceholderText(QStringLiteral("postgresql://user@host/database"));
    m_location->setAccessibleName(tr("Team archive URL"));
    m_location->setMinimumWidth(520);
    intro->setMinimumWidth(640); // wrapped at this width, not squeezed into the dialog's first guess
    m_password->setObjectName(QStringLiteral("teamArchivePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_password->setPlaceholderText(tr("From the keychain, PGPASSWORD or ~/.pgpass"));
    m_remember->setObjectName(QStringLiteral("teamArchiveRemember"));
    m_remember->setEnabled(false);
    auto *browse = new QPushButton(tr("Archive &file…"), this);
    browse->setToolTip(tr("A local archive file (.sqlite) instead"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();

    auto *row = new QHBoxLayout;
    row->addWidget(m_location, 1);
    row->addWidget(browse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row);
    auto *credentials = new QFormLayout;
    credentials->addRow(tr("&Password:"), m_password);
    credentials->addRow(QString(), m_remember);
    layout->addLayout(credentials);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_location, &QLineEdit::textChanged, this, &TeamArchiveDialog::validate);
    connect(m_password, &QLineEdit::textChanged, this, &TeamArchiveDialog::validate);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Open archive file"), {}, tr("Archives (*.sqlite);;All files (*)"));
        if (!file.isEmpty())
            m_location->setText(file);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

TeamArchiveDialog::~TeamArchiveDialog() = default;

void TeamArchiveDialog::setLocation(const QString &urlOrFile) { m_location->setText(urlOrFile); }

QString TeamArchiveDialog::location() const { return m_location->text().trimmed(); }

QString TeamArchiveDialog::password() const
{
    return TeamArchive::isTeamArchiveUrl(location()) ? m_password->text() : QString();
}

bool TeamArchiveDialog::rememberPassword() const
{
    return m_remember->isEnabled() && m_remember->isChecked();
}

void TeamArchiveDialog::validate()
{
    const QString text = location();
    const QString problem = TeamArchive::isTeamArchiveUrl(text) ? TeamArchive::checkUrl(text) : QString();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(!text.isEmpty() && problem.isEmpty());
    const bool team = TeamArchive::isTeamArchiveUrl(text);
    m_password->setEnabled(team || text.isEmpty());
    m_remember->setEnabled(team && !m_password->text().isEmpty());
    adjustSize(); // the wrapped texts' height: a dialog does not grow by itself for them
}
