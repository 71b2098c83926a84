#pragma once

#include <QString>

#include <nlohmann/json.hpp>

#include <string>

namespace firebreak::backends {

/// Thrown while an answer parser walks a JSON document; each parser turns it into its own typed error at its
/// public functions, so a damaged answer never escapes as an exception.
struct JsonMalformed
{
    QString message; // "data.result[3].values[0]: expected a string, got a number"
};

[[noreturn]] void failJson(const std::string& where, const QString& what);

/// "an object", "a string", … for messages that say what was found instead.
QString jsonTypeName(const nlohmann::json& value);

} // namespace firebreak::backends
