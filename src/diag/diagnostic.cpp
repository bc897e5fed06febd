#include <hmicfrs/diag/diagnostic.hpp>

#include <algorithm>
#include <array>
#include <mutex>
#include <set>
#include <tuple>

namespace hmicfrs::diag {
namespace {

struct CodeInfo {
  Code code;
  std::string_view name;
};

constexpr std::array k_codes{
    CodeInfo{Code::read_error, "read-error"},
    CodeInfo{Code::limit_exceeded, "limit-exceeded"},
    CodeInfo{Code::encoding, "encoding"},
    CodeInfo{Code::control_character, "control-character"},
    CodeInfo{Code::yaml_syntax, "yaml-syntax"},
    CodeInfo{Code::yaml_tab, "yaml-tab"},
    CodeInfo{Code::yaml_duplicate_key, "duplicate-key"},
    CodeInfo{Code::yaml_anchor, "yaml-anchor"},
    CodeInfo{Code::yaml_tag, "yaml-tag"},
    CodeInfo{Code::yaml_non_scalar_key, "non-scalar-key"},
    CodeInfo{Code::yaml_multiple_documents, "multiple-documents"},
    CodeInfo{Code::empty_file, "empty-file"},
    CodeInfo{Code::wrong_type, "wrong-type"},
    CodeInfo{Code::missing_field, "missing-field"},
    CodeInfo{Code::unknown_field, "unknown-field"},
    CodeInfo{Code::unquoted_comma, "unquoted-comma"},
    CodeInfo{Code::invalid_value, "invalid-value"},
    CodeInfo{Code::invalid_date, "invalid-date"},
    CodeInfo{Code::invalid_id, "invalid-id"},
    CodeInfo{Code::schema_version, "schema-version"},
    CodeInfo{Code::history_order, "history-order"},
    CodeInfo{Code::superseded_without_by, "superseded-without-by"},
    CodeInfo{Code::by_without_superseded, "by-without-superseded"},
    CodeInfo{Code::rag_when_closed, "rag-when-closed"},
    CodeInfo{Code::rating_vocabulary, "rating-vocabulary"},
    CodeInfo{Code::rating_needs_closed_status, "rating-needs-closed-status"},
    CodeInfo{Code::date_order, "date-order"},
    CodeInfo{Code::not_a_monday, "not-a-monday"},
    CodeInfo{Code::gradings_not_peel, "gradings-not-peel"},
    CodeInfo{Code::missing_file, "missing-file"},
    CodeInfo{Code::unrecognised_file, "unrecognised-file"},
    CodeInfo{Code::word_template, "word-template"},
    CodeInfo{Code::duplicate_id, "duplicate-id"},
    CodeInfo{Code::unknown_reference, "unknown-reference"},
    CodeInfo{Code::unknown_area, "unknown-area"},
    CodeInfo{Code::area_added, "area-added"},
    CodeInfo{Code::grade_not_in_scale, "grade-not-in-scale"},
    CodeInfo{Code::supersession_cycle, "supersession-cycle"},
    CodeInfo{Code::repeats_chain, "repeats-chain"},
    CodeInfo{Code::repeat_history, "repeat-history"},
    CodeInfo{Code::cause_of_concern_without_recommendation, "cause-of-concern-without-recommendation"},
    CodeInfo{Code::counts_differ, "counts-differ"},
    CodeInfo{Code::unrated_open_finding, "unrated-open-finding"},
    CodeInfo{Code::future_history, "future-history"},
    CodeInfo{Code::response_duty, "response-duty"},
    CodeInfo{Code::action_progress, "action-progress"},
    CodeInfo{Code::action_rating, "action-rating"},
    CodeInfo{Code::spreadsheet_format, "spreadsheet-format"},
    CodeInfo{Code::returned_workbook, "returned-workbook"},
    CodeInfo{Code::returned_update, "returned-update"},
    CodeInfo{Code::update_conflict, "update-conflict"},
};

constexpr std::array k_all_codes = [] {
  std::array<Code, k_codes.size()> out{};
  for (std::size_t i = 0; i < k_codes.size(); ++i) out[i] = k_codes[i].code;
  return out;
}();

const std::string k_no_path;

}  // namespace

const std::string& Location::path() const { return file ? *file : k_no_path; }

SourceName source_name(std::string_view path) {
  // Never freed: a name outlives every location that points at it, whatever order the process ends in.
  static std::mutex mutex;
  static auto* const names = new std::set<std::string, std::less<>>;
  const std::lock_guard lock(mutex);
  auto found = names->find(path);
  if (found == names->end()) found = names->emplace(path).first;
  return &*found;
}

Location file_location(SourceName file, int line, int column) { return Location{file, line, column}; }

std::span<const Code> all_codes() { return k_all_codes; }

std::string_view code_name(Code code) {
  for (const CodeInfo& info : k_codes) {
    if (info.code == code) return info.name;
  }
  return "unknown";
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

Diagnostic& Diagnostics::add(Severity severity, Location location, std::string message, Code code) {
  return m_items.emplace_back(Diagnostic{severity, std::move(location), std::move(message), code, {}});
}

Diagnostic& Diagnostics::error(Location location, std::string message, Code code) {
  return add(Severity::error, std::move(location), std::move(message), code);
}

Diagnostic& Diagnostics::warning(Location location, std::string message, Code code) {
  return add(Severity::warning, std::move(location), std::move(message), code);
}

Diagnostic& Diagnostics::note(Location location, std::string message, Code code) {
  return add(Severity::note, std::move(location), std::move(message), code);
}

void Diagnostics::append(Diagnostics&& other) {
  m_items.insert(m_items.end(), std::make_move_iterator(other.m_items.begin()),
                 std::make_move_iterator(other.m_items.end()));
  other.m_items.clear();
}

namespace {

bool sorts_before(const Diagnostic& a, const Diagnostic& b) {
  return std::forward_as_tuple(a.location.path(), a.location.line, a.location.column, a.severity, a.message) <
         std::forward_as_tuple(b.location.path(), b.location.line, b.location.column, b.severity, b.message);
}

}  // namespace

void Diagnostics::sort() { std::stable_sort(m_items.begin(), m_items.end(), sorts_before); }

Diagnostic* Diagnostics::first_with(std::span<const Code> codes) {
  Diagnostic* first = nullptr;
  for (Diagnostic& d : m_items) {
    if (std::find(codes.begin(), codes.end(), d.code) == codes.end()) continue;
    if (first == nullptr || sorts_before(d, *first)) first = &d;
  }
  return first;
}

std::size_t Diagnostics::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(m_items.begin(), m_items.end(),
                                                [severity](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace hmicfrs::diag
