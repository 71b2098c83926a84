#include "logpatterns.h"

#include "bytescan.h"
#include "logdedup.h"
#include "parallelchunks.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace firebreak::analysis {

using namespace bytescan;

namespace {

constexpr qsizetype LinesPerBlock = 65536; // masked together, then placed in the tree
constexpr qsizetype LinesPerChunk = 4096; // one parallel task; also how often `cancel` is read
constexpr qint32 Wildcard = 0; // token id of <*>

struct StringHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view> {}(s); }
};

/// Masked lines with whitespace runs turned into single spaces, chunk by chunk.
struct MaskedChunk
{
    std::string text;
    std::vector<std::size_t> ends;

    std::string_view line(std::size_t k) const
    {
        const std::size_t start = k == 0 ? 0 : ends[k - 1];
        return std::string_view(text).substr(start, ends[k] - start);
    }
};

void appendNormalised(std::string& out, QByteArrayView masked)
{
    const std::size_t start = out.size();
    out.resize(start + static_cast<std::size_t>(masked.size()));
    char* const begin = out.data() + start;
    char* w = begin;
    bool space = false;
    for (const char c : masked) {
        if (isSpace(c)) {
            space = true;
            continue;
        }
        if (space && w != begin)
            *w++ = ' ';
        space = false;
        *w++ = c;
    }
    out.resize(start + static_cast<std::size_t>(w - begin));
}

/// Words holding a placeholder of maskVariables: they are the variable part and never route the tree.
bool hasPlaceholder(std::string_view word)
{
    for (std::size_t at = word.find('<'); at != std::string_view::npos; at = word.find('<', at + 1)) {
        const std::string_view rest = word.substr(at);
        for (const std::string_view p :
            { std::string_view(mask::Num), std::string_view(mask::Ip), std::string_view(mask::Hex),
                std::string_view(mask::Uuid), std::string_view(mask::Time), std::string_view(mask::Duration) }) {
            if (rest.substr(0, p.size()) == p)
                return true;
        }
    }
    return false;
}

class DrainTree
{
public:
    explicit DrainTree(const DrainOptions& options)
        : m_options(options)
    {
        intern("<*>");
    }

    /// The cluster of a normalised masked line (placed in the tree).
    qint32 add(std::string_view line)
    {
        m_tokens.clear();
        m_routable.clear();
        std::size_t start = 0;
        while (start < line.size()) {
            std::size_t end = line.find(' ', start);
            if (end == std::string_view::npos)
                end = line.size();
            const std::string_view word = line.substr(start, end - start);
            m_tokens.push_back(intern(word));
            m_routable.push_back(!hasPlaceholder(word));
            start = end + 1;
        }
        const Node* found = findLeaf();
        const qint32 match = found ? bestMatch(*found) : -1;
        if (match >= 0) {
            std::vector<qint32>& words = m_clusters[static_cast<std::size_t>(match)];
            for (std::size_t i = 0; i < words.size(); ++i) {
                if (words[i] != m_tokens[i])
                    words[i] = generalise(words[i], m_tokens[i]);
            }
            return match;
        }
        const auto id = static_cast<qint32>(m_clusters.size());
        m_clusters.push_back(m_tokens);
        makeLeaf().clusters.push_back(id);
        return id;
    }

    qsizetype clusterCount() const { return static_cast<qsizetype>(m_clusters.size()); }

    QString templateText(qint32 cluster) const
    {
        std::string text;
        for (const qint32 word : m_clusters[static_cast<std::size_t>(cluster)]) {
            if (!text.empty())
                text += ' ';
            text += m_words[static_cast<std::size_t>(word)];
        }
        return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    }

private:
    struct Node
    {
        std::unordered_map<qint32, std::unique_ptr<Node>> children; // by word id
        std::vector<qint32> clusters;
    };

    qint32 intern(std::string_view word)
    {
        const auto it = m_wordIds.find(word);
        if (it != m_wordIds.end())
            return it->second;
        const auto id = static_cast<qint32>(m_words.size());
        m_words.emplace_back(word);
        m_wordIds.emplace(m_words.back(), id);
        // `key=`: letters, digits, _ . - before the first '='.
        std::size_t key = 0;
        const std::size_t equals = word.find('=');
        if (equals != std::string_view::npos && equals > 0) {
            const bool keyLike = std::all_of(word.begin(), word.begin() + static_cast<std::ptrdiff_t>(equals),
                [](char c) { return isAlnum(c) || c == '_' || c == '.' || c == '-'; });
            key = keyLike ? equals + 1 : 0;
        }
        m_keyLength.push_back(static_cast<qint32>(key));
        m_isParameter.push_back(word == "<*>" || (key > 0 && word.substr(key) == "<*>"));
        return id;
    }

    std::string_view keyOf(qint32 word) const
    {
        const auto w = static_cast<std::size_t>(word);
        return std::string_view(m_words[w]).substr(0, static_cast<std::size_t>(m_keyLength[w]));
    }

    /// What a template word becomes where a line has another word: `key=<*>` when both are `key=…` with the
    /// same key (logfmt keeps its keys readable: method=<*>), otherwise <*>.
    qint32 generalise(qint32 templateWord, qint32 lineWord)
    {
        if (templateWord == Wildcard)
            return Wildcard;
        const std::string_view key = keyOf(templateWord);
        if (key.empty() || key != keyOf(lineWord))
            return Wildcard;
        std::string keyed(key);
        keyed += "<*>";
        return intern(keyed);
    }

    std::size_t routeLevels() const
    {
        return std::min<std::size_t>(m_tokens.size(), static_cast<std::size_t>(std::max(0, m_options.depth - 2)));
    }

    /// Drain's search: token count, then the first depth - 2 words; a word without a child of its own
    /// follows the <*> child. Null when the path does not exist.
    Node* findLeaf()
    {
        const auto length = m_byLength.find(static_cast<qint32>(m_tokens.size()));
        if (length == m_byLength.end())
            return nullptr;
        Node* node = &length->second;
        for (std::size_t level = 0; level < routeLevels(); ++level) {
            const qint32 word = m_routable[level] ? m_tokens[level] : Wildcard;
            auto it = node->children.find(word);
            if (it == node->children.end())
                it = node->children.find(Wildcard);
            if (it == node->children.end())
                return nullptr;
            node = it->second.get();
        }
        return node;
    }

    /// Drain's insertion path (Drain3's rules): a node's children are its words until maxChildren, the last
    /// place going to <*>, which takes every word after that.
    Node& makeLeaf()
    {
        Node* node = &m_byLength[static_cast<qint32>(m_tokens.size())];
        const auto maxChildren = static_cast<std::size_t>(std::max(1, m_options.maxChildren));
        for (std::size_t level = 0; level < routeLevels(); ++level) {
            const qint32 word = m_routable[level] ? m_tokens[level] : Wildcard;
            auto it = node->children.find(word);
            if (it == node->children.end()) {
                qint32 key = word;
                if (word != Wildcard) {
                    const bool hasWildcard = node->children.count(Wildcard) > 0;
                    if (hasWildcard ? node->children.size() >= maxChildren : node->children.size() + 1 >= maxChildren)
                        key = Wildcard;
                }
                it = node->children.find(key);
                if (it == node->children.end())
                    it = node->children.emplace(key, std::make_unique<Node>()).first;
            }
            node = it->second.get();
        }
        return *node;
    }

    /// The leaf's cluster with the most equal fixed words (ties: more <*>, then the older), if similar enough.
    qint32 bestMatch(const Node& leaf) const
    {
        qint32 best = -1;
        double bestSimilarity = -1;
        std::size_t bestWildcards = 0;
        for (const qint32 id : leaf.clusters) {
            const std::vector<qint32>& words = m_clusters[static_cast<std::size_t>(id)];
            std::size_t equal = 0;
            std::size_t wildcards = 0;
            for (std::size_t i = 0; i < words.size(); ++i) {
                if (m_isParameter[static_cast<std::size_t>(words[i])])
                    ++wildcards;
                else if (words[i] == m_tokens[i])
                    ++equal;
            }
            const double similarity = words.empty() ? 1.0 : double(equal) / double(words.size());
            if (similarity > bestSimilarity || (similarity == bestSimilarity && wildcards > bestWildcards)) {
                best = id;
                bestSimilarity = similarity;
                bestWildcards = wildcards;
            }
        }
        return best >= 0 && bestSimilarity >= m_options.similarity ? best : -1;
    }

    DrainOptions m_options;
    std::unordered_map<qint32, Node> m_byLength;
    std::vector<std::vector<qint32>> m_clusters;
    std::vector<std::string> m_words; // by id
    std::vector<qint32> m_keyLength; // by id: length of its `key=`, 0 when none
    std::vector<bool> m_isParameter; // by id: <*> or key=<*>
    std::unordered_map<std::string, qint32, StringHash, std::equal_to<>> m_wordIds;
    std::vector<qint32> m_tokens; // of the line being added
    std::vector<bool> m_routable;
};

bool isCancelled(const std::atomic_bool* cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

PatternResult minePatterns(const LogBatch& batch, qint64 fromNs, qint64 toNs, int sparklineBuckets,
    const std::atomic_bool* cancel, const DrainOptions& options)
{
    PatternResult result;
    const qsizetype count = batch.size();
    std::vector<qint32> clusterOfLine(static_cast<std::size_t>(count));
    DrainTree tree(options);
    // Identical masked lines are placed once. Bounded: past the cap, new distinct lines go through the tree.
    constexpr std::size_t CacheCap = 1 << 18;
    std::unordered_map<std::string, qint32, StringHash, std::equal_to<>> placed;

    for (qsizetype blockStart = 0; blockStart < count; blockStart += LinesPerBlock) {
        const qsizetype blockEnd = std::min(count, blockStart + LinesPerBlock);
        const qsizetype chunks = chunkCount(blockEnd - blockStart, LinesPerChunk);
        std::vector<MaskedChunk> masked(static_cast<std::size_t>(chunks));
        forEachChunk(chunks, [&] {
            return [&](qsizetype chunk) {
                if (isCancelled(cancel))
                    return;
                QByteArray buffer;
                MaskedChunk& out = masked[static_cast<std::size_t>(chunk)];
                const qsizetype begin = blockStart + chunk * LinesPerChunk;
                const qsizetype end = std::min(blockEnd, begin + LinesPerChunk);
                out.ends.reserve(static_cast<std::size_t>(end - begin));
                for (qsizetype i = begin; i < end; ++i) {
                    maskVariablesInto(batch.text(batch.at(i)), buffer);
                    appendNormalised(out.text, buffer);
                    out.ends.push_back(out.text.size());
                }
            };
        });
        if (isCancelled(cancel)) {
            result.cancelled = true;
            return result;
        }
        for (qsizetype i = blockStart; i < blockEnd; ++i) {
            const qsizetype inBlock = i - blockStart;
            const MaskedChunk& chunk = masked[static_cast<std::size_t>(inBlock / LinesPerChunk)];
            const std::string_view line = chunk.line(static_cast<std::size_t>(inBlock % LinesPerChunk));
            qint32 cluster = -1;
            if (const auto it = placed.find(line); it != placed.end()) {
                cluster = it->second;
            } else {
                cluster = tree.add(line);
                if (placed.size() < CacheCap)
                    placed.emplace(std::string(line), cluster);
            }
            clusterOfLine[static_cast<std::size_t>(i)] = cluster;
        }
        if (isCancelled(cancel)) {
            result.cancelled = true;
            return result;
        }
    }

    // Statistics per cluster, then clusters ordered and numbered.
    const qsizetype clusters = tree.clusterCount();
    const int buckets = std::max(0, sparklineBuckets);
    const qint64 span = std::max<qint64>(1, toNs - fromNs);
    const qint64 bucketNs = buckets > 0 ? std::max<qint64>(1, (span + buckets - 1) / buckets) : 1;
    std::vector<LogPattern> patterns(static_cast<std::size_t>(clusters));
    std::vector<qsizetype> exampleLine(static_cast<std::size_t>(clusters), -1);
    for (LogPattern& p : patterns)
        p.sparkline.assign(static_cast<std::size_t>(buckets), 0);
    for (qsizetype i = 0; i < count; ++i) {
        const auto c = static_cast<std::size_t>(clusterOfLine[static_cast<std::size_t>(i)]);
        LogPattern& p = patterns[c];
        const qint64 ns = batch.at(i).timestampNs;
        if (p.count == 0) {
            p.firstNs = p.lastNs = ns;
            exampleLine[c] = i;
        } else {
            p.firstNs = std::min(p.firstNs, ns);
            p.lastNs = std::max(p.lastNs, ns);
        }
        ++p.count;
        if (buckets > 0 && ns >= fromNs && ns <= toNs) {
            const auto bucket = std::min<qint64>(buckets - 1, (ns - fromNs) / bucketNs);
            ++p.sparkline[static_cast<std::size_t>(bucket)];
        }
    }
    for (qsizetype c = 0; c < clusters; ++c) {
        LogPattern& p = patterns[static_cast<std::size_t>(c)];
        p.pattern = tree.templateText(static_cast<qint32>(c));
        p.example = batch.textString(batch.at(exampleLine[static_cast<std::size_t>(c)]));
    }
    std::vector<qint32> order(static_cast<std::size_t>(clusters));
    for (qsizetype c = 0; c < clusters; ++c)
        order[static_cast<std::size_t>(c)] = static_cast<qint32>(c);
    std::sort(order.begin(), order.end(), [&patterns](qint32 a, qint32 b) {
        const LogPattern& pa = patterns[static_cast<std::size_t>(a)];
        const LogPattern& pb = patterns[static_cast<std::size_t>(b)];
        if (pa.count != pb.count)
            return pa.count > pb.count;
        if (pa.firstNs != pb.firstNs)
            return pa.firstNs < pb.firstNs;
        if (pa.pattern != pb.pattern)
            return pa.pattern < pb.pattern;
        return a < b;
    });
    std::vector<qint32> idOfCluster(static_cast<std::size_t>(clusters));
    result.patterns.reserve(static_cast<std::size_t>(clusters));
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        idOfCluster[static_cast<std::size_t>(order[rank])] = static_cast<qint32>(rank);
        result.patterns.push_back(std::move(patterns[static_cast<std::size_t>(order[rank])]));
        result.patterns.back().id = static_cast<qint32>(rank);
    }
    result.patternOfLine.resize(static_cast<std::size_t>(count));
    for (qsizetype i = 0; i < count; ++i) {
        result.patternOfLine[static_cast<std::size_t>(i)]
            = idOfCluster[static_cast<std::size_t>(clusterOfLine[static_cast<std::size_t>(i)])];
    }
    return result;
}

bool isNewPattern(const LogPattern& pattern, qint64 sinceNs)
{
    return pattern.count > 0 && pattern.firstNs >= sinceNs;
}

} // namespace firebreak::analysis
