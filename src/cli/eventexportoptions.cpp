// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "cli/eventexportoptions.h"

#include "model/eventtypecatalogue.h"
#include "model/isotime.h"

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

} // namespace

QString EventExportOptions::usage()
{
    return QStringLiteral(
        "Usage: emnify-events export --url URL (--token-env VAR | --token-file FILE)\n"
        "                            --format csv|jsonl --output FILE|- [filters] [options]\n"
        "Filters: --from ISO --until ISO (both or neither; no offset = UTC), --type ID[,ID...],\n"
        "         --category KEY, --severity info|warn|critical|0-2, --source network|policy|api|0-2,\n"
        "         --alert true|false, --organisation X, --endpoint X, --iccid X, --imsi X, --imei X,\n"
        "         --user X, --description X, --tags X, --ip-address X,\n"
        "         --scope endpoint:ID|sim:ID|user:ID|user:my|organisation:ID\n"
        "Options: --per-page N, --columns id,time,... (CSV; id always first), --no-formula-escape,\n"
        "         --max-in-flight N (1-16), --rate REQ_PER_S, --sort SPEC, --quiet,\n"
        "         --keep-secrets (write activation keys, tokens and other credentials in the payload\n"
        "         as they are; by default each such value is written as \"<redacted>\")\n"
        "A FILE is written as FILE.part and renamed when the export is complete.\n");
}

EventExportArguments EventExportOptions::parse(
    const QStringList &arguments, const QProcessEnvironment &environment)
{
    EventExportArguments result;
    EventExportOptions &options = result.options;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const auto value = [](const char *name, const char *description, const char *valueName = "value") {
        return QCommandLineOption(
            QString::fromLatin1(name), QString::fromLatin1(description), QString::fromLatin1(valueName));
    };
    parser.addOptions({
        value("url", "API base URL (https; http only to localhost)", "url"),
        value("token-env", "environment variable holding the application token", "var"),
        value("token-file", "file holding the application token", "file"),
        value("from", "start time, ISO 8601"),
        value("until", "end time, ISO 8601"),
        value("type", "event type id(s), comma-separated"),
        value("category", "event type category key"),
        value("severity", "info|warn|critical|0-2"),
        value("source", "network|policy|api|0-2"),
        value("alert", "true|false"),
        value("organisation", "organisation name"),
        value("endpoint", "endpoint name"),
        value("iccid", "ICCID (prefix)"),
        value("imsi", "IMSI"),
        value("imei", "IMEI"),
        value("user", "user name"),
        value("description", "event description"),
        value("tags", "endpoint tags"),
        value("ip-address", "endpoint IP address"),
        value("scope", "endpoint:ID|sim:ID|user:ID|organisation:ID"),
        value("per-page", "page size to ask for", "n"),
        value("max-in-flight", "pages requested at once", "n"),
        value("rate", "requests per second", "n"),
        value("sort", "sort specification", "spec"),
        value("columns", "CSV columns", "keys"),
        value("format", "csv|jsonl", "format"),
        value("output", "output file or -", "file"),
        QCommandLineOption(
            QStringLiteral("no-formula-escape"), QStringLiteral("do not neutralise spreadsheet formulas")),
        QCommandLineOption(QStringLiteral("quiet"), QStringLiteral("no progress on stderr")),
        QCommandLineOption(
            QStringLiteral("keep-secrets"), QStringLiteral("do not redact credentials in payloads")),
        QCommandLineOption({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("this help")),
    });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("export"));
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        result.helpRequested = true;
        result.helpText = usage();
        return result;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional != QStringList { QStringLiteral("export") }) {
        result.error = positional.isEmpty()
            ? QStringLiteral("missing command (export)")
            : QStringLiteral("unknown command \"%1\"").arg(positional.join(QLatin1Char(' ')));
        return result;
    }
    const auto fail = [&result](const QString &message) {
        result.error = message;
        return result;
    };

    options.url = parser.value(QStringLiteral("url"));
    if (options.url.isEmpty())
        return fail(QStringLiteral("--url is required"));
    QString tokenError;
    options.token = readToken(parser, environment, &tokenError);
    if (!tokenError.isEmpty())
        return fail(tokenError);

    EventQuery &query = options.query;
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
    options.quiet = parser.isSet(QStringLiteral("quiet"));
    options.keepSecrets = parser.isSet(QStringLiteral("keep-secrets"));
    return result;
}
