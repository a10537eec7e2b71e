// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/aboutdialog.h"

#include <QCoreApplication>
#include <QIcon>

AboutDialog::AboutDialog(QWidget *parent)
    : QMessageBox(parent)
{
    setWindowTitle(tr("About emnify Event Viewer"));
    setTextFormat(Qt::RichText);
    setText(html());
    setIconPixmap(QIcon(QStringLiteral(":/icons/emnify-event-viewer.svg")).pixmap(64, 64));
    setStandardButtons(QMessageBox::Close);
    setAccessibleName(tr("About emnify Event Viewer"));
}

QString AboutDialog::html()
{
    // Versions of the libraries as built against (CMake passes them in); Qt's also as run.
    const QString library = QStringLiteral("<tr><td>%1&nbsp;%2</td><td>%3</td></tr>");
    return tr("<h3>emnify Event Viewer %1</h3>"
              "<p>Browse, filter and export emnify platform events.</p>"
              "<p>Licensed under the MIT licence.</p>")
               .arg(QStringLiteral(EV_PROJECT_VERSION))
        + tr("<p>Running on Qt %1 (built with Qt %2), licensed under the LGPL 3.0.</p>")
              .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))
        + tr("<p>It uses these libraries:</p>") + QStringLiteral("<table>")
        + library.arg(QStringLiteral("simdjson"), QStringLiteral(EV_SIMDJSON_VERSION),
            tr("Apache License 2.0 or MIT"))
        + library.arg(QStringLiteral("zstd"), QStringLiteral(EV_ZSTD_VERSION), tr("BSD 3-Clause or GPL 2.0"))
        + library.arg(QStringLiteral("QtKeychain"), QStringLiteral(EV_QTKEYCHAIN_VERSION), tr("BSD 3-Clause"))
        + QStringLiteral("</table>");
}
