#pragma once

#include "net/connectionprofile.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace firebreak::net {
class HttpClient;
}

namespace firebreak::ui {

class ProfileForm;

/// Adds, edits and removes connection profiles, and tests a connection for real before saving.
class DataSourceDialog final : public QDialog
{
    Q_OBJECT
public:
    DataSourceDialog(net::HttpClient& client, QList<net::ConnectionProfile> profiles, QWidget* parent = nullptr);
    ~DataSourceDialog() override;

    QList<net::ConnectionProfile> profiles() const { return m_profiles; }

    /// Starts with a new profile of `kind` selected (the empty states' "Add one…").
    void addProfile(net::BackendKind kind);

    void accept() override;

private:
    void selectRow(int row);
    void storeCurrent();
    void refreshList();
    void testConnection();
    void showResult(const QString& text, bool good);

    net::HttpClient& m_client;
    QList<net::ConnectionProfile> m_profiles;
    int m_current = -1;
    quint64 m_testGeneration = 0;
    QListWidget* m_list;
    ProfileForm* m_form;
    QPushButton* m_remove;
    QPushButton* m_test;
    QLabel* m_result;
};

} // namespace firebreak::ui
