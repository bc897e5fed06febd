#include <hmicfrs/render/labels.hpp>

#include <array>

#include <fmt/format.h>

namespace hmicfrs::render {
namespace {

constexpr std::array<std::string_view, 12> k_months{"January",   "February", "March",    "April",
                                                    "May",       "June",     "July",     "August",
                                                    "September", "October",  "November", "December"};

// The label at the enum's position in `labels`, which lists every value in declaration order.
template <class E, std::size_t N>
std::string_view pick(E value, const std::array<std::string_view, N>& labels) {
  static_assert(N == std::size(model::EnumInfo<E>::names), "one label per enum value");
  return labels[static_cast<std::size_t>(value)];
}

}  // namespace

std::string_view label(model::Grade grade) {
  static constexpr std::array<std::string_view, 6> k{"Outstanding",          "Good",       "Adequate",
                                                     "Requires improvement", "Inadequate", "Not graded"};
  return pick(grade, k);
}

std::string_view label(model::Rag rag) {
  static constexpr std::array<std::string_view, 3> k{"Red", "Amber", "Green"};
  return pick(rag, k);
}

std::string_view label(model::Status status) {
  static constexpr std::array<std::string_view, 5> k{"Open", "Awaiting sign-off", "Closed", "Superseded",
                                                     "Not monitored"};
  return pick(status, k);
}

std::string_view label(model::FindingType type) {
  static constexpr std::array<std::string_view, 4> k{"Cause of concern", "Recommendation", "AFI", "Not formal"};
  return pick(type, k);
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

std::string rating(const std::optional<model::Rag>& rag, model::Status status) {
  if (!model::is_open(status)) return std::string(label(status));
  return rag ? std::string(label(*rag)) : std::string("Unrated");
}

std::string when(const model::Date& date) {
  if (!date.has_day()) return date.iso() + " (TBC)";
  return date.week_commencing() ? "w/c " + date.iso() : date.iso();
}

std::string when(const model::Period& period) {
  if (!period.to) return when(period.from);
  return fmt::format("{} to {}", period.from.iso(), period.to->iso());
}

std::string long_date(const model::Date& date) {
  const std::string_view month = k_months[date.month() - 1];
  if (!date.has_day()) return fmt::format("{} {} (date TBC)", month, date.year());
  const std::string day = fmt::format("{} {} {}", date.day(), month, date.year());
  return date.week_commencing() ? "week commencing " + day : day;
}

}  // namespace hmicfrs::render
