// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "sim/accountgenerator.h"

#include "api/eventjson.h"
#include "model/eventtypecatalogue.h"
#include "model/isotime.h"
#include "sim/base64url.h"
#include "sim/splitmix64.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

namespace {

constexpr qint64 WindowMs = 30 * IsoTime::DayMs;

using Rng = SplitMix64;

quint64 mix(quint64 a, quint64 b)
{
    Rng r(a * 0xd1b54a32d192ed03ULL ^ b);
    return r.next();
}

QString digits(Rng &rng, int count)
{
    QString s(count, Qt::Uninitialized);
    for (int i = 0; i < count; ++i)
        s[i] = QChar(u'0' + int(rng.below(i == 0 ? 9 : 10)) + (i == 0 ? 1 : 0));
    return s;
}

QString ipv4(Rng &rng, int first)
{
    char buffer[16];
    const int n = std::snprintf(buffer, sizeof buffer, "%d.%d.%d.%d", first, int(rng.below(256)),
        int(rng.below(256)), int(1 + rng.below(254)));
    return QString::fromLatin1(buffer, n);
}

// Appends without temporaries: the PDP payloads are 40% of all events and about 900 bytes each.
void appendRaw(QByteArray &out, const char *text) { out.append(text); }

void appendNumber(QByteArray &out, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

void appendQuoted(QByteArray &out, const QString &text) { EventJson::appendString(out, text); }

QString isoMs(qint64 ms)
{
    QByteArray out;
    EventJson::appendTimestamp(out, ms);
    return QString::fromLatin1(out);
}

// "2021-12-22T10:34:11Z": the second-precision form some detail payloads use.
QByteArray isoSeconds(qint64 ms)
{
    QByteArray out;
    EventJson::appendTimestamp(out, ms);
    return out.left(19) + 'Z';
}

QByteArray jsonString(const QString &s)
{
    QByteArray out;
    EventJson::appendString(out, s);
    return out;
}

QByteArray num(qint64 v) { return QByteArray::number(v); }

QByteArray num(double v, int decimals) { return QByteArray::number(v, 'f', decimals); }

// The token of an e-mailed link (password reset, invitation, verification) in the shape of a real
// one: a JWT, HS512-signed, with issuer, subject, purpose, a unique id and a day of validity; about
// 300 characters. The docs show only placeholder text; the viewer must meet the real shape.
QByteArray linkToken(quint64 a, quint64 b, qint64 subject, const char *purpose, qint64 issuedMs)
{
    Rng r(mix(a, b));
    const qint64 issued = issuedMs / 1000;
    QByteArray jti;
    for (int i = 0; i < 2; ++i)
        jti += QByteArray::number(r.next() | (1ULL << 63), 16);
    const QByteArray claims = "{\"iss\":\"https://cdn.emnify.net\",\"sub\":\"" + num(subject)
        + "\",\"purpose\":\"" + purpose + "\",\"jti\":\"" + jti + "\",\"iat\":" + num(issued)
        + ",\"exp\":" + num(issued + 86400) + '}';
    QByteArray signature(64, Qt::Uninitialized);
    for (int i = 0; i < 64; i += 8) {
        const quint64 bits = r.next();
        for (int k = 0; k < 8; ++k)
            signature[i + k] = char(bits >> (8 * k));
    }
    return base64Url("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + '.' + base64Url(claims) + '.'
        + base64Url(signature);
}

struct Operator
{
    int id;
    const char *name;
    int countryId;
    const char *country;
    const char *countryCode;
    const char *mcc;
    const char *iso;
    int tapId;
    const char *tapcode;
    int mncId;
    const char *mnc;
};

constexpr Operator Operators[] = {
    { 3, "Vodafone", 74, "Germany", "49", "262", "de", 2, "DEUD2", 3, "02" },
    { 2, "Telekom", 74, "Germany", "49", "262", "de", 1, "DEUD1", 2, "01" },
    { 4, "Telefonica O2", 74, "Germany", "49", "262", "de", 4, "DEUE2", 5, "07" },
    { 21, "Vodafone UK", 210, "United Kingdom", "44", "234", "gb", 31, "GBRVF", 40, "15" },
    { 22, "EE", 210, "United Kingdom", "44", "234", "gb", 32, "GBRME", 41, "30" },
    { 31, "Orange", 72, "France", "33", "208", "fr", 51, "FRAF1", 60, "01" },
    { 32, "SFR", 72, "France", "33", "208", "fr", 52, "FRAF2", 61, "10" },
    { 41, "Telefonica Movistar", 190, "Spain", "34", "214", "es", 71, "ESPTE", 80, "07" },
    { 51, "TIM", 104, "Italy", "39", "222", "it", 91, "ITAMT", 100, "01" },
    { 61, "KPN", 150, "Netherlands", "31", "204", "nl", 111, "NLDPT", 120, "08" },
    { 71, "AT&T", 212, "United States", "1", "310", "us", 131, "USACG", 140, "410" },
    { 72, "T-Mobile USA", 212, "United States", "1", "310", "us", 132, "USAW6", 141, "260" },
};
constexpr int OperatorCount = int(std::size(Operators));

QByteArray countryJson(const Operator &op)
{
    return QByteArray("{\"id\":") + num(qint64(op.countryId)) + ",\"name\":\"" + op.country
        + "\",\"country_code\":\"" + op.countryCode + "\",\"mcc\":\"" + op.mcc + "\",\"iso_code\":\"" + op.iso
        + "\"}";
}

// Location detail as in the docs: the operator with its country, tapcodes and MNCs.
QByteArray locationDetail(const Operator &op)
{
    return QByteArray("{\"id\":") + num(qint64(op.id)) + ",\"name\":" + jsonString(QString::fromUtf8(op.name))
        + ",\"country\":" + countryJson(op) + ",\"tapcode\":[{\"id\":" + num(qint64(op.tapId))
        + ",\"tapcode\":\"" + op.tapcode + "\"}],\"mnc\":[{\"id\":" + num(qint64(op.mncId)) + ",\"mnc\":\""
        + op.mnc + "\"}]}";
}

struct TypeSpec
{
    int id;
    const char *name;
    int source; // 0 Network, 1 Policy Control, 2 API
    int severity; // 0 Info, 1 Warn, 2 Critical
    bool alert;
};

// Names as the built-in catalogue (resources/event-types.json) has them; source, severity and
// alert as in the docs examples of each type.
constexpr TypeSpec Types[] = {
    { 0, "Generic", 1, 1, true },
    { 1, "Update location", 0, 0, false },
    { 2, "Update GPRS location", 0, 0, false },
    { 3, "Create PDP Context", 0, 0, false },
    { 5, "Delete PDP Context", 0, 0, false },
    { 6, "User authentication failed", 2, 1, false },
    { 8, "SIM activation", 2, 0, false },
    { 9, "SIM suspension", 2, 0, false },
    { 11, "Endpoint blocked", 1, 1, true },
    { 12, "Organisation blocked", 1, 1, true },
    { 13, "Support Access", 2, 1, false },
    { 14, "Multi-factor Authentication", 2, 0, false },
    { 15, "Purge location", 0, 0, false },
    { 16, "Purge GPRS location", 0, 0, false },
    { 17, "Self-Signup", 2, 0, false },
    { 18, "Quota threshold reached", 1, 1, true },
    { 19, "Quota used up", 1, 1, true },
    { 20, "SMS quota threshold reached", 1, 1, true },
    { 21, "SMS quota used up", 1, 1, true },
    { 22, "CloudConnect TGW Resource Share created", 2, 0, false },
    { 23, "CloudConnect TGW available", 2, 0, false },
    { 25, "CloudConnect TGW breakout terminated", 2, 0, false },
    { 30, "OpenVPN authentication", 2, 0, false },
    { 31, "Organisation updated", 2, 0, false },
    { 32, "Billing configuration updated", 2, 1, false },
    { 33, "Platform package updated", 2, 1, false },
    { 34, "Data plan updated", 2, 1, false },
    { 36, "User invited", 2, 0, false },
    { 37, "Password reset requested", 2, 0, false },
    { 38, "Order submitted", 2, 0, false },
    { 39, "Order updated", 2, 1, false },
    { 40, "User verification requested", 2, 0, false },
    { 41, "User verified", 2, 0, false },
    { 42, "Endpoint enabled", 2, 0, false },
    { 43, "Endpoint disabled", 2, 0, false },
    { 45, "SIM factory test", 2, 0, false },
    { 46, "User deleted", 2, 1, false },
    { 48, "SIM registration", 2, 0, false },
    { 50, "SIM Released", 2, 0, false },
    { 51, "SIM Assigned", 2, 0, false },
    { 52, "Data quota enabled", 2, 1, false },
    { 53, "Data quota disabled", 2, 1, false },
    { 54, "SMS quota enabled", 2, 1, false },
    { 55, "SMS quota disabled", 2, 1, false },
    { 56, "Data quota assigned", 2, 0, false },
    { 57, "Data quota deleted", 2, 0, false },
    { 58, "SMS quota assigned", 2, 0, false },
    { 59, "SMS quota deleted", 2, 0, false },
    { 60, "Data quota expired", 1, 1, true },
    { 67, "User switched workspaces", 2, 0, false },
};
constexpr int MaxTypeId = 70;

// Scenario kinds: one planned scenario yields one to three events.
enum Kind : quint8 {
    KLocation, // 1
    KGprsLocation, // 2
    KSession, // 3 then 5
    KPdpRejected, // 3 by Policy Control
    KPurge, // 15
    KGprsPurge, // 16
    KGeneric, // 0
    KDeviceStatus, // 8, 9, 42, 43, 45, 50, 51
    KSimRegistration, // 48
    KQuota, // 18, 19, 20, 21, 56, 57, 58, 59, 60
    KQuotaConfig, // 52, 53, 54, 55
    KEndpointBlocked, // 11
    KOrgBlocked, // 12
    KUserAuth, // 6, 13, 14, 41, 46
    KOrgBilling, // 31, 32, 67
    KOpenVpn, // 30
    KCloudConnect, // 22, 23, 25
    KReseller, // 37, 40, 17, 36, 33, 34
    KOrder, // 38 then 39...
    KindCount
};

// Relative weights per scenario; sessions count twice in events. Roughly 35% location, 40% PDP.
constexpr double KindWeights[KindCount] = {
    0.19,
    0.17,
    0.19,
    0.015,
    0.02,
    0.02,
    0.005,
    0.03,
    0.002,
    0.03,
    0.004,
    0.006,
    0.0015,
    0.012,
    0.004,
    0.012,
    0.002,
    0.005,
    0.002,
};

struct Org
{
    EventRef ref;
    QString domain;
    bool reseller = false;
    std::vector<int> users;
    std::vector<int> devices;
    QString servicePrefix; // device name prefix
};

struct User
{
    EventUser user;
    int org = 0;
};

struct Device
{
    int org = 0;
    EventEndpoint endpoint;
    EventSim sim;
    EventImsi imsi;
    int homeOperator = 0;
    QString vlr; // global title of the visited MSC/VLR
    QString sgsn; // global title of the SGSN
    QString sgsnIp;
};

// One planned event: enough to rebuild the event later, in time order. 24 bytes.
struct Planned
{
    qint64 ts;
    quint32 serial; // scenario number: seeds the scenario's shared fields (session, order)
    quint32 actor; // device or user index, by kind
    quint32 aux; // order number, follow-up data
    quint8 kind;
    quint8 step; // position in the scenario
    quint8 variant; // type or outcome choice
    quint8 pad = 0;
};

class Builder
{
public:
    Builder(quint64 seed, qint64 nowMs);
    void plan(qsizetype count);
    void emit(const std::function<void(Event &&)> &sink);

private:
    void buildAccount();
    void addScenario(int kind, qint64 start, bool mustFit, int forcedVariant);
    void push(qint64 ts, quint32 serial, quint32 actor, quint32 aux, int kind, int step, int variant);
    Event materialise(const Planned &p);

    void setType(Event &e, int typeId) const;
    void setDevice(Event &e, int device, bool withUser, Rng &rng) const;
    void setUser(Event &e, int user) const;
    int randomUserOf(int org, Rng &rng) const;
    int randomCustomerUser(Rng &rng) const;
    int randomResellerUser(Rng &rng) const;

    void fillLocation(Event &e, const Planned &p, Rng &rng) const;
    void fillSession(Event &e, const Planned &p) const;
    void fillDeviceStatus(Event &e, const Planned &p, Rng &rng) const;
    void fillQuota(Event &e, const Planned &p, Rng &rng) const;
    void fillUserAuth(Event &e, const Planned &p, Rng &rng) const;
    void fillOrgBilling(Event &e, const Planned &p, Rng &rng) const;
    void fillCloud(Event &e, const Planned &p, Rng &rng) const;
    void fillReseller(Event &e, const Planned &p, Rng &rng) const;
    void fillOrder(Event &e, const Planned &p, Rng &rng) const;

    quint64 m_seed;
    qint64 m_nowMs;
    qsizetype m_count = 0;
    Rng m_rng;
    std::vector<Org> m_orgs; // [0] is the reseller
    std::vector<User> m_users;
    std::vector<Device> m_devices;
    std::array<EventRef, MaxTypeId> m_typeRefs;
    std::array<int, MaxTypeId> m_typeSpec;
    EventRef m_sources[3];
    EventRef m_severities[3];
    std::vector<QByteArray> m_locationDetails;
    std::vector<QByteArray> m_countryJson;
    QString m_pdpDeleted = QStringLiteral("PDP Context deleted.");
    std::vector<Planned> m_plan;
    quint32 m_serial = 0;
    quint32 m_orders = 0;
    qint64 m_orderBase = 0;

public:
    bool m_everyOrderState = false; // AccountGenerator::OrderStates::Every
    void addEveryStateOrder(quint32 serial, Rng &rng, bool mustFit, int forcedOutcome);
};

Builder::Builder(quint64 seed, qint64 nowMs)
    : m_seed(seed)
    , m_nowMs(nowMs)
    , m_rng(mix(seed, 1))
{
    m_typeSpec.fill(-1);
    for (int i = 0; i < int(std::size(Types)); ++i) {
        m_typeRefs[size_t(Types[i].id)] = EventRef { Types[i].id, QString::fromLatin1(Types[i].name) };
        m_typeSpec[size_t(Types[i].id)] = i;
    }
    for (int id = 0; id < 3; ++id) {
        m_sources[size_t(id)] = { id, EventTypeCatalogue::sourceName(id) };
        m_severities[size_t(id)] = { id, EventTypeCatalogue::severityName(id) };
    }
    for (const Operator &op : Operators) {
        m_locationDetails.push_back(locationDetail(op));
        m_countryJson.push_back(countryJson(op));
    }
    buildAccount();
}

void Builder::buildAccount()
{
    static const char16_t *const orgNames[]
        = { u"Acme Logistics GmbH", u"Blue Harbor Fleet Ltd.", u"Cervantes Agritech S.L.",
              u"Delta Smart Metering B.V.", u"Elbe Cold Chain AG", u"Fjord Marine Sensors AS",
              u"Gotham Parking Systems Inc.", u"Helios Solar Monitoring", u"Müller Fahrzeugtechnik GmbH",
              u"Société des Capteurs Connectés", u"Kestrel E-Scooters", u"Lumen Streetlight Co." };
    static const char *const devicePrefixes[] = { "Truck", "Meter", "Cooler", "Buoy", "Gate", "Inverter",
        "Tracker", "Kühlbox", "Scooter", "Lamp", "Pump", "Vending" };
    static const char16_t *const firstNames[]
        = { u"Anna", u"Ben", u"Chloé", u"David", u"Elif", u"Farid", u"Greta", u"Hiroshi", u"Inés", u"Jürgen",
              u"Kasia", u"Lars", u"María", u"Noah", u"Olga", u"Pierre", u"Zoë", u"Łukasz" };
    static const char16_t *const lastNames[] = { u"Schmidt", u"O'Connor", u"Dubois", u"García", u"Rossi",
        u"Jansen", u"Nowak", u"Müller", u"Tanaka", u"Smith", u"Andersson", u"Yılmaz", u"Núñez", u"Weiß" };
    static const char *const tagSets[] = { "fleet", "fleet,eu", "pilot", "production", "production,critical",
        "warehouse-3", "roaming,test", "customer \"A\"" };

    auto asciiFold = [](const QString &s) {
        QString folded = s.normalized(QString::NormalizationForm_D);
        QString out;
        for (QChar c : std::as_const(folded)) {
            if (c == u'ł' || c == u'Ł')
                out += u'l';
            else if (c == u'ß')
                out += QStringLiteral("ss");
            else if (c == u'ı')
                out += u'i';
            else if (c.unicode() < 0x80 && (c.isLetterOrNumber()))
                out += c.toLower();
        }
        return out;
    };

    // The reseller organisation and its customers; distinct ids.
    const int customers = int(m_rng.range(4, 8));
    std::vector<int> nameIndex(std::size(orgNames));
    for (size_t i = 0; i < nameIndex.size(); ++i)
        nameIndex[i] = int(i);
    for (size_t i = nameIndex.size() - 1; i > 0; --i)
        std::swap(nameIndex[i], nameIndex[m_rng.below(i + 1)]);
    qint64 orgId = m_rng.range(10000, 60000);
    Org reseller;
    reseller.ref = { orgId, QStringLiteral("Northwind IoT Reseller") };
    reseller.domain = QStringLiteral("northwind-iot.example");
    reseller.reseller = true;
    m_orgs.push_back(reseller);
    for (int i = 0; i < customers; ++i) {
        orgId += m_rng.range(7, 4000);
        Org org;
        const QString name = QString::fromUtf16(orgNames[nameIndex[size_t(i)]]);
        org.ref = { orgId, name };
        org.domain = asciiFold(name.section(u' ', 0, 0)) + QStringLiteral(".example");
        org.servicePrefix = QString::fromUtf8(devicePrefixes[nameIndex[size_t(i)]]);
        m_orgs.push_back(org);
    }

    // Users: 2-5 per organisation.
    qint64 userId = m_rng.range(100000, 400000);
    for (int o = 0; o < int(m_orgs.size()); ++o) {
        const int n = int(m_rng.range(2, 5));
        for (int k = 0; k < n; ++k) {
            userId += m_rng.range(1, 5000);
            const QString first = QString::fromUtf16(m_rng.pick(firstNames));
            const QString last = QString::fromUtf16(m_rng.pick(lastNames));
            User u;
            u.org = o;
            u.user.id = userId;
            u.user.name = first + u' ' + last;
            u.user.username = asciiFold(first) + u'.' + asciiFold(last) + u'@' + m_orgs[size_t(o)].domain;
            m_orgs[size_t(o)].users.push_back(int(m_users.size()));
            m_users.push_back(std::move(u));
        }
    }

    // A few thousand devices, each with its SIM and IMSI; customers have different fleet sizes.
    const int deviceCount = int(m_rng.range(2000, 4000));
    std::vector<double> share(static_cast<size_t>(customers));
    double total = 0;
    for (double &s : share) {
        s = 0.2 + m_rng.unit();
        total += s;
    }
    qint64 endpointId = m_rng.range(5000000, 9000000);
    qint64 simId = m_rng.range(600000, 2000000);
    qint64 imsiId = m_rng.range(200000, 900000);
    const qint64 iccidBase = 8988303000000000000LL + m_rng.range(0, 99999) * 10000LL;
    const qint64 imsiBase = 295050900000000LL + m_rng.range(0, 9999) * 1000LL;
    std::vector<int> deviceNumbers(m_orgs.size(), 0);
    for (int d = 0; d < deviceCount; ++d) {
        double pickAt = m_rng.unit() * total;
        int c = 0;
        while (c + 1 < customers && pickAt >= share[size_t(c)]) {
            pickAt -= share[size_t(c)];
            ++c;
        }
        const int org = c + 1;
        Device dev;
        dev.org = org;
        endpointId += m_rng.range(1, 300);
        simId += m_rng.range(1, 40);
        imsiId += m_rng.range(1, 40);
        dev.endpoint.id = endpointId;
        dev.endpoint.name = m_orgs[size_t(org)].servicePrefix
            + QStringLiteral(" %1").arg(++deviceNumbers[size_t(org)], 4, 10, QLatin1Char('0'));
        dev.endpoint.ipAddress
            = QStringLiteral("10.%1.%2.%3").arg(176 + d / 65024).arg((d / 254) % 256).arg(1 + d % 254);
        dev.endpoint.imei = QStringLiteral("35") + digits(m_rng, 13);
        if (!m_rng.chance(0.45))
            dev.endpoint.tags = QString::fromUtf8(m_rng.pick(tagSets));
        const qint64 production
            = m_nowMs - m_rng.range(120, 900) * IsoTime::DayMs - m_rng.range(0, IsoTime::DayMs / 1000) * 1000;
        dev.sim.id = simId;
        dev.sim.iccid = QString::number(iccidBase + d * 7 + m_rng.range(0, 6));
        dev.sim.productionDate = isoMs(production);
        dev.imsi.id = imsiId;
        dev.imsi.imsi = QString::number(imsiBase + d * 3 + m_rng.range(0, 2));
        dev.imsi.importDate = isoMs(production + m_rng.range(1, 30) * IsoTime::DayMs);
        dev.homeOperator = int(m_rng.below(OperatorCount));
        dev.vlr = QString::fromLatin1(Operators[dev.homeOperator].countryCode) + digits(m_rng, 10);
        dev.sgsn = digits(m_rng, 15);
        dev.sgsnIp = ipv4(m_rng, 213);
        m_orgs[size_t(org)].devices.push_back(int(m_devices.size()));
        m_devices.push_back(std::move(dev));
    }
    m_orderBase = m_rng.range(16000000, 17000000);
}

void Builder::push(qint64 ts, quint32 serial, quint32 actor, quint32 aux, int kind, int step, int variant)
{
    m_plan.push_back(Planned { ts, serial, actor, aux, quint8(kind), quint8(step), quint8(variant) });
}

// Plans one scenario starting at `start`. Follow-up events that would fall after "now" are left
// out (the session is still open, the order not yet shipped), and so are events past `count`.
void Builder::addScenario(int kind, qint64 start, bool mustFit, int forcedVariant)
{
    const quint32 serial = m_serial++;
    Rng rng(mix(m_seed, serial + 0x5000000000ULL));
    auto room = [&]() { return qsizetype(m_plan.size()) < m_count; };
    auto fits = [&](qint64 ts) { return ts < m_nowMs && room(); };
    const int variant = forcedVariant >= 0 ? forcedVariant : int(rng.below(256));
    quint32 actor = 0;
    switch (kind) {
    case KUserAuth:
    case KOrgBilling:
    case KOpenVpn:
    case KCloudConnect:
    case KReseller:
    case KOrder:
    case KQuotaConfig:
    case KOrgBlocked:
    case KSimRegistration:
        actor = quint32(rng.below(m_users.size()));
        break;
    default:
        actor = quint32(rng.below(m_devices.size()));
    }
    if (kind == KSession) {
        push(start, serial, actor, 0, kind, 0, variant);
        const qint64 end = start + rng.range(20, 4 * 3600) * 1000 + rng.range(0, 999);
        if (fits(end))
            push(end, serial, actor, 0, kind, 1, variant);
        return;
    }
    if (kind == KOrder && m_everyOrderState) {
        addEveryStateOrder(serial, rng, mustFit, forcedVariant);
        return;
    }
    if (kind == KOrder) {
        const quint32 order = m_orders++;
        // Orders come from customer organisations.
        actor = quint32(randomCustomerUser(rng));
        push(start, serial, actor, order, kind, 0, 0);
        const int outcome = forcedVariant >= 0 ? forcedVariant : int(rng.below(100));
        qint64 t = start;
        if (outcome < 15) { // canceled before payment
            t += rng.range(3600, 2 * 86400) * 1000LL + rng.range(0, 999);
            if (fits(t) || (mustFit && room()))
                push(
                    std::min(t, m_nowMs - 1), serial, actor, order, kind, 1, AccountGenerator::OrderCanceled);
            return;
        }
        t += rng.range(600, 6 * 3600) * 1000LL + rng.range(0, 999);
        if (!(fits(t) || (mustFit && room())))
            return;
        push(std::min(t, m_nowMs - 1), serial, actor, order, kind, 1, AccountGenerator::OrderPaid);
        if (outcome < 25) // paid, waits for shipping
            return;
        t += rng.range(4 * 3600, 3 * 86400) * 1000LL + rng.range(0, 999);
        if (fits(t) || (mustFit && room()))
            push(std::min(t, m_nowMs - 1), serial, actor, order, kind, 2, AccountGenerator::OrderShipped);
        return;
    }
    push(start, serial, actor, 0, kind, 0, variant);
}

// Orders in every state an account manager meets, with realistic timing: paid hours after the
// submit, shipped days after payment; some canceled (before or after payment), some never paid,
// some shipped twice (a corrected tracking reference), some submitted before the 30-day window so
// that only their updates are in range.
void Builder::addEveryStateOrder(quint32 serial, Rng &rng, bool mustFit, int forcedOutcome)
{
    const qint64 windowStart = m_nowMs - WindowMs;
    const quint32 order = m_orders++;
    const quint32 actor = quint32(randomCustomerUser(rng));
    const int outcome = forcedOutcome >= 0 ? forcedOutcome : int(rng.below(100));
    qint64 t = outcome >= 40 && outcome < 47 ? windowStart - rng.range(3600, 3 * 86400) * 1000LL // old submit
                                             : windowStart + rng.range(0, WindowMs / 1000 - 1) * 1000LL;
    auto room = [&]() { return qsizetype(m_plan.size()) < m_count; };
    int step = 0;
    // Events before the window are not in the account (older than what the API keeps here).
    auto add = [&](qint64 ts, int status) {
        if (ts >= m_nowMs && !(mustFit && step > 0))
            return false;
        if (!room())
            return false;
        if (ts >= windowStart)
            push(std::min(ts, m_nowMs - 1), serial, actor, order, KOrder, step, status);
        ++step;
        return true;
    };
    if (!add(t, 0))
        return;
    if (outcome < 12) { // canceled before payment
        add(t + rng.range(3600, 2 * 86400) * 1000LL + rng.range(0, 999), AccountGenerator::OrderCanceled);
        return;
    }
    if (outcome < 20) // never paid (some for more than a week)
        return;
    t += rng.range(3600, 8 * 3600) * 1000LL + rng.range(0, 999); // paid hours later
    if (!add(t, AccountGenerator::OrderPaid) || outcome < 28) // paid, waits for shipping
        return;
    if (outcome < 33) { // canceled after payment
        add(t + rng.range(86400, 3 * 86400) * 1000LL, AccountGenerator::OrderCanceled);
        return;
    }
    t += rng.range(86400, 4 * 86400) * 1000LL + rng.range(0, 999); // shipped days later
    if (!add(t, AccountGenerator::OrderShipped) || outcome >= 40)
        return;
    // A second "Shipped" update: the tracking reference corrected hours later.
    add(t + rng.range(2 * 3600, 30 * 3600) * 1000LL, AccountGenerator::OrderShipped);
}

int Builder::randomUserOf(int org, Rng &rng) const
{
    const std::vector<int> &users = m_orgs[size_t(org)].users;
    return users[rng.below(users.size())];
}

int Builder::randomCustomerUser(Rng &rng) const
{
    return randomUserOf(1 + int(rng.below(m_orgs.size() - 1)), rng);
}

int Builder::randomResellerUser(Rng &rng) const { return randomUserOf(0, rng); }

void Builder::plan(qsizetype count)
{
    m_count = count;
    m_plan.reserve(size_t(count));
    const qint64 windowStart = m_nowMs - WindowMs;

    // Every type at least once (when there is room), and one order per outcome with its whole
    // lifecycle inside the window: so even small accounts show the full mix.
    if (count >= 200) {
        struct Must
        {
            int kind;
            int variants;
        };
        static constexpr Must must[] = { { KLocation, 1 }, { KGprsLocation, 1 }, { KSession, 1 },
            { KPdpRejected, 1 }, { KPurge, 1 }, { KGprsPurge, 1 }, { KGeneric, 1 }, { KDeviceStatus, 8 },
            { KSimRegistration, 1 }, { KQuota, 9 }, { KQuotaConfig, 4 }, { KEndpointBlocked, 1 },
            { KOrgBlocked, 1 }, { KUserAuth, 5 }, { KOrgBilling, 3 }, { KOpenVpn, 1 }, { KCloudConnect, 3 },
            { KReseller, 6 } };
        for (const Must &m : must) {
            for (int v = 0; v < m.variants; ++v)
                addScenario(m.kind, windowStart + m_rng.range(0, WindowMs - 5 * IsoTime::DayMs), true,
                    m.variants > 1 ? v : -1);
        }
        for (int outcome : { 5, 20, 50 }) // canceled, paid, shipped
            addScenario(KOrder, windowStart + m_rng.range(0, WindowMs - 5 * IsoTime::DayMs), true, outcome);
        if (m_everyOrderState) { // and one of each further state
            for (int outcome : { 15, 25, 30, 35, 42 })
                addScenario(KOrder, 0, true, outcome);
        }
    }

    double cumulative[KindCount];
    double total = 0;
    for (int k = 0; k < KindCount; ++k) {
        total += KindWeights[k];
        cumulative[k] = total;
    }
    while (qsizetype(m_plan.size()) < count) {
        const double x = m_rng.unit() * total;
        int kind = 0;
        while (kind + 1 < KindCount && x >= cumulative[kind])
            ++kind;
        addScenario(kind, windowStart + m_rng.range(0, WindowMs - 1), false, -1);
    }
    // Time order; scenario order breaks ties so that the result never depends on the sort.
    std::sort(m_plan.begin(), m_plan.end(), [](const Planned &a, const Planned &b) {
        if (a.ts != b.ts)
            return a.ts < b.ts;
        if (a.serial != b.serial)
            return a.serial < b.serial;
        return a.step < b.step;
    });
}

void Builder::emit(const std::function<void(Event &&)> &sink)
{
    // Ids: 15 digits, strictly increasing with time, with the gaps a shared id space leaves.
    qint64 id = 100000000000000LL + m_rng.range(0, 200000000000000LL);
    for (const Planned &p : m_plan) {
        id += m_rng.range(1, 2000000);
        Event e = materialise(p);
        e.id = id;
        e.timestampMs = p.ts;
        sink(std::move(e));
    }
    m_plan = {};
}

void Builder::setType(Event &e, int typeId) const
{
    const TypeSpec &spec = Types[m_typeSpec[size_t(typeId)]];
    e.type = m_typeRefs[size_t(typeId)];
    e.source = m_sources[spec.source];
    e.severity = m_severities[spec.severity];
    e.alert = spec.alert;
}

void Builder::setDevice(Event &e, int device, bool withUser, Rng &rng) const
{
    const Device &d = m_devices[size_t(device)];
    e.organisation = m_orgs[size_t(d.org)].ref;
    e.endpoint = d.endpoint;
    e.sim = d.sim;
    e.imsi = d.imsi;
    // API actions by a person carry the user; those with an application token do not.
    if (withUser && rng.chance(0.6))
        setUser(e, randomUserOf(d.org, rng));
}

void Builder::setUser(Event &e, int user) const { e.user = m_users[size_t(user)].user; }

Event Builder::materialise(const Planned &p)
{
    Event e;
    Rng rng(mix(m_seed ^ 0xabcdefULL, (quint64(p.serial) << 8) | p.step));
    switch (p.kind) {
    case KLocation:
    case KGprsLocation:
    case KPurge:
    case KGprsPurge:
        fillLocation(e, p, rng);
        break;
    case KSession:
        fillSession(e, p);
        break;
    case KPdpRejected: {
        static const char *const reasons[]
            = { "PDP Context Request rejected, because data service disabled in service profile.",
                  "PDP Context Request rejected, because endpoint has no quota.",
                  "PDP Context Request rejected, because quota volume of endpoint is exhausted and defined "
                  "action is to block data traffic.",
                  "PDP Context Request rejected, because SIM is not activated." };
        setType(e, 3);
        e.source = m_sources[1];
        e.severity = m_severities[1];
        e.alert = true;
        setDevice(e, int(p.actor), false, rng);
        e.description = QString::fromLatin1(reasons[p.variant % 4]);
        break;
    }
    case KGeneric:
        setType(e, 0);
        setDevice(e, int(p.actor), false, rng);
        e.description = p.variant % 2
            ? QStringLiteral("Disconnecting data access for endpoint to apply throttling action.")
            : QStringLiteral("Disconnecting data access for endpoint, because quota has been updated.");
        break;
    case KDeviceStatus:
    case KSimRegistration:
        fillDeviceStatus(e, p, rng);
        break;
    case KQuota:
    case KQuotaConfig:
        fillQuota(e, p, rng);
        break;
    case KEndpointBlocked:
        setType(e, 11);
        setDevice(e, int(p.actor), false, rng);
        e.description = QStringLiteral("Blocking data access for endpoint, traffic limit exceeded.");
        break;
    case KOrgBlocked:
        setType(e, 12);
        e.organisation = m_orgs[size_t(m_users[p.actor].org)].ref;
        e.description = p.variant % 2
            ? QStringLiteral("Blocking services for organisation, because of insufficient prepaid balance.")
            : QStringLiteral("Blocking services for organisation, because monthly cost limit exceeded.");
        e.detailJson = "null"; // as in the docs example
        break;
    case KUserAuth:
        fillUserAuth(e, p, rng);
        break;
    case KOrgBilling:
        fillOrgBilling(e, p, rng);
        break;
    case KOpenVpn:
    case KCloudConnect:
        fillCloud(e, p, rng);
        break;
    case KReseller:
        fillReseller(e, p, rng);
        break;
    case KOrder:
        fillOrder(e, p, rng);
        break;
    }
    return e;
}

void Builder::fillLocation(Event &e, const Planned &p, Rng &rng) const
{
    const Device &d = m_devices[p.actor];
    setDevice(e, int(p.actor), false, rng);
    // Mostly the home network; sometimes roaming on another one.
    const int op = rng.chance(0.85) ? d.homeOperator : int(rng.below(OperatorCount));
    const QString &imsi = d.imsi.imsi;
    switch (p.kind) {
    case KLocation:
        setType(e, 1);
        e.description = QStringLiteral("New location received from VLR for IMSI='") + imsi
            + QStringLiteral("', now attached to VLR='")
            + (op == d.homeOperator ? d.vlr
                                    : QString::fromLatin1(Operators[op].countryCode) + digits(rng, 10))
            + QStringLiteral("'.");
        e.detailJson = m_locationDetails[size_t(op)];
        break;
    case KGprsLocation:
        setType(e, 2);
        e.description = QStringLiteral("New location received from SGSN for IMSI='") + imsi
            + QStringLiteral("', now attached to SGSN='") + d.sgsn + QStringLiteral("', IP='") + d.sgsnIp
            + QStringLiteral("'.");
        e.detailJson = m_locationDetails[size_t(op)];
        break;
    case KPurge:
        setType(e, 15);
        e.description = QStringLiteral("VLR location information has been purged for IMSI='") + imsi
            + QStringLiteral("'.");
        break;
    default:
        setType(e, 16);
        e.description = QStringLiteral("SGSN location information has been purged for IMSI='") + imsi
            + QStringLiteral("'.");
    }
}

// Create (step 0) and Delete (step 1) PDP Context of one session share every session field: both
// are rebuilt from the scenario serial.
void Builder::fillSession(Event &e, const Planned &p) const
{
    Rng s(mix(m_seed ^ 0x5e5510ULL, p.serial));
    const Device &d = m_devices[p.actor];
    setDevice(e, int(p.actor), false, s);
    const int opIndex = s.chance(0.85) ? d.homeOperator : int(s.below(OperatorCount));
    const Operator &op = Operators[opIndex];
    const QString ggsnCp = ipv4(s, 60 + int(s.below(40)));
    const QString sgsnCp = ipv4(s, 117);
    char uuid[40];
    const quint64 u1 = s.next(), u2 = s.next();
    std::snprintf(uuid, sizeof uuid, "%08x-%04x-4%03x-%x%03x-%012llx", unsigned(u1 >> 32),
        unsigned((u1 >> 16) & 0xffff), unsigned(u1 & 0xfff), unsigned(8 + (u2 >> 62)),
        unsigned((u2 >> 48) & 0xfff), (unsigned long long)(u2 & 0xffffffffffffULL));
    const qint64 created = p.step == 0 ? p.ts : p.ts - 1; // the tunnel creation second
    const int ratType = s.chance(0.6) ? 2 : (s.chance(0.5) ? 1 : 6);
    const bool breakout = s.chance(0.3);

    QByteArray &o = e.detailJson;
    o.reserve(1100);
    appendRaw(o, "{\"country\":");
    o += m_countryJson[size_t(opIndex)];
    if (p.step == 1) {
        Rng v(mix(m_seed ^ 0x701ULL, p.serial));
        const double rx = double(v.range(1, 20000000)) / 1e6 * (v.chance(0.1) ? 50 : 1);
        const double tx = double(v.range(1, 8000000)) / 1e6;
        appendRaw(o, ",\"volume\":{\"total\":");
        o += QByteArray::number(rx + tx, 'f', 6);
        appendRaw(o, ",\"rx\":");
        o += QByteArray::number(rx, 'f', 6);
        appendRaw(o, ",\"tx\":");
        o += QByteArray::number(tx, 'f', 6);
        o += '}';
    }
    appendRaw(o, ",\"id\":");
    appendNumber(o, op.id);
    appendRaw(o, ",\"session_id\":\"");
    appendRaw(o, uuid);
    appendRaw(o, "\",\"pdp_context\":{\"breakout_ip\":");
    if (breakout)
        appendQuoted(o, ipv4(s, 97));
    else
        appendRaw(o, "null");
    appendRaw(o, ",\"rac\":null,\"sgsn_control_plane_ip_address\":");
    appendQuoted(o, sgsnCp);
    appendRaw(o, ",\"rat_type\":");
    appendNumber(o, ratType);
    appendRaw(o, ",\"tx_teid_data_plane\":");
    appendNumber(o, qint64(s.below(1u << 30)));
    appendRaw(o, ",\"region\":\"eu-west-1\",\"apn\":\"em\",\"tx_teid_control_plane\":");
    appendNumber(o, qint64(s.below(1u << 30)));
    appendRaw(o, ",\"tunnel_created\":\"");
    EventJson::appendTimestamp(o, created);
    o.chop(5); // "YYYY-MM-DDTHH:MM:SS" as in the docs: no ms, no zone
    appendRaw(o, "\",\"ggsn_data_plane_ip_address\":");
    appendQuoted(o, ipv4(s, 150));
    appendRaw(o, ",\"sgsn_data_plane_ip_address\":");
    appendQuoted(o, ipv4(s, 223));
    appendRaw(o, ",\"rx_teid\":");
    appendNumber(o, qint64(s.below(1u << 27)));
    appendRaw(o, ",\"ci\":");
    appendNumber(o, s.range(1000, 65000));
    appendRaw(o, ",\"imsi\":");
    appendQuoted(o, d.imsi.imsi);
    appendRaw(o, ",\"lac\":");
    appendNumber(o, s.range(100, 9999));
    appendRaw(o, ",\"mcc\":\"");
    appendRaw(o, op.mcc);
    appendRaw(o, "\",\"sac\":null,\"ggsn_control_plane_ip_address\":");
    appendQuoted(o, ggsnCp);
    appendRaw(o, ",\"mnc\":\"");
    appendRaw(o, op.mnc);
    appendRaw(o, "\",\"nsapi\":5,\"ue_ip_address\":");
    appendQuoted(o, d.endpoint.ipAddress);
    appendRaw(o, ",\"imeisv\":\"");
    o += QStringView(d.endpoint.imei).left(14).toLatin1();
    appendNumber(o, s.range(10, 99));
    appendRaw(o, "\",\"pdp_context_id\":");
    appendNumber(o, s.range(10000000, 99999999));
    appendRaw(o, ",\"gtp_version\":1,\"operator_id\":\"");
    appendNumber(o, op.id);
    appendRaw(
        o, "\",\"tariff_profile_id\":\"395978\",\"ratezone_id\":\"8178\",\"tariff_id\":\"555\"},\"name\":");
    appendQuoted(o, QString::fromUtf8(op.name));
    o += '}';
    if (p.step == 0) {
        setType(e, 3);
        e.description = QStringLiteral("New PDP Context successfully activated with SGSN CP=") + ggsnCp
            + QStringLiteral(", DP=") + sgsnCp + u'.';
    } else {
        setType(e, 5);
        e.description = m_pdpDeleted;
    }
}

void Builder::fillDeviceStatus(Event &e, const Planned &p, Rng &rng) const
{
    if (p.kind == KSimRegistration) {
        const User &u = m_users[p.actor];
        setType(e, 48);
        e.organisation = m_orgs[size_t(u.org)].ref;
        setUser(e, int(p.actor));
        const Device &d = m_devices[rng.below(m_devices.size())];
        const int batch = int(rng.range(1, 500));
        e.sim = d.sim;
        e.description = QStringLiteral("Batch of %1 SIM(s) registered.").arg(batch);
        const QString last = QString::number(d.sim.iccid.toLongLong() + batch - 1);
        e.detailJson = "{\"sim_batch\":{\"id\":" + num(rng.range(50000, 60000))
            + ",\"sim_model\":{\"id\":" + num(rng.range(1, 12)) + "},\"batch_size\":" + num(qint64(batch))
            + ",\"first_iccid\":" + jsonString(d.sim.iccid) + ",\"last_iccid\":" + jsonString(last) + "}}";
        return;
    }
    const Device &d = m_devices[p.actor];
    static const int types[] = { 8, 9, 42, 43, 45, 50, 51, 8 };
    const int type = types[p.variant % 8];
    setType(e, type);
    setDevice(e, int(p.actor), true, rng);
    switch (type) {
    case 8:
        if (p.variant % 8 == 7) { // by Policy Control after the factory test volume
            e.source = m_sources[1];
            e.user.reset();
            e.description = QStringLiteral("SIM activated after factory test volume reached.");
            e.detailJson = "{\"transition\":{\"sim\":{\"status\":{\"from\":{\"id\":4,\"description\":"
                           "\"FACTORY TEST\"},"
                           "\"to\":{\"id\":1,\"description\":\"ACTIVATED\"}}},\"reason\":\"SIM reached "
                           "factory test volume.\"}}";
        } else {
            e.description = QStringLiteral("Status of SIM changed from 'Suspended' to 'Activated'");
        }
        break;
    case 9:
        e.description = QStringLiteral("Status of SIM changed from 'Activated' to 'Suspended'");
        break;
    case 42:
        e.description = QStringLiteral("Status of Endpoint %1 changed to Enabled").arg(d.endpoint.id);
        break;
    case 43:
        e.description = QStringLiteral("Status of Endpoint %1 changed to Disabled").arg(d.endpoint.id);
        break;
    case 45:
        e.description = QStringLiteral("Status of SIM changed from 'Issued' to 'Factory Test'");
        break;
    case 50:
        e.description = QStringLiteral("SIM %1 released from endpoint %2").arg(d.sim.id).arg(d.endpoint.id);
        break;
    default:
        e.description = QStringLiteral("SIM %1 assigned to endpoint %2").arg(d.sim.id).arg(d.endpoint.id);
        e.detailJson = "{\"imei\":" + jsonString(d.endpoint.imei) + '}';
    }
}

void Builder::fillQuota(Event &e, const Planned &p, Rng &rng) const
{
    if (p.kind == KQuotaConfig) {
        static const int types[] = { 52, 53, 54, 55 };
        const int type = types[p.variant % 4];
        const User &u = m_users[p.actor];
        setType(e, type);
        e.organisation = m_orgs[size_t(u.org)].ref;
        if (rng.chance(0.5))
            setUser(e, int(p.actor));
        const QString profile = QStringLiteral("(id = %1 - %2 Service Profile)")
                                    .arg(rng.range(90000, 99999))
                                    .arg(m_orgs[size_t(u.org)].servicePrefix);
        switch (type) {
        case 52:
            e.description = QStringLiteral("Data quota management enabled for service profile ") + profile
                + QStringLiteral(", endpoints of this service profile without an active data quota will be "
                                 "throttled or blocked from data service.");
            break;
        case 53:
            e.description
                = QStringLiteral("Data quota management disabled for service profile ") + profile + u'.';
            break;
        case 54:
            e.description = QStringLiteral("SMS quota management enabled for service profile ") + profile
                + QStringLiteral(", endpoints of this service profile without an active SMS quota will be "
                                 "blocked from SMS service.");
            break;
        default:
            e.description
                = QStringLiteral("SMS quota management disabled for service profile ") + profile + u'.';
        }
        return;
    }
    static const int types[] = { 18, 19, 20, 21, 56, 57, 58, 59, 60 };
    const int type = types[p.variant % 9];
    setType(e, type);
    setDevice(e, int(p.actor), type >= 56 && type <= 59, rng);
    const int percentage = rng.chance(0.5) ? 80 : 50;
    // The docs show the remaining volume sometimes as a string ("1.000000").
    const QByteArray usedUp = rng.chance(0.5) ? QByteArray("\"1.000000\"") : QByteArray("0");
    switch (type) {
    case 18:
        e.description
            = QStringLiteral("Endpoint quota threshold reached, volume is below %1%.").arg(percentage);
        e.detailJson = "{\"quota\":{\"threshold_percentage\":" + num(qint64(percentage))
            + ",\"threshold_volume\":" + num(percentage / 100.0, 1)
            + ",\"volume\":" + num(rng.unit() * percentage / 100.0, 6) + "}}";
        break;
    case 19:
        e.description
            = QStringLiteral("Quota volume is completely used up and data access denied for endpoint.");
        e.detailJson = "{\"quota\":{\"threshold_percentage\":" + num(qint64(percentage))
            + ",\"threshold_volume\":" + num(percentage / 100.0, 1) + ",\"volume\":" + usedUp + "}}";
        break;
    case 20:
        e.description = QStringLiteral("SMS quota threshold reached, volume is below %1%.").arg(percentage);
        e.detailJson = "{\"quota\":{\"volume\":" + num(rng.range(0, 4))
            + ",\"threshold_percentage\":" + num(qint64(percentage))
            + ",\"threshold_volume\":5,\"traffic_type\":{\"id\":6,\"description\":\"SMS\"}}}";
        break;
    case 21:
        e.description
            = QStringLiteral("SMS quota volume is completely used up and SMS access denied for endpoint.");
        e.detailJson = "{\"quota\":{\"volume\":" + usedUp
            + ",\"threshold_percentage\":" + num(qint64(percentage))
            + ",\"threshold_volume\":5,\"traffic_type\":{\"id\":6,\"description\":\"SMS\"}}}";
        break;
    case 56:
    case 58: {
        const bool sms = type == 58;
        const int volume = sms ? int(rng.range(1, 10)) * 10 : int(rng.range(1, 20)) * 50;
        const bool throttle = !sms && rng.chance(0.4);
        const qint64 expiry = (p.ts / IsoTime::DayMs + rng.range(5, 40)) * IsoTime::DayMs;
        const QByteArray expiryText = isoSeconds(expiry);
        e.description = sms
            ? QStringLiteral("SMS quota assigned with volume of %1 SMS without daily refill until %2.")
                  .arg(volume)
                  .arg(QString::fromLatin1(expiryText))
            : QStringLiteral("Data quota assigned with volume of %1 MB without daily refill until %2 and "
                             "action on exhaustion set to %3.")
                  .arg(QString::number(volume, 'f', 6), QString::fromLatin1(expiryText),
                      throttle ? QStringLiteral("throttling to a throughput of 128 kbit/s")
                               : QStringLiteral("blocking"));
        e.detailJson
            = "{\"quota\":{\"status\":{\"id\":1,\"description\":\"ACTIVE\"},\"action_on_exhaustion\":{\"id\":"
            + QByteArray(throttle ? "2,\"description\":\"Throttle\"" : "1,\"description\":\"Block\"")
            + ",\"peak_throughput\":128000},\"volume\":" + num(qint64(volume)) + ",\"expiryDate\":\""
            + expiryText + "\",\"lastVolumeAdded\":" + num(qint64(volume)) + ",\"lastStatusChangeDate\":\""
            + isoSeconds(p.ts) + "\",\"autoRefill\":false,\"thresholdPercentage\":10,\"thresholdVolume\":"
            + num(qint64(volume / 10)) + "}}";
        break;
    }
    case 57:
        e.description = QStringLiteral("Data quota deleted.");
        break;
    case 59:
        e.description = QStringLiteral("SMS quota deleted.");
        break;
    default:
        e.description = QStringLiteral("Data quota expired.");
    }
}

void Builder::fillUserAuth(Event &e, const Planned &p, Rng &rng) const
{
    static const int types[] = { 6, 13, 14, 41, 46 };
    const int type = types[p.variant % 5];
    const User &u = m_users[p.actor];
    setType(e, type);
    e.organisation = m_orgs[size_t(u.org)].ref;
    setUser(e, int(p.actor));
    const QString &login = u.user.username;
    switch (type) {
    case 6:
        e.description = QStringLiteral("Failed authentication request from '") + login
            + QStringLiteral("', Reason: Invalid password")
            + (rng.chance(0.2) ? QStringLiteral(". Too many failed authentication requests") : QString())
            + QStringLiteral(" from IP ") + ipv4(rng, 176) + QStringLiteral(", ") + ipv4(rng, 45);
        break;
    case 13:
        e.description = QStringLiteral("Support user support@emnify.com of organisation emnify GmbH "
                                       "generated a support token for user ")
            + login + QStringLiteral(" of organisation ") + e.organisation.name;
        e.detailJson = "{\"support_username\":\"support@emnify.com\",\"support_user_org\":{\"id\":2,\"name\":"
                       "\"emnify GmbH\"},\"target_username\":"
            + jsonString(login) + '}';
        break;
    case 14:
        e.description
            = QStringLiteral("MFA key with Id '%1' of Type 'Time-Based One-Time Password' %2 for user '%3'")
                  .arg(rng.range(100, 999))
                  .arg(rng.chance(0.5) ? QStringLiteral("deleted") : QStringLiteral("activated"), login);
        break;
    case 41:
        e.description = QStringLiteral("User '") + login + QStringLiteral("' verified successfully");
        break;
    default: {
        const qint64 deletedId = rng.range(100000, 999999);
        const QString deleted
            = QStringLiteral("former.user%1@").arg(deletedId % 1000) + m_orgs[size_t(u.org)].domain;
        e.description = QStringLiteral("User '") + deleted + QStringLiteral("' deleted");
        e.detailJson = "{\"user\":{\"id\":" + num(deletedId) + ",\"username\":" + jsonString(deleted) + "}}";
    }
    }
}

void Builder::fillOrgBilling(Event &e, const Planned &p, Rng &rng) const
{
    static const int types[] = { 31, 32, 67 };
    const int type = types[p.variant % 3];
    const User &u = m_users[p.actor];
    setType(e, type);
    e.organisation = m_orgs[size_t(u.org)].ref;
    switch (type) {
    case 31:
        e.description = QStringLiteral("Organisation data updated.");
        e.detailJson = "{\"changed_data\":[{\"name\":{\"old\":" + jsonString(e.organisation.name)
            + ",\"new\":" + jsonString(e.organisation.name)
            + "}},{\"verification_type_id\":{\"old\":\"null\",\"new\":\"1\"}},"
              "{\"verification\":{\"old\":\"null\",\"new\":\"DE"
            + num(rng.range(100000000, 999999999)) + "\"}}]}";
        break;
    case 32:
        setUser(e, int(p.actor));
        e.description = QStringLiteral("Billing config has been updated.");
        e.detailJson = "{\"billing_config\":{\"charging_model\":{\"id\":" + num(rng.range(0, 1))
            + "},\"payment_term\":{\"id\":" + num(rng.range(0, 2)) + "},\"vatin\":\"DE"
            + num(rng.range(100000000, 999999999)) + "\"}}";
        break;
    default: {
        // A reseller user switching into a customer workspace.
        const int reseller = randomResellerUser(rng);
        const Org &target = m_orgs[size_t(1 + rng.below(m_orgs.size() - 1))];
        setUser(e, reseller);
        e.organisation = target.ref;
        e.description = QStringLiteral("User with id: '%1', switched to workspace: %2")
                            .arg(m_users[size_t(reseller)].user.id)
                            .arg(target.ref.id);
    }
    }
}

void Builder::fillCloud(Event &e, const Planned &p, Rng &rng) const
{
    const User &u = m_users[p.actor];
    e.organisation = m_orgs[size_t(u.org)].ref;
    setUser(e, int(p.actor));
    if (p.kind == KOpenVpn) {
        setType(e, 30);
        e.description = QStringLiteral("OpenVPN client (re-)authenticated successfully");
        e.detailJson = "{\"region\":\"eu-west-1\",\"client\":{\"public_ip\":" + jsonString(ipv4(rng, 53))
            + ",\"version\":\"2.5." + num(rng.range(1, 9)) + "\",\"private_ip\":" + jsonString(ipv4(rng, 40))
            + "},\"protocol\":\"" + (rng.chance(0.8) ? "udp" : "tcp") + "\"}";
        // Like the docs example: an extra top-level "keen" object from the event pipeline.
        if (rng.chance(0.5)) {
            QByteArray stamp;
            EventJson::appendTimestamp(stamp, p.ts + rng.range(1000, 20000));
            e.extraJson = "{\"keen\":{\"timestamp\":\"" + stamp + "\",\"created_at\":\"" + stamp
                + "\",\"id\":\"" + QByteArray::number(rng.next() >> 4, 16).left(23) + "\"}}";
        }
        return;
    }
    static const int types[] = { 22, 23, 25 };
    const int type = types[p.variant % 3];
    setType(e, type);
    const qint64 breakout = rng.range(100, 999);
    const qint64 created = p.ts - (type == 22 ? 2000 : rng.range(60, 7 * 86400) * 1000LL);
    switch (type) {
    case 22:
        e.description = QStringLiteral("CloudConnect Transit Gateway Resource Share created");
        break;
    case 23:
        e.description = QStringLiteral("CloudConnect Transit Gateway breakout %1 is available").arg(breakout);
        break;
    default:
        e.description
            = QStringLiteral("CloudConnect Transit Gateway breakout %1 has been terminated").arg(breakout);
    }
    e.detailJson = "{\"username\":" + jsonString(u.user.username) + ",\"breakout_id\":" + num(breakout)
        + ",\"creation_date\":\"" + isoSeconds(created)
        + "\",\"deletion_date\":" + (type == 25 ? '"' + isoSeconds(p.ts) + '"' : QByteArray("null"))
        + ",\"region\":\"eu-west-1\",\"resource_share_name\":\"Cloud Native Connectivity: VPC and VPN of "
          "customers connected\","
          "\"breakout_type_id\":1,\"breakout_type\":\"Transit Gateway\",\"price\":149}";
}

void Builder::fillReseller(Event &e, const Planned &p, Rng &rng) const
{
    static const int types[] = { 37, 40, 17, 36, 33, 34 };
    const int type = types[p.variant % 6];
    const User &u = m_users[p.actor];
    setType(e, type);
    e.organisation = m_orgs[size_t(u.org)].ref;
    setUser(e, int(p.actor));
    // Drawn for every type, so that the other values stay what they were before tokens looked real.
    const quint64 tokenA = rng.next();
    const quint64 tokenB = rng.next();
    switch (type) {
    case 37:
        e.description = QStringLiteral("Password reset requested");
        e.detailJson = "{\"id\":" + num(u.user.id) + ",\"username\":" + jsonString(u.user.username)
            + ",\"name\":" + jsonString(u.user.name) + ",\"organisationId\":" + num(e.organisation.id)
            + ",\"activationKey\":\"" + linkToken(tokenA, tokenB, u.user.id, "password_reset", p.ts)
            + "\",\"sourceIp\":" + jsonString(ipv4(rng, 84)) + ",\"userAgent\":\""
            + (rng.chance(0.5) ? "Chrome" : "Firefox") + "\"}";
        break;
    case 40:
        e.description = QStringLiteral("Verification requested for user '") + u.user.username + u'\'';
        e.detailJson
            = "{\"token\":\"" + linkToken(tokenA, tokenB, u.user.id, "email_verification", p.ts) + "\"}";
        break;
    case 17:
        e.description = u.user.name + QStringLiteral(" (") + u.user.username
            + QStringLiteral(") has signed up with organisation name ") + e.organisation.name + u'.';
        break;
    case 36: {
        const qint64 invitedId = u.user.id + rng.range(1, 5000);
        const QString invited
            = QStringLiteral("new.colleague%1@").arg(invitedId % 100) + m_orgs[size_t(u.org)].domain;
        e.description = QStringLiteral("User invited");
        e.detailJson = "{\"id\":" + num(invitedId) + ",\"username\":" + jsonString(invited)
            + ",\"name\":\"New Colleague\",\"organisationId\":" + num(e.organisation.id)
            + ",\"activationKey\":\"" + linkToken(tokenA, tokenB, invitedId, "user_invitation", p.ts)
            + "\",\"userFederated\":false}";
        break;
    }
    case 33: {
        static const char *const plans[] = { "Standard EUR", "Enterprise EUR", "Starter USD" };
        const char *plan = plans[rng.below(3)];
        e.description = QStringLiteral("Tariff plan '%1' has been assigned.").arg(QLatin1String(plan));
        e.detailJson = "{\"tariff_plan\":{\"id\":" + num(rng.range(300, 320)) + ",\"name\":\"" + plan
            + "\",\"start_date\":\"" + isoSeconds(p.ts).left(19).replace('T', ' ')
            + "\",\"end_date\":null,\"evaluation\":false,\"expiry_time\":0,\"price\":{\"sim_activated_rate\":"
              "[{\"scale_start\":1,\"rate\":0.75},"
              "{\"scale_start\":100,\"rate\":0.65},{\"scale_start\":250,\"rate\":0.55},{\"scale_start\":500,"
              "\"rate\":0.45},"
              "{\"scale_start\":1000,\"rate\":0.4}]},\"rate\":0,\"yearly_rate\":0,\"currency\":{\"id\":1},"
              "\"service_level\":{\"id\":1}}}";
        break;
    }
    default: {
        static const char *const zones[] = { "EU28", "North America", "World 1" };
        const char *zone = zones[rng.below(3)];
        e.description = QStringLiteral("A new inclusive volume has been booked in ratezone '%1'.")
                            .arg(QLatin1String(zone));
        e.detailJson = "{\"inclusive_volume\":{\"ratezone_inclusive_volume_id\":\"" + num(rng.range(100, 200))
            + "\",\"volume\":0.25,\"cost\":\"0.020000\",\"excess_traffic\":0.1,\"pooled\":true,\"rate\":0.02,"
              "\"id\":"
            + num(rng.range(3000, 4000)) + ",\"start_date\":\"" + isoSeconds(p.ts).left(8)
            + "01 00:00:00\",\"end_date\":null,\"currency_id\":1,\"ratezone\":{\"id\":"
            + num(rng.range(3000, 3500)) + ",\"name\":\"" + zone + "\"}}}";
    }
    }
}

void Builder::fillOrder(Event &e, const Planned &p, Rng &rng) const
{
    const qint64 orderId = m_orderBase + qint64(p.aux) * 17 + qint64(mix(m_seed, p.aux) % 13);
    const User &submitter = m_users[p.actor];
    e.organisation = m_orgs[size_t(submitter.org)].ref;
    if (p.step == 0) {
        setType(e, 38);
        setUser(e, int(p.actor));
        e.description = QStringLiteral("New SIM order has been submitted");
        e.detailJson = "{\"id\":" + num(orderId) + ",\"location\":\"/api/v1/order/" + num(orderId) + "\"}";
        return;
    }
    setType(e, 39);
    e.description = QStringLiteral("SIM order has been updated");
    // Payment is confirmed automatically (no user); the reseller ships or cancels.
    if (p.variant != AccountGenerator::OrderPaid)
        setUser(e, randomResellerUser(rng));
    QByteArray detail = "{\"id\":" + num(orderId) + ",\"status\":{\"id\":" + num(qint64(p.variant)) + '}';
    if (p.variant == AccountGenerator::OrderShipped) {
        // Provider ids are not documented: two made-up carriers with different reference formats.
        // A second "Shipped" update of the same order (step 3) gets a corrected reference.
        Rng s(mix(m_seed ^ 0x5419ULL, p.serial) ^ (p.step > 2 ? quint64(p.step) : 0));
        const bool ups = s.chance(0.6);
        QByteArray stamp;
        EventJson::appendTimestamp(stamp, p.ts - s.range(100, 900));
        detail += ",\"ext_shipping_reference\":\""
            + (ups ? "1Z999AA1" + num(s.range(1000000000LL, 9999999999LL))
                   : "JJD00" + num(s.range(100000000000LL, 999999999999LL)))
            + "\",\"shipped_with_provider_id\":" + (ups ? "1" : "2") + ",\"shipped_date\":\"" + stamp + '"';
    }
    detail += '}';
    e.detailJson = detail;
}

} // namespace

std::vector<Event> AccountGenerator::generate(qsizetype count, quint64 seed, qint64 nowMs, OrderStates orders)
{
    std::vector<Event> events;
    events.reserve(size_t(std::max<qsizetype>(0, count)));
    generate(
        count, seed, nowMs, [&events](Event &&e) { events.push_back(std::move(e)); }, orders);
    return events;
}

void AccountGenerator::generate(qsizetype count, quint64 seed, qint64 nowMs,
    const std::function<void(Event &&)> &sink, OrderStates orders)
{
    if (count <= 0)
        return;
    Builder builder(seed, nowMs);
    builder.m_everyOrderState = orders == OrderStates::Every;
    builder.plan(count);
    builder.emit(sink);
}
