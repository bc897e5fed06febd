#include "register_files.hpp"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include <hmicfrs/model/limits.hpp>
#include "yaml_writer.hpp"

namespace hmicfrs::import {
namespace {

using diag::Code;

// The force's own words for the statuses, where any differs from the usual.
void write_status_words(YamlWriter& w, const model::Vocabulary& vocabulary) {
  const model::Vocabulary usual;
  bool own_words = false;
  for (std::size_t s = 0; s < usual.status_labels.size(); ++s) {
    own_words = own_words || usual.status_labels[s] != vocabulary.status_labels[s];
  }
  if (!own_words) return;
  w.comment(0, "The force's own words for the statuses, from the mapping.");
  w.open(0, "statuses");
  for (std::size_t s = 0; s < usual.status_labels.size(); ++s) {
    if (usual.status_labels[s] != vocabulary.status_labels[s]) {
      w.field(2, model::name_of(static_cast<model::Status>(s)), vocabulary.status_labels[s]);
    }
  }
}

// The owners' addresses and the portfolios the rows named.
void write_owners_and_portfolios(YamlWriter& w, const ImportContext& import) {
  if (!import.owners.empty()) {
    w.comment(0, "Where `chase --format eml` addresses each owner's message, from the tracker.");
    w.open(0, "owners");
    for (const auto& [key, owner] : import.owners) {
      w.field(4, "role", owner.role, true);
      w.field(4, "email", owner.email);
    }
  }
  if (import.portfolios.empty()) {
    w.verbatim(0, "portfolios", "[]");
  } else {
    w.open(0, "portfolios");
    for (const auto& [id, portfolio] : import.portfolios) {
      w.verbatim(4, "id", id, true);
      w.field(4, "name", portfolio.name);
    }
  }
}

std::string config_yaml(const ImportContext& import) {
  YamlWriter w;
  w.comment(0, fmt::format("Written by `hmicfrs-track import` from {}. Add the contact officer, each",
                           import.options.source));
  w.comment(0, "portfolio's lead and the committee's meetings: docs/data-format.md.");
  w.verbatim(0, "schema_version", "1");
  w.open(0, "force");
  w.field(2, "name", import.mapping.force_name.empty() ? "Your force" : import.mapping.force_name);
  w.open(0, "committee");
  w.field(2, "name", import.mapping.committee_name.empty() ? "Audit committee" : import.mapping.committee_name);
  if (import.vocabulary.customised) {
    w.comment(0, "The force's own ratings, from the mapping.");
    write_ratings(w, import.vocabulary);
  }
  write_status_words(w, import.vocabulary);
  write_owners_and_portfolios(w, import);
  return w.take();
}

std::string committees_yaml() {
  YamlWriter committees;
  committees.comment(0, "The committee's meetings, each with its paper's cut-off (docs/data-format.md):");
  committees.comment(0, "  - id: 2022-03");
  committees.comment(0, "    date: 2022-03-24");
  committees.verbatim(0, "meetings", "[]");
  return committees.take();
}

// A finding as an item of the file's list, after a comment saying where it came from ("row 5").
void write_finding(YamlWriter& w, const model::Finding& f, const std::string& whence) {
  w.comment(2, whence);
  w.field(4, "ref", f.ref, true);
  w.verbatim(4, "type", model::name_of(f.type));
  w.field(4, "title", f.title);
  if (!f.text.empty()) w.field(4, "text", f.text);
  if (!f.cause_of_concern.value.empty()) w.field(4, "cause_of_concern", f.cause_of_concern.value);
  if (!f.owner.empty()) w.field(4, "owner", f.owner);
  if (!f.portfolio.value.empty()) w.verbatim(4, "portfolio", f.portfolio.value);
  if (f.due) w.verbatim(4, "due", f.due->iso());
  if (f.inspectorate_due) w.verbatim(4, "inspectorate_due", f.inspectorate_due->iso());
  if (f.history.empty()) return;
  w.open(4, "history");
  for (const model::HistoryEntry& e : f.history) {
    w.verbatim(8, e.as_at ? "as_at" : "date", e.date.iso(), true);
    if (e.status) w.verbatim(8, "status", model::name_of(*e.status));
    if (!e.rag.value.empty()) w.verbatim(8, "rag", e.rag.value);
    if (!e.note.empty()) w.field(8, "note", e.note);
  }
}

YamlWriter inspection_yaml(const ImportContext& import, const Report& report) {
  const model::Inspection& i = report.inspection;
  YamlWriter w;
  w.comment(0, fmt::format("From {}, {}.", import.options.source, row_list(report.rows)));
  w.verbatim(0, "id", i.id);
  w.verbatim(0, "type", model::name_of(i.type));
  w.field(0, "title", i.title);
  if (!i.short_name.empty()) w.field(0, "short_name", i.short_name);
  if (i.published) w.verbatim(0, "published", i.published->iso());
  w.blank_line();
  w.open(0, "findings");
  for (std::size_t k = 0; k < i.findings.size(); ++k) {
    if (k > 0) w.blank_line();
    write_finding(w, i.findings[k], fmt::format("row {}", report.rows[k]));
  }
  return w;
}

// A report's file; an error at its first row when it would hold more than a register's file may.
std::string inspection_file(ImportContext& import, const std::string& id, const Report& report) {
  YamlWriter w = inspection_yaml(import, report);
  if (w.values() > model::k_most_values_per_file) {
    import.diagnostics.error(
        import.table.at(report.first_row, 1),
        fmt::format("report '{}' (rows {} to {}) would make a file of {} values, more than the {} a "
                    "register's file may hold: give some of its rows a report of their own, or fewer updates",
                    id, report.rows.front(), report.rows.back(), w.values(), model::k_most_values_per_file),
        Code::limit_exceeded);
  }
  std::string text = w.take();
  if (text.size() > model::k_most_file_bytes) {
    import.diagnostics.error(
        import.table.at(report.first_row, 1),
        fmt::format("report '{}' (rows {} to {}) would make a file of {} MiB, more than the 16 MiB a "
                    "register's file may hold: give some of its rows a report of their own",
                    id, report.rows.front(), report.rows.back(), (text.size() + (1u << 20) - 1) >> 20),
        Code::limit_exceeded);
  }
  return text;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> register_files(ImportContext& import) {
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back("hmicfrs-track.yaml", config_yaml(import));
  out.emplace_back("committees.yaml", committees_yaml());
  for (const auto& [id, report] : import.reports) {
    out.emplace_back("inspections/" + id + ".yaml", inspection_file(import, id, report));
  }
  if (import.diagnostics.has_errors()) out.clear();
  return out;
}

std::vector<ImportedReport> imported_reports(ImportContext& import,
                                             const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<ImportedReport> out;
  for (const auto& [id, report] : import.reports) {
    ImportedReport& imported = out.emplace_back();
    imported.id = id;
    imported.title = report.title_given ? report.inspection.title.str() : std::string();
    imported.short_name = report.inspection.short_name;
    imported.file = "inspections/" + id + ".yaml";
    const auto file = std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.first == imported.file; });
    if (file != files.end()) imported.text = file->second;
    for (std::size_t k = 0; k < report.inspection.findings.size(); ++k) {
      const model::Finding& finding = report.inspection.findings[k];
      YamlWriter w;
      write_finding(w, finding, fmt::format("From {}, row {}", import.options.source, report.rows[k]));
      const auto at = report.refs.find(finding.ref.str());
      imported.findings.push_back(
          {finding.ref.str(), at != report.refs.end() ? at->second : import.table.at(report.rows[k], 1), w.take()});
    }
  }
  if (import.diagnostics.has_errors()) out.clear();
  return out;
}

}  // namespace hmicfrs::import
