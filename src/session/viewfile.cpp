// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "session/viewfile.h"

#include "session/savedviews.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

QString ViewFile::sidecarPath(const QString &exportPath) { return exportPath + QStringLiteral(".view.json"); }

QByteArray ViewFile::toJson() const
{
    QJsonObject object { { QStringLiteral("format"), QLatin1String(FileFormat) },
        { QStringLiteral("version"), FormatVersion },
        { QStringLiteral("view"), view.withoutPosition().toJson() } };
    if (!account.isEmpty())
        object.insert(QStringLiteral("account"), account);
    if (exportedAt.isValid())
        object.insert(QStringLiteral("exportedAt"), exportedAt.toUTC().toString(Qt::ISODateWithMs));
    if (rows >= 0)
        object.insert(QStringLiteral("rows"), rows);
    if (!exportedFile.isEmpty())
        object.insert(QStringLiteral("file"), exportedFile);
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

bool ViewFile::write(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

std::optional<ViewFile> ViewFile::parse(const QByteArray &json, QString *error, QStringList *problems)
{
    const std::optional<QJsonObject> read = ViewState::readFileObject(json, error);
    if (!read)
        return std::nullopt;
    const QJsonObject &object = *read;
    const QString format = object.value(QStringLiteral("format")).toString();
    if (format == QLatin1String(SavedViews::FileFormat)) {
        const std::optional<QList<SavedView>> views = SavedViews::parseFileObject(object, error, problems);
        if (!views)
            return std::nullopt;
        if (views->isEmpty()) {
            *error = tr("The file holds no saved views.");
            return std::nullopt;
        }
        if (views->size() > 1)
            problems->append(tr(
                "The file holds %1 views; this is the first, \"%2\" (Views > Manage views imports them all).")
                                 .arg(views->size())
                                 .arg(views->first().name));
        ViewFile file;
        file.view = views->first().state;
        return file;
    }
    if (format != QLatin1String(FileFormat) || !object.value(QStringLiteral("view")).isObject()) {
        *error = tr("The file holds no view of the event viewer.");
        return std::nullopt;
    }
    if (!ViewState::checkFileVersion(object, FormatVersion, error, problems))
        return std::nullopt;
    ViewFile file;
    file.view = ViewState::fromJson(
        object.value(QStringLiteral("view")).toObject(), problems, QStringLiteral("view"));
    file.account = object.value(QStringLiteral("account")).toString();
    file.exportedAt
        = QDateTime::fromString(object.value(QStringLiteral("exportedAt")).toString(), Qt::ISODateWithMs);
    file.rows = object.value(QStringLiteral("rows")).toInteger(-1);
    file.exportedFile = object.value(QStringLiteral("file")).toString();
    const QStringList known { QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("view"),
        QStringLiteral("account"), QStringLiteral("exportedAt"), QStringLiteral("rows"),
        QStringLiteral("file") };
    for (const QString &key : object.keys()) {
        if (!known.contains(key))
            problems->append(tr("%1: unknown field").arg(key));
    }
    return file;
}

std::optional<ViewFile> ViewFile::read(const QString &path, QString *error, QStringList *problems)
{
    QFile file(path);
    // A view file is a few hundred bytes: anything much larger is not one.
    constexpr qint64 maxBytes = 1 << 20;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    if (file.size() > maxBytes) {
        *error = tr("The file is too large for a view file.");
        return std::nullopt;
    }
    return parse(file.readAll(), error, problems);
}
