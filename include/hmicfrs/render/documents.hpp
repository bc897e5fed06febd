#pragma once

#include <hmicfrs/answers/chase.hpp>
#include <hmicfrs/answers/counts.hpp>
#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/answers/movement.hpp>
#include <hmicfrs/answers/paper.hpp>
#include <hmicfrs/answers/peel.hpp>
#include <hmicfrs/answers/status.hpp>
#include <hmicfrs/answers/window.hpp>
#include <hmicfrs/render/document.hpp>

namespace hmicfrs::render {

// What each answer shows, as a document that any document format writes.
Document to_document(const answers::Status& status);
Document to_document(const answers::FindingList& list);
Document to_document(const answers::RagBreakdown& breakdown);
Document to_document(const answers::FindingDetail& detail);
Document to_document(const answers::InspectionDetail& detail);
Document to_document(const answers::PeelGrades& grades);
Document to_document(const answers::PeelComparison& comparison);
Document to_document(const answers::PeelAreas& areas);
Document to_document(const answers::Calendar& calendar);
Document to_document(const answers::Movement& movement);
Document to_document(const answers::Committees& committees);

// The committee paper (SPEC §6): its numbered sections in order, the
// register's narrative quoted where it belongs.
Document to_document(const answers::Paper& paper);
Document to_document(const answers::Chase& chase);

// The one table of the answers that are a table, for CSV.
Table to_table(const answers::FindingList& list);
Table to_table(const answers::RagBreakdown& breakdown);
Table to_table(const answers::PeelGrades& grades);
Table to_table(const answers::PeelComparison& comparison);
Table to_table(const answers::PeelAreas& areas);
Table to_table(const answers::Calendar& calendar);
Table to_table(const answers::Movement& movement);
Table to_table(const answers::Committees& committees);

// The answers written as Excel workbooks, a sheet per view: a list of
// findings with what chasing them needs (owner, portfolio, due date, status,
// last update and its note); counts by rating; the paper's tracker (by
// portfolio, status and report, then the findings listed in full, overdue
// and stale).
std::vector<Sheet> to_sheets(const answers::FindingList& list);
std::vector<Sheet> to_sheets(const answers::RagBreakdown& breakdown);
std::vector<Sheet> to_sheets(const answers::Paper& paper);
std::vector<Sheet> to_sheets(const answers::Chase& chase);

// What every printed page of those workbooks carries: the force and the date
// ("West Midlands Police — HMICFRS findings as of 31 March 2022"; for `chase`,
// "... findings to chase as of ..."), and the register's protective marking.
PrintedPage printed_page(const answers::FindingList& list);
PrintedPage printed_page(const answers::RagBreakdown& breakdown);
PrintedPage printed_page(const answers::Paper& paper);
PrintedPage printed_page(const answers::Chase& chase);

}  // namespace hmicfrs::render
