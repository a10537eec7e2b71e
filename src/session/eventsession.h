// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/fetchprogress.h"
#include "session/viewrequest.h"

#include <QObject>
#include <QString>
#include <QUrl>

class EventApiClient;
class EventBatch;
class EventTableModel;

// Where the table's rows come from, and the state of getting them: one object owns the fetch (its
// client, progress, cancel, how much room the store makes, errors) and feeds the table model. The
// window shows what it reports and asks it to load; it never talks to the client itself.
// Today rows come from the API; the archive (rows at once, gaps from the API, follow) plugs in
// here behind the same signals.
// Lives on the GUI thread, with the model and the client.
class EventSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventSession)

public:
    enum class State {
        Disconnected, // no account yet, or its URL was refused
        Idle, // connected, nothing read yet
        Loading,
        Loaded, // the last read finished
        Stopped, // the last read was cancelled
        Failed, // the last read failed: lastError()
    };
    Q_ENUM(State)

    // What an empty table means, for the overlay; None while rows are shown.
    enum class Emptiness {
        None,
        NotConnected,
        Loading,
        AccessDenied, // the token has no access (lastError())
        LoadFailed, // lastError()
        NothingInRange, // read completely, no events
        AllHidden, // rows are loaded but the local filter hides them all
    };

    // Rows pass through at most this many at a time beyond what has arrived: a server's
    // X-Total-Count is only a claim, and reserving for it at once could take gigabytes.
    static constexpr qsizetype ReserveStep = 1'000'000;

    // Neither owned; both must outlive the session.
    EventSession(EventApiClient *client, EventTableModel *model, QObject *parent = nullptr);
    ~EventSession() override;

    // Reads from this account from now on (the token is kept in memory only). An invalid URL
    // leaves the session disconnected and returns why.
    ApiError connectTo(const QUrl &baseUrl, const QString &token, const QString &accountLabel);
    [[nodiscard]] bool isConnected() const { return m_state != State::Disconnected; }
    [[nodiscard]] QString accountLabel() const { return m_accountLabel; }
    [[nodiscard]] EventApiClient *client() const { return m_client; }

    // Forget what is loaded and read for this request (a new time range or scope).
    void load(const ViewRequest &request);
    // Read again for this request and add what is new (F5).
    void refresh(const ViewRequest &request);
    void stop();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isLoading() const { return m_state == State::Loading; }
    [[nodiscard]] const ApiError &lastError() const { return m_lastError; }
    [[nodiscard]] const FetchProgress &progress() const { return m_progress; }
    // [from, until) of the running or last read, ms UTC; {0, 0} before the first.
    [[nodiscard]] std::pair<qint64, qint64> interval() const { return m_interval; }
    [[nodiscard]] Emptiness emptiness() const;

    // A rejected token (401/403, or authentication refused): retrying cannot help.
    [[nodiscard]] static bool isAccessDenied(const ApiError &error);

Q_SIGNALS:
    void stateChanged(EventSession::State state);
    void progressChanged(const FetchProgress &progress);
    void loadFinished(const ApiError &error); // also for Stopped (Kind::Cancelled)

private:
    void start(const ViewRequest &request);
    void onBatch(const EventBatch &batch);
    void onProgress(const FetchProgress &progress);
    void onFinished(const ApiError &error);
    void setState(State state);
    void reserveAhead(qint64 claimedTotal);

    EventApiClient *m_client;
    EventTableModel *m_model;
    State m_state = State::Disconnected;
    QString m_accountLabel;
    ApiError m_lastError;
    FetchProgress m_progress;
    std::pair<qint64, qint64> m_interval { 0, 0 };
    qsizetype m_reserved = 0; // rows the store has room for, as asked by this session
};
