#include "legendformat.h"

namespace firebreak::analysis {

namespace {

const QString NameLabel = QStringLiteral("__name__");

QString escapedValue(const QString& value)
{
    QString out;
    out.reserve(value.size() + 2);
    for (const QChar c : value) {
        if (c == u'\\')
            out += u"\\\\";
        else if (c == u'"')
            out += u"\\\"";
        else if (c == u'\n')
            out += u"\\n";
        else
            out += c;
    }
    return out;
}

} // namespace

QString formatLabelSet(const QMap<QString, QString>& labels)
{
    QString out = QStringLiteral("{");
    bool first = true;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (it.key() == NameLabel)
            continue;
        if (!first)
            out += u", ";
        first = false;
        out += it.key() + u"=\"" + escapedValue(it.value()) + u'"';
    }
    out += u'}';
    return out;
}

QString formatLegend(const QString& format, const QMap<QString, QString>& labels)
{
    if (format.trimmed().isEmpty()) {
        const QString name = labels.value(NameLabel);
        const bool onlyName = !name.isEmpty() && labels.size() == 1;
        return onlyName ? name : name + formatLabelSet(labels);
    }
    QString out;
    out.reserve(format.size());
    qsizetype at = 0;
    while (at < format.size()) {
        const qsizetype open = format.indexOf(u"{{", at);
        if (open < 0)
            break;
        const qsizetype close = format.indexOf(u"}}", open + 2);
        if (close < 0)
            break;
        out += QStringView(format).mid(at, open - at);
        out += labels.value(format.mid(open + 2, close - open - 2).trimmed());
        at = close + 2;
    }
    out += QStringView(format).mid(at);
    return out;
}

} // namespace firebreak::analysis
