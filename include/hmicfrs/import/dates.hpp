#pragma once

// The ways trackers write dates: "31/03/2022", "Mar-22", "w/c 4 April",
// "4th April 2022", Excel's serial numbers.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <hmicfrs/model/date.hpp>

namespace hmicfrs::import {

// A form of date: DD or D (day, "4th" too), MM or M (month number), MMM or
// MMMM (month name, short or full, either accepted), YY or YYYY, Q# (a
// quarter: "Q" and its number); any other character stands for itself
// (letters in any case; a space for any run of spaces). A form without a day
// gives a month date ("2022-03"). A quarter is its last month: of the
// calendar year with one year ("Q2 2025" is 2025-06), of the financial year
// from April with two ("Q3 24/25" is 2024-12, "Q4 24/25" 2025-03).
struct DateForms {
  std::span<const std::string> forms;  // tried in order; empty: the built-in day-first forms
  std::optional<int> default_year;     // for a form without a year
};

struct DateMatch {
  model::Date date;
  std::size_t length = 0;  // characters of the text it took
};

enum class DateProblem { none, not_a_date, no_year, impossible, no_such_quarter };

// `text` read whole as a date; a time of day after it ("31/03/2025 00:00", "2025-03-31T00:00:00", as a
// spreadsheet saves a date and time as text) is left out.
std::optional<model::Date> read_date(std::string_view text, const DateForms& forms, DateProblem& problem);

// The date `text` starts with, ending where a word would ("12/01/2022 - Plan agreed"), if it starts with one.
std::optional<DateMatch> leading_date(std::string_view text, const DateForms& forms);

// The first date that starts a word of `text` ("Update Mar-22" holds March 2022), if any.
std::optional<model::Date> date_within(std::string_view text, const DateForms& forms);

// Excel's serial day number (1 is 1 January 1900, with Lotus's 29 February
// 1900; in a 1904-based workbook, 0 is 1 January 1904), as a day.
std::optional<model::Date> excel_date(double serial, bool base_1904);

// The built-in forms, day first, as England writes them.
std::span<const std::string> default_date_forms();

}  // namespace hmicfrs::import
