// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <functional>

// The application token in the OS keychain (Secret Service, macOS Keychain, Windows Credential
// Store) through QtKeychain, one entry per API host. Never falls back to a plaintext file: where no
// keychain is available the caller keeps the token for this run only and says so.
class KeychainTokenStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainTokenStore)

public:
    enum class Status { Ok, NotFound, Unavailable, Failed };
    struct Result
    {
        Status status = Status::Failed;
        QString token; // read: the stored token
        QString error; // why not, for people
    };
    using Callback = std::function<void(const Result &)>;

    explicit KeychainTokenStore(QObject *parent = nullptr);
    ~KeychainTokenStore() override;

    // Asynchronous; the callback runs on this object's thread. account: the API host.
    void read(const QString &account, Callback done);
    void write(const QString &account, const QString &token, Callback done);
    void remove(const QString &account, Callback done);

    [[nodiscard]] static QString serviceName();
};
