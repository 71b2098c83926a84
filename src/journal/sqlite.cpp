#include "sqlite.h"

#include <sqlite3.h>

namespace firebreak::journal {

namespace {
[[noreturn]] void fail(sqlite3* db, int code, const std::string& context)
{
    const char* message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    throw SqliteError(db ? sqlite3_extended_errcode(db) : code, context + ": " + message);
}
} // namespace

SqliteError::SqliteError(int code, const std::string& message)
    : std::runtime_error(message)
    , m_code(code)
{ }

bool SqliteError::isBusy() const
{
    const int primary = m_code & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

bool SqliteError::isCorrupt() const
{
    const int primary = m_code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

Statement::Statement(sqlite3* db, const std::string& sql)
    : m_db(db)
{
    const int rc = sqlite3_prepare_v3(
        db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        fail(db, rc, "prepare \"" + sql.substr(0, 60) + "\"");
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
{ }

Statement& Statement::bind(int index, qint64 value)
{
    if (const int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    if (const int rc = sqlite3_bind_double(m_stmt, index, value); rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    if (const int rc
        = sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& blob)
{
    if (const int rc
        = sqlite3_bind_blob(m_stmt, index, blob.constData(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::nullptr_t)
{
    if (const int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string sql = sqlite3_sql(m_stmt) ? sqlite3_sql(m_stmt) : "";
    sqlite3_reset(m_stmt);
    fail(m_db, rc, "step \"" + sql.substr(0, 60) + "\"");
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

std::unique_ptr<Database> Database::open(const QString& path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        throw SqliteError(rc, "open " + path.toStdString() + ": " + message);
    }
    sqlite3_extended_result_codes(db, 1);
    return std::unique_ptr<Database>(new Database(db, path));
}

Database::Database(sqlite3* db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{ }

Database::~Database()
{
    m_cache.clear(); // statements must be finalized before the connection closes
    sqlite3_close(m_db);
}

void Database::exec(const std::string& sql)
{
    char* error = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw SqliteError(sqlite3_extended_errcode(m_db), "exec \"" + sql.substr(0, 60) + "\": " + message);
    }
}

Statement& Database::prepare(const std::string& sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end())
        it = m_cache.emplace(sql, std::make_unique<Statement>(m_db, sql)).first;
    it->second->reset();
    return *it->second;
}

qint64 Database::scalar(const std::string& sql)
{
    Statement& statement = prepare(sql);
    const qint64 value = statement.step() ? statement.int64(0) : 0;
    statement.reset();
    return value;
}

QString Database::scalarText(const std::string& sql)
{
    Statement& statement = prepare(sql);
    const QString value = statement.step() ? statement.text(0) : QString();
    statement.reset();
    return value;
}

void Database::setCheckpointOnClose(bool enabled)
{
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, enabled ? 0 : 1, nullptr);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

void Database::backupTo(const QString& target)
{
    sqlite3* out = nullptr;
    int rc = sqlite3_open_v2(target.toUtf8().constData(), &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = out ? sqlite3_errmsg(out) : sqlite3_errstr(rc);
        sqlite3_close(out);
        throw SqliteError(rc, "backup to " + target.toStdString() + ": " + message);
    }
    sqlite3_backup* backup = sqlite3_backup_init(out, "main", m_db, "main");
    if (!backup) {
        const std::string message = sqlite3_errmsg(out);
        sqlite3_close(out);
        throw SqliteError(SQLITE_ERROR, "backup to " + target.toStdString() + ": " + message);
    }
    // Copy in steps so a writer in another process is not starved; -1 would lock for the whole copy.
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    const int finalCode = rc == SQLITE_DONE ? SQLITE_OK : rc;
    const std::string message = sqlite3_errmsg(out);
    sqlite3_close(out);
    if (finalCode != SQLITE_OK)
        throw SqliteError(finalCode, "backup to " + target.toStdString() + ": " + message);
}

Database::Transaction::Transaction(Database& db)
    : m_db(db)
{
    m_db.exec("BEGIN IMMEDIATE");
}

Database::Transaction::~Transaction()
{
    if (!m_done) {
        try {
            m_db.exec("ROLLBACK");
        } catch (const SqliteError&) {
            // Nothing more to do: SQLite rolls back by itself when a COMMIT fails or the connection closes.
        }
    }
}

void Database::Transaction::commit()
{
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace firebreak::journal
