#pragma once

#include "connectionprofile.h"

#include <QList>

class QSettings;

namespace firebreak::net {

class SecretStore;

/// Reads and writes connection profiles: everything but secrets in QSettings, secrets in SecretStore.
class ProfileStore
{
public:
    ProfileStore(QSettings& settings, SecretStore& secrets);

    QList<ConnectionProfile> load() const;
    bool save(const QList<ConnectionProfile>& profiles, QString* error = nullptr);

    /// A fresh profile of `kind` with a new id and the backend's usual local address.
    static ConnectionProfile newProfile(BackendKind kind);

private:
    QSettings& m_settings;
    SecretStore& m_secrets;
};

} // namespace firebreak::net
