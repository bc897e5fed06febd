#include <hmicfrs/model/date.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace hmicfrs::model {
namespace {

constexpr int k_first_year = 1900;
constexpr int k_last_year = 2099;

// The number of a month named in full or by its first three letters ("March", "mar"), else 0.
unsigned month_numbered(std::string_view name) {
  if (name.size() < 3) return 0;
  for (unsigned m = 1; m <= 12; ++m) {
    const std::string_view full = month_name(m);
    if (name.size() > full.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size(); ++i) {
      same = same &&
             std::tolower(static_cast<unsigned char>(name[i])) == std::tolower(static_cast<unsigned char>(full[i]));
    }
    if (same && (name.size() == 3 || name.size() == full.size())) return m;
  }
  return 0;
}

bool all_digits(std::string_view text);

// What a date written the British way means in these files' form: "31/03/2022"
// or "31.3.22" is "2022-03-31", "March 2022" or "Mar-22" is "2022-03",
// "4 April 2022" is "2022-04-04". Empty when `text` is none of those.
std::string iso_form(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '/' || text[i] == '.' || text[i] == '-' || text[i] == ' ') {
      if (i > start) parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  const auto year_of = [](std::string_view y) -> int {
    if (!all_digits(y) || (y.size() != 2 && y.size() != 4)) return 0;
    const int value = std::stoi(std::string(y));
    return y.size() == 2 ? 2000 + value : value;
  };
  const auto number = [](std::string_view n) { return all_digits(n) && n.size() <= 2 ? std::stoi(std::string(n)) : 0; };
  if (parts.size() == 3) {
    const int day = number(parts[0]);
    const int month = all_digits(parts[1]) ? number(parts[1]) : static_cast<int>(month_numbered(parts[1]));
    const int year = year_of(parts[2]);
    if (day > 0 && month > 0 && year > 0) return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  }
  if (parts.size() == 2) {
    const unsigned month = month_numbered(parts[0]);
    const int year = year_of(parts[1]);
    if (month > 0 && year > 0) return fmt::format("{:04}-{:02}", year, month);
  }
  return "";
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

int to_int(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

Date Date::from_ymd(std::chrono::year_month_day ymd) {
  Date date;
  date.m_year = static_cast<std::int16_t>(static_cast<int>(ymd.year()));
  date.m_month = static_cast<std::uint8_t>(static_cast<unsigned>(ymd.month()));
  date.m_day = static_cast<unsigned>(ymd.day()) & 0x1f;
  return date;
}

Date Date::from_y(std::chrono::year y) {
  Date date;
  date.m_year = static_cast<std::int16_t>(static_cast<int>(y));
  date.m_month = 0;
  date.m_day = 0;
  return date;
}

Date Date::from_ym(std::chrono::year_month ym) {
  Date date;
  date.m_year = static_cast<std::int16_t>(static_cast<int>(ym.year()));
  date.m_month = static_cast<std::uint8_t>(static_cast<unsigned>(ym.month()));
  date.m_day = 0;
  return date;
}

util::Result<Date> Date::parse(std::string_view text) {
  const bool year_form = text.size() == 4;
  const bool month_form = text.size() == 7;
  const bool day_form = text.size() == 10;
  if (!(year_form || month_form || day_form) || !all_digits(text.substr(0, 4)) ||
      (!year_form && (text[4] != '-' || !all_digits(text.substr(5, 2)))) ||
      (day_form && (text[7] != '-' || !all_digits(text.substr(8, 2))))) {
    if (const std::string iso = iso_form(text); !iso.empty() && parse(iso)) {
      return util::Error{fmt::format(
          "'{}' is not a date as these files write them (YYYY-MM-DD, YYYY-MM or YYYY): write {}", text, iso)};
    }
    return util::Error{fmt::format(
        "'{}' is not a date: write YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known", text)};
  }
  const int year = to_int(text.substr(0, 4));
  if (year < k_first_year || year > k_last_year) {
    return util::Error{
        fmt::format("'{}' is not a date: the year must be between {} and {}", text, k_first_year, k_last_year)};
  }
  if (year_form) return from_y(std::chrono::year{year});
  const int month = to_int(text.substr(5, 2));
  if (month < 1 || month > 12) {
    return util::Error{fmt::format("'{}' is not a date: there is no month {:02}", text, month)};
  }
  const std::chrono::year_month ym{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)}};
  if (month_form) return from_ym(ym);

  const int day = to_int(text.substr(8, 2));
  const unsigned last = static_cast<unsigned>(std::chrono::year_month_day_last{ym / std::chrono::last}.day());
  if (day < 1 || static_cast<unsigned>(day) > last) {
    return util::Error{fmt::format("'{}' is not a date: {} {} has {} days", text,
                                   month_name(static_cast<unsigned>(month)), year, last)};
  }
  return from_ymd(ym / std::chrono::day{static_cast<unsigned>(day)});
}

Date Date::with_week_commencing() const {
  Date date = *this;
  date.m_week_commencing = true;
  return date;
}

Date Date::first_day() const {
  if (has_day()) return *this;
  Date date = *this;
  if (!has_month()) date.m_month = 1;
  date.m_day = 1;
  date.m_week_commencing = false;
  return date;
}

Date Date::last_day() const {
  if (has_day()) return *this;
  const std::chrono::year_month ym{std::chrono::year{m_year}, std::chrono::month{has_month() ? m_month : 12u}};
  return from_ymd(std::chrono::year_month_day{std::chrono::year_month_day_last{ym / std::chrono::last}});
}

std::chrono::sys_days Date::sys_days() const {
  return std::chrono::sys_days{std::chrono::year{m_year} / std::chrono::month{has_month() ? m_month : 1u} /
                               std::chrono::day{has_day() ? day() : 1u}};
}

std::chrono::weekday Date::weekday() const { return std::chrono::weekday{sys_days()}; }

std::string_view month_name(unsigned month) {
  static constexpr std::array<std::string_view, 12> k_names{"January",   "February", "March",    "April",
                                                            "May",       "June",     "July",     "August",
                                                            "September", "October",  "November", "December"};
  return k_names.at(month - 1);
}

std::string Date::iso() const {
  // By hand rather than through fmt: the paper writes a date in most rows of its tables.
  const auto digit = [](unsigned value) { return static_cast<char>('0' + value % 10); };
  const auto year = static_cast<unsigned>(m_year);
  std::string out{digit(year / 1000), digit(year / 100), digit(year / 10), digit(year)};
  if (has_month()) out += {'-', digit(m_month / 10u), digit(m_month)};
  if (has_day()) out += {'-', digit(m_day / 10u), digit(m_day)};
  return out;
}

}  // namespace hmicfrs::model
