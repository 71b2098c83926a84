#pragma once

#include "httpclient.h"

namespace firebreak::net {

/// The request a panel is waiting for. Starting a newer one cancels the older, so a user who changes the
/// query or the time range quickly never waits for (or sees) answers to questions no longer asked.
/// The older request's callback still runs once, with NetError::Kind::Cancelled; callers ignore those.
class LatestRequest
{
public:
    LatestRequest() = default;
    LatestRequest(const LatestRequest&) = delete;
    LatestRequest& operator=(const LatestRequest&) = delete;
    ~LatestRequest() { cancel(); }

    void replace(RequestHandlePtr handle)
    {
        cancel();
        m_current = std::move(handle);
    }

    void cancel()
    {
        if (m_current)
            m_current->cancel();
        m_current.reset();
    }

    /// Whether `handle` is still the one wanted (its answer should be shown).
    bool isCurrent(const RequestHandlePtr& handle) const { return handle && handle == m_current; }
    bool isActive() const { return m_current && !m_current->isCancelled(); }

private:
    RequestHandlePtr m_current;
};

} // namespace firebreak::net
