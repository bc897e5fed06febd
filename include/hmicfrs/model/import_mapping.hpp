#pragma once

// What a force's spreadsheet tracker means, column by column and word by word:
// the mapping file `import --map` reads (docs/import.md). Plain data; load/
// decodes it, import/ applies it.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/model/date.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::model {

// A column of the tracker as the mapping names it: its header's text, or its
// letters ("F") when no header reads so.
struct ColumnName {
  std::string name;
  diag::Location location;
};

// The register's fields a tracker's columns can feed, in the order a guessed mapping lists them.
inline constexpr std::array<std::string_view, 20> k_import_fields{
    "id",                // a finding's full id, "custody-2017/R1": its report and ref at once
    "inspection",        // the report: its id, or its title (made into an id)
    "inspection_title",  // the report's title, when `inspection` holds its id
    "inspection_type",
    "published",
    "ref",
    "type",
    "title",
    "text",              // the full wording, when `title` is a short form
    "cause_of_concern",  // the cause of concern a recommendation answers (else the one listed above it)
    "owner",
    "portfolio",
    "due",
    "inspectorate_due",
    "status",
    "rating",
    "updated",  // the date of the status, rating and note
    "note",     // the latest update
    "updates",  // cells of dated updates, a line each ("12/01/2022 - Policy drafted")
};

// The fields whose words the mapping's `values` translate.
inline constexpr std::array<std::string_view, 4> k_import_word_fields{"type", "status", "rating", "inspection_type"};

struct ImportMapping {
  std::string sheet;  // the workbook's sheet (xlsx); empty: the first
  diag::Location sheet_location;
  int header_row = 0;  // 1-based; 0: the row that reads most like a header among the first 20

  // The register's field each column feeds (`id`, `inspection`, `ref`, `title`,
  // ... as `import_fields()` lists), one or more columns each.
  std::map<std::string, std::vector<ColumnName>, std::less<>> columns;
  // Columns left out on purpose. Every other column's values go into the
  // finding's text under its header, so nothing in a row is lost.
  std::vector<ColumnName> ignore;

  // The tracker's words for types, statuses, ratings and inspection types, each
  // to the register's ("Complete" -> closed), per field; matched ignoring case
  // and surrounding space. The built-in words apply where these are silent.
  struct Word {
    std::string value;
    diag::Location location;
  };
  std::map<std::string, std::map<std::string, Word>, std::less<>> values;

  // How dates are written, tried in order ("DD/MM/YYYY", "MMM-YY", "w/c D MMMM");
  // empty: the built-in list of day-first forms.
  std::vector<ColumnName> date_formats;
  std::optional<int> default_year;  // for dates written without a year

  // Values for what the tracker has no column for.
  std::string default_inspection;       // the report every row belongs to
  std::string default_inspection_type;  // e.g. national-thematic; else from the title, else other
  std::string default_type;             // a finding type, when neither a column nor the ref says

  // The force's own ratings and words for the statuses (`ratings:` and `statuses:`, as the configuration
  // writes them), which the new register's configuration takes; none: red, amber and green, and the usual words.
  std::optional<Vocabulary> vocabulary;

  // Who the register belongs to (the configuration's required names).
  std::string force_name;
  std::string committee_name;

  diag::Location location;
};

}  // namespace hmicfrs::model
