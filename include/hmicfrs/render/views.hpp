#pragma once

#include <optional>
#include <ostream>
#include <vector>

#include <hmicfrs/model/register.hpp>
#include <hmicfrs/query/calendar.hpp>
#include <hmicfrs/query/changes.hpp>
#include <hmicfrs/query/counts.hpp>
#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/links.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/peel.hpp>
#include <hmicfrs/render/document.hpp>

namespace hmicfrs::render {

// The output formats; each command supports the subset that makes sense.
enum class Format { text, markdown, json, csv, html };

// How to write: the format, and for text the terminal's width and colour.
struct Output {
  Format format = Format::text;
  TextStyle style;
};

// Counts by RAG rating, one row per group and a total: the table of `rag`
// and of the paper's tracker. `first_column` names the groups.
Table rag_table(std::string first_column, const std::vector<std::pair<std::string, query::RagCounts>>& groups,
                const query::RagCounts& total);

// Writes a document in a document format (text, Markdown or HTML).
void write_document(std::ostream& out, const Document& document, const Output& output);

// What each command shows. Views hold query results; they are written by the
// functions below in the format asked for. The JSON shapes are documented in
// docs/json.md.

// `status`: one screen of where the register stands.
struct StatusView {
  const model::Dataset* dataset = nullptr;
  model::Date as_of;
  std::vector<query::FindingRow> rows;             // every finding recorded by the date
  std::vector<const model::Inspection*> upcoming;  // inspections not yet started
};
void write_status(std::ostream& out, const StatusView& view, const Output& output);

// `list`: the findings that pass the filters.
struct ListView {
  model::Date as_of;
  std::vector<query::FindingRow> rows;
};
void write_list(std::ostream& out, const ListView& view, const Output& output);

// `rag`: counts by rating, per group.
struct RagView {
  model::Date as_of;
  query::Grouping grouping = query::Grouping::portfolio;
  std::vector<query::RagGroup> groups;
  query::RagCounts total;
};
void write_rag(std::ostream& out, const RagView& view, const Output& output);

// `show ID` for a finding.
struct FindingView {
  const model::Dataset* dataset = nullptr;
  model::Date as_of;
  query::FindingRow row;
  query::FindingLinks links;
};
void write_finding(std::ostream& out, const FindingView& view, const Output& output);

// `show ID` for an inspection.
struct InspectionView {
  const model::Dataset* dataset = nullptr;
  model::Date as_of;
  const model::Inspection* inspection = nullptr;
  std::vector<query::FindingRow> rows;  // its findings recorded by the date
};
void write_inspection(std::ostream& out, const InspectionView& view, const Output& output);

// `peel`: the grade table of one assessment (none when none is published yet).
struct PeelView {
  model::Date as_of;
  const model::PeelCycle* cycle = nullptr;  // the cycle asked for, if any
  std::optional<query::PeelTable> table;
};
void write_peel(std::ostream& out, const PeelView& view, const Output& output);

// `peel --compare`: two assessments side by side.
struct PeelComparisonView {
  model::Date as_of;
  query::PeelComparison comparison;
};
void write_peel_comparison(std::ostream& out, const PeelComparisonView& view, const Output& output);

// The warning shown whenever two PEEL assessments on different scales are set side by side.
std::string scale_warning(const query::PeelComparison& comparison);

// `inspections`: the calendar.
struct InspectionsView {
  query::Window window;  // `after` set for --since
  query::CalendarScope scope = query::CalendarScope::all;
  std::vector<const model::Inspection*> inspections;
};
void write_inspections(std::ostream& out, const InspectionsView& view, const Output& output);

// `changes`: movements in a window.
struct ChangesView {
  query::Window window;
  std::vector<query::FindingChange> changes;
};
void write_changes(std::ostream& out, const ChangesView& view, const Output& output);

// `committees`: the meetings and their windows.
struct CommitteesView {
  std::vector<query::MeetingWindow> meetings;
};
void write_committees(std::ostream& out, const CommitteesView& view, const Output& output);

}  // namespace hmicfrs::render
