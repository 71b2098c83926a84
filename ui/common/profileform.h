#pragma once

#include "net/connectionprofile.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace firebreak::ui {

/// Edits one connection profile: address, authentication, extra headers, TLS and timeout.
class ProfileForm final : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileForm(QWidget* parent = nullptr);
    ~ProfileForm() override;

    void setProfile(const net::ConnectionProfile& profile);
    /// The profile as the fields say now (id kept from setProfile()).
    net::ConnectionProfile profile() const;

Q_SIGNALS:
    void edited();

private:
    void updateVisibility();
    QWidget* fileField(QLineEdit* edit, const QString& title);

    QString m_id;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QLineEdit* m_url;
    QComboBox* m_auth;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QLineEdit* m_token;
    QTableWidget* m_headers;
    QLineEdit* m_caFile;
    QLineEdit* m_clientCert;
    QLineEdit* m_clientKey;
    QCheckBox* m_skipVerify;
    QLabel* m_skipVerifyWarning;
    QDoubleSpinBox* m_timeout;
    QSpinBox* m_maxConcurrent;
    QList<QWidget*> m_basicRows;
    QList<QWidget*> m_bearerRows;
    bool m_loading = false;
};

} // namespace firebreak::ui
