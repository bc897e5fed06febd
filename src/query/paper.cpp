#include <hmicfrs/query/paper.hpp>

#include <algorithm>
#include <map>
#include <string_view>

#include <fmt/format.h>

#include <hmicfrs/query/calendar.hpp>
#include <hmicfrs/query/changes.hpp>
#include <hmicfrs/query/counts.hpp>
#include <hmicfrs/query/detail.hpp>
#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/links.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/peel.hpp>
#include <hmicfrs/query/state.hpp>
#include <hmicfrs/util/parallel.hpp>

namespace hmicfrs::query {
namespace {

constexpr std::string_view k_default_purpose =
    "To give members of the Committee oversight of {} inspection activity and of the force's progress against "
    "the inspectorate's recommendations.";
constexpr std::string_view k_default_decision = "The Committee is asked to note the contents of this report.";

std::string or_default(const std::string& text, std::string_view fallback) {
  return text.empty() ? std::string(fallback) : text;
}

answers::PublishedReport published_report(const model::Dataset& dataset, const model::Inspection& inspection,
                                          const std::vector<answers::FindingRow>& rows) {
  answers::PublishedReport report{&inspection, rows_of(rows, inspection), false, continued(dataset, inspection)};
  report.all_national = std::all_of(report.findings.begin(), report.findings.end(), [](const answers::FindingRow& r) {
    return r.finding->scope == model::Scope::all_forces;
  });
  return report;
}

// The sections the paper has: the meeting's choice, else the configuration's, else the usual layout, in
// which reports under review appear only when the meeting names some.
std::vector<model::PaperSection> layout(const model::Config& config, const model::Meeting& meeting) {
  if (!meeting.sections.empty()) return meeting.sections;
  if (!config.sections.empty()) return config.sections;
  std::vector<model::PaperSection> sections;
  using model::Section;
  for (const Section s : {Section::purpose, Section::peel, Section::activity, Section::published, Section::review,
                          Section::tracker, Section::red, Section::decision}) {
    if (s != Section::review || !meeting.review.empty()) sections.push_back({s, {}, {}});
  }
  return sections;
}

bool has_section(const std::vector<model::PaperSection>& sections, model::Section which) {
  return std::any_of(sections.begin(), sections.end(),
                     [&](const model::PaperSection& s) { return s.section == which; });
}

// The reports the meeting names, each with its findings in the report's order.
std::vector<answers::ReviewedReport> reviewed(const model::Dataset& dataset, const model::Meeting& meeting,
                                              const std::vector<answers::FindingRow>& rows) {
  std::vector<answers::ReviewedReport> out;
  for (const auto& reference : meeting.review) {
    const model::Inspection* inspection = dataset.find_inspection(reference.value);
    if (inspection == nullptr) continue;  // validation reports it
    answers::ReviewedReport report{inspection, rows_of(rows, *inspection), {}};
    report.counts = rag_total(report.findings, dataset.config.vocabulary);
    out.push_back(std::move(report));
  }
  return out;
}

// The red findings in full, each with the cause of concern it answers and the later findings that repeat it.
std::vector<answers::RedFinding> red_findings(const model::Dataset& dataset,
                                              const std::vector<answers::FindingRow>& red) {
  std::map<std::string, std::vector<answers::FindingRef>, std::less<>> repeated_in;  // by the earlier finding's id
  for (const model::Inspection* inspection : inspections_by_id(dataset)) {
    for (const model::Finding& finding : inspection->findings) {
      if (finding.repeats.value.empty()) continue;
      repeated_in[resolve_reference(finding.repeats.value, *inspection)].push_back({inspection, &finding});
    }
  }
  std::vector<answers::RedFinding> out;
  for (const answers::FindingRow& row : red) {
    answers::RedFinding item{row, nullptr, {}};
    if (!row.finding->cause_of_concern.value.empty()) {
      const auto cause = find_finding(dataset, resolve_reference(row.finding->cause_of_concern.value, *row.inspection));
      if (cause) item.cause_of_concern = cause->finding;
    }
    if (const auto it = repeated_in.find(row.finding->id); it != repeated_in.end()) item.repeated_in = it->second;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

std::string_view inspectorate_on(const model::Date& date) {
  static const model::Date renamed = *model::Date::parse("2017-07-19");
  return date < renamed ? "HMIC" : "HMICFRS";
}

answers::Paper assemble_paper(const model::Dataset& dataset, const answers::MeetingWindow& meeting,
                              const model::Date& as_of) {
  const model::Config& config = dataset.config;
  answers::Paper paper;
  paper.meeting = meeting.meeting;
  paper.vocabulary = &config.vocabulary;
  paper.window = answers::Window{meeting.window.after, as_of};
  paper.title = config.paper_title;
  paper.committee = config.committee_name;
  paper.force = config.force_name;
  paper.inspectorate = config.inspectorate.empty() ? std::string(inspectorate_on(as_of)) : config.inspectorate;
  paper.purpose = or_default(config.purpose, fmt::format(fmt::runtime(k_default_purpose), paper.inspectorate));
  paper.decision = or_default(config.decision, k_default_decision);
  paper.contact = meeting.meeting->contact ? *meeting.meeting->contact : config.contact;
  paper.stale_after_days = config.stale_after_days;
  paper.sections = layout(config, *meeting.meeting);
  paper.notified_with_activity =
      has_section(paper.sections, model::Section::activity) && !has_section(paper.sections, model::Section::notified);
  // Movement in the window reads only the register: on a large one it is worked out beside the rest.
  auto movement = util::async_if_large(dataset.finding_count(),
                                       [&dataset, window = paper.window] { return movement_in(dataset, window); });
  const std::vector<answers::FindingRow> rows = findings_as_of(dataset, as_of);

  if (const auto latest = latest_peel(dataset, as_of)) {
    answers::PeelSection peel{peel_table(dataset, *latest, as_of), earlier_in_other_cycle(dataset, *latest), {}, {}};
    // The findings of every report of the cycle (pillar years had several).
    for (const model::Inspection* report : peel.table.reports) {
      const auto its = rows_of(rows, *report);
      peel.findings.insert(peel.findings.end(), its.begin(), its.end());
      paper.background.push_back(report);
    }
    peel.finding_counts = rag_total(peel.findings, config.vocabulary);
    paper.peel = std::move(peel);
  }

  for (const model::Inspection* inspection : calendar(dataset, {std::nullopt, as_of}, answers::CalendarScope::all)) {
    if (inspection->type != model::InspectionType::peel) continue;
    if (!inspection->published || !happened_by(*inspection->published, as_of)) {
      paper.peel_in_progress.push_back(inspection);
    } else if (!paper.peel && !inspection->gradings) {
      paper.peel_ungraded.push_back(inspection);
    }
  }
  for (const model::Inspection* inspection : calendar(dataset, paper.window, answers::CalendarScope::all)) {
    answers::Activity activity;
    activity.inspection = inspection;
    activity.published = inspection->published && happened_by(*inspection->published, as_of);
    const bool draft_in = inspection->draft_received && happened_by(*inspection->draft_received, as_of);
    if (!activity.published && !draft_in) activity.draft_expected = inspection->draft_expected;
    for (const model::FieldworkPhase& phase : inspection->phases) {
      if (in_window(paper.window, phase.period.from)) activity.phases.push_back(&phase);
      if (as_of < phase.period.from.first_day()) activity.phases_to_come.push_back(&phase);
    }
    for (const model::InspectionEvent& event : inspection->events) {
      if (in_window(paper.window, event.date)) activity.events.push_back(&event);
      if (as_of < event.date.first_day()) activity.events_to_come.push_back(&event);
    }
    // Fieldwork or a step of it in the window; or fieldwork begun earlier and paused, with more to come.
    const bool begun = inspection->fieldwork && !(as_of < inspection->fieldwork->from.first_day());
    if (fieldwork_in(*inspection, paper.window) || !activity.phases.empty() || !activity.events.empty() ||
        (begun && !activity.events_to_come.empty())) {
      paper.activity.push_back(std::move(activity));
    }
    if (draft_in && !activity.published) paper.drafts.push_back(inspection);
    if (!published_in(*inspection, paper.window)) continue;
    if (inspection->type == model::InspectionType::peel) {
      paper.published_peel.push_back(inspection);
    } else {
      paper.published.push_back(published_report(dataset, *inspection, rows));
    }
  }
  // Reports in the order they came out, whatever the order of the files.
  std::sort(paper.published_peel.begin(), paper.published_peel.end(), published_earlier);
  std::sort(paper.published.begin(), paper.published.end(),
            [](const answers::PublishedReport& a, const answers::PublishedReport& b) {
              return published_earlier(a.inspection, b.inspection);
            });
  paper.notified = calendar(dataset, {std::nullopt, as_of}, answers::CalendarScope::upcoming);
  // Narratives in full once: at the first paper after the assessment's publication (or the first paper of all).
  switch (config.peel_narratives) {
    case model::Narratives::always: paper.peel_narratives = true; break;
    case model::Narratives::never: paper.peel_narratives = false; break;
    case model::Narratives::first_paper:
      paper.peel_narratives =
          !paper.window.after ||
          (paper.peel && std::any_of(paper.peel->table.reports.begin(), paper.peel->table.reports.end(),
                                     [&](const model::Inspection* r) { return published_in(*r, paper.window); }));
      break;
  }
  paper.review = reviewed(dataset, *meeting.meeting, rows);

  paper.by_portfolio = rag_by(rows, answers::Grouping::portfolio, config);
  paper.by_status = rag_by(rows, answers::Grouping::status, config);
  paper.by_report = rag_by(rows, answers::Grouping::report, config);
  paper.total = rag_total(rows, config.vocabulary);
  paper.movement = movement.get();
  paper.outstanding = outstanding(rows);
  paper.red = red_findings(dataset, paper.outstanding.needing_attention);

  for (const answers::FindingRow& row : paper.outstanding.needing_attention) {
    if (row.inspection->published) paper.background.push_back(row.inspection);
  }
  for (const answers::ReviewedReport& report : paper.review) {
    if (report.inspection->published) paper.background.push_back(report.inspection);
  }
  for (const answers::PublishedReport& report : paper.published) paper.background.push_back(report.inspection);
  for (const model::Inspection* inspection : paper.published_peel) paper.background.push_back(inspection);
  // Each report once: ordered by publication and id, a report's mentions sit side by side.
  std::sort(paper.background.begin(), paper.background.end(), published_earlier);
  paper.background.erase(std::unique(paper.background.begin(), paper.background.end()), paper.background.end());
  return paper;
}

}  // namespace hmicfrs::query
