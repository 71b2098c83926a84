#include "jsonreading.h"

#include <QCoreApplication>

namespace firebreak::backends {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(JsonReading)
};

} // namespace

void failJson(const std::string& where, const QString& what)
{
    throw JsonMalformed { QString::fromStdString(where) + QStringLiteral(": ") + what };
}

QString jsonTypeName(const nlohmann::json& value)
{
    using nlohmann::json;
    switch (value.type()) {
    case json::value_t::null:
        return Text::tr("null");
    case json::value_t::object:
        return Text::tr("an object");
    case json::value_t::array:
        return Text::tr("an array");
    case json::value_t::string:
        return Text::tr("a string");
    case json::value_t::boolean:
        return Text::tr("a boolean");
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return Text::tr("a number");
    default:
        return Text::tr("something else");
    }
}

std::optional<nlohmann::json> parseJsonDocument(const QByteArray& body, QString* problem)
{
    if (body.trimmed().isEmpty()) {
        *problem = Text::tr("empty answer, expected JSON");
        return std::nullopt;
    }
    try {
        return nlohmann::json::parse(body.constBegin(), body.constEnd());
    } catch (const nlohmann::json::parse_error& e) {
        if (e.byte > static_cast<std::size_t>(body.size()))
            *problem = Text::tr("not valid JSON: the answer ends early, after byte %1").arg(body.size());
        else
            *problem = Text::tr("not valid JSON (at byte %1 of %2)").arg(e.byte).arg(body.size());
    } catch (const nlohmann::json::exception& e) {
        // e.g. a number too large for a double; drop nlohmann's "[json.exception.out_of_range.406] "
        QString what = QString::fromUtf8(e.what());
        what = what.mid(what.indexOf(QLatin1String("] ")) + 2);
        *problem = Text::tr("not valid JSON: %1").arg(what);
    }
    return std::nullopt;
}

} // namespace firebreak::backends
