#pragma once

#include <functional>
#include <string>
#include <vector>

namespace firebreak::journal {

class Database;

/// `PRAGMA application_id` of a Firebreak journal ("FBJ1"): tells our files from any other SQLite file.
constexpr int ApplicationId = 0x46424a31;

struct Migration
{
    int toVersion;
    const char* description;
    std::function<void(Database&)> apply;
};

/// Every migration in order; migration i takes a journal from version i to version i + 1.
const std::vector<Migration>& migrations();
int currentSchemaVersion();

/// Applies the migrations a journal at `fromVersion` lacks, each in its own transaction, and stamps
/// `PRAGMA user_version` inside that transaction. `upTo` stops early (tests build old versions with it).
void migrate(Database& db, int fromVersion, int upTo = -1);

} // namespace firebreak::journal
