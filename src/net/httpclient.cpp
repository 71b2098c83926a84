#include "httpclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QMetaObject>

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <random>
#include <thread>

namespace firebreak::net {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(HttpClient)
};

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

QString displayUrl(const QUrl& url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

QString seconds(std::chrono::milliseconds ms)
{
    return QString::number(static_cast<double>(ms.count()) / 1000.0, 'f', 1);
}

using Clock = std::chrono::steady_clock;

struct Transfer
{
    HttpRequest request;
    HttpClient::Callback onDone;
    RequestHandlePtr handle;
    CURL* easy = nullptr;
    curl_slist* headerList = nullptr;
    QByteArray body;
    bool tooLarge = false;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    int attempts = 0;
    Clock::time_point firstStart;
    Clock::time_point dueAt; // when waiting for a retry

    ~Transfer() { release(); }

    /// Back to the state before the first attempt, keeping what the retries need to know.
    void release()
    {
        if (headerList)
            curl_slist_free_all(headerList);
        if (easy)
            curl_easy_cleanup(easy);
        headerList = nullptr;
        easy = nullptr;
        body.clear();
        tooLarge = false;
        errorBuffer[0] = 0;
    }
};

/// Retry-After as delta-seconds or an HTTP date; nullopt when absent or unreadable.
std::optional<std::chrono::milliseconds> retryAfter(CURL* easy)
{
    curl_header* header = nullptr;
    if (curl_easy_header(easy, "Retry-After", 0, CURLH_HEADER, -1, &header) != CURLHE_OK || !header)
        return std::nullopt;
    const QByteArray value = QByteArray(header->value).trimmed();
    bool isNumber = false;
    const qint64 seconds = value.toLongLong(&isNumber);
    if (isNumber)
        return std::chrono::milliseconds(std::max<qint64>(0, seconds) * 1000);
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    if (!at.isValid())
        return std::nullopt;
    return std::chrono::milliseconds(std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(at)));
}

bool retryableStatus(long status)
{
    return status == 429 || status == 502 || status == 503 || status == 504;
}

bool retryableCode(CURLcode code)
{
    // Nothing was sent yet, so even a request with effects could be repeated; we still only repeat reads.
    return code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST;
}

size_t writeBody(char* data, size_t size, size_t count, void* user)
{
    auto* transfer = static_cast<Transfer*>(user);
    const size_t bytes = size * count;
    if (transfer->body.size() + static_cast<qint64>(bytes) > transfer->request.maxResponseBytes) {
        transfer->tooLarge = true;
        return 0; // makes libcurl fail with CURLE_WRITE_ERROR
    }
    transfer->body.append(data, static_cast<qsizetype>(bytes));
    return bytes;
}

int progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto* transfer = static_cast<Transfer*>(user);
    return transfer->handle->isCancelled() ? 1 : 0;
}

NetError errorFor(const Transfer& transfer, CURLcode code)
{
    const HttpRequest& request = transfer.request;
    const QString who
        = Text::tr("%1 at %2")
              .arg(request.service.isEmpty() ? Text::tr("Server") : request.service, displayUrl(request.url));
    const QString detail = transfer.errorBuffer[0] ? QString::fromUtf8(transfer.errorBuffer)
                                                   : QString::fromUtf8(curl_easy_strerror(code));
    NetError error;
    switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
        error.kind = NetError::Kind::Timeout;
        error.message = Text::tr("%1: no answer within %2 s.").arg(who, seconds(request.totalTimeout));
        break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        error.kind = NetError::Kind::Unreachable;
        error.message = Text::tr("%1: the host name cannot be resolved (%2).").arg(who, detail);
        break;
    case CURLE_COULDNT_CONNECT:
        error.kind = NetError::Kind::Unreachable;
        error.message = Text::tr("%1: connection refused or unreachable (%2).").arg(who, detail);
        break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
        error.kind = NetError::Kind::Tls;
        error.message = Text::tr("%1: TLS failed (%2).").arg(who, detail);
        break;
    case CURLE_PARTIAL_FILE:
        error.kind = NetError::Kind::Malformed;
        error.message = Text::tr("%1: the answer was cut off after %2 bytes (%3).")
                            .arg(who)
                            .arg(transfer.body.size())
                            .arg(detail);
        break;
    case CURLE_GOT_NOTHING:
        error.kind = NetError::Kind::Unreachable;
        error.message = Text::tr("%1: the server closed the connection without answering.").arg(who);
        break;
    case CURLE_ABORTED_BY_CALLBACK:
        error.kind = NetError::Kind::Cancelled;
        error.message = Text::tr("%1: cancelled.").arg(who);
        break;
    case CURLE_WRITE_ERROR:
        if (transfer.tooLarge) {
            error.kind = NetError::Kind::TooLarge;
            // Limits below 1 MiB are common (health checks cap at 64 KiB): "0 MB" would say nothing.
            error.message = Text::tr("%1: the answer is larger than the limit of %2.")
                                .arg(who, QLocale::c().formattedDataSize(request.maxResponseBytes, 0));
            break;
        }
        [[fallthrough]];
    default:
        error.kind = NetError::Kind::Unreachable;
        error.message = Text::tr("%1: %2.").arg(who, detail);
        break;
    }
    return error;
}

NetError httpError(const HttpRequest& request, int status, const QByteArray& body)
{
    NetError error;
    error.kind = (status == 401 || status == 403) ? NetError::Kind::Auth : NetError::Kind::Http;
    error.httpStatus = status;
    error.bodyExcerpt = bodyExcerpt(body);
    const QString who = request.service.isEmpty() ? Text::tr("Server") : request.service;
    error.message
        = Text::tr("%1 at %2 answered %3: %4")
              .arg(who, displayUrl(request.url))
              .arg(status)
              .arg(error.bodyExcerpt.isEmpty() ? Text::tr("(empty body)") : QString::fromUtf8(error.bodyExcerpt));
    return error;
}

} // namespace

class HttpClientEngine : public std::enable_shared_from_this<HttpClientEngine>
{
public:
    HttpClientEngine()
        : m_random(std::random_device {}())
    {
        globalInit();
        m_multi = curl_multi_init();
    }

    ~HttpClientEngine() { curl_multi_cleanup(m_multi); }

    void start()
    {
        m_thread = std::thread([this] { run(); });
    }

    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        curl_multi_wakeup(m_multi);
        if (m_thread.joinable())
            m_thread.join();
    }

    RequestHandlePtr enqueue(HttpRequest request, HttpClient::Callback onDone)
    {
        auto transfer = std::make_unique<Transfer>();
        transfer->request = std::move(request);
        transfer->onDone = std::move(onDone);
        transfer->handle = std::make_shared<RequestHandle>();
        transfer->handle->m_engine = weak_from_this();
        RequestHandlePtr handle = transfer->handle;
        {
            std::lock_guard lock(m_mutex);
            if (!m_stopping) {
                m_pending.push_back(std::move(transfer));
                transfer.reset();
            }
        }
        if (transfer) {
            // The client is shutting down: the promise is still one callback per request.
            deliver(*transfer, cancelled(*transfer));
            return handle;
        }
        curl_multi_wakeup(m_multi);
        return handle;
    }

    void wakeup() { curl_multi_wakeup(m_multi); }

private:
    using TransferPtr = std::unique_ptr<Transfer>;

    void run()
    {
        while (true) {
            std::deque<TransferPtr> incoming;
            {
                std::lock_guard lock(m_mutex);
                if (m_stopping)
                    break;
                incoming.swap(m_pending);
            }
            for (auto& transfer : incoming)
                admit(std::move(transfer));
            startDueRetries();

            int running = 0;
            curl_multi_perform(m_multi, &running);
            int queued = 0;
            while (CURLMsg* message = curl_multi_info_read(m_multi, &queued)) {
                if (message->msg == CURLMSG_DONE)
                    finish(message->easy_handle, message->data.result);
            }
            abortCancelled();
            // Bounded wait: cancellation flags are also noticed without a wakeup, retries start on time.
            curl_multi_poll(m_multi, nullptr, 0, pollTimeoutMs(), nullptr);
        }
        std::deque<TransferPtr> leftovers;
        {
            std::lock_guard lock(m_mutex);
            leftovers.swap(m_pending);
        }
        for (auto& [easy, transfer] : m_active) {
            curl_multi_remove_handle(m_multi, easy);
            leftovers.push_back(std::move(transfer));
        }
        m_active.clear();
        for (auto& transfer : m_waiting)
            leftovers.push_back(std::move(transfer));
        m_waiting.clear();
        for (auto& [key, queue] : m_queued) {
            for (auto& transfer : queue)
                leftovers.push_back(std::move(transfer));
        }
        m_queued.clear();
        for (auto& transfer : leftovers)
            deliver(*transfer, cancelled(*transfer));
    }

    static HttpResult cancelled(const Transfer& transfer)
    {
        HttpResult result;
        result.error = errorFor(transfer, CURLE_ABORTED_BY_CALLBACK);
        result.response.attempts = std::max(1, transfer.attempts);
        return result;
    }

    int pollTimeoutMs() const
    {
        int timeout = 250;
        const auto now = Clock::now();
        for (const auto& transfer : m_waiting) {
            const auto wait = std::chrono::ceil<std::chrono::milliseconds>(transfer->dueAt - now).count();
            timeout = std::clamp(static_cast<int>(wait), 0, timeout);
        }
        return timeout;
    }

    /// Starts the transfer now, or queues it behind others of its data source at the concurrency limit.
    void admit(TransferPtr transfer)
    {
        if (transfer->handle->isCancelled()) {
            deliver(*transfer, cancelled(*transfer));
            return;
        }
        const HttpRequest& request = transfer->request;
        if (!request.concurrencyKey.isEmpty() && request.maxConcurrent > 0
            && m_running.value(request.concurrencyKey) >= request.maxConcurrent) {
            m_queued[request.concurrencyKey].push_back(std::move(transfer));
            return;
        }
        begin(std::move(transfer));
    }

    /// A slot of `key` became free: the oldest waiting transfer of that source gets it.
    void admitQueued(const QString& key)
    {
        auto it = m_queued.find(key);
        if (it == m_queued.end())
            return;
        std::deque<TransferPtr>& queue = it->second;
        while (!queue.empty()) {
            TransferPtr next = std::move(queue.front());
            queue.pop_front();
            if (next->handle->isCancelled()) {
                deliver(*next, cancelled(*next));
                continue;
            }
            begin(std::move(next));
            break;
        }
        if (queue.empty())
            m_queued.erase(it);
    }

    void startDueRetries()
    {
        const auto now = Clock::now();
        for (auto it = m_waiting.begin(); it != m_waiting.end();) {
            if ((*it)->dueAt > now) {
                ++it;
                continue;
            }
            TransferPtr transfer = std::move(*it);
            it = m_waiting.erase(it);
            admit(std::move(transfer));
        }
    }

    void begin(TransferPtr transfer)
    {
        if (transfer->attempts == 0)
            transfer->firstStart = Clock::now();
        ++transfer->attempts;
        if (!transfer->request.concurrencyKey.isEmpty())
            ++m_running[transfer->request.concurrencyKey];
        CURL* easy = curl_easy_init();
        transfer->easy = easy;
        const HttpRequest& request = transfer->request;
        const QByteArray url = request.url.toEncoded();
        curl_easy_setopt(easy, CURLOPT_URL, url.constData());
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.constData());
        if (!request.body.isEmpty()) {
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
            curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, request.body.constData());
        }
        for (const auto& [name, value] : request.headers)
            transfer->headerList = curl_slist_append(transfer->headerList, QByteArray(name + ": " + value).constData());
        transfer->headerList = curl_slist_append(transfer->headerList, "Expect:");
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headerList);
        curl_easy_setopt(easy, CURLOPT_USERAGENT, "Firebreak/" FIREBREAK_VERSION);
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, ""); // every encoding libcurl decodes (gzip, deflate…)
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(easy, CURLOPT_MAXREDIRS, 5L);
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connectTimeout.count()));
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.totalTimeout.count()));
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, writeBody);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
        curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, progress);
        curl_easy_setopt(easy, CURLOPT_XFERINFODATA, transfer.get());
        curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->errorBuffer);
        curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
        if (!request.basicUser.isEmpty()) {
            curl_easy_setopt(easy, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
            curl_easy_setopt(easy, CURLOPT_USERNAME, request.basicUser.toUtf8().constData());
            curl_easy_setopt(easy, CURLOPT_PASSWORD, request.basicPassword.toUtf8().constData());
        }
        const TlsOptions& tls = request.tls;
        if (!tls.caFile.isEmpty())
            curl_easy_setopt(easy, CURLOPT_CAINFO, tls.caFile.toLocal8Bit().constData());
        if (!tls.clientCertFile.isEmpty())
            curl_easy_setopt(easy, CURLOPT_SSLCERT, tls.clientCertFile.toLocal8Bit().constData());
        if (!tls.clientKeyFile.isEmpty())
            curl_easy_setopt(easy, CURLOPT_SSLKEY, tls.clientKeyFile.toLocal8Bit().constData());
        if (tls.skipVerify) {
            spdlog::warn("event=tls_verify_disabled url={}", request.url.host().toStdString());
            curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
            curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
        }
        curl_multi_add_handle(m_multi, easy);
        m_active.emplace(easy, std::move(transfer));
    }

    /// Takes the transfer off the multi handle and frees its data-source slot.
    TransferPtr detach(std::map<CURL*, TransferPtr>::iterator it)
    {
        TransferPtr transfer = std::move(it->second);
        curl_multi_remove_handle(m_multi, it->first);
        m_active.erase(it);
        const QString& key = transfer->request.concurrencyKey;
        if (!key.isEmpty() && --m_running[key] <= 0)
            m_running.remove(key);
        return transfer;
    }

    void finish(CURL* easy, CURLcode code)
    {
        auto it = m_active.find(easy);
        if (it == m_active.end())
            return;
        TransferPtr transfer = detach(it);
        const QString key = transfer->request.concurrencyKey;

        HttpResult result;
        curl_off_t micros = 0;
        curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME_T, &micros);
        result.response.elapsedMs = static_cast<double>(micros) / 1000.0;
        result.response.attempts = transfer->attempts;
        long status = 0;
        if (code != CURLE_OK) {
            result.error = errorFor(*transfer, code);
        } else {
            curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
            const char* contentType = nullptr;
            curl_easy_getinfo(easy, CURLINFO_CONTENT_TYPE, &contentType);
            result.response.status = static_cast<int>(status);
            result.response.contentType = contentType ? QByteArray(contentType) : QByteArray();
            result.response.body = std::move(transfer->body);
            if (status >= 400)
                result.error = httpError(transfer->request, static_cast<int>(status), result.response.body);
        }
        spdlog::debug("event=http_done method={} url={} status={} elapsed_ms={:.1f} attempt={} error={}",
            transfer->request.method.toStdString(), displayUrl(transfer->request.url).toStdString(),
            result.response.status, result.response.elapsedMs, transfer->attempts,
            result.error ? static_cast<int>(result.error->kind) : -1);

        const bool retryable = result.error && (code != CURLE_OK ? retryableCode(code) : retryableStatus(status));
        const auto delay = retryable ? retryDelay(*transfer, retryAfter(easy)) : std::nullopt;
        if (delay && !transfer->handle->isCancelled()) {
            spdlog::info("event=http_retry url={} attempt={} delay_ms={} reason=\"{}\"",
                displayUrl(transfer->request.url).toStdString(), transfer->attempts, delay->count(),
                result.error->message.toStdString());
            transfer->release();
            transfer->dueAt = Clock::now() + *delay;
            m_waiting.push_back(std::move(transfer));
        } else {
            if (result.error && transfer->attempts > 1) {
                QString& message = result.error->message;
                if (message.endsWith(u'.'))
                    message.chop(1);
                message += Text::tr(", after %1 attempts.").arg(transfer->attempts);
            }
            deliver(*transfer, std::move(result));
        }
        admitQueued(key);
    }

    /// How long to wait before the next attempt, or nullopt when the policy says stop.
    std::optional<std::chrono::milliseconds> retryDelay(
        const Transfer& transfer, std::optional<std::chrono::milliseconds> serverAsked)
    {
        const RetryPolicy& policy = transfer.request.retry;
        if (!transfer.request.repeatable() || transfer.attempts >= policy.maxAttempts)
            return std::nullopt;
        std::chrono::milliseconds delay;
        if (serverAsked) {
            delay = *serverAsked;
        } else {
            // Full jitter (AWS architecture blog): spreads clients that failed together.
            const std::chrono::milliseconds doubled(policy.baseDelay.count() << std::min(transfer.attempts - 1, 20));
            const auto cap = std::min(policy.maxDelay, doubled);
            std::uniform_int_distribution<qint64> pick(0, cap.count());
            delay = std::chrono::milliseconds(pick(m_random));
        }
        const auto startsAt = Clock::now() + delay - transfer.firstStart;
        if (startsAt > policy.budget)
            return std::nullopt;
        return delay;
    }

    void abortCancelled()
    {
        for (auto it = m_active.begin(); it != m_active.end();) {
            if (!it->second->handle->isCancelled()) {
                ++it;
                continue;
            }
            auto next = std::next(it);
            TransferPtr transfer = detach(it);
            it = next;
            deliver(*transfer, cancelled(*transfer));
            admitQueued(transfer->request.concurrencyKey);
        }
        const auto dropCancelled = [](std::deque<TransferPtr>& list) {
            for (auto it = list.begin(); it != list.end();) {
                if (!(*it)->handle->isCancelled()) {
                    ++it;
                    continue;
                }
                TransferPtr transfer = std::move(*it);
                it = list.erase(it);
                deliver(*transfer, cancelled(*transfer));
            }
        };
        dropCancelled(m_waiting);
        for (auto& [key, queue] : m_queued)
            dropCancelled(queue);
    }

    static void deliver(Transfer& transfer, HttpResult result)
    {
        if (!transfer.onDone)
            return;
        try {
            transfer.onDone(std::move(result));
        } catch (const std::exception& e) {
            spdlog::error("event=http_callback_threw what=\"{}\"", e.what());
        }
    }

    CURLM* m_multi = nullptr;
    std::thread m_thread;
    std::mutex m_mutex;
    bool m_stopping = false;
    std::deque<TransferPtr> m_pending; // from other threads, under m_mutex
    // The rest belongs to the network thread.
    std::map<CURL*, TransferPtr> m_active;
    std::deque<TransferPtr> m_waiting; // for a retry, see dueAt
    std::map<QString, std::deque<TransferPtr>> m_queued; // per data source, at its concurrency limit
    QHash<QString, int> m_running; // per data source
    std::mt19937_64 m_random;
};

void RequestHandle::cancel()
{
    m_cancelled.store(true, std::memory_order_release);
    if (auto engine = m_engine.lock())
        engine->wakeup();
}

HttpClient::HttpClient()
    : m_engine(std::make_shared<HttpClientEngine>())
{
    m_engine->start();
}

HttpClient::~HttpClient()
{
    m_engine->stop();
}

RequestHandlePtr HttpClient::send(HttpRequest request, Callback onDone)
{
    return m_engine->enqueue(std::move(request), std::move(onDone));
}

RequestHandlePtr HttpClient::sendTo(HttpRequest request, QObject* context, Callback onDone)
{
    auto* app = QCoreApplication::instance();
    Q_ASSERT(app && context && context->thread() == app->thread());
    // The result is posted to the application object, which outlives every context, and the context
    // is checked on its own thread: checking a QPointer from the network thread would race with deletion.
    QPointer<QObject> guard(context);
    return send(std::move(request), [app, guard, onDone = std::move(onDone)](HttpResult result) mutable {
        QMetaObject::invokeMethod(
            app,
            [guard, onDone = std::move(onDone), result = std::move(result)]() mutable {
                if (guard)
                    onDone(std::move(result));
            },
            Qt::QueuedConnection);
    });
}

QString HttpClient::curlVersion()
{
    return QString::fromLatin1(curl_version_info(CURLVERSION_NOW)->version);
}

} // namespace firebreak::net
