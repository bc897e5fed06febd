#include "tree_cache.hpp"

#include "file_read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <xxhash.h>

namespace hmicfrs::load {
namespace fs = std::filesystem;
namespace {

// Bump when parse_yaml gives different trees for the same bytes, or the payload's layout changes.
constexpr std::uint32_t k_format = 1;
constexpr std::string_view k_magic = "HMTREE\r\n";  // the line ends catch a copy that rewrote them
constexpr std::size_t k_key_size = 16;
constexpr std::size_t k_header_size = k_magic.size() + 4 + k_key_size + 8 + 8;

void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7f) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

void put_fixed(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

std::uint64_t get_fixed(std::string_view in, std::size_t at, int bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < bytes; ++i)
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  return value;
}

void put_text(std::string& out, std::string_view text) {
  put_varint(out, text.size());
  out += text;
}

void put_node(std::string& out, const Node& node) {
  out += static_cast<char>(node.kind);
  out += static_cast<char>(node.flow ? 1 : 0);
  put_varint(out, static_cast<std::uint64_t>(node.line));
  put_varint(out, static_cast<std::uint64_t>(node.column));
  switch (node.kind) {
    case Node::Kind::null: break;
    case Node::Kind::scalar: put_text(out, node.text); break;
    case Node::Kind::sequence:
      put_varint(out, node.items.size());
      for (const Node& item : node.items) put_node(out, item);
      break;
    case Node::Kind::mapping:
      put_varint(out, node.entries.size());
      for (const MapEntry& entry : node.entries) {
        put_text(out, entry.key);
        put_varint(out, static_cast<std::uint64_t>(entry.line));
        put_varint(out, static_cast<std::uint64_t>(entry.column));
        put_node(out, entry.value);
      }
      break;
  }
}

// Reads a payload with every length checked against what is left, and the
// loader's limits on depth and nodes applied as parse_yaml applies them.
class PayloadReader {
 public:
  PayloadReader(std::string_view in, const Limits& limits) : m_in(in), m_limits(limits) {}

  bool node(Node& out, int depth) {
    if (depth > m_limits.max_depth || ++m_nodes > m_limits.max_nodes_per_file) return false;
    std::uint64_t kind = 0, flow = 0;
    if (!byte(kind) || !byte(flow) || kind > static_cast<std::uint64_t>(Node::Kind::mapping) || flow > 1) return false;
    out.kind = static_cast<Node::Kind>(kind);
    out.flow = flow == 1;
    if (!position(out.line, out.column)) return false;
    std::uint64_t count = 0;
    switch (out.kind) {
      case Node::Kind::null: return true;
      case Node::Kind::scalar: return text(out.text, m_limits.max_scalar_bytes);
      case Node::Kind::sequence:
        // Each item takes at least four bytes, so a count cannot ask for more than is there.
        if (!varint(count) || count > left() / 4) return false;
        out.items.resize(count);
        for (Node& item : out.items) {
          if (!node(item, depth + 1)) return false;
        }
        return true;
      case Node::Kind::mapping:
        if (!varint(count) || count > left() / 7) return false;
        out.entries.resize(count);
        for (MapEntry& entry : out.entries) {
          if (!text(entry.key, m_limits.max_scalar_bytes) || !position(entry.line, entry.column) ||
              !node(entry.value, depth + 1)) {
            return false;
          }
        }
        return true;
    }
    return false;
  }

  bool at_end() const { return m_at == m_in.size(); }

 private:
  std::size_t left() const { return m_in.size() - m_at; }

  bool byte(std::uint64_t& out) {
    if (left() < 1) return false;
    out = static_cast<unsigned char>(m_in[m_at++]);
    return true;
  }

  bool varint(std::uint64_t& out) {
    out = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      std::uint64_t b = 0;
      if (!byte(b)) return false;
      out |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) return true;
    }
    return false;
  }

  bool position(int& line, int& column) {
    std::uint64_t l = 0, c = 0;
    if (!varint(l) || !varint(c) || l > INT_MAX || c > INT_MAX) return false;
    line = static_cast<int>(l);
    column = static_cast<int>(c);
    return true;
  }

  bool text(std::string& out, std::size_t most) {
    std::uint64_t size = 0;
    if (!varint(size) || size > left() || size > most) return false;
    out.assign(m_in.substr(m_at, size));
    m_at += size;
    return true;
  }

  std::string_view m_in;
  const Limits& m_limits;
  std::size_t m_at = 0;
  std::size_t m_nodes = 0;
};

// The whole of a cache entry, or nothing: never through a link, never one over 1 GiB.
std::optional<std::string> slurp(const fs::path& path) {
  FileRead read = read_regular_file(path, std::uintmax_t{1} << 30, true);
  if (read.problem != FileRead::Problem::none || read.bytes.size() != read.size) return std::nullopt;
  return std::move(read.bytes);
}

}  // namespace

std::string encode_tree(const Node& tree) {
  std::string out;
  put_node(out, tree);
  return out;
}

std::optional<Node> decode_tree(std::string_view payload, const Limits& limits) {
  PayloadReader reader(payload, limits);
  Node tree;
  if (!reader.node(tree, 0) || !reader.at_end()) return std::nullopt;
  return tree;
}

std::optional<Node> read_entry(std::string_view entry, std::string_view key, const Limits& limits) {
  if (entry.size() < k_header_size || entry.substr(0, k_magic.size()) != k_magic) return std::nullopt;
  std::size_t at = k_magic.size();
  if (get_fixed(entry, at, 4) != k_format) return std::nullopt;
  at += 4;
  if (entry.substr(at, k_key_size) != key) return std::nullopt;
  at += k_key_size;
  const std::uint64_t size = get_fixed(entry, at, 8);
  const std::uint64_t checksum = get_fixed(entry, at + 8, 8);
  const std::string_view payload = entry.substr(k_header_size);
  if (size != payload.size() || XXH3_64bits(payload.data(), payload.size()) != checksum) return std::nullopt;
  return decode_tree(payload, limits);
}

fs::path TreeCache::entry_path(std::string_view bytes, const Limits& limits, std::string& key) const {
  // The file's bytes, and all else that shapes its tree: the limits parse_yaml applied, the format, the version.
  const std::string salt =
      fmt::format("{}/{}/{}/{}/{}/{}/{}", HMICFRS_VERSION, k_format, limits.max_file_bytes, limits.max_scalar_bytes,
                  limits.max_nodes_per_file, limits.max_depth, limits.max_files);
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  XXH3_128bits_update(state, salt.data(), salt.size());
  XXH3_128bits_update(state, bytes.data(), bytes.size());
  const XXH128_hash_t hash = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  key.clear();
  put_fixed(key, hash.low64, 8);
  put_fixed(key, hash.high64, 8);
  const std::string hex = fmt::format("{:016x}{:016x}", hash.high64, hash.low64);
  return m_directory / fmt::format("trees-v{}", k_format) / hex.substr(0, 2) / hex.substr(2);
}

std::optional<Node> TreeCache::find(std::string_view bytes, const Limits& limits) const {
  std::string key;
  const fs::path path = entry_path(bytes, limits, key);
  const std::optional<std::string> entry = slurp(path);
  if (!entry) return std::nullopt;
  std::optional<Node> tree = read_entry(*entry, key, limits);
  // Used now: the last to be evicted. (A failure only makes it older.)
  if (tree) ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
  return tree;
}

void TreeCache::store(std::string_view bytes, const Limits& limits, const Node& tree) const {
  std::string key;
  const fs::path path = entry_path(bytes, limits, key);
  const std::string payload = encode_tree(tree);
  std::string entry(k_magic);
  put_fixed(entry, k_format, 4);
  entry += key;
  put_fixed(entry, payload.size(), 8);
  put_fixed(entry, XXH3_64bits(payload.data(), payload.size()), 8);
  entry += payload;

  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return;
  // Written beside its place and renamed into it, so that a reader sees a whole entry or none.
  std::string temporary = path.string() + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return;
  std::size_t written = 0;
  while (written < entry.size()) {
    const ssize_t n = ::write(fd, entry.data() + written, entry.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool ok = ::close(fd) == 0 && written == entry.size();
  if (!ok || std::rename(temporary.c_str(), path.c_str()) != 0) ::unlink(temporary.c_str());
}

void TreeCache::trim() const {
  struct Entry {
    fs::file_time_type used;
    std::uintmax_t size;
    fs::path path;
  };
  std::vector<Entry> entries;
  std::uintmax_t total = 0;
  std::error_code ec;
  const fs::path trees = m_directory / fmt::format("trees-v{}", k_format);
  for (fs::recursive_directory_iterator it(trees, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::uintmax_t size = it->file_size(ec);
    const fs::file_time_type used = it->last_write_time(ec);
    if (ec) {
      ec.clear();
      continue;
    }
    total += size;
    entries.push_back({used, size, it->path()});
  }
  if (total <= m_bound) return;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
  for (const Entry& entry : entries) {
    if (total <= m_bound / 5 * 4) break;
    if (fs::remove(entry.path, ec)) total -= entry.size;
  }
}

}  // namespace hmicfrs::load
