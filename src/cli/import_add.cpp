#include "import_add.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <hmicfrs/render/diagnostics.hpp>
#include <hmicfrs/util/suggest.hpp>

#include "errors.hpp"
#include "register_edits.hpp"

namespace hmicfrs::cli {
namespace {

// The register's report the tracker's names: by id, else by its title or short name as the tracker gives it (a
// tracker names a report as people do), ignoring case.
const model::Inspection* report_named(const model::Dataset& dataset, const import::ImportedReport& report) {
  if (const model::Inspection* inspection = dataset.find_inspection(report.id)) return inspection;
  for (const model::Inspection& inspection : dataset.inspections) {
    for (const std::string& name : {report.title, report.short_name}) {
      if (name.empty()) continue;
      if (util::same_ignoring_case(inspection.title.view(), name) ||
          util::same_ignoring_case(inspection.short_name, name)) {
        return &inspection;
      }
    }
  }
  return nullptr;
}

}  // namespace

int add_imported(const Session& session, const import::ImportedRegister& imported, diag::Diagnostics& diagnostics,
                 const std::string& source) {
  const model::Dataset& dataset = session.loaded_to_edit().result.dataset;
  // Each report the register has, with the findings to add to it; the reports it lacks.
  std::vector<std::pair<const model::Inspection*, const import::ImportedFinding*>> to_add;
  std::vector<const import::ImportedReport*> new_reports;
  for (const import::ImportedReport& report : imported.reports) {
    const model::Inspection* inspection = report_named(dataset, report);
    if (inspection == nullptr) {
      new_reports.push_back(&report);
      continue;
    }
    for (const import::ImportedFinding& finding : report.findings) {
      // A ref in another case is the same finding to a reader ("afi3", "AFI3").
      const auto have =
          std::find_if(inspection->findings.begin(), inspection->findings.end(),
                       [&](const model::Finding& f) { return util::same_ignoring_case(f.ref.view(), finding.ref); });
      if (have == inspection->findings.end()) {
        to_add.emplace_back(inspection, &finding);
        continue;
      }
      diagnostics.error(finding.at,
                        fmt::format("{} is in the register already, at {}:{}: leave its row out, or give it a ref of "
                                    "its own",
                                    have->id.str(), have->location.path(), have->location.line),
                        diag::Code::duplicate_id);
    }
  }
  diagnostics.sort();
  if (!diagnostics.empty()) render::write_diagnostics_text(session.err(), diagnostics, false);
  if (diagnostics.has_errors()) throw DataError("nothing written: fix the tracker's rows above, and import again");

  RegisterEdits edits(session);
  for (const auto& [inspection, finding] : to_add) edits.add_finding(*inspection, finding->item);
  std::size_t created = 0;
  for (const import::ImportedReport* report : new_reports) {
    edits.create(report->file, report->text);
    created += report->findings.size();
  }
  const std::size_t added = to_add.size() + created;
  if (added == 0) {
    session.out() << fmt::format("{} holds no finding to add; nothing written\n", source);
    return k_exit_ok;
  }
  edits.check("nothing written: the register would have the errors above with the tracker's findings");
  edits.refuse_unwritable();
  const auto findings = [](std::size_t n) { return fmt::format("{} finding{}", n, n == 1 ? "" : "s"); };
  std::vector<std::string> where;
  if (!to_add.empty()) where.push_back(fmt::format("{} to reports the register has", findings(to_add.size())));
  if (created > 0) {
    where.push_back(fmt::format("{} in {} new report file{}", findings(created), new_reports.size(),
                                new_reports.size() == 1 ? "" : "s"));
  }
  session.out() << fmt::format("{} from {}: {}\n\n", findings(added), source, fmt::join(where, "; ")) << edits.diff()
                << "\n";
  edits.write();
  session.out() << fmt::format("Commit message:\nAdd {} from {}\n", findings(added), source);
  return k_exit_ok;
}

}  // namespace hmicfrs::cli
