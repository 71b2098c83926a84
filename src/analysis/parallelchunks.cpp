#include "parallelchunks.h"

#include <QThreadPool>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace firebreak::analysis {

namespace {

struct ChunkRun
{
    std::atomic<qsizetype> next { 0 };
    qsizetype total = 0;
    ChunkWorkerFactory makeWorker;
    std::mutex mutex;
    std::condition_variable finished;
    qsizetype done = 0;
};

void takeChunks(ChunkRun& run)
{
    qsizetype chunk = run.next.fetch_add(1);
    // A helper that starts after the last chunk was taken must not touch the caller's state (its factory
    // refers to the caller's stack): it only makes a worker once it holds a chunk, which keeps the caller waiting.
    if (chunk >= run.total)
        return;
    qsizetype count = 0;
    {
        const std::function<void(qsizetype)> worker = run.makeWorker();
        do {
            worker(chunk);
            ++count;
        } while ((chunk = run.next.fetch_add(1)) < run.total);
    }
    const std::lock_guard lock(run.mutex);
    run.done += count;
    if (run.done == run.total)
        run.finished.notify_all();
}

} // namespace

void forEachChunk(qsizetype chunks, const ChunkWorkerFactory& makeWorker)
{
    if (chunks <= 0)
        return;
    if (chunks == 1) {
        makeWorker()(0);
        return;
    }
    auto run = std::make_shared<ChunkRun>();
    run->total = chunks;
    run->makeWorker = makeWorker;
    QThreadPool* pool = QThreadPool::globalInstance();
    const qsizetype helpers = std::min<qsizetype>(chunks - 1, pool->maxThreadCount());
    // tryStart: only threads idle now. Queued tasks could run long after the work is done, or never.
    for (qsizetype i = 0; i < helpers; ++i) {
        if (!pool->tryStart([run] { takeChunks(*run); }))
            break;
    }
    takeChunks(*run);
    std::unique_lock lock(run->mutex);
    run->finished.wait(lock, [&run] { return run->done == run->total; });
}

} // namespace firebreak::analysis
