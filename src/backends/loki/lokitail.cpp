#include "lokitail.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QThread>

namespace firebreak::loki {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LokiTail)
};

qint64 systemNowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000000;
}

} // namespace

LokiTail::LokiTail(const LokiClient& client, QString expr, qint64 startNs, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_expr(std::move(expr))
    , m_cursorNs(startNs)
    , m_now(systemNowNs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LokiTail::pollNow);
}

LokiTail::~LokiTail()
{
    if (m_request)
        m_request->cancel();
}

void LokiTail::setInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, std::chrono::milliseconds(1));
}

void LokiTail::setDelay(std::chrono::milliseconds delay)
{
    m_delay = std::max(delay, std::chrono::milliseconds(0));
}

void LokiTail::setClock(std::function<qint64()> nowNs)
{
    m_now = nowNs ? std::move(nowNs) : std::function<qint64()>(systemNowNs);
}

void LokiTail::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_running)
        return;
    m_running = true;
    schedule(true);
}

void LokiTail::stop()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_running = false;
    m_timer.stop();
}

void LokiTail::schedule(bool immediately)
{
    if (!m_running)
        return;
    m_timer.start(immediately ? std::chrono::milliseconds(0) : m_interval);
}

void LokiTail::pollNow()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_inFlight)
        return;
    m_timer.stop();
    // The range's end is exclusive: a line stamped exactly "now minus delay" is included.
    const qint64 endNs = m_now() - static_cast<qint64>(m_delay.count()) * 1000000 + 1;
    if (endNs <= m_cursorNs) {
        Q_EMIT polled(0);
        schedule(false);
        return;
    }
    RangeQuery query;
    query.expr = m_expr;
    query.startNs = m_cursorNs;
    query.endNs = endNs;
    query.direction = LogDirection::Forward;
    query.limit = m_client.maxEntriesPerQuery();
    m_inFlight = true;
    QPointer<LokiTail> self(this);
    m_request = m_client.queryRangePage(query, this, [self, asked = query.limit](Answer<QueryResult> answer) {
        if (self)
            self->take(std::move(answer), asked);
    });
}

void LokiTail::take(Answer<QueryResult> answer, qint64 asked)
{
    m_inFlight = false;
    m_request.reset();
    if (!answer.ok()) {
        if (answer.error->kind == QueryError::Kind::Api && answer.error->httpStatus == 400) {
            const auto limit = maxEntriesFromError(answer.error->message);
            if (limit && *limit > 0 && *limit < asked) {
                m_client.setMaxEntriesPerQuery(*limit);
                schedule(true);
                return;
            }
        }
        if (answer.error->netKind != net::NetError::Kind::Cancelled)
            Q_EMIT pollFailed(answer.error->message);
        schedule(false);
        return;
    }
    for (const QString& text : std::as_const(answer.warnings))
        Q_EMIT warning(text);
    const QueryResult& result = *answer.value;
    if (result.type != ResultType::Streams) {
        Q_EMIT pollFailed(
            Text::tr("Only log queries can be tailed; this one gives a %1.").arg(resultTypeName(result.type)));
        stop();
        return;
    }
    const LogBatch& page = result.logs; // oldest first
    LogBatch fresh;
    std::vector<qint32> streams;
    for (qsizetype i = 0; i < page.size(); ++i) {
        const LogLine& line = page.at(i);
        if (line.timestampNs == m_cursorNs && m_atCursor.contains(page.identity(line)))
            continue;
        fresh.appendFrom(page, i, &streams);
    }
    if (!page.isEmpty()) {
        const qint64 newest = page.at(page.size() - 1).timestampNs;
        if (newest != m_cursorNs) {
            m_cursorNs = newest;
            m_atCursor.clear();
        }
        for (qsizetype i = page.size() - 1; i >= 0 && page.at(i).timestampNs == newest; --i)
            m_atCursor.insert(page.identity(page.at(i)));
    }
    const bool full = page.size() >= asked;
    if (full && fresh.isEmpty()) {
        // More lines at the cursor's nanosecond than one answer holds: the server keeps giving the same ones.
        Q_EMIT warning(
            Text::tr("Loki gives at most %1 lines per request and at least as many share the timestamp %2 ns: "
                     "any more at that nanosecond cannot be fetched.")
                .arg(asked)
                .arg(m_cursorNs));
        ++m_cursorNs;
        m_atCursor.clear();
    }
    const qsizetype count = fresh.size();
    if (count > 0)
        Q_EMIT linesArrived(fresh);
    Q_EMIT polled(count);
    schedule(full); // a full page means there is more to catch up with
}

} // namespace firebreak::loki
