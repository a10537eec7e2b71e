// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

QStringList TranslationLoader::install(QCoreApplication *app, const QLocale &locale)
{
    QStringList loaded;
    const auto load = [&](const QLocale &forLocale, const QString &name, const QString &directory) {
        auto *translator = new QTranslator(app);
        if (!translator->load(forLocale, name, QStringLiteral("_"), directory)) {
            delete translator;
            return false;
        }
        QCoreApplication::installTranslator(translator);
        loaded << translator->filePath();
        return true;
    };
    // Qt's catalogue comes from the system (Debian: qt6-translations-l10n); absent is fine.
    load(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (!load(locale, QStringLiteral("emnify-event-viewer"), QStringLiteral(":/i18n")))
        load(QLocale(QLocale::English), QStringLiteral("emnify-event-viewer"), QStringLiteral(":/i18n"));
    return loaded;
}
