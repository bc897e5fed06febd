#pragma once

// The reports a tracker's rows belong to: named by a column, a heading row or
// the mapping's default, and what holds for each once all its rows are read
// (its type and title, causes of concern linked to their recommendations).
// Private to import/.

#include "import_context.hpp"

namespace hmicfrs::import {

// Whether the row is a heading: one distinct value, merged across the table or in one cell but the ref's,
// naming the report of the rows below it ("PEEL 2021/22"), or a key or footnote. It is added to
// `import.headings`; what it heads is settled once every row is read.
bool read_heading(RowContext& row);

// The report the row belongs to, made on its first row; nullptr (reported) when the row names none.
// `id_value` is the row's `id` ("report/ref"), if any.
Report* report_for(RowContext& row, const Value& id_value);

// What a row says of its report besides its name: when it was published, what kind it is.
void read_report_details(RowContext& row, Report& report);

// What holds for each report once all its rows are read: the title a heading gives it (its rows' shorter name
// then its short name), a note for each heading row saying what it was read as; its type, causes of concern linked to
// the recommendations answering them, warnings for a title or publication date it lacks; and a warning naming the rows
// dated as of the import.
void check_reports(ImportContext& import);

}  // namespace hmicfrs::import
