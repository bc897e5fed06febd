#include "register_edits.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include <hmicfrs/edit/findings.hpp>
#include <hmicfrs/model/limits.hpp>
#include <hmicfrs/query/links.hpp>
#include <hmicfrs/util/suggest.hpp>
#include <hmicfrs/util/text_rules.hpp>

#include "errors.hpp"
#include "files.hpp"

namespace hmicfrs::cli {
namespace fs = std::filesystem;
namespace {

// A file's bytes, at most as many as the loader reads from a file; else an IoError naming it.
std::string read_bytes(const fs::path& path) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw IoError(fmt::format("cannot read '{}': {}", path.string(), ec.message()));
  if (size > model::k_most_file_bytes) {
    throw IoError(fmt::format("'{}' is larger than a register's file may be; nothing written", path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in || in.peek() != std::ifstream::traits_type::eof()) {
    throw IoError(fmt::format("cannot read '{}' whole: it changed as it was read; nothing written", path.string()));
  }
  return bytes;
}

}  // namespace

std::optional<std::string> unusable_text(std::string_view text) {
  if (text.size() > model::k_most_value_bytes) {
    return fmt::format("holds {} bytes, more than the 1 MiB a register's value may hold: shorten it", text.size());
  }
  const auto fault = util::first_text_fault(text);
  if (!fault) return std::nullopt;
  const auto code = static_cast<unsigned>(fault->code);
  if (fault->kind == util::TextFault::Kind::invalid_utf8) {
    return fmt::format("holds a byte that is not UTF-8 (0x{:02X}): write it in UTF-8", code);
  }
  return fmt::format("holds a {} (U+{:04X}), which no register file may hold: remove it",
                     fault->kind == util::TextFault::Kind::bidi           ? "bidirectional control character"
                     : fault->kind == util::TextFault::Kind::noncharacter ? "noncharacter"
                                                                          : "control character",
                     code);
}

std::string kept_note(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      out += '\n';
    } else {
      if (text[i] == '\n') {
        while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      }
      out += text[i];
    }
  }
  while (!out.empty() && std::string_view(" \t\n").find(out.back()) != std::string_view::npos) out.pop_back();
  return out;
}

std::optional<answers::FindingRef> named_finding(const model::Dataset& dataset, const std::string& id) {
  if (auto found = query::find_finding(dataset, id)) return found;  // by the index: a lookup, not a search
  const std::string named = query::id_named(dataset, id);
  return named.empty() ? std::nullopt : query::find_finding(dataset, named);
}

std::string no_finding(const model::Dataset& dataset, std::string_view id) {
  std::vector<std::string_view> ids;
  for (const model::Inspection& inspection : dataset.inspections) {
    for (const model::Finding& finding : inspection.findings) ids.push_back(finding.id.view());
  }
  return fmt::format("no finding '{}' in the register{}", id, util::did_you_mean(id, ids));
}

RegisterEdits::File& RegisterEdits::file_of(const diag::Location& location) {
  const fs::path shown = location.path();
  for (File& file : m_files) {
    if (file.shown == shown) return file;
  }
  // Where the file really is: a link inside the register is written at its target; one that leads outside was
  // refused by the loader, and is refused here too.
  const fs::path& root = m_session.loaded().root;
  const fs::path base = root.empty() ? fs::path(".") : root;
  const fs::path relative = shown.lexically_relative(base).lexically_normal();
  std::error_code target_error;
  std::error_code base_error;
  const fs::path target = fs::canonical(base / relative, target_error);
  const fs::path real_base = fs::canonical(base, base_error);
  if (target_error || base_error || !inside(target, real_base)) {
    throw IoError(fmt::format("{}: cannot tell where it is inside the register; nothing written", shown.string()));
  }
  const fs::path relative_target = target.lexically_relative(real_base);
  std::string before = read_bytes(target);
  std::string after = before;
  return m_files.emplace_back(File{shown,
                                   relative,
                                   target,
                                   relative_target.generic_string(),
                                   (root / relative_target).string(),
                                   std::move(before),
                                   std::move(after),
                                   {},
                                   false,
                                   {}});
}

void RegisterEdits::add(const model::Finding& finding, edit::NewEntry entry) {
  file_of(finding.location).entries.emplace_back(finding.ref.str(), std::move(entry));
}

void RegisterEdits::add_finding(const model::Inspection& inspection, std::string_view item) {
  File& file = file_of(inspection.location);
  auto added = edit::add_finding(file.after, item);
  if (!added) {
    throw DataError(
        fmt::format("{}: cannot add a finding to {}: {}", file.shown.string(), inspection.id, added.error()));
  }
  edit::add_insertion(file.insertions, added->offset, added->size);
  file.after = std::move(added->bytes);
}

void RegisterEdits::create(const fs::path& relative, std::string text) {
  const fs::path& root = m_session.loaded().root;
  const fs::path target = (root.empty() ? fs::path(".") : root) / relative;
  std::error_code ec;
  const fs::file_type type = fs::symlink_status(target, ec).type();
  if (type == fs::file_type::none) {
    throw IoError(
        fmt::format("cannot tell whether {} is there ({}); nothing written", (root / relative).string(), ec.message()));
  }
  if (type != fs::file_type::not_found) {
    throw DataError(fmt::format("{} is there already; nothing written", (root / relative).string()));
  }
  const std::size_t size = text.size();
  File file{root / relative,
            relative,
            target,
            relative.generic_string(),
            (root / relative).string(),
            "",
            std::move(text),
            {},
            true,
            {}};
  edit::add_insertion(file.insertions, 0, size);
  m_files.push_back(std::move(file));
}

void RegisterEdits::check(const std::string& refusal) {
  for (File& file : m_files) {
    if (file.entries.empty()) continue;
    std::vector<edit::FindingEntry> entries;
    for (const auto& [ref, entry] : file.entries) entries.push_back({ref, &entry});
    auto added = edit::add_history_entries(file.after, entries);
    if (!added) throw DataError(fmt::format("{}: cannot add the entry to {}", file.shown.string(), added.error()));
    // Each insertion where it falls in the text as the ones before it left it.
    std::size_t shift = 0;
    for (const edit::Insertion& insertion : added->insertions) {
      edit::add_insertion(file.insertions, insertion.at + shift, insertion.size);
      shift += insertion.size;
    }
    file.after = std::move(added->bytes);
    file.entries.clear();
  }
  std::vector<load::SourceFile> edited;
  edited.reserve(m_files.size());
  for (const File& file : m_files) edited.push_back({file.relative, file.after});
  m_session.require_valid_with(edited, refusal);
}

void RegisterEdits::refuse_unwritable() const {
  for (const File& file : m_files) {
    if (!file.created && ::access(file.target.c_str(), W_OK) != 0) {
      throw IoError(fmt::format("{} cannot be written ({}); nothing written", file.written, std::strerror(errno)));
    }
    // A new file's folder may be made too: the nearest that is there must take it.
    fs::path folder = file.target.parent_path();
    while (file.created && !folder.empty() && !fs::exists(folder) && folder != folder.parent_path()) {
      folder = folder.parent_path();
    }
    if (::access(folder.empty() ? "." : folder.c_str(), W_OK | X_OK) != 0) {
      throw IoError(fmt::format(
          "{}: its folder cannot be written ({}), and the file is replaced through a new file beside it; nothing "
          "written",
          file.written, std::strerror(errno)));
    }
  }
}

std::string RegisterEdits::diff() const {
  std::string out;
  for (const File& file : m_files) {
    std::string diff = edit::unified_diff(file.before, file.after, file.relative_target, file.insertions);
    // A new file's diff comes from nothing, as git writes it.
    if (file.created) diff.replace(0, diff.find('\n'), "--- /dev/null");
    out += diff;
  }
  return out;
}

void RegisterEdits::write() const {
  for (const File& file : m_files) {
    if (m_session.environment().while_editing) m_session.environment().while_editing(file.target.string());
    std::error_code ec;
    if (file.created ? fs::symlink_status(file.target, ec).type() != fs::file_type::not_found
                     : read_bytes(file.target) != file.before) {
      throw DataError(fmt::format("{} {} while the change was made; nothing written: run it again", file.written,
                                  file.created ? "was made" : "changed"));
    }
  }
  // New files' folders first: a folder that cannot be made stops the run before any file is written.
  for (const File& file : m_files) {
    if (!file.created) continue;
    std::error_code ec;
    fs::create_directories(file.target.parent_path(), ec);
    if (ec) {
      throw IoError(fmt::format("cannot make the folder of {} ({}); nothing written", file.written, ec.message()));
    }
  }
  for (std::size_t i = 0; i < m_files.size(); ++i) {
    try {
      write_file_atomically(m_files[i].target, m_files[i].after);
    } catch (const std::exception& e) {
      std::vector<std::string> written;
      std::vector<std::string> left;
      for (std::size_t j = 0; j < m_files.size(); ++j) (j < i ? written : left).push_back(m_files[j].written);
      throw IoError(fmt::format(
          "cannot write {}: {}; {}; not written: {}", m_files[i].written, e.what(),
          written.empty() ? std::string("nothing was written") : fmt::format("written: {}", fmt::join(written, ", ")),
          fmt::join(left, ", ")));
    }
  }
}

std::vector<std::string> RegisterEdits::written_names() const {
  std::vector<std::string> names;
  for (const File& file : m_files) names.push_back(file.written);
  return names;
}

}  // namespace hmicfrs::cli
