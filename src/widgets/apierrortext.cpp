// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/apierrortext.h"

#include "api/apierror.h"

#include <QLocale>

QString ApiErrorText::describe(const ApiError &error)
{
    if (EventSession::isAccessDenied(error))
        return tr("The application token was not accepted (%1). Check it under File → Connect….")
            .arg(error.toString());
    switch (error.kind()) {
    case ApiError::Kind::Network:
        return tr("Could not reach the emnify API: %1").arg(error.toString());
    case ApiError::Kind::Tls:
        return tr("The secure connection to the emnify API failed: %1").arg(error.toString());
    case ApiError::Kind::Timeout:
        return tr("The emnify API did not answer in time: %1").arg(error.toString());
    default:
        return tr("Reading events failed: %1").arg(error.toString());
    }
}

QString ApiErrorText::emptyTable(
    EventSession::Emptiness emptiness, const ApiError &lastError, qsizetype loadedEvents, const QString &scope)
{
    using E = EventSession::Emptiness;
    switch (emptiness) {
    case E::None:
        break;
    case E::NotConnected:
        return tr("Not connected.<br><a href=\"connect\">Connect to an emnify account…</a>");
    case E::Loading:
        return tr("Loading events…");
    case E::AccessDenied:
        return tr("This application token has no access to the events of this account (HTTP %1).<br>"
                  "<a href=\"connect\">Use another token…</a>")
            .arg(lastError.httpStatus() ? lastError.httpStatus() : 401);
    case E::LoadFailed:
        return tr("No events could be loaded: %1<br><a href=\"retry\">Try again</a>")
            .arg(lastError.toString().toHtmlEscaped());
    case E::NothingInRange:
        if (!scope.isEmpty())
            return tr("No events matched %1 in the selected time range.").arg(scope.toHtmlEscaped());
        return tr("No events in the selected time range.");
    case E::AllHidden:
        return tr("All %1 loaded events are hidden by filters.<br><a href=\"clear\">Clear filters</a>")
            .arg(QLocale().toString(loadedEvents));
    }
    return {};
}
