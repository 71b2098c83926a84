#include "stringpool.h"

#include <cstring>
#include <functional>

namespace firebreak {

namespace {

std::uint32_t hashOf(std::string_view text)
{
    const std::size_t h = std::hash<std::string_view> {}(text);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
}

} // namespace

StringPool::StringPool()
{
    m_views.emplace_back();
    m_hashes.push_back(0);
    m_slots.assign(1024, 0);
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

void StringPool::grow()
{
    std::vector<Id> table(m_slots.size() * 2, 0);
    const std::size_t mask = table.size() - 1;
    for (Id id = 1; id < m_views.size(); ++id) {
        std::size_t i = m_hashes[id] & mask;
        while (table[i] != 0)
            i = (i + 1) & mask;
        table[i] = id;
    }
    m_slots = std::move(table);
}

StringPool::Id StringPool::intern(std::string_view text)
{
    if (text.empty())
        return Empty;
    const std::uint32_t hash = hashOf(text);
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hash & mask;
    while (const Id id = m_slots[i]) {
        if (m_hashes[id] == hash && m_views[id] == text)
            return id;
        i = (i + 1) & mask;
    }
    const Id id = static_cast<Id>(m_views.size());
    m_views.push_back(store(text));
    m_hashes.push_back(hash);
    m_slots[i] = id;
    if (m_views.size() * 2 > m_slots.size()) // at most half full: probes stay short
        grow();
    return id;
}

StringPool::Id StringPool::find(std::string_view text) const
{
    if (text.empty())
        return Empty;
    const std::uint32_t hash = hashOf(text);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask; const Id id = m_slots[i]; i = (i + 1) & mask) {
        if (m_hashes[id] == hash && m_views[id] == text)
            return id;
    }
    return NotFound;
}

std::size_t StringPool::memoryBytes() const
{
    return m_blockBytes + m_views.capacity() * sizeof(std::string_view) + m_hashes.capacity() * sizeof(std::uint32_t)
        + m_slots.capacity() * sizeof(Id);
}

} // namespace firebreak
