// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/preferencesdialog.h"

#include "api/apiclientoptions.h"
#include "session/eventsession.h"
#include "settings/viewersettings.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace {
// ViewerSettings keeps at most a day.
constexpr int MaxFollowIntervalSeconds = 24 * 3600;
} // namespace

PreferencesDialog::PreferencesDialog(ViewerSettings *settings, const ApiClientOptions &options, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_followInterval(new QSpinBox(this))
    , m_followLimit(new QLabel(this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    const int minimum = (EventSession::minimumFollowIntervalMs(options) + 999) / 1000;
    m_followInterval->setObjectName(QStringLiteral("followInterval"));
    m_followInterval->setAccessibleName(tr("Follow interval"));
    m_followInterval->setRange(minimum, MaxFollowIntervalSeconds);
    m_followInterval->setSuffix(tr(" s"));
    m_followInterval->setValue(std::clamp(settings->followIntervalSeconds(), minimum, MaxFollowIntervalSeconds));
    // A typed value outside the range is corrected when the box loses focus or OK is pressed.
    m_followInterval->setCorrectionMode(QAbstractSpinBox::CorrectToNearestValue);

    m_followLimit->setObjectName(QStringLiteral("followLimit"));
    m_followLimit->setAccessibleName(tr("Follow interval limit"));
    m_followLimit->setWordWrap(true);
    m_followLimit->setText(
        tr("At least %n second(s): a poll may use no more than a tenth of the %1 requests per second "
           "this client sends to the API, so that a load or an export running at the same time keeps "
           "its pace. After refused polls (HTTP 429 or 5xx) the wait doubles.",
            nullptr, minimum)
            .arg(QLocale().toString(options.ratePerSecond)));

    auto *form = new QFormLayout;
    form->addRow(tr("Follow: read new events every"), m_followInterval);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        m_followInterval->interpretText(); // what was typed, corrected to the range
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_followLimit);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(460, 200);
}

PreferencesDialog::~PreferencesDialog() = default;

int PreferencesDialog::followIntervalSeconds() const { return m_followInterval->value(); }

int PreferencesDialog::minimumFollowIntervalSeconds() const { return m_followInterval->minimum(); }

void PreferencesDialog::save() { m_settings->setFollowIntervalSeconds(followIntervalSeconds()); }
