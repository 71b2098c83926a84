#include "secretstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace firebreak::net {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SecretStore)
};
} // namespace

SecretStore::SecretStore(QString filePath)
    : m_path(std::move(filePath))
{ }

QString SecretStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/secrets.json");
}

bool SecretStore::load(QString* error)
{
    m_values.clear();
    m_keepUnreadable = false;
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        m_keepUnreadable = true;
        if (error)
            *error = Text::tr("Cannot read %1: %2").arg(m_path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        m_keepUnreadable = true;
        if (error)
            *error
                = Text::tr("%1 is not valid JSON (%2); secrets were not loaded.").arg(m_path, parseError.errorString());
        return false;
    }
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it)
        m_values.insert(it.key(), it.value().toString());
    return true;
}

bool SecretStore::save(QString* error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (m_keepUnreadable && QFile::exists(m_path)) {
        // Never overwrite a file we could not read: the user may still recover its secrets.
        const QString aside = m_path + QStringLiteral(".unreadable-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss"));
        if (!QFile::rename(m_path, aside)) {
            if (error)
                *error = Text::tr("Cannot move the unreadable %1 aside; nothing was written.").arg(m_path);
            return false;
        }
        m_keepUnreadable = false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Text::tr("Cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    // Restrict before any secret is written, so the content is never readable by others.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QJsonObject object;
    for (auto it = m_values.begin(); it != m_values.end(); ++it)
        object.insert(it.key(), it.value());
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = Text::tr("Cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

void SecretStore::setValue(const QString& key, const QString& secret)
{
    if (secret.isEmpty())
        m_values.remove(key);
    else
        m_values.insert(key, secret);
}

void SecretStore::removePrefix(const QString& prefix)
{
    m_values.removeIf([&prefix](const auto& it) { return it.key().startsWith(prefix); });
}

} // namespace firebreak::net

namespace firebreak::net {

void SecretStore::retainOnly(const QSet<QString>& profileIds)
{
    m_values.removeIf([&profileIds](const auto& it) { return !profileIds.contains(it.key().section(u'/', 0, 0)); });
}

} // namespace firebreak::net
