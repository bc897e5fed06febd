#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <hmicfrs/util/result.hpp>

namespace hmicfrs::model {

// A calendar date as registers write it: a day ("2022-04-04"), a month whose
// day is not known or still to be confirmed ("2022-05"), or a year alone
// ("2015", as old papers give a report's publication). A day may be flagged
// "week commencing". Ordering puts a year before every month within it and a
// month before every day within it; the flag takes no part in comparisons.
class Date {
 public:
  Date() = default;

  // A full date; the caller guarantees it is valid.
  static Date from_ymd(std::chrono::year_month_day ymd);
  // A month with its day to be confirmed.
  static Date from_ym(std::chrono::year_month ym);
  // A year alone.
  static Date from_y(std::chrono::year y);

  // Parses "YYYY-MM-DD", "YYYY-MM" or "YYYY" strictly: no other form, no impossible day.
  static util::Result<Date> parse(std::string_view text);

  bool has_day() const { return m_day != 0; }
  bool has_month() const { return m_month != 0; }
  int year() const { return m_year; }
  unsigned month() const { return m_month; }  // 0 for a year alone
  unsigned day() const { return m_day; }  // 0 when the day is to be confirmed

  bool week_commencing() const { return m_week_commencing; }
  Date with_week_commencing() const;

  // The first and last day of a month or year date; a day date itself.
  Date first_day() const;
  Date last_day() const;

  // Whether its first day is on or before `day`: a month (or year) that has begun is a record of when, not a plan.
  bool begun_by(const Date& day) const { return !(day < first_day()); }

  // Days since the epoch of the first day (for day arithmetic).
  std::chrono::sys_days sys_days() const;
  std::chrono::weekday weekday() const;

  // "2022-04-04", "2022-05" or "2015", as written in the data.
  std::string iso() const;

  friend bool operator==(const Date& a, const Date& b) {
    return a.m_year == b.m_year && a.m_month == b.m_month && a.m_day == b.m_day;
  }
  friend std::strong_ordering operator<=>(const Date& a, const Date& b) {
    if (auto c = a.m_year <=> b.m_year; c != 0) return c;
    if (auto c = a.m_month <=> b.m_month; c != 0) return c;
    return a.m_day <=> b.m_day;
  }

 private:
  // Four bytes: a register holds a few dates per history entry, hundreds of
  // thousands of them at national scale. Years are 0 to 9999 as written.
  std::int16_t m_year = 1970;
  std::uint8_t m_month = 1;
  std::uint8_t m_day : 5 = 1;
  bool m_week_commencing : 1 = false;
};

// Something the register knows happens or happened, whose date may not be
// known: "undated" in the data (a hot debrief still to be arranged, a draft
// received on a day nobody wrote down).
struct Occasion {
  std::optional<Date> date;  // none: undated

  bool dated() const { return date.has_value(); }
};

// "January" to "December" for 1 to 12.
std::string_view month_name(unsigned month);

}  // namespace hmicfrs::model
