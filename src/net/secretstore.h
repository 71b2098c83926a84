#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace firebreak::net {

/// Passwords, tokens and header values, kept apart from the settings file in a JSON file that only
/// the user can read (mode 0600). This is the fallback where no OS keychain library is linked;
/// README says so. The file is replaced atomically on save.
class SecretStore
{
public:
    explicit SecretStore(QString filePath);

    static QString defaultPath();
    QString filePath() const { return m_path; }

    /// Reads the file; a missing file is an empty store, an unreadable or corrupt one an error.
    bool load(QString* error = nullptr);
    /// Writes all secrets. A file that load() could not read is first renamed aside, never overwritten.
    bool save(QString* error = nullptr);

    QString value(const QString& key) const { return m_values.value(key); }
    void setValue(const QString& key, const QString& secret);
    void removePrefix(const QString& prefix);
    /// Drops the secrets of every profile id not in `profileIds` (keys are "<id>/<what>").
    void retainOnly(const QSet<QString>& profileIds);

private:
    QString m_path;
    QHash<QString, QString> m_values;
    bool m_keepUnreadable = false;
};

} // namespace firebreak::net
