// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/apierrortext.h"

#include "api/apierror.h"

#include <QDateTime>
#include <QLocale>

QString ApiErrorText::sentence(const QString &text)
{
    // A server's message may end with its own period; ours must not add a second one.
    QString trimmed = text.trimmed();
    while (trimmed.endsWith(QLatin1Char('.')) && !trimmed.endsWith(QLatin1String("...")))
        trimmed.chop(1);
    if (trimmed.endsWith(QChar(0x2026)) || trimmed.endsWith(QLatin1Char('!'))
        || trimmed.endsWith(QLatin1Char('?')))
        return trimmed;
    return trimmed + QLatin1Char('.');
}

QString ApiErrorText::describe(const ApiError &error)
{
    // Clauses without a final period: sentence() ends each message exactly once.
    QString text;
    if (EventSession::isAccessDenied(error)) {
        text = tr("The application token was not accepted (%1)").arg(error.toString());
    } else {
        switch (error.kind()) {
        case ApiError::Kind::Network:
            text = tr("Could not reach the emnify API: %1").arg(error.toString());
            break;
        case ApiError::Kind::Tls:
            text = tr("The secure connection to the emnify API failed: %1").arg(error.toString());
            break;
        case ApiError::Kind::Timeout:
            text = tr("The emnify API did not answer in time: %1").arg(error.toString());
            break;
        default:
            text = tr("Reading events failed: %1").arg(error.toString());
            break;
        }
    }
    return sentence(text);
}

QString ApiErrorText::beyondRetention(qint64 fromMs, qint64 untilMs)
{
    const QLocale locale;
    const auto time = [&locale](qint64 ms) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
    };
    return tr("No events archived between %1 and %2: older than the API's 30-day retention.")
        .arg(time(fromMs), time(untilMs));
}

QString ApiErrorText::rowSources(qsizetype fromArchive, qsizetype fromApi)
{
    const QLocale locale;
    return tr("%1 from the archive, %2 from the API")
        .arg(locale.toString(fromArchive), locale.toString(fromApi));
}

QString ApiErrorText::partialLoad(qsizetype shown, qint64 claimedTotal, int failedPage)
{
    const QLocale locale;
    const QString what = claimedTotal > shown
        ? tr("Showing %1 of %2 events").arg(locale.toString(shown), locale.toString(claimedTotal))
        : tr("Showing %1 events").arg(locale.toString(shown));
    return failedPage > 0 ? tr("%1: page %2 failed").arg(what).arg(failedPage)
                          : tr("%1: the read failed").arg(what);
}

QString ApiErrorText::emptyTable(EventSession::Emptiness emptiness, const ApiError &lastError,
    qsizetype loadedEvents, const QString &scope, const QString &sources)
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
    case E::BeyondRetention:
        break; // the window says which part (beyondRetention())
    case E::AllHidden:
        if (!sources.isEmpty())
            return tr("All %1 loaded events (%2) are hidden by filters.<br><a href=\"clear\">Clear filters</a>")
                .arg(QLocale().toString(loadedEvents), sources.toHtmlEscaped());
        return tr("All %1 loaded events are hidden by filters.<br><a href=\"clear\">Clear filters</a>")
            .arg(QLocale().toString(loadedEvents));
    }
    return {};
}
