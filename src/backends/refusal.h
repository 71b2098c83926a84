#pragma once

#include "net/httpclient.h"

#include <QMetaObject>
#include <QObject>

#include <functional>
#include <memory>

namespace firebreak::backends {

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
