// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
//
// The scale targets, measured: ingest, memory, filter, search, sort, detail, export, each for our
// design and for the straightforward Qt approach (QJsonDocument + QStandardItemModel under a
// QSortFilterProxyModel) on the same generated data, with the ratio.
//   bench_scale [--events N] [--baseline-events M] [--no-baseline] [--search-only]
#include "api/eventjson.h"
#include "api/eventparser.h"
#include "export/csvwriter.h"
#include "export/eventcsvexporter.h"
#include "export/ticketcopy.h"
#include "filter/eventfilterengine.h"
#include "filter/eventhistogram.h"
#include "model/eventcolumns.h"
#include "model/payloadrecords.h"
#include "model/payloadsketch.h"
#include "model/timebuckets.h"
#include "table/eventtablemodel.h"
#include "table/simordertablemodel.h"
#include "model/simorderbook.h"
#include "model/eventtext.h"
#include "model/eventtypecatalogue.h"
#include "sim/accountgenerator.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTimeZone>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <malloc.h>
#include <sys/resource.h>
#include <time.h>

#include <array>
#include <climits>
#include <cstdio>
#include <deque>
#include <numeric>
#include <random>

namespace {

constexpr int PageSize = 1000;

// Resident set size in bytes, from /proc/self/statm.
qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * 4096 : 0;
}

// Counts bytes and throws them away: measures the exporter, not the disk.
class NullDevice final : public QIODevice
{
public:
    NullDevice() { open(QIODevice::WriteOnly); }
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 len) override { return len; }
};

struct Figure
{
    const char *target;
    double ours;
    double baseline; // < 0: not measured
    const char *unit;
    bool higherIsBetter;
    const char *goal;
};

std::vector<Figure> g_figures;

void report(const char *target, double ours, double baseline, const char *unit, bool higherIsBetter, const char *goal)
{
    g_figures.push_back({ target, ours, baseline, unit, higherIsBetter, goal });
    std::printf("  %-34s %12.1f %-9s", target, ours, unit);
    if (baseline >= 0) {
        const double ratio = higherIsBetter ? ours / baseline : baseline / ours;
        std::printf(" baseline %12.1f  (ours is %.1fx better)", baseline, ratio);
    }
    std::printf("   target %s\n", goal);
    std::fflush(stdout);
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Waits for the model's asynchronous filter/sort to land, as the window would see it.
double timeModelChange(EventTableModel &model, const std::function<void()> &change)
{
    QSignalSpy applied(&model, &EventTableModel::filterApplied);
    QElapsedTimer t;
    t.start();
    change();
    if (applied.isEmpty() && !applied.wait(60000))
        std::printf("  (timed out)\n");
    return ms(t);
}

int categoryIndex(const char *key)
{
    const auto &categories = EventTypeCatalogue::builtIn().categories();
    for (int i = 0; i < categories.size(); ++i) {
        if (categories[i].key == QLatin1String(key))
            return i;
    }
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("events"), QStringLiteral("Events to generate."), QStringLiteral("N"), QStringLiteral("1000000") });
    parser.addOption({ QStringLiteral("baseline-events"), QStringLiteral("Events for the baseline (default: the same)."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("no-baseline"), QStringLiteral("Skip the Qt baseline.") });
    parser.addOption({ QStringLiteral("search-only"), QStringLiteral("Stop after the filters and searches.") });
    parser.addOption({ QStringLiteral("repeat-search"), QStringLiteral("Only this search, 40 times (for a profile)."), QStringLiteral("TEXT") });
    parser.process(app);
    const qsizetype count = parser.value(QStringLiteral("events")).toLongLong();
    const bool baseline = !parser.isSet(QStringLiteral("no-baseline"));
    const qsizetype baselineCount = parser.isSet(QStringLiteral("baseline-events"))
        ? std::min(count, qsizetype(parser.value(QStringLiteral("baseline-events")).toLongLong()))
        : count;

    // The API pages, as bytes, the way the simulator (and the real API) sends them for the
    // viewer's pull: sorted newest first (sort=-timestamp,id). The generator yields oldest first.
    std::vector<QByteArray> pages;
    qint64 pageBytes = 0;
    {
        std::vector<Event> page;
        page.reserve(PageSize);
        auto flush = [&]() {
            std::reverse(page.begin(), page.end());
            pages.push_back(EventJson::toJsonArray(page));
            pageBytes += pages.back().size();
            page.clear();
        };
        AccountGenerator::generate(count, 42, QDateTime::currentMSecsSinceEpoch(), [&](Event &&e) {
            page.push_back(std::move(e));
            if (page.size() == PageSize)
                flush();
        });
        if (!page.empty())
            flush();
        std::reverse(pages.begin(), pages.end());
    }
    std::printf("%zu pages, %.1f MB of JSON (%.0f bytes/event on the wire)\n\n", pages.size(), pageBytes / 1e6,
                double(pageBytes) / double(count));

    // ---- ours ----------------------------------------------------------------------------------
    {
        // Where the ingest time goes: the parse alone, on one core.
        QElapsedTimer t;
        t.start();
        qsizetype parsed = 0;
        for (const QByteArray &page : pages)
            parsed += EventParser::parse(page).batch.size();
        std::printf("parse alone, one core: %.0f events/s (%.1f MB/s of JSON)\n", double(parsed) / (ms(t) / 1000.0),
                    double(pageBytes) / 1e6 / (ms(t) / 1000.0));
        // And the store append alone, on the first pages (parsed beforehand).
        std::vector<EventBatch> parsedPages;
        for (size_t i = 0; i < std::min<size_t>(pages.size(), 100); ++i)
            parsedPages.push_back(EventParser::parse(pages[i]).batch);
        EventStore store;
        t.restart();
        qsizetype appended = 0;
        for (const EventBatch &batch : parsedPages)
            appended += store.append(batch);
        std::printf("store append alone, one core: %.0f events/s, %.0f bytes/event by the store's estimate\n", double(appended) / (ms(t) / 1000.0), double(store.memoryUsage()) / double(appended));
        EventTableModel m;
        t.restart();
        for (const EventBatch &batch : parsedPages)
            m.appendBatch(batch);
        std::printf("model append alone, one core: %.0f events/s\n", double(m.rowCount()) / (ms(t) / 1000.0));
    }
    std::printf("ours: simdjson parser -> columnar EventStore -> EventTableModel (vector of rows)\n");
    malloc_trim(0);
    const qint64 rssBefore = residentBytes();
    EventTableModel model;
    EventTypeCatalogue::builtIn(); // loaded with the window, before any page arrives
    QElapsedTimer reserveTimer;
    reserveTimer.start();
    model.reserve(count); // what the window does with the pull's X-Total-Count
    std::printf("  reserve for %lld events: %.2f ms\n", qint64(count), ms(reserveTimer));
    double maxAppendMs = 0;
    double maxAppendCpuMs = 0; // the thread's own CPU time: wall time minus time the OS ran others
    int pagesOver16Ms = 0, pagesOver16MsCpu = 0;
    QElapsedTimer ingest;
    ingest.start();
    {
        // Parsing runs in the background as in EventApiClient (whose requests in flight each get
        // parsed as they arrive: one page a core); rows are appended on this (GUI) thread in order.
        const size_t ahead = size_t(std::max(1, QThread::idealThreadCount()));
        std::deque<QFuture<ParseResult>> parsing;
        size_t issued = 0;
        auto issue = [&] {
            while (issued < pages.size() && parsing.size() < ahead) {
                const QByteArray &page = pages[issued++];
                parsing.push_back(EventParser::parseInBackground(page));
            }
        };
        issue();
        for (size_t i = 0; i < pages.size(); ++i) {
            ParseResult result = parsing.front().takeResult(); // moved out, as EventApiClient does
            parsing.pop_front();
            issue();
            QElapsedTimer append;
            rusage usageStart {};
            getrusage(RUSAGE_THREAD, &usageStart);
            timespec cpuStart {};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuStart);
            append.start();
            model.appendBatch(std::move(result.batch));
            const double appendMs = ms(append);
            timespec cpuEnd {};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuEnd);
            const double cpuMs = double(cpuEnd.tv_sec - cpuStart.tv_sec) * 1e3 + double(cpuEnd.tv_nsec - cpuStart.tv_nsec) / 1e6;
            maxAppendCpuMs = std::max(maxAppendCpuMs, cpuMs);
            rusage usageEnd {};
            getrusage(RUSAGE_THREAD, &usageEnd);
            if (appendMs > maxAppendMs)
                std::printf("  page %zu: append %.2f ms (%.2f ms on the CPU, %ld page faults)\n", i, appendMs, cpuMs,
                            usageEnd.ru_minflt - usageStart.ru_minflt);
            maxAppendMs = std::max(maxAppendMs, appendMs);
            pagesOver16Ms += appendMs > 16 ? 1 : 0;
            pagesOver16MsCpu += cpuMs > 16 ? 1 : 0;
        }
    }
    const double ingestMs = ms(ingest);
    malloc_trim(0);
    const qint64 rssAfter = residentBytes();
    const double oursIngest = double(count) / (ingestMs / 1000.0);
    const double oursMemory = double(rssAfter - rssBefore) / double(count);
    std::printf("  rows %d, RSS before %.1f MB, after %.1f MB, store's own estimate %.1f MB\n", model.rowCount(),
                rssBefore / 1e6, rssAfter / 1e6, model.store().memoryUsage() / 1e6);
    std::printf("  distinct: %u descriptions, %zu endpoints, %zu users, %zu SIMs, %zu organisations\n",
                model.store().stringCount(), model.store().endpoints().size(), model.store().users().size(),
                model.store().sims().size(), model.store().organisations().size());
    std::printf("  largest single page append on the GUI thread: %.2f ms wall, %.2f ms CPU (target <= 16 ms)\n",
                maxAppendMs, maxAppendCpuMs);
    std::printf("  pages over 16 ms: %d of %zu by wall time, %d by CPU time\n", pagesOver16Ms, pages.size(), pagesOver16MsCpu);

    // SIM orders (the Orders view): the whole account folded at once, and the per-page update the
    // GUI thread does as each page lands in the store (SimOrderTableModel, replayed over the store's
    // pages in arrival order).
    double orderFoldMs = 0, orderPageMaxMs = 0, orderPageMeanMs = 0, orderPageMaxCpuMs = 0,
           orderPageMeanCpuMs = 0;
    {
        QElapsedTimer fold;
        fold.start();
        SimOrderBook book;
        book.addStoreRows(model.store(), 0, model.store().size());
        orderFoldMs = ms(fold);
        SimOrderTableModel orders;
        double total = 0, totalCpu = 0;
        qsizetype pageCount = 0;
        for (qsizetype first = 0; first < model.store().size(); first += PageSize) {
            QElapsedTimer page;
            timespec cpuStart {};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuStart);
            page.start();
            orders.addStoreRows(
                model.store(), first, std::min(model.store().size(), first + qsizetype(PageSize)));
            const double pageMs = ms(page);
            timespec cpuEnd {};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuEnd);
            const double cpuMs = double(cpuEnd.tv_sec - cpuStart.tv_sec) * 1e3
                + double(cpuEnd.tv_nsec - cpuStart.tv_nsec) / 1e6;
            orderPageMaxCpuMs = std::max(orderPageMaxCpuMs, cpuMs);
            totalCpu += cpuMs;
            orderPageMaxMs = std::max(orderPageMaxMs, pageMs);
            total += pageMs;
            ++pageCount;
        }
        orderPageMeanMs = pageCount > 0 ? total / double(pageCount) : 0;
        orderPageMeanCpuMs = pageCount > 0 ? totalCpu / double(pageCount) : 0;
        std::printf("  orders: %zu orders from %lld order events; fold of all %lld events %.1f ms; per page "
                    "(%d events) %.3f ms mean, %.3f ms slowest wall; %.3f ms mean, %.3f ms slowest CPU\n",
            book.orders().size(), qlonglong(book.orderEventCount()), qlonglong(model.store().size()),
            orderFoldMs, int(PageSize), orderPageMeanMs, orderPageMaxMs, orderPageMeanCpuMs,
            orderPageMaxCpuMs);
    }

    const int dataConnection = categoryIndex("data_connection");
    EventFilter categoryFilter;
    categoryFilter.hiddenCategories = { dataConnection };
    EventFilter severityFilter;
    severityFilter.hiddenSeverities = { 0 };
    EventFilter sourceFilter;
    sourceFilter.hiddenSources = { 0 };
    EventFilter textFilter;
    textFilter.text = QStringLiteral("tracker");
    const double oursCategory = timeModelChange(model, [&] { model.setFilter(categoryFilter); });
    const int categoryRows = model.rowCount();
    const double oursSeverity = timeModelChange(model, [&] { model.setFilter(severityFilter); });
    const double oursSource = timeModelChange(model, [&] { model.setFilter(sourceFilter); });
    const double oursText = timeModelChange(model, [&] { model.setFilter(textFilter); });
    const int textRows = model.rowCount();
    timeModelChange(model, [&] { model.setFilter({}); });

    // Payload search (issue 13): texts people look for inside payloads, each against today's
    // description-only search in the same run. The order id and tracking reference are the
    // first shipped order's; the IMEI is the first endpoint's, the ICCID prefix its SIM's first 12
    // digits, the device name fragment the first named endpoint's name without its last character.
    QString orderId, trackingReference, imei, iccidPrefix, deviceFragment;
    {
        EventStore::PayloadReader reader(model.store());
        for (qsizetype row = 0; row < model.store().size() && trackingReference.isEmpty(); ++row) {
            if (model.store().types()[model.store().typeIndex(row)].id != 39)
                continue;
            const QJsonObject detail = QJsonDocument::fromJson(reader.detailJson(row).toByteArray()).object();
            if (detail.contains(QLatin1String("ext_shipping_reference"))) {
                orderId = QString::number(detail.value(QLatin1String("id")).toInteger());
                trackingReference = detail.value(QLatin1String("ext_shipping_reference")).toString();
            }
        }
        for (const EventEndpoint &e : model.store().endpoints()) {
            if (imei.isEmpty() && !e.imei.isEmpty())
                imei = e.imei;
            if (deviceFragment.isEmpty() && e.name.size() > 2)
                deviceFragment = e.name.chopped(1);
        }
        if (!model.store().sims().empty())
            iccidPrefix = model.store().sims().front().iccid.left(12);
    }
    if (parser.isSet(QStringLiteral("repeat-search"))) {
        EventFilter f;
        f.text = parser.value(QStringLiteral("repeat-search"));
        std::printf("  repeating [%s]\n", qPrintable(f.text));
        std::fflush(stdout);
        for (int i = 0; i < 40; ++i) {
            const double t = timeModelChange(model, [&] { model.setFilter(f); });
            std::printf("  %s: %.1f ms, %d rows\n", qPrintable(f.text), t, model.rowCount());
            timeModelChange(model, [&] { model.setFilter({}); });
        }
        return 0;
    }
    struct PayloadSearch
    {
        QString label, text;
    };
    const std::vector<PayloadSearch> payloadSearches = {
        { QStringLiteral("description:tracker (today's search: the columns only)"), QStringLiteral("description:tracker") },
        { QStringLiteral("tracker (columns and payloads)"), QStringLiteral("tracker") },
        { QStringLiteral("an order id"), orderId },
        { QStringLiteral("order:<id>"), QStringLiteral("order:") + orderId },
        { QStringLiteral("a tracking reference"), QStringLiteral("\"%1\"").arg(trackingReference) },
        { QStringLiteral("Shipped"), QStringLiteral("Shipped") },
        { QStringLiteral("an IMEI"), imei },
        { QStringLiteral("-type:\"Update location\""), QStringLiteral("-type:\"Update location\"") },
        { QStringLiteral("an ICCID prefix"), iccidPrefix },
        { QStringLiteral("a device name fragment"), deviceFragment },
        { QStringLiteral("SIM (in most events)"), QStringLiteral("SIM") },
        { QStringLiteral("Germany (a payload word in many events)"), QStringLiteral("Germany") },
        { QStringLiteral("null (a payload literal in most events)"), QStringLiteral("null") },
        { QStringLiteral("Paid (an order status name)"), QStringLiteral("Paid") },
        { QStringLiteral("status:canceled"), QStringLiteral("status:canceled") },
        { QStringLiteral("provider 1"), QStringLiteral("\"provider 1\"") },
        { QStringLiteral("detail.apn:em (a key and a frequent value)"), QStringLiteral("detail.apn:em") },
    };
    double payloadSearchMax = 0;
    double descriptionOnlyMs = 0;
    for (const PayloadSearch &search : payloadSearches) {
        EventFilter f;
        f.text = search.text;
        // Each search the way it ran before the key pairs and the digit test (EV_SEARCH_BASELINE,
        // read by EventFilterEngine) and as it runs now, alternately; the best of two of each.
        double t = 0, before = 0;
        int rows = 0, rowsBefore = 0;
        for (int round = 0; round < 2; ++round) {
            qputenv("EV_SEARCH_BASELINE", "1");
            const double b = timeModelChange(model, [&] { model.setFilter(f); });
            rowsBefore = model.rowCount();
            timeModelChange(model, [&] { model.setFilter({}); });
            qunsetenv("EV_SEARCH_BASELINE");
            const double a = timeModelChange(model, [&] { model.setFilter(f); });
            rows = model.rowCount();
            if (round < 1)
                timeModelChange(model, [&] { model.setFilter({}); });
            before = round == 0 ? b : std::min(before, b);
            t = round == 0 ? a : std::min(t, a);
        }
        std::printf("  search %-50s %8.1f ms (before: %8.1f ms), %d rows%s  [%s]\n", qPrintable(search.label), t,
            before, rows, rows == rowsBefore ? "" : " (NOT the rows of before)", qPrintable(search.text));
        if (&search == &payloadSearches.front())
            descriptionOnlyMs = t;
        else
            payloadSearchMax = std::max(payloadSearchMax, t);
        timeModelChange(model, [&] { model.setFilter({}); });
    }
    if (parser.isSet(QStringLiteral("search-only"))) {
        size_t bytes = 0;
        for (size_t block = 0; block < model.store().payloadBlockCount(); ++block)
            bytes += model.store().payloadBlockSketch(block).memoryUsage();
        std::printf("  payload sketches: %.1f bytes an event\n", double(bytes) / double(model.store().size()));
        std::printf("  filter: category %.1f ms, severity %.1f ms, source %.1f ms\n", oursCategory, oursSeverity, oursSource);
        return 0;
    }
    // What the sketches cost: memory, and the CPU the parse threads spend on them (the blocks' raw
    // records rebuilt and sketched again here).
    size_t sketchBytes = 0;
    for (size_t block = 0; block < model.store().payloadBlockCount(); ++block)
        sketchBytes += model.store().payloadBlockSketch(block).memoryUsage();
    const double sketchBytesPerEvent = double(sketchBytes) / double(model.store().size());
    double sketchCpuMs = 0;
    {
        EventStore::PayloadReader reader(model.store());
        std::string raw;
        for (size_t block = 0; block < model.store().payloadBlockCount(); ++block) {
            const auto [first, end] = model.store().payloadBlockRows(block);
            raw.clear();
            for (qsizetype row = first; row < end; ++row) {
                const QByteArrayView detail = reader.detailJson(row);
                const std::string detailCopy(detail.data(), size_t(detail.size()));
                const QByteArrayView extra = reader.extraJson(row);
                PayloadRecords::append(&raw, detailCopy, std::string_view(extra.data(), size_t(extra.size())));
            }
            QElapsedTimer t;
            t.start();
            const PayloadSketch sketch = PayloadSketch::of(raw);
            sketchCpuMs += double(t.nsecsElapsed()) / 1e6;
            Q_UNUSED(sketch);
        }
    }
    std::printf("  payload sketches: %.1f bytes an event, %.1f ms of parse-thread CPU for all %lld events (%.2f us an event)\n",
                sketchBytesPerEvent, sketchCpuMs, qlonglong(model.store().size()), sketchCpuMs * 1000.0 / double(model.store().size()));
    double oursSortMax = 0;
    int slowestColumn = 0;
    for (int c = 0; c <= EventColumns::Id; ++c) {
        const double t = timeModelChange(model, [&] { model.sort(c, Qt::AscendingOrder); });
        if (t > oursSortMax) {
            oursSortMax = t;
            slowestColumn = c;
        }
    }
    std::printf("  filter rows: category %d, text %d; slowest sort column: %s\n", categoryRows, textRows,
                qPrintable(EventColumns::key(EventColumns::Column(slowestColumn))));
    // The category tree's "shown" counts come from the filter pass: its cost beside the plain pass
    // (the baseline), with a category unticked (its rows are checked against the rest too).
    double plainPassMs = 0;
    double countingPassMs = 0;
    {
        std::vector<uint32_t> all(size_t(model.store().size()));
        std::iota(all.begin(), all.end(), 0u);
        const EventFilterEngine engine(model.store(), categoryFilter);
        std::vector<qsizetype> perType;
        for (int round = 0; round < 3; ++round) { // the best of three, both alike
            QElapsedTimer t;
            t.start();
            const size_t plain = engine.filter(all).size();
            const double plainMs = ms(t);
            t.start();
            const size_t counted = engine.filter(all, nullptr, &perType).size();
            const double countingMs = ms(t);
            if (plain != counted)
                std::printf("  (the counting pass kept %zu rows, the plain one %zu)\n", counted, plain);
            plainPassMs = round == 0 ? plainMs : std::min(plainPassMs, plainMs);
            countingPassMs = round == 0 ? countingMs : std::min(countingPassMs, countingMs);
        }
    }
    timeModelChange(model, [&] { model.sort(EventColumns::Time, Qt::DescendingOrder); });

    // Detail: everything the pane needs for one row, over random rows; the slowest counts.
    std::mt19937 rng(7);
    double oursDetailMax = 0;
    for (int i = 0; i < 2000; ++i) {
        const int row = int(rng() % uint32_t(model.rowCount()));
        QElapsedTimer t;
        t.start();
        const Event e = model.event(row);
        const QString line = EventText::performedBy(e.user);
        const QByteArray pretty = QJsonDocument::fromJson(EventJson::toJson(e)).toJson(QJsonDocument::Indented);
        oursDetailMax = std::max(oursDetailMax, ms(t));
        Q_UNUSED(line);
        Q_UNUSED(pretty);
    }

    NullDevice sink;
    QElapsedTimer exportTimer;
    exportTimer.start();
    {
        CsvWriter writer(&sink);
        const EventCsvExporter exporter(model.store(), EventColumns::tableColumns());
        exporter.writeHeader(writer);
        std::vector<qsizetype> rows(model.visibleRows().begin(), model.visibleRows().end());
        exporter.writeRows(writer, rows, [](qsizetype) { return true; });
        writer.flush();
    }
    const double exportMs = ms(exportTimer);
    const double oursExport = double(sink.pos()) / 1e6 / (exportMs / 1000.0);
    std::printf("  export: %.1f MB of CSV in %.0f ms\n\n", sink.pos() / 1e6, exportMs);

    // ---- the straightforward Qt approach -----------------------------------------------------------
    double baseIngest = -1, baseMemory = -1, baseCategory = -1, baseSeverity = -1, baseSource = -1, baseText = -1,
           baseSort = -1, baseDetail = -1, baseExport = -1;
    if (baseline) {
        const qsizetype basePages = (baselineCount + PageSize - 1) / PageSize;
        std::printf("baseline: QJsonDocument -> QStandardItemModel (12 text columns) -> QSortFilterProxyModel, %lld events\n",
                    qlonglong(std::min<qsizetype>(baselineCount, count)));
        malloc_trim(0);
        const qint64 before = residentBytes();
        QStandardItemModel items;
        items.setColumnCount(EventColumns::Id + 1);
        const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
        QElapsedTimer t;
        t.start();
        for (qsizetype p = 0; p < basePages && p < qsizetype(pages.size()); ++p) {
            const QJsonArray array = QJsonDocument::fromJson(pages[size_t(p)]).array();
            for (const QJsonValue &v : array) {
                const QJsonObject o = v.toObject();
                const int type = o.value(QLatin1String("event_type")).toObject().value(QLatin1String("id")).toInt();
                const QJsonObject user = o.value(QLatin1String("user")).toObject();
                QList<QStandardItem *> row;
                row.reserve(12);
                row << new QStandardItem(o.value(QLatin1String("timestamp")).toString())
                    << new QStandardItem(o.value(QLatin1String("event_severity")).toObject().value(QLatin1String("description")).toString())
                    << new QStandardItem(catalogue.categoryLabel(catalogue.categoryOf(type)))
                    << new QStandardItem(o.value(QLatin1String("event_type")).toObject().value(QLatin1String("description")).toString())
                    << new QStandardItem(o.value(QLatin1String("description")).toString())
                    << new QStandardItem(o.value(QLatin1String("organisation")).toObject().value(QLatin1String("name")).toString())
                    << new QStandardItem(o.value(QLatin1String("endpoint")).toObject().value(QLatin1String("name")).toString())
                    << new QStandardItem(o.value(QLatin1String("sim")).toObject().value(QLatin1String("iccid")).toString())
                    << new QStandardItem(o.value(QLatin1String("imsi")).toObject().value(QLatin1String("imsi")).toString())
                    << new QStandardItem(o.value(QLatin1String("event_source")).toObject().value(QLatin1String("description")).toString())
                    << new QStandardItem(user.value(QLatin1String("name")).toString())
                    << new QStandardItem(QString::number(o.value(QLatin1String("id")).toInteger()));
                // The payload, kept as the straightforward way would: the event object per row.
                row.first()->setData(QJsonDocument(o).toJson(QJsonDocument::Compact), Qt::UserRole + 1);
                items.appendRow(row);
            }
        }
        const double baseIngestMs = ms(t);
        const qsizetype n = items.rowCount();
        malloc_trim(0);
        baseIngest = double(n) / (baseIngestMs / 1000.0);
        baseMemory = double(residentBytes() - before) / double(n);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&items);
        const int all = proxy.rowCount(); // builds the proxy's mapping, as a view showing it would
        Q_UNUSED(all);
        const QString dataConnectionLabel = catalogue.categoryLabel(dataConnection);
        auto timed = [](const std::function<void()> &f) {
            QElapsedTimer timer;
            timer.start();
            f();
            return ms(timer);
        };
        // Hiding a category/severity/source: a regular expression over that column.
        baseCategory = timed([&] {
            proxy.setFilterKeyColumn(EventColumns::Category);
            proxy.setFilterRegularExpression(QRegularExpression(QStringLiteral("^(?!%1$)").arg(QRegularExpression::escape(dataConnectionLabel))));
            std::printf("  baseline rows shown: %d\n", proxy.rowCount());
        });
        baseSeverity = timed([&] {
            proxy.setFilterKeyColumn(EventColumns::Severity);
            proxy.setFilterRegularExpression(QRegularExpression(QStringLiteral("^(?!Info$)")));
            std::printf("  baseline rows shown: %d\n", proxy.rowCount());
        });
        baseSource = timed([&] {
            proxy.setFilterKeyColumn(EventColumns::Source);
            proxy.setFilterRegularExpression(QRegularExpression(QStringLiteral("^(?!Network$)")));
            std::printf("  baseline rows shown: %d\n", proxy.rowCount());
        });
        baseText = timed([&] {
            proxy.setFilterKeyColumn(-1);
            proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
            proxy.setFilterFixedString(QStringLiteral("tracker"));
            std::printf("  baseline rows shown: %d\n", proxy.rowCount());
        });
        proxy.setFilterFixedString(QString());
        baseSort = 0;
        for (int c = 0; c <= EventColumns::Id; ++c)
            baseSort = std::max(baseSort, timed([&] { proxy.sort(c, Qt::AscendingOrder); }));
        baseDetail = 0;
        for (int i = 0; i < 2000; ++i) {
            const int row = int(rng() % uint32_t(proxy.rowCount()));
            baseDetail = std::max(baseDetail, timed([&] {
                const QByteArray json = proxy.index(row, 0).data(Qt::UserRole + 1).toByteArray();
                const QByteArray pretty = QJsonDocument::fromJson(json).toJson(QJsonDocument::Indented);
                Q_UNUSED(pretty);
            }));
        }
        NullDevice baseSink;
        const double baseExportMs = timed([&] {
            CsvWriter writer(&baseSink);
            for (int r = 0; r < proxy.rowCount(); ++r) {
                for (int c = 0; c < proxy.columnCount(); ++c)
                    writer.addField(proxy.index(r, c).data().toString());
                writer.endRow();
            }
            writer.flush();
        });
        baseExport = double(baseSink.pos()) / 1e6 / (baseExportMs / 1000.0);
        std::printf("  rows %lld\n\n", qlonglong(n));
    }

    // The timeline (issue 16): the shown rows per bucket and severity over the whole range, against
    // the straightforward way (a QDateTime per row, rounded down to its local hour, counted in a map).
    double histogramMs = 0;
    double baseHistogramMs = 0;
    {
        timeModelChange(model, [&] { model.setFilter({}); });
        const std::vector<uint32_t> &rows = model.visibleRows();
        qint64 first = LLONG_MAX, last = LLONG_MIN;
        for (const uint32_t row : rows) {
            first = std::min(first, model.store().timestampMs(row));
            last = std::max(last, model.store().timestampMs(row));
        }
        const QTimeZone zone = QTimeZone::systemTimeZone();
        EventHistogram histogram;
        for (int round = 0; round < 3; ++round) { // the best of three
            QElapsedTimer t;
            t.start();
            histogram = EventHistogram::count(model.store(), rows, TimeBuckets::make(first, last + 1, zone, 250));
            histogramMs = round == 0 ? ms(t) : std::min(histogramMs, ms(t));
        }
        QElapsedTimer t;
        t.start();
        QMap<qint64, std::array<qsizetype, 4>> perHour;
        for (const uint32_t row : rows) {
            QDateTime at = QDateTime::fromMSecsSinceEpoch(model.store().timestampMs(row), zone);
            at.setTime(QTime(at.time().hour(), 0));
            const qint64 severity = model.store().severities()[model.store().severityIndex(row)].id;
            ++perHour[at.toMSecsSinceEpoch()][size_t(std::clamp<qint64>(severity, 0, 3))];
        }
        baseHistogramMs = ms(t);
        std::printf("  timeline: %d buckets of %d %s over %lld rows (%lld counted); the map: %lld hours\n",
                    histogram.buckets().count(), histogram.buckets().step().count,
                    histogram.buckets().step().unit == TimeBuckets::Unit::Hour ? "hours" : "(other unit)",
                    qlonglong(rows.size()), qlonglong(histogram.counted()), qlonglong(perHour.size()));
    }

    // Copy for tickets (issue 16): 100,000 selected rows in each form, the slowest reported.
    double copyMaxMs = 0;
    {
        std::vector<qsizetype> rows;
        for (int r = 0; r < std::min(100000, model.rowCount()); ++r)
            rows.push_back(model.storeRow(r));
        const QList<EventColumns::Column> columns = EventColumns::tableColumns();
        for (const TicketCopy::Format format : TicketCopy::formats()) {
            QElapsedTimer t;
            t.start();
            const QString text = TicketCopy::write(model.store(), rows, columns, format, {});
            const double took = ms(t);
            std::printf("  copy %zu rows as %-26s %8.1f ms, %.1f MB\n", rows.size(), qPrintable(TicketCopy::key(format)),
                        took, double(text.size()) * 2 / 1e6);
            copyMaxMs = std::max(copyMaxMs, took);
        }
    }

    std::printf("results for %lld events (ours) on %d cores:\n", qlonglong(count), QThread::idealThreadCount());
    report("ingest (events/s)", oursIngest, baseIngest, "ev/s", true, ">= 300000");
    report("GUI thread block per page", maxAppendMs, -1, "ms", false, "<= 16");
    report("memory per event (RSS)", oursMemory, baseMemory, "bytes", false, "<= 600");
    report("filter: category", oursCategory, baseCategory, "ms", false, "<= 30");
    report("filter: severity", oursSeverity, baseSeverity, "ms", false, "<= 30");
    report("filter: source", oursSource, baseSource, "ms", false, "<= 30");
    report("filter pass with type counts", countingPassMs, plainPassMs, "ms", false, "<= 30");
    report("free-text search", oursText, baseText, "ms", false, "<= 100");
    report(qPrintable(QStringLiteral("payload search, slowest of %1").arg(payloadSearches.size() - 1)), payloadSearchMax, descriptionOnlyMs, "ms", false, "<= 100");
    report("sort, slowest column", oursSortMax, baseSort, "ms", false, "<= 300");
    report("detail for a row, slowest", oursDetailMax, baseDetail, "ms", false, "<= 10");
    report("CSV export", oursExport, baseExport, "MB/s", true, ">= 100");
    report("orders: fold of all events", orderFoldMs, -1, "ms", false, "-");
    report("orders: per-page update, mean", orderPageMeanMs, -1, "ms", false, "<= 1");
    report("orders: per-page update, slowest", orderPageMaxMs, -1, "ms", false, "<= 1");
    report("timeline histogram, all shown rows", histogramMs, baseHistogramMs, "ms", false, "<= 30");
    report("copy 100,000 rows, slowest form", copyMaxMs, -1, "ms", false, "<= 1000");
    if (baseline && baselineCount < count)
        std::printf("(the baseline ran on %lld events; per-event and per-row figures compare, times do not scale linearly)\n",
                    qlonglong(baselineCount));
    return 0;
}
