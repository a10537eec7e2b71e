// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "keychain/tokenstore.h"

#include <QHash>

// A token store in memory, standing in for the OS keychain in window tests (a test machine has no
// Secret Service). available = false: every call fails as a missing keychain does.
class MemoryTokenStore final : public TokenStore
{
public:
    explicit MemoryTokenStore(bool available = true, QObject *parent = nullptr)
        : TokenStore(parent)
        , m_available(available)
    {
    }

    void read(const QString &account, Callback done) override
    {
        Result result = unavailable();
        if (m_available) {
            result.status = m_tokens.contains(account) ? Status::Ok : Status::NotFound;
            result.token = m_tokens.value(account);
        }
        done(result);
    }
    void write(const QString &account, const QString &token, Callback done) override
    {
        if (m_available)
            m_tokens.insert(account, token);
        done(m_available ? Result { Status::Ok, {}, {} } : unavailable());
    }
    void remove(const QString &account, Callback done) override
    {
        if (m_available)
            m_tokens.remove(account);
        done(m_available ? Result { Status::Ok, {}, {} } : unavailable());
    }

    [[nodiscard]] QHash<QString, QString> tokens() const { return m_tokens; }

private:
    static Result unavailable() { return { Status::Unavailable, {}, QStringLiteral("no keychain in tests") }; }
    bool m_available;
    QHash<QString, QString> m_tokens;
};
