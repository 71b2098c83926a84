#include "logfileinput.h"

#include "backends/loki/lokiparser.h"

#include <QCoreApplication>
#include <QDate>

#include <nlohmann/json.hpp>

namespace firebreak::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

using nlohmann::json;

bool digitsAt(QByteArrayView s, qsizetype at, qsizetype count, int* value)
{
    if (at + count > s.size())
        return false;
    int v = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *value = v;
    return true;
}

LogLabels labelsFrom(const json& object)
{
    LogLabels labels;
    if (!object.is_object())
        return labels;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it->is_string())
            labels.insert(QString::fromStdString(it.key()), QString::fromStdString(it->get<std::string>()));
    }
    return labels;
}

QString where(std::size_t index)
{
    return QStringLiteral("lines[%1]").arg(index);
}

LogFileRead readLogsQueryJson(const json& lines)
{
    LogFileRead read;
    LogFileInput input;
    input.format = LogFileFormat::LogsQueryJson;
    std::vector<qint32> noMap;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const json& item = lines[i];
        if (!item.is_object()) {
            read.error = Text::tr("%1 is not an object").arg(where(i));
            return read;
        }
        const auto line = item.find("line");
        if (line == item.end() || !line->is_string()) {
            read.error = Text::tr("%1 has no \"line\" text").arg(where(i));
            return read;
        }
        qint64 ns = 0;
        if (const auto ts = item.find("ts_ns"); ts != item.end()) {
            std::optional<qint64> parsed;
            if (ts->is_string()) {
                const std::string& text = ts->get_ref<const std::string&>();
                parsed = loki::parseNanoseconds(QByteArrayView(text.data(), static_cast<qsizetype>(text.size())));
            } else if (ts->is_number_integer()) {
                parsed = ts->get<qint64>();
            }
            if (!parsed) {
                read.error = Text::tr("%1: \"ts_ns\" is not a number of nanoseconds").arg(where(i));
                return read;
            }
            ns = *parsed;
        }
        LogLineExtra extra;
        if (const auto it = item.find("structured_metadata"); it != item.end())
            extra.structuredMetadata = labelsFrom(*it);
        if (const auto it = item.find("parsed"); it != item.end())
            extra.parsed = labelsFrom(*it);
        const auto labels = item.find("labels");
        const qint32 stream = input.batch.addStream(labels != item.end() ? labelsFrom(*labels) : LogLabels());
        const std::string& text = line->get_ref<const std::string&>();
        input.batch.append(ns, stream, QByteArrayView(text.data(), static_cast<qsizetype>(text.size())), extra);
    }
    read.value = std::move(input);
    return read;
}

LogFileRead readPlainText(const QByteArray& contents)
{
    LogFileInput input;
    input.format = LogFileFormat::PlainText;
    const qint32 stream = input.batch.addStream({});
    qsizetype start = 0;
    const qsizetype size = contents.size();
    input.batch.reserve(contents.count('\n') + 1, size);
    while (start < size) {
        qsizetype end = contents.indexOf('\n', start);
        if (end < 0)
            end = size;
        QByteArrayView line(contents.constData() + start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        input.batch.append(leadingRfc3339Ns(line).value_or(0), stream, line);
        start = end + 1;
    }
    LogFileRead read;
    read.value = std::move(input);
    return read;
}

} // namespace

std::optional<qint64> leadingRfc3339Ns(QByteArrayView s)
{
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!digitsAt(s, 0, 4, &year) || s.size() < 19 || s[4] != '-' || !digitsAt(s, 5, 2, &month) || s[7] != '-'
        || !digitsAt(s, 8, 2, &day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digitsAt(s, 11, 2, &hour)
        || s[13] != ':' || !digitsAt(s, 14, 2, &minute) || s[16] != ':' || !digitsAt(s, 17, 2, &second))
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid() || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    qsizetype at = 19;
    qint64 fractionNs = 0;
    if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
        ++at;
        int digits = 0;
        while (at < s.size() && s[at] >= '0' && s[at] <= '9') {
            if (digits < 9) {
                fractionNs = fractionNs * 10 + (s[at] - '0');
                ++digits;
            }
            ++at;
        }
        if (digits == 0)
            return std::nullopt;
        for (; digits < 9; ++digits)
            fractionNs *= 10;
    }
    qint64 offsetSeconds = 0;
    if (at < s.size() && (s[at] == 'Z' || s[at] == 'z')) {
        ++at;
    } else if (at < s.size() && (s[at] == '+' || s[at] == '-')) {
        int oh = 0;
        int om = 0;
        const bool colon = at + 3 < s.size() && s[at + 3] == ':';
        if (digitsAt(s, at + 1, 2, &oh) && digitsAt(s, at + (colon ? 4 : 3), 2, &om) && oh < 24 && om < 60) {
            offsetSeconds = (s[at] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
            at += colon ? 6 : 5;
        }
    }
    const qint64 days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return seconds * 1000000000 + fractionNs;
}

LogFileRead readLogFile(const QByteArray& contents)
{
    qsizetype first = 0;
    while (first < contents.size() && QChar::isSpace(static_cast<unsigned char>(contents[first])))
        ++first;
    if (first < contents.size() && contents[first] == '{') {
        const json doc = json::parse(contents.constBegin(), contents.constEnd(), nullptr, false);
        if (!doc.is_discarded() && doc.is_object()) {
            if (const auto lines = doc.find("lines"); lines != doc.end() && lines->is_array())
                return readLogsQueryJson(*lines);
            if (doc.contains("status") && doc.contains("data")) {
                LogFileRead read;
                auto parsed = loki::parseQueryResponse(contents);
                if (!parsed.ok()) {
                    read.error = Text::tr("not a usable Loki answer: %1")
                                     .arg(parsed.error ? parsed.error->message : QString());
                    return read;
                }
                if (parsed.value->type != loki::ResultType::Streams) {
                    read.error = Text::tr("a Loki answer of type %1 has no log lines")
                                     .arg(loki::resultTypeName(parsed.value->type));
                    return read;
                }
                LogFileInput input;
                input.format = LogFileFormat::LokiQueryRange;
                input.batch = std::move(parsed.value->logs);
                read.value = std::move(input);
                return read;
            }
        }
    }
    return readPlainText(contents);
}

} // namespace firebreak::cli
