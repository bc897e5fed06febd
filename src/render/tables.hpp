#pragma once

// Pieces of documents that several views and the paper share. Private to render/.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <hmicfrs/answers/chase.hpp>
#include <hmicfrs/answers/counts.hpp>
#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/answers/movement.hpp>
#include <hmicfrs/answers/peel.hpp>
#include <hmicfrs/answers/window.hpp>
#include <hmicfrs/render/document.hpp>
#include <hmicfrs/render/labels.hpp>

namespace hmicfrs::render {

// What tables call the rating column: "RAG" for red, amber and green, else "Rating".
std::string rating_heading(const model::Vocabulary& vocabulary);

// A finding's rating as a cell, in its colour: "Red", "Unrated", or its closed status.
Cell rating_cell(const answers::FindingState& state, const model::Vocabulary& vocabulary);

// "1 red, 2 amber, 3 green, 0 unrated": open findings by the ratings of open findings.
std::string open_counts(const answers::RagCounts& counts, const model::Vocabulary& vocabulary);

// The ratings the paper lists in full, as prose names them: "red", "red or black".
std::string attention_words(const std::vector<std::string>& labels);
std::string attention_words(const model::Vocabulary& vocabulary);  // of the ratings it marks `attention`

// "one closed", "two not monitored": how closed findings closed, when not all plainly closed; else none.
std::vector<std::string> closing_parts(const std::vector<answers::ClosingCount>& closings,
                                       const model::Vocabulary& vocabulary, bool spelled_out);

// " (one closed, two not monitored)": closing_parts in brackets, or "".
std::string closings_phrase(const std::vector<answers::ClosingCount>& closings, const model::Vocabulary& vocabulary,
                            bool spelled_out);

// The states a window records only as at a date, said so that its counts add up: "The states of
// twenty-six findings were recorded as at 8 June 2017: when they came about is not known, so they are
// not counted as changes." Empty when there are none.
std::string as_at_sentence(const std::vector<answers::AsAtCount>& counts, DateStyle style);

// How a table names findings: by id (lists, `show`, workbooks), or as the paper does (`paper_name`).
enum class Naming { id, paper };
std::string finding_name(const model::Inspection& inspection, const model::Finding& finding, Naming naming);

// A row of a table of targets moved: the finding, the target before and after, and why.
std::vector<Cell> target_row(const answers::FindingChange& change, DateStyle style = DateStyle::iso,
                             Naming naming = Naming::id);

// Why the vocabulary gave a finding its rating: "past its target date", "status Declined".
std::string derived_reason(const answers::FindingState& state, const model::Vocabulary& vocabulary);

// A share as the tables write it, to a whole per cent (answers::whole_percent): "45%".
std::string percent_text(double percent);

// Actions, each its id, title, owner, due date, whether overdue, status, counted progress and latest note;
// with the id of each one's finding first when `with_finding` (`findings` then parallel to `actions`).
Table actions_table(const std::vector<answers::ActionState>& actions, DateStyle style, bool with_finding = false,
                    const std::vector<const answers::FindingRow*>& findings = {});

// Per report: its publication, its findings, how many open and closed, how
// many of the closed were done (closed or achieved), and that as a share.
Table report_table(const std::vector<answers::RagGroup>& groups, const answers::RagCounts& total,
                   DateStyle style = DateStyle::iso);

// Findings per status (awaiting allocation, open, awaiting sign-off, each way of closing) and a total.
Table status_table(const std::vector<answers::RagGroup>& groups, const answers::RagCounts& total);

// Findings for the people who chase them, one a row: id, report, type, rating,
// title, owner, portfolio, target date, whether overdue, status, last update
// and its note, the dates in date columns; `with_actions`, each one's actions complete (%) too.
Table register_table(const std::vector<answers::FindingRow>& rows, const model::Vocabulary& vocabulary,
                     DateStyle style = DateStyle::iso, bool with_actions = false);

// A finding's owner, or "Awaiting allocation" for an open one without.
std::string owner_text(const answers::FindingRow& row);

// A finding's title, saying where it is counted when not by itself: "... (repeats X, counted there)".
std::string counted_title(const answers::FindingRow& row);

// A finding's due date, with " overdue" ("(overdue)" in words) when it has passed.
std::string due_text(const answers::FindingRow& row, DateStyle style = DateStyle::iso);

// A date as `chase` writes it in `style`: as the data writes it ("2021-11-30", in its tables), or in words, as the
// messages it drafts write every date ("30 November 2021", "September 2022 (date TBC)" until that month begins).
std::string chase_date(const answers::Chase& chase, const model::Date& date, DateStyle style);

// Why `chase` asks about a finding, in words: "Red; overdue; no update since 2021-11-30" (its dates in `style`).
std::string chase_reasons(const answers::Chase& chase, const answers::ChaseItem& item, DateStyle style);

// "The paper will show" when a chase's window ends at the next paper's cut-off; else "On 2022-05-23 it will show".
std::string chase_outcome_label(const answers::Chase& chase, DateStyle style);

// How the paper will show a chased finding if nothing is written before its cut-off (its dates in `style`).
std::string chase_paper_shows(const answers::Chase& chase, const answers::ChaseItem& item, DateStyle style);

// A workbook's printed page: "<force> — <what> as of 31 March 2022" (without the force when the register names
// none); its marking is the output's.
PrintedPage printed_page(std::string_view force, std::string_view what, const model::Date& as_of);

// "1 finding", "3 findings": a count in digits and the noun it counts.
std::string count_phrase(std::size_t n, std::string_view one, std::string_view many);

// "up to 2022-03-31", "after 2021-12-22 up to 2022-03-31".
std::string window_text(const answers::Window& window);

// Findings, one a row: id (or the paper's name), (type,) rating, title, owner and due date.
Table findings_table(const std::vector<answers::FindingRow>& rows, const model::Vocabulary& vocabulary,
                     bool with_type = false, DateStyle style = DateStyle::iso, Naming naming = Naming::id);

// Counts by rating, one row per group and a total: the table of `rag` and of
// the paper's tracker. `first_column` names the groups; a column per rating
// of the vocabulary, open ones before "Open", closed ones before "Closed".
Table rag_table(std::string first_column, const std::vector<answers::RagGroup>& groups, const answers::RagCounts& total,
                const model::Vocabulary& vocabulary);

// The grade table of the papers: a column per grade, its areas below it.
Table grade_table(const answers::PeelTable& table);

// The judgements a grade table carries over from an earlier assessment, one
// line each: "Investigating crime: Good, the judgement of <title>, published
// on 2 March 2017".
std::vector<std::string> carried_over(const answers::PeelTable& table);

// Inspections, one a row: id, type, fieldwork, publication and title.
Table calendar_table(const std::vector<const model::Inspection*>& inspections, const model::Date& as_of);

// What a report's counts say it makes: "It makes five recommendations and 34
// areas for improvement. Of these, two recommendations continue findings of
// <title>." Numbers are spelled as a paper writes them when `spelled_out`. A
// type the register does not give is not named (never "0"), and counts that
// give no number made say the register does not record it.
std::string stated_findings(const model::FindingCounts& counts, const model::Inspection* continued, bool spelled_out);

// A section of a view: its heading with the row count, then its table, or one sentence when it is empty.
void add_section(Document& document, std::string heading, Table table, std::string_view when_empty);

// Why the grades of two PEEL cycles must not be compared as if equal: more
// strongly when their scales differ too.
std::string comparison_warning(const answers::PeelComparison& comparison);

}  // namespace hmicfrs::render
