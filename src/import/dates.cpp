#include <hmicfrs/import/dates.hpp>

#include <chrono>
#include <cmath>
#include <vector>

#include "text.hpp"

namespace hmicfrs::import {
namespace {

using namespace std::chrono;

const std::vector<std::string> k_default_forms{
    "YYYY-MM-DD", "YYYY-MM", "DD/MM/YYYY", "DD/MM/YY", "DD-MM-YYYY", "DD.MM.YYYY", "D MMMM YYYY", "D-MMM-YY",
    "D MMM YY", "MMMM YYYY", "MMM-YY", "MMM YY", "w/c D MMMM YYYY", "w/c DD/MM/YYYY", "w/c DD/MM/YY", "w/c D MMMM",
    "D MMMM", "end of MMMM YYYY", "end MMMM YYYY",
    // Quarters: of a calendar year ("Q2 2025"), or of a financial year from April ("Q3 24/25", "Q3 2024-25").
    "Q# YYYY", "Q# YYYY/YY", "Q# YYYY/YYYY", "Q# YY/YY", "Q# YYYY-YY", "Q# YY-YY"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Up to `most` digits (at least `least`) at `i`, as a number.
std::optional<int> digits(std::string_view text, std::size_t& i, std::size_t least, std::size_t most) {
  std::size_t n = 0;
  int value = 0;
  while (i + n < text.size() && n < most && is_digit(text[i + n])) value = value * 10 + (text[i + n++] - '0');
  if (n < least || (i + n < text.size() && is_digit(text[i + n]))) return std::nullopt;
  i += n;
  return value;
}

// A month's name (model::month_name), full or its first three letters ("Sept" too), in any case, at `i`.
std::optional<unsigned> month_named(std::string_view text, std::size_t& i) {
  std::size_t n = 0;
  while (i + n < text.size() && is_letter(text[i + n])) ++n;
  if (n < 3) return std::nullopt;
  std::string word;
  for (std::size_t k = 0; k < n; ++k) word += lower(text[i + k]);
  for (unsigned m = 1; m <= 12; ++m) {
    std::string name;
    for (char c : model::month_name(m)) name += lower(c);
    if (word == name || word == name.substr(0, 3) || (m == 9 && word == "sept")) {
      i += n;
      return m;
    }
  }
  return std::nullopt;
}

struct Parts {
  std::optional<int> year, month, day;
  std::optional<int> quarter;      // 1-4
  std::optional<int> second_year;  // a financial year's second ("24/25")
};

// A year just read: the first, else a financial year's second.
void set_year(Parts& parts, std::optional<int> year) { (parts.year ? parts.second_year : parts.year) = year; }

// Matches `form` against the start of `text`; the characters taken, or nothing.
std::optional<std::size_t> match(std::string_view text, std::string_view form, Parts& parts) {
  std::size_t i = 0, f = 0;
  while (f < form.size()) {
    const auto token = [&](std::string_view name) { return form.substr(f, name.size()) == name; };
    if (token("YYYY")) {
      const auto year = digits(text, i, 4, 4);
      if (!year) return std::nullopt;
      set_year(parts, year);
      f += 4;
    } else if (token("YY")) {
      const auto yy = digits(text, i, 2, 2);
      if (!yy) return std::nullopt;
      set_year(parts, 2000 + *yy);
      f += 2;
    } else if (token("Q#")) {
      if (i >= text.size() || lower(text[i]) != 'q') return std::nullopt;
      ++i;
      parts.quarter = digits(text, i, 1, 1);
      if (!parts.quarter) return std::nullopt;
      f += 2;
    } else if (token("MMMM") || token("MMM")) {
      const auto m = month_named(text, i);
      if (!m) return std::nullopt;
      parts.month = static_cast<int>(*m);
      f += token("MMMM") ? 4 : 3;
    } else if (token("MM") || token("M")) {
      parts.month = digits(text, i, 1, 2);
      f += token("MM") ? 2 : 1;
    } else if (token("DD") || token("D")) {
      parts.day = digits(text, i, 1, 2);
      f += token("DD") ? 2 : 1;
      // "4th", "1st", "22nd", "3rd"
      for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
        if (i + 2 <= text.size() && lower(text[i]) == suffix[0] && lower(text[i + 1]) == suffix[1]) {
          i += 2;
          break;
        }
      }
    } else if (form[f] == ' ') {
      if (i >= text.size() || text[i] != ' ') return std::nullopt;
      while (i < text.size() && text[i] == ' ') ++i;
      ++f;
    } else {
      if (i >= text.size() || lower(text[i]) != lower(form[f])) return std::nullopt;
      ++i, ++f;
    }
    if ((form[f - 1] == 'M' && !parts.month) || (form[f - 1] == 'D' && !parts.day)) {
      return std::nullopt;
    }
  }
  return i;
}

// A quarter as its last month: of a calendar year, or of a financial year from April to March ("Q3 24/25" is
// December 2024, "Q4 24/25" March 2025).
std::optional<model::Date> quarter_date(const Parts& parts, DateProblem& problem) {
  const int quarter = *parts.quarter;
  const int year = *parts.year;
  const bool financial = parts.second_year.has_value();
  // The second year follows the first: "99/00" too, a century on (and so past the years a register takes).
  const bool in_a_row = !financial || *parts.second_year == year + 1 || *parts.second_year == year + 1 - 100;
  if (quarter < 1 || quarter > 4 || !in_a_row) {
    problem = DateProblem::no_such_quarter;
    return std::nullopt;
  }
  if (year < 1900 || year > (financial ? 2098 : 2099)) {
    problem = DateProblem::impossible;
    return std::nullopt;
  }
  if (!financial) return model::Date::from_ym(std::chrono::year{year} / std::chrono::month{unsigned(3 * quarter)});
  if (quarter == 4) return model::Date::from_ym(std::chrono::year{year + 1} / std::chrono::March);
  return model::Date::from_ym(std::chrono::year{year} / std::chrono::month{unsigned(3 * quarter + 3)});
}

// The date the parts make, or the problem with them.
std::optional<model::Date> make_date(const Parts& parts, std::optional<int> default_year, DateProblem& problem) {
  if (parts.quarter) {
    if (parts.year) return quarter_date(parts, problem);
    problem = DateProblem::no_year;
    return std::nullopt;
  }
  const std::optional<int> year = parts.year ? parts.year : default_year;
  if (!year) {
    problem = DateProblem::no_year;
    return std::nullopt;
  }
  if (!parts.month || *parts.month < 1 || *parts.month > 12 || *year < 1900 || *year > 2099) {
    problem = DateProblem::impossible;
    return std::nullopt;
  }
  if (!parts.day) return model::Date::from_ym(std::chrono::year{*year} / std::chrono::month{unsigned(*parts.month)});
  const year_month_day ymd{std::chrono::year{*year}, std::chrono::month{unsigned(*parts.month)},
                           std::chrono::day{unsigned(*parts.day)}};
  if (!ymd.ok()) {
    problem = DateProblem::impossible;
    return std::nullopt;
  }
  return model::Date::from_ymd(ymd);
}

std::span<const std::string> forms_of(const DateForms& forms) {
  return forms.forms.empty() ? std::span<const std::string>(k_default_forms) : forms.forms;
}

}  // namespace

std::span<const std::string> default_date_forms() { return k_default_forms; }

// `text` without a time of day at its end ("00:00", "T00:00:00.000Z") after a digit: what a spreadsheet saves
// of a date cell as text, the time of which a register does not keep.
std::string_view without_time(std::string_view text) {
  const std::size_t at = text.find_last_of(" T");
  if (at == std::string_view::npos || at == 0 || !is_digit(text[at - 1])) return text;
  std::string_view time = text.substr(at + 1);
  if (time.ends_with('Z')) time.remove_suffix(1);
  std::size_t i = 0;
  const auto number = [&](std::size_t least, std::size_t most) { return digits(time, i, least, most).has_value(); };
  if (!number(1, 2) || i >= time.size() || time[i++] != ':' || !number(2, 2)) return text;
  if (i < time.size() && time[i] == ':') {
    ++i;
    if (!number(2, 2)) return text;
    if (i < time.size() && time[i] == '.') {
      ++i;
      if (!number(1, 9)) return text;
    }
  }
  return i == time.size() ? trimmed(text.substr(0, at)) : text;
}

std::optional<model::Date> read_date(std::string_view text, const DateForms& forms, DateProblem& problem) {
  text = without_time(trimmed(text));
  problem = DateProblem::not_a_date;
  for (const std::string& form : forms_of(forms)) {
    Parts parts;
    const auto taken = match(text, form, parts);
    if (!taken || *taken != text.size()) continue;
    DateProblem why = DateProblem::none;
    if (auto date = make_date(parts, forms.default_year, why)) {
      problem = DateProblem::none;
      return date;
    }
    // A form that fits but gives no date explains better than "not a date".
    if (problem == DateProblem::not_a_date) problem = why;
  }
  return std::nullopt;
}

std::optional<DateMatch> leading_date(std::string_view text, const DateForms& forms) {
  std::optional<DateMatch> best;
  for (const std::string& form : forms_of(forms)) {
    Parts parts;
    const auto taken = match(text, form, parts);
    if (!taken || (*taken < text.size() && (is_letter(text[*taken]) || is_digit(text[*taken])))) continue;
    DateProblem why = DateProblem::none;
    const auto date = make_date(parts, forms.default_year, why);
    if (date && (!best || *taken > best->length)) best = DateMatch{*date, *taken};
  }
  return best;
}

std::optional<model::Date> date_within(std::string_view text, const DateForms& forms) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && (is_letter(text[i - 1]) || is_digit(text[i - 1]))) continue;
    if (const auto dated = leading_date(text.substr(i), forms)) return dated->date;
  }
  return std::nullopt;
}

std::optional<model::Date> excel_date(double serial, bool base_1904) {
  if (!std::isfinite(serial) || serial < 1 || serial >= 2958466) return std::nullopt;  // up to 31 December 9999
  auto days = static_cast<long>(std::floor(serial));
  sys_days day;
  if (base_1904) {
    day = sys_days{1904y / January / 1} + std::chrono::days{days};
  } else {
    if (days == 60) return std::nullopt;  // 29 February 1900, which never was
    day = sys_days{1899y / December / 30} + std::chrono::days{days < 60 ? days + 1 : days};
  }
  const year_month_day ymd{day};
  if (int(ymd.year()) < 1900 || int(ymd.year()) > 2099) return std::nullopt;  // the years a register's dates take
  return model::Date::from_ymd(ymd);
}

}  // namespace hmicfrs::import
