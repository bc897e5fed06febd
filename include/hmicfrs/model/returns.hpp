#pragma once

// The workbook `chase --format xlsx` writes for owners to fill in and `collect` reads back: its sheets, the headers
// of its columns and the keys of its record sheet, shared by the writer (render/) and the reader (import/, cli/),
// which never see each other.

#include <string>
#include <string_view>

#include <hmicfrs/model/register.hpp>

namespace hmicfrs::model::returns {

// The sheet owners fill in: a row a finding, the finding's columns locked, the update's columns open.
inline constexpr std::string_view k_updates_sheet = "Updates";
inline constexpr std::string_view k_owner = "Owner";
inline constexpr std::string_view k_portfolio = "Portfolio";
inline constexpr std::string_view k_email = "Email";
inline constexpr std::string_view k_finding = "Finding";
inline constexpr std::string_view k_title = "Title";
inline constexpr std::string_view k_due = "Due";
inline constexpr std::string_view k_latest_note = "Latest note";
// The finding's last history entry when the workbook was written (`last_entry_stamp`): what the row updates.
inline constexpr std::string_view k_last_entry = "Last entry";
inline constexpr std::string_view k_new_rating = "New rating";
inline constexpr std::string_view k_new_status = "New status";
inline constexpr std::string_view k_update_note = "Update note";
inline constexpr std::string_view k_update_date = "Date of update";

// The hidden sheet that records whose register wrote the workbook and what each row of the updates sheet stood
// for: a header row, then a row a key.
inline constexpr std::string_view k_record_sheet = "hmicfrs-track";
inline constexpr std::string_view k_record_headers[] = {"Key", "Value", "Last entry", "Entries", "Row"};
inline constexpr std::string_view k_kind_key = "workbook";
inline constexpr std::string_view k_kind = "hmicfrs-track updates, version 1";
inline constexpr std::string_view k_force_key = "force";
inline constexpr std::string_view k_committee_key = "committee";
inline constexpr std::string_view k_as_of_key = "as of";
// A row of the updates sheet: the finding's id, its last entry's stamp, how many entries it had, the sheet's row.
inline constexpr std::string_view k_row_key = "finding";

// The finding's last history entry, as the workbook shows it and `collect` compares it: "2022-02-21", "as at
// 2022-02-21", or "none".
std::string last_entry_stamp(const Finding& finding);

}  // namespace hmicfrs::model::returns
