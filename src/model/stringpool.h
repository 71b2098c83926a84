#pragma once

#include <QString>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace firebreak {

/// Interned byte strings (UTF-8 text, or raw bytes for bytes attributes): each distinct string is stored once
/// and named by a dense 32-bit id. Id 0 is the empty string. Strings live in large blocks that never move,
/// so views stay valid for the pool's lifetime, also after the pool itself was moved.
class StringPool
{
public:
    using Id = std::uint32_t;
    static constexpr Id Empty = 0;

    StringPool();
    StringPool(StringPool&&) noexcept = default;
    StringPool& operator=(StringPool&&) noexcept = default;
    StringPool(const StringPool&) = delete;
    StringPool& operator=(const StringPool&) = delete;

    static constexpr Id NotFound = 0xffffffffu;

    Id intern(std::string_view text);
    /// The id of `text` when it was interned, else NotFound.
    Id find(std::string_view text) const;

    std::string_view view(Id id) const { return m_views[id]; }
    QString string(Id id) const
    {
        const std::string_view v = m_views[id];
        return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
    }
    std::size_t size() const { return m_views.size(); }
    /// Bytes held: blocks, views, hashes and the lookup table.
    std::size_t memoryBytes() const;

private:
    static constexpr std::size_t BlockSize = 64 * 1024;

    std::string_view store(std::string_view text);
    void grow();

    std::vector<std::unique_ptr<char[]>> m_blocks;
    std::size_t m_blockBytes = 0; // sum of the blocks' sizes
    char* m_cursor = nullptr;
    std::size_t m_left = 0;
    std::vector<std::string_view> m_views; // by id
    std::vector<std::uint32_t> m_hashes; // by id: rejects most mismatches without comparing, and rehashes
    // Open addressing with linear probing: ids, 0 for a free slot (the empty string is never looked up here).
    // One allocation for all strings instead of a node each: interning is the hot loop of reading a trace.
    std::vector<Id> m_slots;
};

} // namespace firebreak
