// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

// Installs the viewer's translation (built into the program from resources/translations/) and Qt's
// own (dialog buttons, context menus) for the user's interface languages: LANGUAGE, then LC_ALL,
// LC_MESSAGES, LANG. Without a translation for the language, the English plural forms are loaded,
// so "%n events" reads "1 event".
class TranslationLoader final
{
public:
    // The translators are children of app. Returns the files loaded (for --version and tests).
    static QStringList install(QCoreApplication *app, const QLocale &locale = QLocale());
};
