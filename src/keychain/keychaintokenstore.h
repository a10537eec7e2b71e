// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "keychain/tokenstore.h"

// The application token in the OS keychain (Secret Service, macOS Keychain, Windows Credential
// Store) through QtKeychain, one entry per API host. Never falls back to a plaintext file: where no
// keychain is available the caller keeps the token for this run only and says so.
class KeychainTokenStore final : public TokenStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainTokenStore)

public:
    explicit KeychainTokenStore(QObject *parent = nullptr);
    ~KeychainTokenStore() override;

    void read(const QString &account, Callback done) override;
    void write(const QString &account, const QString &token, Callback done) override;
    void remove(const QString &account, Callback done) override;

    [[nodiscard]] static QString serviceName();
};
