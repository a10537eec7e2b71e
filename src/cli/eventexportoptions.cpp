// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "cli/eventexportoptions.h"

#include "model/eventtypecatalogue.h"
#include "model/isotime.h"
#include "teamarchive/teamarchive.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTimeZone>

namespace {

// "2024-05-01T10:00:00Z", "...+02:00", "...T10:00:00.250Z", "2024-05-01T10:00" (UTC), "2024-05-01"
// (midnight UTC). A time without an offset is taken as UTC, like the API's own format.
QDateTime parseTime(const QString &text)
{
    const std::optional<qint64> ms = IsoTime::parse(text, IsoTime::DateOnly::Midnight);
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, QTimeZone::utc()) : QDateTime();
}

std::optional<int> parseLevel(const QString &text, const QList<QStringList> &names)
{
    bool ok = false;
    const int number = text.toInt(&ok);
    if (ok)
        return (number >= 0 && number < names.size()) ? std::optional<int>(number) : std::nullopt;
    for (int i = 0; i < names.size(); ++i) {
        if (names[i].contains(text.toLower()))
            return i;
    }
    return std::nullopt;
}

QString readToken(const QCommandLineParser &parser, const QProcessEnvironment &environment, QString *error)
{
    if (parser.isSet(QStringLiteral("token-file"))) {
        QFile file(parser.value(QStringLiteral("token-file")));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the token file %1: %2")
                         .arg(file.fileName(), file.errorString());
            return QString();
        }
        const QString token = QString::fromUtf8(file.readAll()).trimmed();
        if (token.isEmpty())
            *error = QStringLiteral("the token file %1 is empty").arg(file.fileName());
        return token;
    }
    if (parser.isSet(QStringLiteral("token-env"))) {
        const QString variable = parser.value(QStringLiteral("token-env"));
        const QString token = environment.value(variable).trimmed();
        if (token.isEmpty())
            *error = QStringLiteral("the environment variable %1 is not set or empty").arg(variable);
        return token;
    }
    *error = QStringLiteral("give the application token with --token-env VAR or --token-file FILE "
                            "(never on the command line)");
    return QString();
}

void addOptions(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(QStringLiteral(
        "Exports emnify events to a file (CSV, or JSON Lines as the API sent them), streamed as pages\n"
        "arrive. FILE is written as FILE.part and renamed to FILE only when the export is complete.\n"
        "The application token comes from --token-env or --token-file, never from the command line.\n"
        "\n"
        "Exit status:\n"
        "  0    complete: every event the server sent was written to FILE\n"
        "  1    failed (network, HTTP, TLS, authentication, output); FILE.part keeps what was written\n"
        "  2    usage error\n"
        "  3    incomplete: events the server sent could not be read; FILE.part is kept (with\n"
        "       --allow-partial: exit 0 and FILE, with a warning)\n"
        "  130  interrupted by SIGINT or SIGTERM; FILE.part keeps what was written\n"
        "  141  standard output was closed early (a broken pipe, as with | head); nothing is printed\n"
        "\n"
        "Rate-limit waits are reported on stderr; a server that asks to wait more than 300 s fails the\n"
        "export. A page body over 64 MiB is refused."));
    const auto value = [](const QStringList &names, const char *description, const char *valueName) {
        return QCommandLineOption(names, QString::fromLatin1(description), QString::fromLatin1(valueName));
    };
    const auto one = [](const char *name) { return QStringList { QString::fromLatin1(name) }; };
    parser.addOptions({
        value(one("url"), "API base URL: https, or http to this computer only (127.0.0.1, ::1, localhost).",
            "url"),
        value(one("token-env"), "Environment variable that holds the application token.", "var"),
        value(one("token-file"), "File that holds the application token.", "file"),
        value(one("format"), "Output format: csv or jsonl (one event object per line, as sent).", "format"),
        value({ QStringLiteral("o"), QStringLiteral("output") },
            "Output file (written as FILE.part until complete), or - for standard output.", "file"),
        value(one("from"), "Start of the time range, ISO 8601 (no offset: UTC); needs --until.", "time"),
        value(one("until"), "End of the time range, ISO 8601 (no offset: UTC); needs --from.", "time"),
        value(one("type"), "Event type ids, comma-separated; repeatable.", "ids"),
        value(one("category"), "Event type category key (e.g. reseller_sim_order); repeatable.", "key"),
        value(one("severity"), "Severity: info, warn, critical or 0-2.", "level"),
        value(one("source"), "Source: network, policy, api or 0-2.", "source"),
        value(one("alert"), "Only alerts (true) or only non-alerts (false).", "bool"),
        value(one("organisation"), "Organisation name.", "text"),
        value(one("endpoint"), "Endpoint (device) name.", "text"),
        value(one("iccid"), "SIM ICCID (prefix).", "text"),
        value(one("imsi"), "IMSI.", "text"),
        value(one("imei"), "IMEI.", "text"),
        value(one("user"), "User name.", "text"),
        value(one("description"), "Event description.", "text"),
        value(one("tags"), "Endpoint tags.", "text"),
        value(one("ip-address"), "Endpoint IP address.", "text"),
        value(one("scope"), "One event list: endpoint:ID, sim:ID, user:ID, user:my or organisation:ID.",
            "scope"),
        value(
            one("per-page"), "Page size to ask for, 1-100000 (the server may clamp it; default 1000).", "n"),
        value(one("max-in-flight"), "Pages requested at once, 1-16 (default 4).", "n"),
        value(one("rate"), "Requests per second, 0.5-1000 (default 5, under the API's limits).", "n"),
        value(one("sort"), "Sort specification sent to the API (default -timestamp,id).", "spec"),
        value(one("columns"), "CSV columns, comma-separated keys (id is always first).", "keys"),
        value(one("payload"),
            "What the payload column holds: detail (the event's detail JSON, default) or event (the whole "
            "event as JSON).",
            "what"),
        QCommandLineOption(QStringLiteral("excel"),
            QStringLiteral("CSV for Excel: a UTF-8 byte order mark, and a sep=, line where this region's Excel "
                           "expects semicolons.")),
        QCommandLineOption(QStringLiteral("no-formula-escape"),
            QStringLiteral("Do not neutralise cells that a spreadsheet would run as formulas.")),
        QCommandLineOption(QStringLiteral("allow-partial"),
            QStringLiteral(
                "Accept an export with unreadable events: write FILE and exit 0, with a warning.")),
        QCommandLineOption(QStringLiteral("keep-secrets"),
            QStringLiteral("Write activation keys, tokens and other credentials in payloads as they are (by "
                           "default each such value is written as \"<redacted>\").")),
        QCommandLineOption(QStringLiteral("quiet"), QStringLiteral("No progress lines on stderr.")),
        value(one("archive"),
            "The archive: export and orders read it instead of the API (offline, with the same filters; "
            "--url picks the account of a team archive that holds several); sync fills it. A file, a "
            "team archive's postgresql://[user@]host[:port]/database URL (the password from PGPASSWORD or "
            "~/.pgpass, never in the URL), or without a path (--archive alone) the account's own file.",
            "path"),
    });
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
        QStringLiteral("export (events, one row each), orders (SIM orders, one row each), sync (archive the "
                       "account's new events) or archive info (what an archive holds)."));
}

} // namespace

QString EventExportOptions::usage()
{
    QCommandLineParser parser;
    addOptions(parser);
    return parser.helpText();
}

EventExportArguments EventExportOptions::parse(
    const QStringList &arguments, const QProcessEnvironment &environment)
{
    EventExportArguments result;
    EventExportOptions &options = result.options;
    QCommandLineParser parser;
    addOptions(parser);
    // --archive takes an optional path: alone (last, or before another option) it means the default.
    QStringList expanded = arguments;
    for (qsizetype i = 1; i < expanded.size(); ++i) {
        const bool archive = expanded[i] == QLatin1String("--archive") || expanded[i] == QLatin1String("-archive");
        if (archive && (i + 1 == expanded.size() || expanded[i + 1].startsWith(u'-')))
            expanded[i] = QStringLiteral("--archive=");
    }
    if (!parser.parse(expanded)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        result.helpRequested = true;
        result.helpText = parser.helpText();
        return result;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        result.versionRequested = true;
        return result;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional == QStringList { QStringLiteral("export") })
        options.command = Command::Export;
    else if (positional == QStringList { QStringLiteral("sync") })
        options.command = Command::Sync;
    else if (positional == QStringList { QStringLiteral("archive"), QStringLiteral("info") })
        options.command = Command::ArchiveInfo;
    else {
        result.error = positional.isEmpty()
            ? QStringLiteral("missing command (export, orders, sync or archive info)")
            : QStringLiteral("unknown command \"%1\"").arg(positional.join(QLatin1Char(' ')));
        return result;
    }
    const auto fail = [&result](const QString &message) {
        result.error = message;
        return result;
    };

    options.archiveSet = parser.isSet(QStringLiteral("archive"));
    options.archive = parser.value(QStringLiteral("archive"));
    if (TeamArchive::isTeamArchiveUrl(options.archive)) {
        if (const QString problem = TeamArchive::checkUrl(options.archive); !problem.isEmpty())
            return fail(problem);
    }
    if (options.command == Command::ArchiveInfo)
        return result;
    // Reading an archive needs no API; the rest does.
    const bool offline = options.command == Command::Export && options.archiveSet;
    options.url = parser.value(QStringLiteral("url"));
    if (options.url.isEmpty() && !offline)
        return fail(QStringLiteral("--url is required"));
    if (!offline) {
        QString tokenError;
        options.token = readToken(parser, environment, &tokenError);
        if (!tokenError.isEmpty())
            return fail(tokenError);
    }

    EventQuery &query = options.query;
    options.rangeSet = parser.isSet(QStringLiteral("from")) && parser.isSet(QStringLiteral("until"));
    if (parser.isSet(QStringLiteral("from")) || parser.isSet(QStringLiteral("until"))) {
        if (!parser.isSet(QStringLiteral("from")) || !parser.isSet(QStringLiteral("until")))
            return fail(
                QStringLiteral("--from and --until must be given together (the API accepts only both)"));
        query.from = parseTime(parser.value(QStringLiteral("from")));
        query.until = parseTime(parser.value(QStringLiteral("until")));
        if (!query.from.isValid())
            return fail(QStringLiteral("--from: \"%1\" is no ISO 8601 time")
                            .arg(parser.value(QStringLiteral("from"))));
        if (!query.until.isValid())
            return fail(QStringLiteral("--until: \"%1\" is no ISO 8601 time")
                            .arg(parser.value(QStringLiteral("until"))));
    }
    for (const QString &list : parser.values(QStringLiteral("type"))) {
        for (const QString &item : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int id = item.trimmed().toInt(&ok);
            if (!ok || id < 0)
                return fail(QStringLiteral("--type: \"%1\" is no event type id").arg(item));
            if (!query.types.contains(id))
                query.types.append(id);
        }
    }
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    for (const QString &key : parser.values(QStringLiteral("category"))) {
        bool found = false;
        QStringList keys;
        for (const EventTypeCatalogue::Category &category : catalogue.categories()) {
            keys << category.key;
            if (category.key.compare(key, Qt::CaseInsensitive) != 0)
                continue;
            found = true;
            for (const int id : category.typeIds) {
                if (!query.types.contains(id))
                    query.types.append(id);
            }
        }
        if (!found)
            return fail(QStringLiteral("--category: unknown key \"%1\"; known: %2")
                            .arg(key, keys.join(QLatin1String(", "))));
    }
    if (parser.isSet(QStringLiteral("severity"))) {
        query.severity = parseLevel(parser.value(QStringLiteral("severity")),
            { { QStringLiteral("info") }, { QStringLiteral("warn"), QStringLiteral("warning") },
                { QStringLiteral("critical") } });
        if (!query.severity)
            return fail(QStringLiteral("--severity must be info, warn, critical or 0-2"));
    }
    if (parser.isSet(QStringLiteral("source"))) {
        query.source = parseLevel(parser.value(QStringLiteral("source")),
            { { QStringLiteral("network") },
                { QStringLiteral("policy"), QStringLiteral("policy_control"),
                    QStringLiteral("policy-control") },
                { QStringLiteral("api") } });
        if (!query.source)
            return fail(QStringLiteral("--source must be network, policy, api or 0-2"));
    }
    if (parser.isSet(QStringLiteral("alert"))) {
        const QString alert = parser.value(QStringLiteral("alert")).toLower();
        if (alert != QLatin1String("true") && alert != QLatin1String("false"))
            return fail(QStringLiteral("--alert must be true or false"));
        query.alert = alert == QLatin1String("true");
    }
    const std::pair<const char *, QString EventQuery::*> textOptions[] = {
        { "organisation", &EventQuery::organisation },
        { "endpoint", &EventQuery::endpoint },
        { "iccid", &EventQuery::iccid },
        { "imsi", &EventQuery::imsi },
        { "imei", &EventQuery::imei },
        { "user", &EventQuery::user },
        { "description", &EventQuery::description },
        { "tags", &EventQuery::tags },
        { "ip-address", &EventQuery::ipAddress },
    };
    for (const auto &[name, member] : textOptions)
        query.*member = parser.value(QString::fromLatin1(name));
    if (const QString problem = query.validate(); !problem.isEmpty())
        return fail(problem);

    if (parser.isSet(QStringLiteral("scope"))) {
        const auto scope = EventScope::fromString(parser.value(QStringLiteral("scope")));
        if (!scope)
            return fail(
                QStringLiteral("--scope must be endpoint:ID, sim:ID, user:ID, user:my or organisation:ID"));
        options.scope = *scope;
    }
    const auto positiveInt = [&parser](const char *name, int *target, int max) {
        if (!parser.isSet(QString::fromLatin1(name)))
            return true;
        bool ok = false;
        const int number = parser.value(QString::fromLatin1(name)).toInt(&ok);
        if (!ok || number < 1 || number > max)
            return false;
        *target = number;
        return true;
    };
    if (!positiveInt("per-page", &options.perPage, 100000))
        return fail(QStringLiteral("--per-page must be a number from 1 to 100000"));
    if (!positiveInt("max-in-flight", &options.maxInFlight, 16))
        return fail(QStringLiteral("--max-in-flight must be a number from 1 to 16"));
    if (parser.isSet(QStringLiteral("rate"))) {
        bool ok = false;
        options.ratePerSecond = parser.value(QStringLiteral("rate")).toDouble(&ok);
        if (!ok || options.ratePerSecond < 0.5 || options.ratePerSecond > 1000)
            return fail(QStringLiteral("--rate must be a number of requests per second from 0.5 to 1000"));
    }
    if (parser.isSet(QStringLiteral("sort")))
        options.sort = parser.value(QStringLiteral("sort"));

    if (options.command == Command::Sync)
        return result; // no output: the archive is the output
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (format == QLatin1String("csv"))
        options.format = Format::Csv;
    else if (format == QLatin1String("jsonl") || format == QLatin1String("ndjson"))
        options.format = Format::JsonLines;
    else
        return fail(format.isEmpty() ? QStringLiteral("--format is required (csv or jsonl)")
                                     : QStringLiteral("--format must be csv or jsonl"));
    options.output = parser.value(QStringLiteral("output"));
    if (options.output.isEmpty())
        return fail(QStringLiteral("--output is required (a file, or - for standard output)"));

    // CSV columns: id first, always; the rest as asked (default: the table's columns).
    options.columns = { EventColumns::Id };
    QList<EventColumns::Column> rest;
    if (parser.isSet(QStringLiteral("columns"))) {
        if (options.format != Format::Csv)
            return fail(QStringLiteral("--columns applies to --format csv only"));
        for (const QString &key :
            parser.value(QStringLiteral("columns")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const EventColumns::Column column = EventColumns::fromKey(key.trimmed());
            if (column == EventColumns::ColumnCount) {
                QStringList known;
                for (int c = 0; c < EventColumns::ColumnCount; ++c)
                    known << EventColumns::key(EventColumns::Column(c));
                return fail(QStringLiteral("--columns: unknown column \"%1\"; known: %2")
                                .arg(key, known.join(QLatin1String(","))));
            }
            rest << column;
        }
    } else {
        rest = EventColumns::tableColumns();
    }
    for (const EventColumns::Column column : std::as_const(rest)) {
        if (!options.columns.contains(column))
            options.columns << column;
    }
    options.neutraliseFormulas = !parser.isSet(QStringLiteral("no-formula-escape"));
    options.forExcel = parser.isSet(QStringLiteral("excel"));
    if (options.forExcel && options.format != Format::Csv)
        return fail(QStringLiteral("--excel applies to --format csv only"));
    if (parser.isSet(QStringLiteral("payload"))) {
        const QString payload = parser.value(QStringLiteral("payload")).toLower();
        if (payload != QLatin1String("detail") && payload != QLatin1String("event"))
            return fail(QStringLiteral("--payload must be detail or event"));
        if (options.format != Format::Csv)
            return fail(QStringLiteral("--payload applies to --format csv only (jsonl writes whole events)"));
        options.wholeEventPayload = payload == QLatin1String("event");
        if (!options.columns.contains(EventColumns::Payload))
            options.columns << EventColumns::Payload; // asking what it holds asks for the column
    }
    options.quiet = parser.isSet(QStringLiteral("quiet"));
    options.keepSecrets = parser.isSet(QStringLiteral("keep-secrets"));
    options.allowPartial = parser.isSet(QStringLiteral("allow-partial"));
    return result;
}

ApiClientOptions EventExportOptions::clientOptions() const
{
    ApiClientOptions client;
    client.perPage = perPage;
    client.maxInFlight = maxInFlight;
    client.ratePerSecond = ratePerSecond;
    client.keepRaw = format == Format::JsonLines;
    return client;
}
