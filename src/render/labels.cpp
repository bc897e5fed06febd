#include <hmicfrs/render/labels.hpp>

#include <array>
#include <cctype>

#include <fmt/format.h>

#include <hmicfrs/render/document.hpp>

namespace hmicfrs::render {
namespace {

// The label at the enum's position in `labels`, which lists every value in declaration order.
template <class E, std::size_t N>
std::string_view pick(E value, const std::array<std::string_view, N>& labels) {
  static_assert(N == std::size(model::EnumInfo<E>::names), "one label per enum value");
  return labels[static_cast<std::size_t>(value)];
}

// A date as written, with "w/c " before a week commencing.
std::string with_week(const model::Date& date) { return date.week_commencing() ? "w/c " + date.iso() : date.iso(); }

}  // namespace

std::string_view label(model::Grade grade) {
  static constexpr std::array<std::string_view, 6> k{"Outstanding",          "Good",       "Adequate",
                                                     "Requires improvement", "Inadequate", "Not graded"};
  return pick(grade, k);
}

std::string_view label(model::FindingType type) {
  static constexpr std::array<std::string_view, 4> k{"Cause of concern", "Recommendation", "AFI", "Not formal"};
  return pick(type, k);
}

std::string finding_number(const model::Finding& finding) {
  const std::string_view ref = finding.ref;
  std::size_t at = 0;
  while (at < ref.size() && std::isalpha(static_cast<unsigned char>(ref[at])) != 0) ++at;
  const std::size_t letters = at;
  while (at < ref.size() && (ref[at] == '-' || ref[at] == '.')) ++at;
  if (letters == 0 || at == ref.size() || std::isdigit(static_cast<unsigned char>(ref[at])) == 0) {
    return std::string(ref);
  }
  return std::string(ref.substr(at));
}

std::string paper_name(const model::Inspection& inspection, const model::Finding& finding) {
  if (inspection.short_name.empty()) return finding.id.str();
  return fmt::format("{} {} {}", inspection.short_name, label(finding.type), finding_number(finding));
}

std::string cited(const model::Inspection& inspection, const model::Finding& finding) {
  static constexpr std::array<std::string_view, 4> k{"cause of concern", "recommendation", "area for improvement",
                                                     "item"};
  return fmt::format("{} {} of '{}'{}", pick(finding.type, k), finding_number(finding), inspection.title,
                     inspection.published ? fmt::format(", {}", inspection.published->year()) : std::string());
}

std::string_view label(model::InspectionType type) {
  static constexpr std::array<std::string_view, 10> k{"PEEL",
                                                      "National thematic",
                                                      "Joint thematic",
                                                      "JTAI",
                                                      "Child protection",
                                                      "Custody",
                                                      "Crime data integrity",
                                                      "Super-complaint",
                                                      "Home Secretary commission",
                                                      "Other"};
  return pick(type, k);
}

std::string_view label(model::Involvement involvement) {
  static constexpr std::array<std::string_view, 3> k{"Inspected", "Data request only", "Not inspected"};
  return pick(involvement, k);
}

std::string_view label(model::EventKind kind) {
  static constexpr std::array<std::string_view, 4> k{"Hot debrief", "Suspended", "Resumed", "Revisit"};
  return pick(kind, k);
}

std::string_view label(model::MonitoringPhase phase) {
  static constexpr std::array<std::string_view, 2> k{"Scan", "Engage"};
  return pick(phase, k);
}

std::string_view meaning(model::MonitoringPhase phase) {
  static constexpr std::array<std::string_view, 2> k{"routine monitoring", "enhanced monitoring"};
  return pick(phase, k);
}

std::string response_text(const answers::ResponseState& response, DateStyle style) {
  const auto day = [&](const model::Date& date) { return date_cell(date, style).text; };
  const auto days = [&](int n) {
    return fmt::format("{}{} {}", response.at_least ? "at least " : "", n, n == 1 ? "day" : "days");
  };
  switch (response.standing) {
    case answers::ResponseStanding::awaiting_report: return "Awaiting the report";
    case answers::ResponseStanding::not_required: return "Not required";
    case answers::ResponseStanding::due:
      return response.due ? fmt::format("Due by {}", day(*response.due))
                          : fmt::format("Due by {} at the latest (date TBC)", day(*response.due_by));
    case answers::ResponseStanding::overdue:
      return fmt::format("Overdue by {} (due by {}{})", days(response.days_over), day(*response.due_by),
                         response.due ? "" : " at the latest");
    case answers::ResponseStanding::published:
      return response.days_over > 0
                 ? fmt::format("Published {}, {} late", day(*response.published), days(response.days_over))
                 : fmt::format("Published {}", day(*response.published));
  }
  return {};
}

std::string_view label(answers::Grouping grouping) {
  static constexpr std::array<std::string_view, 7> k{"Portfolio", "Owner",  "Inspection", "Type",
                                                     "Status",    "Report", "Priority"};
  return pick(grouping, k);
}

std::string rating(const answers::FindingState& state, const model::Vocabulary& vocabulary) {
  if (state.rating != nullptr) return state.rating->label;
  if (!model::is_open(state.status) || state.follows_recommendations) return vocabulary.label(state.status);
  return "Unrated";
}

std::string when(const model::Date& date, const model::Date& as_of) {
  if (!date.has_day() && !date.begun_by(as_of)) return date.iso() + " (TBC)";
  return with_week(date);
}

std::string when(const model::Period& period, const model::Date& as_of) {
  if (!period.to) return when(period.from, as_of);
  // A range needs no "(TBC)" on its months, but a week commencing says so at either end.
  return fmt::format("{} to {}", with_week(period.from), with_week(*period.to));
}

std::string in_words(const model::Date& date) {
  if (!date.has_month()) return std::to_string(date.year());
  const std::string_view month = model::month_name(date.month());
  if (!date.has_day()) return fmt::format("{} {}", month, date.year());
  return fmt::format("{} {} {}", date.day(), month, date.year());
}

std::string long_date(const model::Date& date) {
  if (!date.has_day()) return in_words(date) + " (date TBC)";
  return date.week_commencing() ? "week commencing " + in_words(date) : in_words(date);
}

std::string on_date(const model::Date& date) {
  if (!date.has_day()) return "in " + in_words(date);
  return "on " + long_date(date);
}

std::string date_phrase(const answers::PaperDate& date) {
  // A month or year that has begun needs no "date TBC": it is the record of when, not a plan.
  if (!date.date.has_day() && date.begun) return in_words(date.date);
  return long_date(date.date);
}

Cell date_cell(const model::Date& date, DateStyle style, bool as_at) {
  Cell cell((as_at ? "as at " : "") + (style == DateStyle::iso ? date.iso() : in_words(date)));
  cell.date = date;
  cell.as_at = as_at;
  return cell;
}

std::string period_phrase(const answers::PaperPeriod& period) {
  if (!period.to) return sentence_case(date_phrase(period.from));
  const model::Date& from = period.from.date;
  const model::Date& to = period.to->date;
  // Two days of one month or year say it once, as papers do: "13 to 24 March 2017", "30 May to 2 June 2017".
  if (from.has_day() && to.has_day() && !from.week_commencing() && !to.week_commencing() && from.year() == to.year()) {
    if (from.month() == to.month()) return fmt::format("{} to {}", from.day(), in_words(to));
    return fmt::format("{} {} to {}", from.day(), model::month_name(from.month()), in_words(to));
  }
  return sentence_case(fmt::format("{} to {}", date_phrase(period.from), date_phrase(*period.to)));
}

std::string spelled(std::size_t n) {
  static constexpr std::array<std::string_view, 20> k_units{
      "zero", "one",    "two",    "three",    "four",     "five",    "six",     "seven",     "eight",    "nine",
      "ten",  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static constexpr std::array<std::string_view, 10> k_tens{"",      "",      "twenty",  "thirty", "forty",
                                                           "fifty", "sixty", "seventy", "eighty", "ninety"};
  if (n < k_units.size()) return std::string(k_units[n]);
  if (n < 100) {
    const std::string tens(k_tens[n / 10]);
    return n % 10 == 0 ? tens : tens + "-" + std::string(k_units[n % 10]);
  }
  return std::to_string(n);
}

std::string spelled_count(std::size_t n, std::string_view one, std::string_view many) {
  if (n == 0) return fmt::format("no {}", one);
  return fmt::format("{} {}", spelled(n), n == 1 ? one : many);
}

std::string spelled_or_none(std::size_t n) { return n == 0 ? "none" : spelled(n); }

}  // namespace hmicfrs::render
