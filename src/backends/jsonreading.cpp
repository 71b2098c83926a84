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

} // namespace firebreak::backends
