#include "stringpool.h"

#include <cstring>

namespace firebreak {

StringPool::StringPool()
{
    m_views.emplace_back();
    m_index.emplace(std::string_view(), Empty);
}

std::string_view StringPool::store(std::string_view text)
{
    if (text.size() > m_left) {
        // Long strings get a block of their own, so the current block's rest is not wasted.
        const std::size_t size = text.size() > BlockSize / 4 ? text.size() : BlockSize;
        m_blocks.push_back(std::make_unique_for_overwrite<char[]>(size));
        m_blockBytes += size;
        if (size == BlockSize) {
            m_cursor = m_blocks.back().get();
            m_left = size;
        } else {
            std::memcpy(m_blocks.back().get(), text.data(), text.size());
            return { m_blocks.back().get(), text.size() };
        }
    }
    std::memcpy(m_cursor, text.data(), text.size());
    const std::string_view stored(m_cursor, text.size());
    m_cursor += text.size();
    m_left -= text.size();
    return stored;
}

StringPool::Id StringPool::intern(std::string_view text)
{
    if (text.empty())
        return Empty;
    if (const auto it = m_index.find(text); it != m_index.end())
        return it->second;
    const std::string_view stored = store(text);
    const Id id = static_cast<Id>(m_views.size());
    m_views.push_back(stored);
    m_index.emplace(stored, id);
    return id;
}

StringPool::Id StringPool::find(std::string_view text) const
{
    const auto it = m_index.find(text);
    return it == m_index.end() ? NotFound : it->second;
}

std::size_t StringPool::memoryBytes() const
{
    // A node of the table: next pointer, key, value and cached hash, plus the allocator's header.
    constexpr std::size_t NodeBytes = sizeof(void*) + sizeof(std::string_view) + sizeof(Id) + sizeof(std::size_t) + 16;
    return m_blockBytes + m_views.capacity() * sizeof(std::string_view) + m_index.size() * NodeBytes
        + m_index.bucket_count() * sizeof(void*);
}

} // namespace firebreak
