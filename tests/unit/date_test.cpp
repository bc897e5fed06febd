#include <fmt/format.h>
#include <gtest/gtest.h>

#include <hmicfrs/model/date.hpp>

namespace hmicfrs::model {
namespace {

std::string error_of(std::string_view text) {
  const auto parsed = Date::parse(text);
  return parsed ? "(parsed)" : parsed.error();
}

TEST(Date, ParsesADay) {
  const auto date = Date::parse("2022-04-04");
  ASSERT_TRUE(date);
  EXPECT_TRUE(date->has_day());
  EXPECT_EQ(date->year(), 2022);
  EXPECT_EQ(date->month(), 4u);
  EXPECT_EQ(date->day(), 4u);
  EXPECT_EQ(date->iso(), "2022-04-04");
}

TEST(Date, ParsesAMonthWithTheDayToBeConfirmed) {
  const auto date = Date::parse("2022-05");
  ASSERT_TRUE(date);
  EXPECT_FALSE(date->has_day());
  EXPECT_EQ(date->day(), 0u);
  EXPECT_EQ(date->iso(), "2022-05");
  EXPECT_EQ(date->first_day().iso(), "2022-05-01");
  EXPECT_EQ(date->last_day().iso(), "2022-05-31");
}

// Old papers give a report's year alone: "published in 2015".
TEST(Date, ParsesAYearAlone) {
  const auto date = Date::parse("2015");
  ASSERT_TRUE(date);
  EXPECT_FALSE(date->has_month());
  EXPECT_FALSE(date->has_day());
  EXPECT_EQ(date->year(), 2015);
  EXPECT_EQ(date->month(), 0u);
  EXPECT_EQ(date->iso(), "2015");
  EXPECT_EQ(date->first_day().iso(), "2015-01-01");
  EXPECT_EQ(date->last_day().iso(), "2015-12-31");
  EXPECT_EQ(date->sys_days(), std::chrono::sys_days{std::chrono::year{2015} / 1 / 1});
  // A year sorts before its months, and they before their days.
  EXPECT_LT(*date, *Date::parse("2015-01"));
  EXPECT_LT(*Date::parse("2014-12-31"), *date);
  EXPECT_TRUE(date->begun_by(*Date::parse("2015-01-01")));
  EXPECT_FALSE(date->begun_by(*Date::parse("2014-12-31")));
  EXPECT_EQ(error_of("1899"), "'1899' is not a date: the year must be between 1900 and 2099");
}

TEST(Date, RejectsImpossibleDays) {
  EXPECT_EQ(error_of("2022-02-30"), "'2022-02-30' is not a date: February 2022 has 28 days");
  EXPECT_EQ(error_of("2023-02-29"), "'2023-02-29' is not a date: February 2023 has 28 days");
  EXPECT_EQ(error_of("2022-04-31"), "'2022-04-31' is not a date: April 2022 has 30 days");
  EXPECT_EQ(error_of("2022-04-00"), "'2022-04-00' is not a date: April 2022 has 30 days");
  EXPECT_TRUE(Date::parse("2024-02-29"));
}

TEST(Date, RejectsImpossibleMonthsAndYears) {
  EXPECT_EQ(error_of("2022-13"), "'2022-13' is not a date: there is no month 13");
  EXPECT_EQ(error_of("2022-00-10"), "'2022-00-10' is not a date: there is no month 00");
  EXPECT_EQ(error_of("2202-01-01"), "'2202-01-01' is not a date: the year must be between 1900 and 2099");
}

TEST(Date, RejectsEveryOtherForm) {
  const std::string hint = "is not a date: write YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known";
  for (const char* text :
       {"2022-3-1", "2022-03-1", "20220301", "022", "20222", "2022-03-01T10:00", " 2022-03-01", "2022-03-01 ",
        "２０２２-03-01", "", "2022/03/01", "+2022-03-01", "31/02/2022", "Maybe 2022"}) {
    EXPECT_EQ(error_of(text), fmt::format("'{}' {}", text, hint)) << text;
  }
}

TEST(Date, SaysHowToWriteADateWrittenTheBritishWay) {
  const std::string form = "is not a date as these files write them (YYYY-MM-DD, YYYY-MM or YYYY): write";
  for (const auto& [text, iso] : {std::pair{"31/03/2022", "2022-03-31"},
                                  {"31.3.22", "2022-03-31"},
                                  {"4-4-2022", "2022-04-04"},
                                  {"4 April 2022", "2022-04-04"},
                                  {"May 2022", "2022-05"},
                                  {"Sep-22", "2022-09"},
                                  {"september 2017", "2017-09"}}) {
    EXPECT_EQ(error_of(text), fmt::format("'{}' {} {}", text, form, iso)) << text;
  }
}

TEST(Date, OrdersAMonthBeforeItsDaysAndIgnoresTheWeekFlag) {
  const Date month = *Date::parse("2022-05");
  const Date first = *Date::parse("2022-05-01");
  EXPECT_LT(month, first);
  EXPECT_LT(*Date::parse("2022-04-30"), month);
  EXPECT_EQ(first, first.with_week_commencing());
  EXPECT_TRUE(first.with_week_commencing().week_commencing());
  EXPECT_FALSE(first.week_commencing());
}

// A date is packed into four bytes: every day of every year a register may write reads back as written, and
// the order of the packed dates is the order of the days.
TEST(Date, KeepsEveryDayOfTheYearsARegisterWritesInFourBytes) {
  static_assert(sizeof(Date) == 4);
  Date previous = *Date::parse("1900-01");
  int days = 0;
  for (std::chrono::sys_days day = std::chrono::sys_days{std::chrono::year{1900} / 1 / 1};
       day <= std::chrono::sys_days{std::chrono::year{2099} / 12 / 31}; day += std::chrono::days{1}) {
    const std::chrono::year_month_day ymd{day};
    const std::string written = fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                                            static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    const auto date = Date::parse(written);
    ASSERT_TRUE(date) << written;
    ASSERT_EQ(date->iso(), written);
    ASSERT_EQ(date->sys_days(), day);
    ASSERT_LT(previous, *date) << written;
    ASSERT_TRUE(date->with_week_commencing().week_commencing());
    ASSERT_EQ(date->with_week_commencing().iso(), written);
    previous = *date;
    ++days;
  }
  EXPECT_EQ(days, 73049);  // 200 years, 49 of them leap years (1900 is not, 2000 is)
  EXPECT_EQ(Date::parse("2099-12")->iso(), "2099-12");
  EXPECT_EQ(Date::parse("1900-02")->last_day().iso(), "1900-02-28");
}

TEST(Date, CountsDaysAndWeekdays) {
  const Date date = *Date::parse("2022-02-21");
  EXPECT_EQ(date.weekday(), std::chrono::Monday);
  EXPECT_EQ((Date::parse("2022-03-01")->sys_days() - date.sys_days()).count(), 8);
  EXPECT_EQ(month_name(2), "February");
  EXPECT_EQ(month_name(12), "December");
}

}  // namespace
}  // namespace hmicfrs::model
