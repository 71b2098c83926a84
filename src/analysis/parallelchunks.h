#pragma once

#include <QtGlobal>

#include <functional>

namespace firebreak::analysis {

/// Makes the per-thread state of a parallel loop (a compiled regex, scratch buffers…) and returns the function
/// that does one chunk with it.
using ChunkWorkerFactory = std::function<std::function<void(qsizetype chunk)>()>;

/// Runs every chunk in [0, chunks) once: on the calling thread and on the global thread pool's idle threads.
/// Threads take chunks in turn, so the caller orders results by chunk index (deterministic whatever thread ran
/// what). The caller works too and only waits for chunks already being done, so calling it from a pool thread
/// with the pool full cannot deadlock; it returns when every chunk is done, and no worker outlives the call.
void forEachChunk(qsizetype chunks, const ChunkWorkerFactory& makeWorker);

/// Chunks of about `linesPerChunk` lines for `lines` lines: at least 1 when there is any line.
inline qsizetype chunkCount(qsizetype lines, qsizetype linesPerChunk)
{
    return lines <= 0 ? 0 : (lines + linesPerChunk - 1) / linesPerChunk;
}

} // namespace firebreak::analysis
