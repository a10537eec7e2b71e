// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "keychain/keychaintokenstore.h"

#include <qt6keychain/keychain.h>

namespace {

KeychainTokenStore::Result resultOf(QKeychain::Job *job)
{
    KeychainTokenStore::Result result;
    switch (job->error()) {
    case QKeychain::NoError:
        result.status = KeychainTokenStore::Status::Ok;
        break;
    case QKeychain::EntryNotFound:
        result.status = KeychainTokenStore::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = KeychainTokenStore::Status::Unavailable;
        break;
    default:
        result.status = KeychainTokenStore::Status::Failed;
        break;
    }
    if (job->error() != QKeychain::NoError)
        result.error = job->errorString();
    return result;
}

void run(QKeychain::Job *job, const QString &account, KeychainTokenStore::Callback done,
    std::function<void(QKeychain::Job *, KeychainTokenStore::Result &)> extra = {})
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // a token never goes into a plaintext file
    job->setKey(account);
    QObject::connect(job, &QKeychain::Job::finished, job,
        [done = std::move(done), extra = std::move(extra)](QKeychain::Job *job) {
            KeychainTokenStore::Result result = resultOf(job);
            if (extra)
                extra(job, result);
            if (done)
                done(result);
        });
    job->start();
}

} // namespace

KeychainTokenStore::KeychainTokenStore(QObject *parent)
    : TokenStore(parent)
{
}

KeychainTokenStore::~KeychainTokenStore() = default;

QString KeychainTokenStore::serviceName() { return QStringLiteral("emnify-event-viewer"); }

void KeychainTokenStore::read(const QString &account, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    run(job, account, std::move(done), [](QKeychain::Job *job, Result &result) {
        if (result.status == Status::Ok)
            result.token = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
    });
}

void KeychainTokenStore::write(const QString &account, const QString &token, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setTextData(token);
    run(job, account, std::move(done));
}

void KeychainTokenStore::remove(const QString &account, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    run(job, account, std::move(done));
}
