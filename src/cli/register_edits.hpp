#pragma once

// History entries added to findings in the register's files, as `update` and `collect` make them: each file found at
// its real place inside the register and edited in its bytes (edit/), the register checked with every edited file
// before anything is written, the change shown as a diff, and each file replaced atomically unless another editor
// saved it meanwhile. Private to cli/.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/edit/history.hpp>
#include <hmicfrs/model/register.hpp>

#include "context.hpp"

namespace hmicfrs::cli {

// Why no register's value may hold `text` (as the loader refuses it): "holds a control character (U+0007), which
// no register file may hold: remove it"; nothing when it may.
std::optional<std::string> unusable_text(std::string_view text);

// A note as the register keeps it: line breaks as LF (a note pasted from Windows has CR LF), no white space at the
// end of a line or of the note, which editors strip and a literal block cannot keep.
std::string kept_note(std::string_view text);

// The finding an id names: exactly, else but for case; nothing when none.
std::optional<answers::FindingRef> named_finding(const model::Dataset& dataset, const std::string& id);
// "no finding 'X' in the register: did you mean 'Y'?", for the error of an id that names none.
std::string no_finding(const model::Dataset& dataset, std::string_view id);

class RegisterEdits {
 public:
  explicit RegisterEdits(const Session& session) : m_session(session) {}

  // Adds `entry` to the end of `finding`'s history (one entry a finding), in its file's bytes, with the file's other
  // entries when check() is called; a DataError then when the file cannot take them.
  void add(const model::Finding& finding, edit::NewEntry entry);
  // Adds `item` (as edit::add_finding takes it) to the end of `inspection`'s findings, in its file's bytes as edited
  // so far; a DataError when the file cannot take it.
  void add_finding(const model::Inspection& inspection, std::string_view item);
  // A new inspection file at `relative` inside the register, holding `text`; a DataError when a file is there.
  void create(const std::filesystem::path& relative, std::string text);

  // The entries added, made in their files; then the register as it would be with every edited file, checked: its
  // errors refuse the edits (a DataError saying `refusal`); the warnings they add are told.
  void check(const std::string& refusal);
  // An IoError when an edited file, or the folder its replacement is written in, cannot be written: said before the
  // diff, so that nothing reads as done that is not.
  void refuse_unwritable() const;
  // One unified diff for each edited file, in the order each was first edited, each naming the file as it is
  // inside the register (`git apply` takes it).
  std::string diff() const;
  // Replaces each edited file, once every one is known not to have changed since it was read (else a DataError and
  // nothing written). A failure while writing is an IoError naming the files written and those not.
  void write() const;
  // The files edited, as the user names the register.
  std::vector<std::string> written_names() const;

 private:
  struct File {
    std::filesystem::path shown;     // as the register's walk found it
    std::filesystem::path relative;  // that, inside the register: what load_edited replaces
    std::filesystem::path target;    // where it really is
    std::string relative_target;     // that, inside the register, as the diff names it
    std::string written;             // that, as the user names the register
    std::string before;
    std::string after;
    std::vector<edit::Insertion> insertions;  // what the edits inserted, as bytes of `before`
    bool created = false;                     // a new file, which `before` is empty for
    // Entries waiting to be added (check() adds them, all at once): each finding's ref, and the entry.
    std::vector<std::pair<std::string, edit::NewEntry>> entries;
  };
  File& file_of(const diag::Location& location);

  const Session& m_session;
  std::vector<File> m_files;
};

}  // namespace hmicfrs::cli
