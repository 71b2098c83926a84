#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace firebreak {

/// Sets organisation and application name so QSettings and QStandardPaths agree on the folders.
void setApplicationIdentity(const QString& applicationName);

QString applicationVersion();

/// Name and version of Qt and every library linked into the core, for About and `--version`.
QList<QPair<QString, QString>> libraryVersions();

/// Folder for the app's own files (log, journal, backups): the platform's app-data location.
QString appDataDir();

} // namespace firebreak
