#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hmicfrs::diag {

// A source file's name as diagnostics show it, interned: one copy per name
// for the life of the process, so that the many locations of a register
// share it with an 8-byte pointer and no reference count.
using SourceName = const std::string*;
SourceName source_name(std::string_view path);

// A place in a source file; line and column are 1-based, 0 when unknown
// (a whole-file problem). Columns count characters, not bytes.
struct Location {
  SourceName file = nullptr;
  int line = 0;
  int column = 0;

  // The path as the user gave it, or "" when there is no file.
  const std::string& path() const;
};

// A location in `file` that many records share without copying the path. A
// problem with the file as a whole is placed at line 1, column 1, so that
// every tool that reads path:line:column output picks it up.
Location file_location(SourceName file, int line = 1, int column = 1);

enum class Severity { error, warning, note };

// Every kind of problem the tool reports, with a stable name (see code_name)
// that users can search for and CI can match on.
enum class Code {
  // Reading and YAML structure (one file at a time).
  read_error,
  limit_exceeded,
  encoding,
  control_character,
  yaml_syntax,
  yaml_tab,
  yaml_duplicate_key,
  yaml_anchor,
  yaml_tag,
  yaml_non_scalar_key,
  yaml_multiple_documents,
  empty_file,
  // Decoding one record.
  wrong_type,
  missing_field,
  unknown_field,
  unquoted_comma,
  invalid_value,
  invalid_date,
  invalid_id,
  schema_version,
  history_order,
  superseded_without_by,
  by_without_superseded,
  rag_when_closed,
  rating_vocabulary,
  rating_needs_closed_status,
  date_order,
  not_a_monday,
  gradings_not_peel,
  // Across records and files.
  missing_file,
  unrecognised_file,
  word_template,
  duplicate_id,
  unknown_reference,
  unknown_area,
  area_added,
  grade_not_in_scale,
  supersession_cycle,
  repeats_chain,
  repeat_history,
  cause_of_concern_without_recommendation,
  counts_differ,
  unrated_open_finding,
  future_history,
  response_duty,
  action_progress,
  action_rating,
  // Importing a spreadsheet tracker.
  spreadsheet_format,
  // Collecting owners' updates from the workbooks chase wrote.
  returned_workbook,
  returned_update,
  update_conflict,
};

// All codes, in declaration order.
std::span<const Code> all_codes();

// The stable kebab-case name of a code, e.g. "duplicate-key".
std::string_view code_name(Code code);

// "error", "warning" or "note".
std::string_view severity_name(Severity severity);

// A secondary location attached to a diagnostic ("first defined here").
struct Note {
  Location location;
  std::string message;
};

// One problem found in the data.
struct Diagnostic {
  Severity severity = Severity::error;
  Location location;
  std::string message;
  Code code = Code::yaml_syntax;
  std::vector<Note> notes;
};

// Collects diagnostics from every stage; never throws them.
class Diagnostics {
 public:
  // Adds a diagnostic and returns it, so that notes can be attached.
  Diagnostic& add(Severity severity, Location location, std::string message, Code code);
  Diagnostic& error(Location location, std::string message, Code code);
  Diagnostic& warning(Location location, std::string message, Code code);
  Diagnostic& note(Location location, std::string message, Code code);

  // Moves every diagnostic of `other` into this one.
  void append(Diagnostics&& other);

  // Orders by path, line, column, then severity and text, so output is stable.
  void sort();

  // The diagnostic that sorts first among those with one of `codes`, or nullptr.
  Diagnostic* first_with(std::span<const Code> codes);

  const std::vector<Diagnostic>& items() const { return m_items; }
  std::size_t count(Severity severity) const;
  bool has_errors() const { return count(Severity::error) > 0; }
  bool empty() const { return m_items.empty(); }

 private:
  std::vector<Diagnostic> m_items;
};

}  // namespace hmicfrs::diag
