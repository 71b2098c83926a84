#pragma once

#include <QByteArray>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace firebreak::journal {

/// A failed SQLite call, with SQLite's own message and (extended) result code.
class SqliteError : public std::runtime_error
{
public:
    SqliteError(int code, const std::string& message);
    int code() const { return m_code; }
    /// SQLITE_BUSY / SQLITE_LOCKED: another process holds the lock; retrying may succeed.
    bool isBusy() const;
    /// SQLITE_CORRUPT / SQLITE_NOTADB: the file is damaged or not a database.
    bool isCorrupt() const;

private:
    int m_code;
};

/// One prepared statement. Binding is 1-based like SQLite's; columns are 0-based.
class Statement
{
public:
    Statement(sqlite3* db, const std::string& sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);
    Statement& bind(int index, const QByteArray& blob);
    Statement& bind(int index, std::nullptr_t);
    template <typename T> Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bind(index, nullptr);
    }
    /// Binds every argument in order, starting at 1.
    template <typename... Args> Statement& bindAll(const Args&... args)
    {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    /// True when a row is available, false when done. Throws SqliteError on failure.
    bool step();
    /// Runs a statement that returns no rows.
    void run() { step(); }
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

/// An open SQLite connection with a statement cache. Not thread-safe: one thread owns it.
class Database
{
public:
    enum class Mode
    {
        ReadOnly,
        ReadWrite,
        ReadWriteCreate,
    };

    static std::unique_ptr<Database> open(const QString& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs one or more statements with no parameters and no results.
    void exec(const std::string& sql);
    /// A cached prepared statement, reset and with bindings cleared.
    Statement& prepare(const std::string& sql);
    /// The first column of the first row of `sql` as an integer (PRAGMAs, counts).
    qint64 scalar(const std::string& sql);
    QString scalarText(const std::string& sql);

    int changes() const;
    /// Whether closing the last connection folds the WAL into the main file. Off while a file is being
    /// checked: a file we reject must be left exactly as it was.
    void setCheckpointOnClose(bool enabled);
    QString path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

    /// Copies the whole database to `target` with the online-backup API (safe while others write).
    void backupTo(const QString& target);

    /// BEGIN IMMEDIATE … COMMIT; rolls back when destroyed without commit().
    class Transaction
    {
    public:
        explicit Transaction(Database& db);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        void commit();

    private:
        Database& m_db;
        bool m_done = false;
    };

private:
    Database(sqlite3* db, QString path);

    sqlite3* m_db;
    QString m_path;
    std::map<std::string, std::unique_ptr<Statement>> m_cache;
};

} // namespace firebreak::journal
