#pragma once

#include "net/httpclient.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace firebreak::backends {

/// A function, callable from any thread, that hands an answer to `onDone` on the application's thread, or drops
/// it when `context` is gone by then. `context` must live on the application's thread.
template <typename Answer>
std::function<void(Answer)> deliverOnAppThread(QObject* context, std::function<void(Answer)> onDone)
{
    auto* app = QCoreApplication::instance();
    Q_ASSERT(app && context && context->thread() == app->thread());
    // Posted to the application object, which outlives every context; the context is checked on its own thread
    // (a QPointer read from another thread would race with deletion).
    QPointer<QObject> guard(context);
    return [app, guard, onDone = std::move(onDone)](Answer answer) {
        QMetaObject::invokeMethod(
            app,
            [guard, onDone, answer = std::move(answer)]() mutable {
                if (guard)
                    onDone(std::move(answer));
            },
            Qt::QueuedConnection);
    };
}

/// Answers a request refused before sending (bad range, empty query) with `error`, from `context`'s event loop
/// rather than from inside the call: callers see every answer arrive the same, asynchronous way.
template <typename Answer, typename Error>
net::RequestHandlePtr refuseLater(QObject* context, std::function<void(Answer)> onDone, Error error)
{
    Answer answer;
    answer.error = std::move(error);
    QMetaObject::invokeMethod(
        context, [onDone = std::move(onDone), answer = std::move(answer)]() mutable { onDone(std::move(answer)); },
        Qt::QueuedConnection);
    return std::make_shared<net::RequestHandle>();
}

} // namespace firebreak::backends
