#pragma once

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
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

/// The answer as a JSON document, or nullopt and in `problem` what is wrong ("empty answer", "not valid JSON:
/// the answer ends early, after byte 512", …).
std::optional<nlohmann::json> parseJsonDocument(const QByteArray& body, QString* problem);

} // namespace firebreak::backends
