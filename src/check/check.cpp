#include <hmicfrs/check/check.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <hmicfrs/query/actions.hpp>
#include <hmicfrs/query/links.hpp>
#include <hmicfrs/query/oversight.hpp>
#include <hmicfrs/query/state.hpp>
#include <hmicfrs/util/parallel.hpp>
#include <hmicfrs/util/suggest.hpp>

namespace hmicfrs::check {
namespace {

using diag::Code;
using model::Finding;
using model::Inspection;

// Reports every record whose key repeats an earlier one's, with a note at the first, in the records' order.
// Sorted rather than hashed: called once per inspection for its findings, a hash table allocated a node per key.
template <class Range, class Key, class Where>
void report_duplicates(const Range& records, Key key, Where where, std::string_view what,
                       diag::Diagnostics& diagnostics) {
  struct Keyed {
    std::string_view key;
    std::size_t order;
  };
  std::vector<const diag::Location*> locations;
  std::vector<Keyed> keyed;
  for (const auto& record : records) {
    keyed.push_back({key(record), locations.size()});
    locations.push_back(&where(record));
  }
  // Equal keys side by side, each run in the records' order: its first is the one defined first.
  std::sort(keyed.begin(), keyed.end(),
            [](const Keyed& a, const Keyed& b) { return a.key != b.key ? a.key < b.key : a.order < b.order; });
  struct Repeat {
    std::size_t record;
    std::size_t first;  // the record that has the key first
    std::string_view key;
  };
  std::vector<Repeat> repeats;
  for (std::size_t i = 1, first = 0; i < keyed.size(); ++i) {
    if (keyed[i].key != keyed[first].key) {
      first = i;
    } else {
      repeats.push_back({keyed[i].order, keyed[first].order, keyed[i].key});
    }
  }
  std::sort(repeats.begin(), repeats.end(), [](const Repeat& a, const Repeat& b) { return a.record < b.record; });
  for (const Repeat& repeat : repeats) {
    auto& d = diagnostics.error(*locations[repeat.record], fmt::format("duplicate {} '{}'", what, repeat.key),
                                Code::duplicate_id);
    d.notes.push_back({*locations[repeat.first], "first defined here"});
  }
}

// "Did you mean" over the register's sets of ids, each indexed once, on first
// use, so that many unknown references cost n log n, not n squared.
class Suggestions {
 public:
  explicit Suggestions(const model::Dataset& dataset) : m_dataset(dataset) {}

  std::string portfolio(std::string_view word) {
    return suggest(&m_dataset.config, word, [&] {
      const std::span<const std::string_view> ids = portfolio_ids();
      return std::vector<std::string_view>(ids.begin(), ids.end());
    });
  }
  // The portfolios the configuration declares, in its order: gathered once, however many references miss.
  std::span<const std::string_view> portfolio_ids() {
    if (!m_portfolio_ids) {
      m_portfolio_ids.emplace();
      for (const model::Portfolio& p : m_dataset.config.portfolios) m_portfolio_ids->push_back(p.id);
    }
    return *m_portfolio_ids;
  }
  std::string inspection(std::string_view word) {
    return suggest(&m_dataset.inspections, word, [&] {
      std::vector<std::string_view> ids;
      for (const Inspection& i : m_dataset.inspections) ids.push_back(i.id);
      std::sort(ids.begin(), ids.end());
      return ids;
    });
  }
  std::string finding_of(const Inspection& inspection, std::string_view word) {
    return suggest(&inspection, word, [&] {
      std::vector<std::string_view> ids;
      for (const Finding& f : inspection.findings) ids.push_back(f.id);
      return ids;
    });
  }
  std::string area_of(const model::PeelCycle& cycle, std::string_view word) {
    return suggest(&cycle, word, [&] {
      std::vector<std::string_view> ids;
      for (const model::PeelArea& a : cycle.areas) ids.push_back(a.id);
      return ids;
    });
  }

 private:
  // The suggestion among the ids `ids()` lists, indexed under `set`.
  template <class Ids>
  std::string suggest(const void* set, std::string_view word, Ids ids) {
    auto& suggester = m_suggesters[set];
    if (!suggester) suggester = std::make_unique<util::Suggester>(ids());
    return suggester->did_you_mean(word);
  }

  const model::Dataset& m_dataset;
  std::map<const void*, std::unique_ptr<util::Suggester>> m_suggesters;
  std::optional<std::vector<std::string_view>> m_portfolio_ids;
};

// Every finding of the register by id, with its inspection.
class FindingIndex {
 public:
  FindingIndex(const model::Dataset& dataset, bool incomplete, Suggestions& suggestions)
      : m_incomplete(incomplete), m_suggestions(suggestions) {
    m_inspections.reserve(dataset.inspections.size());
    m_findings.reserve(dataset.finding_count());
    for (const Inspection& inspection : dataset.inspections) {
      m_inspections.emplace(inspection.id, &inspection);
      for (const Finding& finding : inspection.findings) m_findings.emplace(finding.id, &finding);
    }
  }

  const Finding* find(std::string_view id) const {
    const auto it = m_findings.find(id);
    return it == m_findings.end() ? nullptr : it->second;
  }

  // Reports a reference that names no finding; returns the finding otherwise.
  const Finding* require(const model::Located<model::Interned>& reference, const Inspection& from,
                         std::string_view field, diag::Diagnostics& diagnostics) const {
    const std::string id = query::resolve_reference(reference.value, from);
    if (const Finding* finding = find(id)) return finding;
    auto& d = diagnostics.error(reference.location,
                                fmt::format("'{}' names no finding: there is no '{}'{}", field, id, suggestion(id)),
                                Code::unknown_reference);
    if (m_incomplete) {
      d.notes.push_back({reference.location, "some inspection files could not be loaded: fix those errors first"});
    }
    return nullptr;
  }

 private:
  // A near miss among the refs of the named inspection, or among inspection ids.
  std::string suggestion(const std::string& id) const {
    const std::string_view inspection_id = std::string_view(id).substr(0, id.find('/'));
    const auto it = m_inspections.find(inspection_id);
    if (it == m_inspections.end()) return m_suggestions.inspection(inspection_id);
    return m_suggestions.finding_of(*it->second, id);
  }

  // Keyed by views of the records' own ids, which outlive the index.
  std::unordered_map<std::string_view, const Inspection*> m_inspections;
  std::unordered_map<std::string_view, const Finding*> m_findings;
  bool m_incomplete;
  Suggestions& m_suggestions;
};

void check_unique_ids(const model::Dataset& dataset, diag::Diagnostics& diagnostics) {
  const auto location = [](const auto& record) -> const diag::Location& { return record.location; };
  report_duplicates(
      dataset.config.portfolios, [](const model::Portfolio& p) -> std::string_view { return p.id; }, location,
      "portfolio id", diagnostics);
  report_duplicates(
      dataset.config.priorities.values, [](const model::Priority& p) -> std::string_view { return p.id; }, location,
      "priority id", diagnostics);
  report_duplicates(
      dataset.meetings, [](const model::Meeting& m) -> std::string_view { return m.id; }, location, "meeting id",
      diagnostics);
  report_duplicates(
      dataset.inspections, [](const Inspection& i) -> std::string_view { return i.id; }, location, "inspection id",
      diagnostics);
  for (const Inspection& inspection : dataset.inspections) {
    report_duplicates(
        inspection.findings, [](const Finding& f) -> std::string_view { return f.id; }, location, "finding",
        diagnostics);
  }
}

// The most ids a message lists: a register may declare hundreds of portfolios, and a message is one line.
constexpr std::size_t k_listed_ids = 20;

// What a reference to an undeclared id says: the nearest and the ids declared ("unknown portfolio 'crim': did you mean
// 'crime'? (expected crime or people, as 'portfolios' in hmicfrs-track.yaml declares)"), the first k_listed_ids of
// them when there are more, or where to declare them when there are none.
std::string undeclared(std::string_view what, std::string_view value, std::string_view suggestion,
                       std::span<const std::string_view> ids, std::string_view field, std::string_view list) {
  if (ids.empty()) {
    return fmt::format("{} '{}' is not declared: list the register's {} under '{}:' in hmicfrs-track.yaml", what, value,
                       field, list);
  }
  const std::string expected =
      ids.size() <= k_listed_ids
          ? util::join_alternatives(ids)
          : fmt::format("one of {} and {} more", fmt::join(ids.first(k_listed_ids), ", "), ids.size() - k_listed_ids);
  return fmt::format("unknown {} '{}'{} (expected {}, as '{}' in hmicfrs-track.yaml declares)", what, value, suggestion,
                     expected, field);
}

void check_portfolio(const model::Dataset& dataset, const Finding& finding, Suggestions& suggestions,
                     diag::Diagnostics& diagnostics) {
  const auto& portfolio = finding.portfolio;
  if (portfolio.value.empty() || dataset.config.find_portfolio(portfolio.value) != nullptr) return;
  diagnostics.error(portfolio.location,
                    undeclared("portfolio", portfolio.value, suggestions.portfolio(portfolio.value),
                               suggestions.portfolio_ids(), "portfolios", "portfolios"),
                    Code::unknown_reference);
}

// A finding's priority must be one the configuration declares.
void check_priority(const model::Dataset& dataset, const Finding& finding, diag::Diagnostics& diagnostics) {
  const auto& priority = finding.priority;
  const model::Priorities& declared = dataset.config.priorities;
  if (priority.value.empty() || declared.find(priority.value) != nullptr) return;
  std::vector<std::string_view> ids;
  for (const model::Priority& p : declared.values) ids.push_back(p.id);
  diagnostics.error(priority.location,
                    undeclared("priority", priority.value, util::did_you_mean(priority.value, ids), ids, "priorities",
                               "priorities: values"),
                    Code::unknown_reference);
}

// A report superseded as a whole names a later report that exists, and is superseded on or after its own
// publication.
void check_report_supersession(const model::Dataset& dataset, const Inspection& inspection, Suggestions& suggestions,
                               diag::Diagnostics& diagnostics) {
  if (!inspection.superseded) return;
  const model::ReportSupersession& superseded = *inspection.superseded;
  const Inspection* by = dataset.find_inspection(superseded.by.value);
  if (by == nullptr) {
    diagnostics.error(superseded.by.location,
                      fmt::format("'superseded' names no inspection: there is no '{}'{}", superseded.by.value,
                                  suggestions.inspection(superseded.by.value)),
                      Code::unknown_reference);
    return;
  }
  if (by == &inspection) {
    diagnostics.error(
        superseded.by.location,
        fmt::format("'{}' cannot supersede itself: name the later report that replaces it", inspection.id),
        Code::supersession_cycle);
    return;
  }
  if (inspection.published && superseded.date < inspection.published->first_day()) {
    diagnostics.error(superseded.location,
                      fmt::format("'{}' is superseded on {}, before it was published ({}): give the day the later "
                                  "report replaced it",
                                  inspection.id, superseded.date.iso(), inspection.published->iso()),
                      Code::date_order);
  }
}

// A report's response is published after the report, and only a report published once the duty applied has one
// to track.
void check_response(const Inspection& inspection, const model::Date& as_of, diag::Diagnostics& diagnostics) {
  if (!inspection.response) return;
  const model::ReportResponse& response = *inspection.response;
  const model::Date duty = model::response_duty_from();
  if (inspection.published && inspection.published->last_day() < duty) {
    diagnostics.warning(
        response.location,
        fmt::format("'{}' was published ({}) before the duty to publish a response within {} days applied (s55(5A) "
                    "Police Act 1996, from {}): its response is not tracked; drop 'response'",
                    inspection.id, inspection.published->iso(), model::k_response_days, duty.iso()),
        Code::response_duty);
  }
  if (!response.published) return;
  if (!query::happened_by(*response.published, as_of)) {
    diagnostics.note(response.location,
                     fmt::format("the response to '{}' is dated {}, after the as-of date {}: it counts as published "
                                 "from then",
                                 inspection.id, response.published->iso(), as_of.iso()),
                     Code::future_history);
  }
  if (!inspection.published) {
    diagnostics.error(response.location,
                      fmt::format("the response to '{}' is published ({}), but the report has no 'published' date: "
                                  "give the report's",
                                  inspection.id, response.published->iso()),
                      Code::date_order);
  } else if (response.published->last_day() < inspection.published->first_day()) {
    diagnostics.error(response.location,
                      fmt::format("the response to '{}' is published ({}) before the report ({}): give the day the "
                                  "commissioner published it",
                                  inspection.id, response.published->iso(), inspection.published->iso()),
                      Code::date_order);
  }
}

// The register's choices about responses that would show nothing: `responses.from` before the duty applied, and a
// paper section of responses in a register that tracks none.
void check_responses_choices(const model::Dataset& dataset, diag::Diagnostics& diagnostics) {
  const model::Config& config = dataset.config;
  const model::Date duty = model::response_duty_from();
  if (config.responses_from && config.responses_from->value < duty) {
    diagnostics.note(config.responses_from->location,
                     fmt::format("responses.from {} is before the duty to publish a response within {} days applied "
                                 "(s55(5A) Police Act 1996, from {}): responses are tracked from {}",
                                 config.responses_from->value.iso(), model::k_response_days, duty.iso(), duty.iso()),
                     Code::response_duty);
  }
  if (query::tracks_responses(dataset)) return;
  const auto warn = [&](const std::vector<model::PaperSection>& sections) {
    for (const model::PaperSection& section : sections) {
      if (section.section != model::Section::responses) continue;
      diagnostics.warning(section.location,
                          "the paper has a section of responses to reports, but the register tracks none: give a "
                          "report 'response:', or the configuration 'responses: {from: DATE}'",
                          Code::response_duty);
    }
  };
  warn(config.sections);
  for (const model::Meeting& meeting : dataset.meetings) warn(meeting.sections);
}

// The cycle an inspection's gradings name, reporting an unknown one.
const model::PeelCycle* gradings_cycle(const model::Dataset& dataset, const Inspection& inspection,
                                       diag::Diagnostics* diagnostics) {
  if (!inspection.gradings) return nullptr;
  const auto& cycle_ref = inspection.gradings->cycle;
  if (const model::PeelCycle* cycle = dataset.catalogue.find(cycle_ref.value)) return cycle;
  if (diagnostics != nullptr) {
    std::vector<std::string_view> known;
    for (const model::PeelCycle& c : dataset.catalogue.cycles) known.push_back(c.id);
    diagnostics->error(cycle_ref.location,
                       fmt::format("unknown PEEL cycle '{}'{} (known cycles: {})", cycle_ref.value,
                                   util::did_you_mean(cycle_ref.value, known), util::join_alternatives(known, ", ")),
                       Code::unknown_reference);
  }
  return nullptr;
}

// Reports an area id that `cycle` does not have; true when it has it.
template <class Value>
bool check_area(const model::PeelCycle& cycle, const model::Located<Value>& area, Suggestions& suggestions,
                diag::Diagnostics& diagnostics) {
  if (cycle.find_area(area.value) != nullptr) return true;
  // The ids to write, as many as a message can hold; `peel --areas` lists them all.
  constexpr std::size_t k_listed = 20;
  std::vector<std::string_view> ids;
  for (std::size_t i = 0; i < cycle.areas.size() && i < k_listed; ++i) ids.push_back(cycle.areas[i].id);
  const std::string more =
      cycle.areas.size() > k_listed ? fmt::format(" and {} more", cycle.areas.size() - k_listed) : std::string();
  diagnostics.error(area.location,
                    fmt::format("{} has no area '{}'{} (its areas: {}{}; hmicfrs-track peel --areas --cycle {} lists "
                                "them)",
                                cycle.name, area.value, suggestions.area_of(cycle, area.value),
                                util::join_alternatives(ids, ", "), more, cycle.id),
                    Code::unknown_area);
  return false;
}

void check_gradings(const model::Dataset& dataset, const Inspection& inspection, Suggestions& suggestions,
                    diag::Diagnostics& diagnostics) {
  const model::PeelCycle* cycle = gradings_cycle(dataset, inspection, &diagnostics);
  if (cycle == nullptr) return;
  for (const model::Grading& grading : inspection.gradings->areas) {
    if (const auto& from = grading.carried_over_from; !from.value.empty()) {
      const Inspection* earlier = dataset.find_inspection(from.value);
      if (earlier == nullptr) {
        diagnostics.error(from.location,
                          fmt::format("'carried_over_from' names no inspection: there is no '{}'{}", from.value,
                                      suggestions.inspection(from.value)),
                          Code::unknown_reference);
      } else if (earlier->type != model::InspectionType::peel || !earlier->gradings) {
        diagnostics.error(
            from.location,
            fmt::format("'{}' is not a PEEL assessment with grades: a judgement is carried over from one", from.value),
            Code::unknown_reference);
      }
    }
  }
  for (const model::Grading& grading : inspection.gradings->areas) {
    if (!check_area(*cycle, grading.area, suggestions, diagnostics)) continue;
    const model::Grade grade = grading.grade.value;
    if (!model::scale_allows(cycle->scale, grade)) {
      std::vector<std::string_view> allowed;
      for (const model::Grade g : model::grades_of(cycle->scale)) allowed.push_back(model::name_of(g));
      allowed.push_back(model::name_of(model::Grade::not_graded));
      diagnostics.error(grading.grade.location,
                        fmt::format("grade '{}' is not on the {} scale of {} (expected {})", model::name_of(grade),
                                    model::name_of(cycle->scale), cycle->name, util::join_alternatives(allowed)),
                        Code::grade_not_in_scale);
    } else if (grade != model::Grade::not_graded && !cycle->find_area(grading.area.value)->graded) {
      diagnostics.error(
          grading.grade.location,
          fmt::format("{} makes no graded judgment on '{}': write not-graded", cycle->name, grading.area.value),
          Code::grade_not_in_scale);
    }
  }
}

void check_finding_references(const model::Dataset& dataset, const FindingIndex& index, const Inspection& inspection,
                              const Finding& finding, Suggestions& suggestions, diag::Diagnostics& diagnostics) {
  check_portfolio(dataset, finding, suggestions, diagnostics);
  check_priority(dataset, finding, diagnostics);
  for (const auto& related : finding.related) index.require(related, inspection, "related", diagnostics);
  for (const model::HistoryEntry& entry : finding.history) {
    if (!entry.by.value.empty()) index.require(entry.by, inspection, "by", diagnostics);
  }
  if (!finding.repeats.value.empty()) {
    // The earlier finding is the one tracked: it must exist, and must not itself re-issue another.
    if (const Finding* earlier = index.require(finding.repeats, inspection, "repeats", diagnostics)) {
      if (earlier == &finding) {
        diagnostics.error(
            finding.repeats.location,
            fmt::format("'{}' repeats itself: 'repeats' names the earlier finding it re-issues", finding.id),
            Code::repeats_chain);
      } else if (!finding.history.empty()) {
        diagnostics.error(finding.history.front().location,
                          fmt::format("'{}' repeats '{}', which is where it is tracked: move this history there, "
                                      "where a new entry can re-grade it and say why",
                                      finding.id, earlier->id),
                          Code::repeat_history);
      }
      if (earlier != &finding && !earlier->repeats.value.empty()) {
        auto& d = diagnostics.error(
            finding.repeats.location,
            fmt::format("'{}' repeats '{}', which itself repeats '{}': name the finding that is tracked, the first "
                        "one issued",
                        finding.id, earlier->id, earlier->repeats.value),
            Code::repeats_chain);
        d.notes.push_back({earlier->repeats.location, "the earlier finding's 'repeats' is here"});
      }
    }
  }
  if (!finding.cause_of_concern.value.empty()) {
    if (const Finding* cause = index.require(finding.cause_of_concern, inspection, "cause_of_concern", diagnostics);
        cause != nullptr && cause->type != model::FindingType::cause_of_concern) {
      diagnostics.error(finding.cause_of_concern.location,
                        fmt::format("'{}' is a {}, not a cause of concern", cause->id, model::name_of(cause->type)),
                        Code::unknown_reference);
    }
  }
  if (!finding.area.value.empty()) {
    if (!inspection.gradings) {
      diagnostics.error(finding.area.location,
                        fmt::format("'area' names a PEEL area, but inspection '{}' has no gradings", inspection.id),
                        Code::unknown_area);
    } else if (const model::PeelCycle* cycle = gradings_cycle(dataset, inspection, nullptr)) {
      check_area(*cycle, finding.area, suggestions, diagnostics);
    }
  }
}

// A file as the people who keep the register know it: its path inside the register ("inspections/custody-2019.yaml"),
// or the path as given when the register's own place is not known (no hmicfrs-track.yaml was read).
std::string in_register(const model::Dataset& dataset, const diag::Location& location) {
  namespace fs = std::filesystem;
  const fs::path path(location.path());
  if (dataset.config.location.file == nullptr) return path.generic_string();
  const fs::path inside = path.lexically_relative(fs::path(dataset.config.location.path()).parent_path());
  return inside.empty() || *inside.begin() == ".." ? path.generic_string() : inside.generic_string();
}

// A cause of concern is answered by the recommendations of its own report, which name it.
void check_causes_of_concern(const model::Dataset& dataset, const Inspection& inspection,
                             diag::Diagnostics& diagnostics) {
  std::set<std::string, std::less<>> answered;  // ids of the causes of concern a recommendation answers
  for (const Finding& f : inspection.findings) {
    if (f.type == model::FindingType::recommendation && !f.cause_of_concern.value.empty()) {
      answered.insert(query::resolve_reference(f.cause_of_concern.value, inspection));
    }
  }
  for (const Finding& cause : inspection.findings) {
    if (cause.type != model::FindingType::cause_of_concern || answered.count(cause.id) > 0) continue;
    diagnostics.error(cause.location,
                      fmt::format("cause of concern '{}' has no recommendation answering it: add 'cause_of_concern: "
                                  "{}' to each recommendation in {} that answers it",
                                  cause.ref, cause.ref, in_register(dataset, cause.location)),
                      Code::cause_of_concern_without_recommendation);
  }
}

// "5 recommendations and 34 areas for improvement": counts as a sentence names them (those given and not 0).
std::string counted_types(const model::FindingCounts::ByType& counts) {
  std::vector<std::string> parts;
  for (const auto& [n, one, many] : {std::tuple{counts.causes_of_concern, "cause of concern", "causes of concern"},
                                     {counts.recommendations, "recommendation", "recommendations"},
                                     {counts.afis, "area for improvement", "areas for improvement"}}) {
    if (n.value_or(0) > 0) parts.push_back(fmt::format("{} {}", *n, *n == 1 ? one : many));
  }
  if (parts.empty()) return "no finding";
  std::vector<std::string_view> views(parts.begin(), parts.end());
  return util::join_alternatives(views, " and ");
}

// The counts a report states, against the findings transcribed (once there are some), and the inspection they continue.
void check_counts(const model::Dataset& dataset, const Inspection& inspection, Suggestions& suggestions,
                  diag::Diagnostics& diagnostics) {
  if (!inspection.counts) return;
  const model::FindingCounts& counts = *inspection.counts;
  if (const auto& from = counts.continuing_from;
      !from.value.empty() && dataset.find_inspection(from.value) == nullptr) {
    diagnostics.error(from.location,
                      fmt::format("'continuing_from' names no inspection: there is no '{}'{}", from.value,
                                  suggestions.inspection(from.value)),
                      Code::unknown_reference);
  }
  if (inspection.findings.empty()) return;
  // Only the types the counts give are compared: a type left out is not known to be none.
  const auto& made = counts.made;
  const auto held_of = [&](const std::optional<int>& stated, model::FindingType type) -> std::optional<int> {
    if (!stated) return std::nullopt;
    return static_cast<int>(std::count_if(inspection.findings.begin(), inspection.findings.end(),
                                          [&](const Finding& f) { return f.type == type; }));
  };
  model::FindingCounts::ByType held;
  held.causes_of_concern = held_of(made.causes_of_concern, model::FindingType::cause_of_concern);
  held.recommendations = held_of(made.recommendations, model::FindingType::recommendation);
  held.afis = held_of(made.afis, model::FindingType::afi);
  if (held.causes_of_concern != made.causes_of_concern || held.recommendations != made.recommendations ||
      held.afis != made.afis) {
    diagnostics.warning(counts.location,
                        fmt::format("the report makes {}, by its counts, but the register holds {}: transcribe the "
                                    "rest, or correct 'counts'",
                                    counted_types(made), counted_types(held)),
                        Code::counts_differ);
  }
}

// Each finding's latest supersession must not lead back to itself.
void check_supersession_cycles(const model::Dataset& dataset, const FindingIndex& index,
                               diag::Diagnostics& diagnostics) {
  struct Edge {
    std::string to;
    const diag::Location* where;
  };
  std::map<std::string, Edge, std::less<>> next;  // ordered, so each cycle is reported from its smallest id
  for (const Inspection& inspection : dataset.inspections) {
    for (const Finding& finding : inspection.findings) {
      for (const model::HistoryEntry& entry : finding.history) {
        if (entry.status != model::Status::superseded || entry.by.value.empty()) continue;
        const std::string to = query::resolve_reference(entry.by.value, inspection);
        if (index.find(to) != nullptr) next[finding.id.str()] = Edge{to, &entry.by.location};
      }
    }
  }
  // Follow each chain once; meeting a finding already on the current path closes a cycle.
  enum class Mark { unvisited, on_path, done };
  std::map<std::string_view, Mark> marks;
  for (const auto& [start, edge] : next) {
    std::vector<std::string_view> path;
    for (std::string_view at = start;;) {
      Mark& mark = marks[at];
      if (mark == Mark::on_path) {
        std::string chain;
        for (auto it = std::find(path.begin(), path.end(), at); it != path.end(); ++it) {
          chain += fmt::format("{} -> ", *it);
        }
        chain += at;
        diagnostics.error(*next.find(at)->second.where, fmt::format("supersession cycle: {}", chain),
                          Code::supersession_cycle);
      }
      if (mark != Mark::unvisited) break;
      mark = Mark::on_path;
      path.push_back(at);
      const auto it = next.find(at);
      if (it == next.end()) break;
      at = it->second.to;
    }
    for (const std::string_view visited : path) marks[visited] = Mark::done;
  }
}

// Each paper covers the time since the previous one: meetings on different
// days, cut-offs in order, and no window that overlaps another.
void check_meetings(const model::Dataset& dataset, diag::Diagnostics& diagnostics) {
  std::vector<const model::Meeting*> meetings;
  for (const model::Meeting& meeting : dataset.meetings) meetings.push_back(&meeting);
  std::stable_sort(meetings.begin(), meetings.end(),
                   [](const model::Meeting* a, const model::Meeting* b) { return a->date < b->date; });
  for (std::size_t i = 1; i < meetings.size(); ++i) {
    const model::Meeting& before = *meetings[i - 1];
    const model::Meeting& meeting = *meetings[i];
    if (meeting.date == before.date) {
      auto& d = diagnostics.error(meeting.location,
                                  fmt::format("meetings '{}' and '{}' are both on {}: give each its own day", before.id,
                                              meeting.id, meeting.date.iso()),
                                  Code::date_order);
      d.notes.push_back({before.location, fmt::format("'{}' is here", before.id)});
    } else if (meeting.cut_off() <= before.cut_off()) {
      auto& d = diagnostics.error(
          meeting.location,
          fmt::format("the paper for '{}' is cut off on {}, not after the paper for '{}' ({}): each paper covers the "
                      "time since the one before",
                      meeting.id, meeting.cut_off().iso(), before.id, before.cut_off().iso()),
          Code::date_order);
      d.notes.push_back({before.location, fmt::format("'{}' is here", before.id)});
    } else if (meeting.previous_cut_off && *meeting.previous_cut_off < before.cut_off()) {
      auto& d = diagnostics.error(
          meeting.location,
          fmt::format("previous_cut_off {} of '{}' reaches back into the window of '{}', which runs to {}",
                      meeting.previous_cut_off->iso(), meeting.id, before.id, before.cut_off().iso()),
          Code::date_order);
      d.notes.push_back({before.location, fmt::format("'{}' is here", before.id)});
    }
  }
}

// The reports a meeting goes through in full must be in the register, each once.
void check_reviews(const model::Dataset& dataset, Suggestions& suggestions, diag::Diagnostics& diagnostics) {
  for (const model::Meeting& meeting : dataset.meetings) {
    std::set<std::string_view> named;
    for (const model::Located<std::string>& report : meeting.review) {
      if (dataset.find_inspection(report.value) == nullptr) {
        diagnostics.error(report.location,
                          fmt::format("'review' names no inspection: there is no '{}'{}", report.value,
                                      suggestions.inspection(report.value)),
                          Code::unknown_reference);
      } else if (!named.insert(report.value).second) {
        diagnostics.error(
            report.location,
            fmt::format("'{}' is listed twice under 'review': the paper goes through it once", report.value),
            Code::duplicate_id);
      }
    }
  }
}

void check_as_of(const model::Dataset& dataset, const Inspection& inspection, const Finding& finding,
                 const model::Date& as_of, diag::Diagnostics& diagnostics) {
  const answers::FindingState state = query::state_as_of(dataset, inspection, finding, as_of);
  // A finding not yet recorded on the date has nothing left out: it does not exist yet.
  // A repeat takes the state of the finding it repeats, whose own check says what it left out.
  if (state.recorded && state.tracked_as == nullptr && state.later_entries > 0) {
    const auto later = std::find_if(finding.history.begin(), finding.history.end(),
                                    [&](const model::HistoryEntry& e) { return !query::in_effect(e, as_of); });
    diagnostics.note(
        later->location,
        fmt::format("{} history {} dated after the as-of date {} and left out of the state", state.later_entries,
                    state.later_entries == 1 ? "entry is" : "entries are", as_of.iso()),
        Code::future_history);
  }
  // An action's entries after the date are left out as the finding's are.
  for (const model::Action& action : finding.actions) {
    const auto later = std::find_if(action.history.begin(), action.history.end(),
                                    [&](const model::ActionEntry& e) { return as_of < e.date; });
    if (later == action.history.end()) continue;
    const auto n = static_cast<std::size_t>(action.history.end() - later);
    diagnostics.note(later->location,
                     fmt::format("{} {} of action {} {} dated after the as-of date {} and left out of its progress", n,
                                 n == 1 ? "entry" : "entries", action.id.view(), n == 1 ? "is" : "are", as_of.iso()),
                     Code::future_history);
  }
  // A rating written in the history that an action rule overrides stays in the file: say which rule wins.
  if (state.action_rule != nullptr && state.rated_by != nullptr && state.rated_by->rating &&
      state.rated_by->rag.value.view() != state.rating->id) {
    diagnostics.note(state.rated_by->rag.location,
                     fmt::format("as of {}, '{}' is rated {} by action rule {} ({}), not {} as written here",
                                 as_of.iso(), finding.id, state.rating->id, state.action_rule->number,
                                 model::action_rule_condition(*state.action_rule), state.rated_by->rag.value.view()),
                     Code::action_rating);
  }
  // A rating written but unreadable is already an error: no second message saying there is none.
  const bool unreadable =
      std::any_of(finding.history.begin(), finding.history.end(), [&](const model::HistoryEntry& e) {
        return e.rag.location.line != 0 && !e.rating && query::in_effect(e, as_of);
      });
  // A cause of concern is rated through its recommendations, a repeat through the earlier finding.
  // A repeat that names no tracked finding is already an error.
  if (state.recorded && state.counted() && finding.repeats.value.empty() && model::is_open(state.status) &&
      state.rating == nullptr && !unreadable) {
    diagnostics.warning(finding.location,
                        fmt::format("open finding '{}' has no {} as of {}", finding.id,
                                    dataset.config.vocabulary.customised ? "rating" : "RAG rating", as_of.iso()),
                        Code::unrated_open_finding);
  }
}

// An address in `owners` for a role that owns no finding and leads no portfolio is never used: most likely
// the role is misspelt there, and that owner's messages would go unaddressed.
void check_owner_addresses(const model::Dataset& dataset, diag::Diagnostics& diagnostics) {
  if (dataset.config.owners.empty()) return;
  const auto lower = [](std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  std::set<std::string> roles;  // every role the register names, in lower case, and as written
  std::set<std::string_view> written;
  const auto add = [&](std::string_view role) {
    if (!role.empty() && roles.insert(lower(role)).second) written.insert(role);
  };
  for (const model::Portfolio& portfolio : dataset.config.portfolios) add(portfolio.lead);
  for (const Inspection& inspection : dataset.inspections) {
    for (const Finding& finding : inspection.findings) {
      add(finding.owner);
      for (const model::HistoryEntry& entry : finding.history) {
        if (entry.owner) add(*entry.owner);  // the record's own string: `written` keeps a view of it
      }
      for (const model::Action& action : finding.actions) add(action.owner);
    }
  }
  const std::vector<std::string_view> known(written.begin(), written.end());
  const bool any_actions = query::has_actions(dataset);
  for (const model::OwnerAddress& owner : dataset.config.owners) {
    if (roles.count(lower(owner.role)) != 0) continue;
    diagnostics.warning(owner.location,
                        fmt::format("owner '{}' owns no finding{} and leads no portfolio, so its address is never "
                                    "used{}",
                                    owner.role, any_actions ? " or action" : "", util::did_you_mean(owner.role, known)),
                        Code::unknown_reference);
  }
}

}  // namespace

void check_dataset(const model::Dataset& dataset, const CheckOptions& options, diag::Diagnostics& diagnostics) {
  // On a large register, the checks of ids and of supersession chains (which read only the records and the
  // index) run beside the rest; what each finds is added in the order the checks have when run one by one.
  const std::size_t findings = dataset.finding_count();
  const auto found_by = [](auto check) {
    diag::Diagnostics found;
    check(found);
    return found;
  };
  auto unique_ids =
      util::async_if_large(findings, [&] { return found_by([&](auto& d) { check_unique_ids(dataset, d); }); });
  diag::Diagnostics found;
  check_meetings(dataset, found);
  check_responses_choices(dataset, found);
  Suggestions suggestions(dataset);
  check_reviews(dataset, suggestions, found);
  const FindingIndex index(dataset, options.incomplete, suggestions);
  auto cycles = util::async_if_large(
      findings, [&] { return found_by([&](auto& d) { check_supersession_cycles(dataset, index, d); }); });
  for (const Inspection& inspection : dataset.inspections) {
    check_gradings(dataset, inspection, suggestions, found);
    check_causes_of_concern(dataset, inspection, found);
    check_report_supersession(dataset, inspection, suggestions, found);
    check_response(inspection, options.as_of, found);
    check_counts(dataset, inspection, suggestions, found);
    for (const Finding& finding : inspection.findings) {
      check_finding_references(dataset, index, inspection, finding, suggestions, found);
      check_as_of(dataset, inspection, finding, options.as_of, found);
    }
  }
  diagnostics.append(unique_ids.get());
  diagnostics.append(std::move(found));
  diagnostics.append(cycles.get());
  check_owner_addresses(dataset, diagnostics);
}

}  // namespace hmicfrs::check
