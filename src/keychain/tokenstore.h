// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <functional>

// Where the application token is kept between runs, one entry per account (the API host). The
// viewer uses KeychainTokenStore (the OS keychain); tests pass one of their own. Never a plaintext
// file: where no store is available the caller keeps the token for this run only and says so.
class TokenStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    enum class Status { Ok, NotFound, Unavailable, Failed };
    struct Result
    {
        Status status = Status::Failed;
        QString token; // read: the stored token
        QString error; // why not, for people
    };
    using Callback = std::function<void(const Result &)>;

    using QObject::QObject;
    ~TokenStore() override = default;

    // Asynchronous; the callback runs on this object's thread, possibly before the call returns.
    virtual void read(const QString &account, Callback done) = 0;
    virtual void write(const QString &account, const QString &token, Callback done) = 0;
    virtual void remove(const QString &account, Callback done) = 0;
};
