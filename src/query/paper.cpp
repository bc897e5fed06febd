// The committee paper: the section table, and one function per section that computes its answer.

#include <hmicfrs/query/paper.hpp>

#include <algorithm>
#include <future>
#include <map>
#include <string_view>

#include <fmt/format.h>

#include <hmicfrs/query/actions.hpp>
#include <hmicfrs/query/calendar.hpp>
#include <hmicfrs/query/changes.hpp>
#include <hmicfrs/query/counts.hpp>
#include <hmicfrs/query/detail.hpp>
#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/links.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/oversight.hpp>
#include <hmicfrs/query/peel.hpp>
#include <hmicfrs/query/state.hpp>
#include <hmicfrs/util/parallel.hpp>
#include <hmicfrs/util/prose.hpp>

namespace hmicfrs::query {
namespace {

using model::Section;

constexpr std::string_view k_default_purpose =
    "To give members of the Committee oversight of {} inspection activity and of the force's progress against "
    "the inspectorate's recommendations.";
// The usual decision; a register that words its own decision gives all of it.
constexpr std::string_view k_default_decision =
    "This report is submitted for the information of the Committee. The Committee is asked to note the contents of "
    "this report.";

// What every section's answer is computed from.
struct PaperContext {
  const model::Dataset& dataset;
  const model::Meeting& meeting;
  answers::Window window;
  std::vector<model::PaperSection> layout;   // the sections chosen, in order
  std::vector<answers::FindingRow> rows;      // every finding recorded by the paper's date
  std::string inspectorate;
  std::shared_future<answers::Movement> movement;  // in the window, worked out beside the rest on a large register

  const model::Config& config() const { return dataset.config; }
  const model::Date& as_of() const { return window.until; }
  // The number of the section `which`, or 0 when the paper has none.
  int number_of(Section which) const {
    for (std::size_t i = 0; i < layout.size(); ++i) {
      if (layout[i].section == which) return static_cast<int>(i) + 1;
    }
    return 0;
  }
};

answers::PaperDate paper_date(const model::Date& date, const model::Date& as_of) {
  return {date, date.first_day() <= as_of};
}

answers::PaperPeriod paper_period(const model::Period& period, const model::Date& as_of) {
  answers::PaperPeriod out{paper_date(period.from, as_of), {}};
  if (period.to) out.to = paper_date(*period.to, as_of);
  return out;
}

std::optional<answers::PaperPeriod> fieldwork_of(const model::Inspection& inspection, const model::Date& as_of) {
  if (!inspection.fieldwork) return std::nullopt;
  return paper_period(*inspection.fieldwork, as_of);
}

std::vector<answers::PhaseTold> phases_told(const std::vector<const model::FieldworkPhase*>& phases,
                                            const model::Date& as_of) {
  std::vector<answers::PhaseTold> out;
  for (const model::FieldworkPhase* phase : phases) out.push_back({phase, paper_period(phase->period, as_of)});
  return out;
}

// Whether this is the first paper after the report's publication, or the register's first paper of all.
bool first_paper_after(const PaperContext& paper, const model::Inspection& report) {
  return !paper.window.after || published_in(report, paper.window);
}

// Whether the inspection's draft report has come by `as_of`: on its day, or, when nobody wrote the day down,
// once its fieldwork has begun (when that is known).
bool draft_in(const model::Inspection& inspection, const model::Date& as_of) {
  if (!inspection.draft_received) return false;
  if (inspection.draft_received->date) return happened_by(*inspection.draft_received->date, as_of);
  return !inspection.fieldwork || inspection.fieldwork->from.begun_by(as_of);
}

// The usual title of a section, from the section table below.
std::string usual_title(Section section, const model::Vocabulary& vocabulary);

// ---- The titles

std::string red_title(const model::Vocabulary& vocabulary) {
  const std::vector<std::string> labels = vocabulary.attention_labels();
  if (labels.empty()) return "Outstanding findings listed in full";
  std::string words;
  for (const std::string& label : labels) words += (words.empty() ? "" : " or ") + util::in_prose(label);
  return "Outstanding findings assessed " + words;
}

// ---- The answers, one function per section

answers::SectionBody purpose(PaperContext& paper) {
  const std::string& text = paper.config().purpose;
  return answers::PurposeSection{text.empty() ? fmt::format(fmt::runtime(k_default_purpose), paper.inspectorate)
                                              : text};
}

answers::SectionBody peel(PaperContext& paper) {
  const model::Date& as_of = paper.as_of();
  answers::PeelSection out;
  if (const auto latest = latest_peel(paper.dataset, as_of)) {
    answers::PeelSection::Graded graded;
    graded.table = peel_table(paper.dataset, *latest, as_of);
    graded.earlier_in_other_cycle = earlier_in_other_cycle(paper.dataset, *latest);
    graded.scales_differ = graded.earlier_in_other_cycle &&
                           graded.earlier_in_other_cycle->cycle->scale != graded.table.assessment.cycle->scale;
    const auto any_narrative = [](const std::vector<answers::GradedArea>& areas) {
      return std::any_of(areas.begin(), areas.end(), [](const answers::GradedArea& a) { return !a.narrative.empty(); });
    };
    graded.has_narratives = any_narrative(graded.table.not_graded) ||
                            std::any_of(graded.table.columns.begin(), graded.table.columns.end(),
                                        [&](const auto& column) { return any_narrative(column.second); });
    // The findings of every report of the cycle (pillar years had several).
    for (const model::Inspection* report : graded.table.reports) {
      const auto its = rows_of(paper.rows, *report);
      graded.findings.insert(graded.findings.end(), its.begin(), its.end());
    }
    graded.finding_counts = rag_total(graded.findings, paper.config().vocabulary);
    for (const model::Inspection* report : graded.table.reports) {
      if (!report->summary.empty() && first_paper_after(paper, *report)) graded.summaries.push_back(report);
    }
    // Narratives in full once: at the first paper after the assessment's publication (or the first paper of all).
    switch (paper.config().peel_narratives) {
      case model::Narratives::always: graded.narratives = true; break;
      case model::Narratives::never: graded.narratives = false; break;
      case model::Narratives::first_paper:
        graded.narratives =
            !paper.window.after ||
            std::any_of(graded.table.reports.begin(), graded.table.reports.end(),
                        [&](const model::Inspection* r) { return published_in(*r, paper.window); });
        break;
    }
    out.graded = std::move(graded);
  }
  for (const model::Inspection* inspection : calendar(paper.dataset, {std::nullopt, as_of}, answers::CalendarScope::all)) {
    if (inspection->type != model::InspectionType::peel) continue;
    if (!inspection->published || !happened_by(*inspection->published, as_of)) {
      out.in_progress.push_back(
          {inspection, inspection->notified ? std::optional(paper_date(*inspection->notified, as_of)) : std::nullopt,
           fieldwork_of(*inspection, as_of), draft_in(*inspection, as_of), rows_of(paper.rows, *inspection)});
    } else if (!inspection->gradings &&
               (!out.graded || published_earlier(out.graded->table.assessment.inspection, inspection))) {
      std::vector<answers::FindingRow> findings = rows_of(paper.rows, *inspection);
      answers::RagCounts counts = rag_total(findings, paper.config().vocabulary);
      out.ungraded.push_back(
          {inspection, first_paper_after(paper, *inspection), std::move(findings), std::move(counts)});
    }
  }
  std::sort(out.ungraded.begin(), out.ungraded.end(),
            [](const answers::UngradedPeelReport& a, const answers::UngradedPeelReport& b) {
              return published_earlier(a.inspection, b.inspection);
            });
  out.monitoring = monitoring_in(paper.config(), paper.window);
  return out;
}

answers::NotifiedSection notified_list(const PaperContext& paper) {
  answers::NotifiedSection out;
  for (const model::Inspection* inspection :
       calendar(paper.dataset, {std::nullopt, paper.as_of()}, answers::CalendarScope::upcoming)) {
    std::vector<const model::FieldworkPhase*> phases;
    for (const model::FieldworkPhase& phase : inspection->phases) phases.push_back(&phase);
    out.inspections.push_back(
        {inspection, fieldwork_of(*inspection, paper.as_of()), phases_told(phases, paper.as_of())});
  }
  for (const model::Inspection* inspection :
       calendar(paper.dataset, {std::nullopt, paper.as_of()}, answers::CalendarScope::all)) {
    if (undated(*inspection)) out.undated.push_back(inspection);
  }
  return out;
}

answers::SectionBody notified(PaperContext& paper) { return notified_list(paper); }

answers::SectionBody activity(PaperContext& paper) {
  const model::Date& as_of = paper.as_of();
  answers::ActivitySection out;
  for (const model::Inspection* inspection : calendar(paper.dataset, paper.window, answers::CalendarScope::all)) {
    answers::Activity activity;
    activity.inspection = inspection;
    activity.fieldwork = fieldwork_of(*inspection, as_of);
    const bool published = inspection->published && happened_by(*inspection->published, as_of);
    if (published) activity.published = paper_period({*inspection->published, {}}, as_of);
    if (!published && inspection->publication_expected) {
      activity.publication_expected = paper_period({*inspection->publication_expected, {}}, as_of);
    }
    const bool draft_received = draft_in(*inspection, as_of);
    if (!published && !draft_received) activity.draft_expected = inspection->draft_expected;
    std::vector<const model::FieldworkPhase*> phases, phases_to_come;
    for (const model::FieldworkPhase& phase : inspection->phases) {
      if (in_window(paper.window, phase.period.from)) phases.push_back(&phase);
      if (as_of < phase.period.from.first_day()) phases_to_come.push_back(&phase);
    }
    activity.phases = phases_told(phases, as_of);
    activity.phases_to_come = phases_told(phases_to_come, as_of);
    bool dated_to_come = false;
    for (const model::InspectionEvent& event : inspection->events) {
      if (!event.when.date) {
        // Undated: still to be arranged, until the report is out.
        if (!published) activity.events_to_come.push_back(&event);
        continue;
      }
      if (in_window(paper.window, *event.when.date)) activity.events.push_back(&event);
      if (as_of < event.when.date->first_day()) {
        activity.events_to_come.push_back(&event);
        dated_to_come = true;
      }
    }
    // Fieldwork or a step of it in the window; or fieldwork begun earlier and paused, with a date to come (an
    // undated debrief alone does not make an inspection active).
    const bool begun = inspection->fieldwork && !(as_of < inspection->fieldwork->from.first_day());
    if (fieldwork_in(*inspection, paper.window) || !activity.phases.empty() || !activity.events.empty() ||
        (begun && dated_to_come)) {
      out.activity.push_back(std::move(activity));
    }
    if (draft_received && !published) {
      out.drafts.push_back({inspection,
                            inspection->draft_received->date
                                ? std::optional(paper_date(*inspection->draft_received->date, as_of))
                                : std::nullopt,
                            inspection->publication_expected
                                ? std::optional(paper_period({*inspection->publication_expected, {}}, as_of))
                                : std::nullopt,
                            fieldwork_of(*inspection, as_of), continued(paper.dataset, *inspection)});
    }
  }
  // What was notified is told with the activity, as the seed papers have it, unless it has a section of its own.
  if (paper.number_of(Section::notified) == 0) {
    const auto note = paper.meeting.notes.find(Section::notified);
    out.notified = answers::NotifiedTold{usual_title(Section::notified, paper.config().vocabulary),
                                         note != paper.meeting.notes.end() ? note->second : std::string(),
                                         notified_list(paper)};
  }
  return out;
}

answers::SectionBody published(PaperContext& paper) {
  answers::PublishedSection out;
  out.inspectorate = paper.inspectorate;
  out.peel_section = paper.number_of(Section::peel);
  for (const model::Inspection* inspection : calendar(paper.dataset, paper.window, answers::CalendarScope::all)) {
    if (!published_in(*inspection, paper.window)) continue;
    if (inspection->type == model::InspectionType::peel) {
      out.peel.push_back(inspection);
      continue;
    }
    answers::PublishedReport report{inspection, paper_period({*inspection->published, {}}, paper.as_of()),
                                    rows_of(paper.rows, *inspection), false, continued(paper.dataset, *inspection)};
    report.all_national =
        std::all_of(report.findings.begin(), report.findings.end(),
                    [](const answers::FindingRow& r) { return r.finding->scope == model::Scope::all_forces; });
    out.reports.push_back(std::move(report));
  }
  // Reports in the order they came out, whatever the order of the files.
  std::sort(out.peel.begin(), out.peel.end(), published_earlier);
  std::sort(out.reports.begin(), out.reports.end(),
            [](const answers::PublishedReport& a, const answers::PublishedReport& b) {
              return published_earlier(a.inspection, b.inspection);
            });
  return out;
}

// The reports the meeting names, each with its findings in the report's order.
answers::SectionBody review(PaperContext& paper) {
  answers::ReviewSection out;
  if (paper.meeting.review.empty()) return out;
  const LinkIndex links(paper.dataset);
  for (const auto& reference : paper.meeting.review) {
    const model::Inspection* inspection = paper.dataset.find_inspection(reference.value);
    if (inspection == nullptr) continue;  // validation reports it
    const std::vector<answers::FindingRow> rows = rows_of(paper.rows, *inspection);
    answers::ReviewedReport report{
        inspection,
        inspection->published ? std::optional(paper_date(*inspection->published, paper.as_of())) : std::nullopt,
        {},
        rag_total(rows, paper.config().vocabulary),
        {}};
    for (const answers::FindingRow& row : rows) {
      report.findings.push_back(
          {row, row.state.noted,
           row.state.due ? std::optional(paper_date(*row.state.due, paper.as_of())) : std::nullopt,
           links.of({row.inspection, row.finding})});
    }
    // Grouped under the register's themes, when it gives any, each where it first appears.
    const bool themed = std::any_of(rows.begin(), rows.end(),
                                    [](const answers::FindingRow& row) { return !row.finding->theme.empty(); });
    std::map<std::string_view, std::size_t> theme_at;  // a theme's place in report.themes
    for (std::size_t i = 0; themed && i < rows.size(); ++i) {
      const std::string_view theme = rows[i].finding->theme;
      const auto [at, added] = theme_at.try_emplace(theme, report.themes.size());
      if (added) report.themes.push_back({theme, {}});
      report.themes[at->second].findings.push_back(i);
    }
    out.reports.push_back(std::move(report));
  }
  return out;
}

answers::SectionBody tracker(PaperContext& paper) {
  const model::Config& config = paper.config();
  answers::TrackerSection out;
  out.by_portfolio = rag_by(paper.rows, answers::Grouping::portfolio, config, true);
  out.by_status = rag_by(paper.rows, answers::Grouping::status, config);
  out.by_report = rag_by(paper.rows, answers::Grouping::report, config);
  if (!config.priorities.values.empty()) {
    out.by_priority = rag_by(paper.rows, answers::Grouping::priority, config, true);
    out.priority_title = config.priorities.title;
  }
  if (config.priorities.table_each) {
    std::map<std::string_view, std::vector<answers::FindingRow>> rows_of_priority;
    for (const answers::FindingRow& row : paper.rows) rows_of_priority[row.finding->priority.value].push_back(row);
    for (const model::Priority& priority : config.priorities.values) {
      const std::vector<answers::FindingRow>& rows = rows_of_priority[priority.id];
      out.per_priority.push_back(
          {&priority, rag_by(rows, answers::Grouping::portfolio, config, true), rag_total(rows, config.vocabulary)});
    }
  }
  out.total = rag_total(paper.rows, config.vocabulary);
  out.movement = paper.movement.get();
  answers::Outstanding outstanding_rows = outstanding(paper.rows);
  out.overdue = std::move(outstanding_rows.overdue);
  out.stale = std::move(outstanding_rows.stale);
  out.stale_after_days = config.stale_after_days;
  // The actions of the open findings the tracker counts, one by one and per finding.
  for (const answers::FindingRow& row : paper.rows) {
    if (row.actions.empty() || !row.state.counted() || !model::is_open(row.state.status)) continue;
    if (!out.actions) out.actions.emplace();
    answers::FindingActions counted{row, 0, 0};
    for (const answers::ActionState& action : row.actions) {
      if (action.status == model::ActionStatus::closed) ++counted.closed;
      if (action.overdue) ++counted.overdue;
    }
    out.actions->closed += counted.closed;
    out.actions->open += static_cast<int>(row.actions.size()) - counted.closed;
    out.actions->overdue += counted.overdue;
    out.actions->findings.push_back(std::move(counted));
  }
  return out;
}

// The red findings in full, each with the cause of concern it answers and the later findings that repeat it.
answers::SectionBody red(PaperContext& paper) {
  const model::Dataset& dataset = paper.dataset;
  const LinkIndex links(dataset);
  const auto item_of = [&](answers::FindingRow row) {
    answers::RedFinding item{std::move(row), nullptr, {}, {}, {}, nullptr};
    const answers::FindingState& state = item.row.state;
    if (state.due) item.due = paper_date(*state.due, paper.as_of());
    if (const auto& deadline = item.row.finding->inspectorate_due)
      item.inspectorate_due = paper_date(*deadline, paper.as_of());
    if (!item.row.finding->cause_of_concern.value.empty()) {
      const auto cause = find_finding(
          dataset, resolve_reference(item.row.finding->cause_of_concern.value, *item.row.inspection));
      if (cause) item.cause_of_concern = cause->finding;
    }
    item.links = links.of({item.row.inspection, item.row.finding});
    // The latest note, unless the entry that holds it is told already: as why the finding has its rating (one
    // the register wrote, not one derived), or as what moved its target.
    const bool told_as_rating = state.noted == state.rated_by && !state.rating_derived;
    if (!told_as_rating && state.noted != state.target_moved_by) item.latest_update = state.noted;
    return item;
  };
  answers::RedSection out{paper.config().vocabulary.attention_labels(), {}, {}};
  for (answers::FindingRow& row : outstanding(paper.rows).needing_attention)
    out.findings.push_back(item_of(std::move(row)));
  // A declined finding keeps a rating listed in full only when the register's rating marks closed findings too
  // ("red: will not be implemented"): it is listed as not to be implemented. Other closed findings are not: the
  // register does not say they will not be.
  for (const answers::FindingRow& row : paper.rows) {
    const model::Rating* rating = row.state.rating;
    if (row.state.counted() && row.state.status == model::Status::declined && rating != nullptr && rating->attention) {
      out.not_implemented.push_back(item_of(row));
    }
  }
  return out;
}

answers::SectionBody responses(PaperContext& paper) { return responses_in(paper.dataset, paper.window); }

answers::SectionBody decision(PaperContext& paper) {
  const model::Config& config = paper.config();
  // The background documents are those the other sections mention: filled in once they are all answered.
  answers::DecisionSection out{config.decision.empty() ? std::string(k_default_decision) : config.decision,
                               paper.meeting.contact ? *paper.meeting.contact : config.contact,
                               {},
                               {}};
  for (const auto* documents : {&config.background, &paper.meeting.background}) {
    for (const model::BackgroundDocument& document : *documents) out.documents.push_back(&document);
  }
  return out;
}

// Every published report a section mentions.
struct Mentioned {
  std::vector<const model::Inspection*>& out;

  void add(const model::Inspection* inspection) const {
    if (inspection->published) out.push_back(inspection);
  }
  void operator()(const answers::PeelSection& s) const {
    if (s.graded) {
      for (const model::Inspection* report : s.graded->table.reports) add(report);
    }
    for (const answers::UngradedPeelReport& report : s.ungraded) add(report.inspection);
  }
  void operator()(const answers::PublishedSection& s) const {
    for (const model::Inspection* report : s.peel) add(report);
    for (const answers::PublishedReport& report : s.reports) add(report.inspection);
  }
  void operator()(const answers::ReviewSection& s) const {
    for (const answers::ReviewedReport& report : s.reports) add(report.inspection);
  }
  void operator()(const answers::RedSection& s) const {
    for (const answers::RedFinding& finding : s.findings) add(finding.row.inspection);
    for (const answers::RedFinding& finding : s.not_implemented) add(finding.row.inspection);
  }
  void operator()(const answers::ResponsesSection& s) const {
    for (const auto* list : {&s.due, &s.published, &s.overdue}) {
      for (const answers::ResponseState& response : *list) add(response.inspection);
    }
  }
  template <class Other>
  void operator()(const Other&) const {}
};

// ---- The section table

// When the usual layout (no `sections` in the configuration or the meeting) has a section.
enum class Usual { always, never, when_the_meeting_reviews };

struct SectionEntry {
  Section id;
  std::string (*title)(const model::Vocabulary&);  // its title, unless the register gives one
  answers::SectionBody (*answer)(PaperContext&);
  Usual usual;
};

// Every section a paper may have, in the usual order.
constexpr SectionEntry k_sections[] = {
    {Section::purpose, [](const model::Vocabulary&) { return std::string("Purpose of report"); }, purpose,
     Usual::always},
    {Section::peel, [](const model::Vocabulary&) { return std::string("PEEL inspection"); }, peel, Usual::always},
    {Section::activity,
     [](const model::Vocabulary&) { return std::string("Inspection activity since the last committee"); }, activity,
     Usual::always},
    {Section::notified, [](const model::Vocabulary&) { return std::string("Inspections notified"); }, notified,
     Usual::never},
    {Section::published,
     [](const model::Vocabulary&) { return std::string("Reports published since the last committee"); }, published,
     Usual::always},
    {Section::review, [](const model::Vocabulary&) { return std::string("Reports under review"); }, review,
     Usual::when_the_meeting_reviews},
    {Section::tracker, [](const model::Vocabulary&) { return std::string("Recommendation tracker"); }, tracker,
     Usual::always},
    {Section::red, red_title, red, Usual::always},
    {Section::decision, [](const model::Vocabulary&) { return std::string("Recommendation to the Committee"); },
     decision, Usual::always},
    // Only when the register chooses it: placed where its `sections` put it.
    {Section::responses, [](const model::Vocabulary&) { return std::string("Responses to reports"); }, responses,
     Usual::never},
};

// One entry per section, at the section's place in the enum, so that its id finds it.
constexpr bool each_section_in_its_place() {
  if (std::size(k_sections) != std::size(model::EnumInfo<Section>::names)) return false;
  for (std::size_t i = 0; i < std::size(k_sections); ++i) {
    if (static_cast<std::size_t>(k_sections[i].id) != i) return false;
  }
  return true;
}
static_assert(each_section_in_its_place(), "k_sections holds every section once, in the order of model::Section");

const SectionEntry& entry_of(Section id) { return k_sections[static_cast<std::size_t>(id)]; }

std::string usual_title(Section section, const model::Vocabulary& vocabulary) {
  return entry_of(section).title(vocabulary);
}

// The sections the paper has: the meeting's choice, else the configuration's, else the usual layout.
std::vector<model::PaperSection> layout(const model::Config& config, const model::Meeting& meeting) {
  if (!meeting.sections.empty()) return meeting.sections;
  if (!config.sections.empty()) return config.sections;
  std::vector<model::PaperSection> sections;
  for (const SectionEntry& entry : k_sections) {
    if (entry.usual == Usual::always || (entry.usual == Usual::when_the_meeting_reviews && !meeting.review.empty())) {
      sections.push_back({entry.id, {}, {}});
    }
  }
  return sections;
}

}  // namespace

std::string_view inspectorate_on(const model::Date& date) {
  static const model::Date renamed = *model::Date::parse("2017-07-19");
  return date < renamed ? "HMIC" : "HMICFRS";
}

answers::Paper assemble_paper(const model::Dataset& dataset, const answers::MeetingWindow& meeting,
                              const model::Date& as_of) {
  const model::Config& config = dataset.config;
  const answers::Window window{meeting.window.after, as_of};
  PaperContext context{dataset,
                       *meeting.meeting,
                       window,
                       layout(config, *meeting.meeting),
                       {},
                       config.inspectorate.empty() ? std::string(inspectorate_on(as_of)) : config.inspectorate,
                       {}};
  // Movement in the window reads only the register: on a large one it is worked out beside the rest.
  if (context.number_of(Section::tracker) > 0) {
    context.movement =
        util::async_if_large(dataset.finding_count(), [&dataset, window] { return movement_in(dataset, window); })
            .share();
  }
  context.rows = findings_as_of(dataset, as_of);

  answers::Paper paper;
  paper.meeting = meeting.meeting;
  paper.vocabulary = &config.vocabulary;
  paper.window = window;
  paper.title = config.paper_title;
  paper.committee = config.committee_name;
  paper.force = config.force_name;
  paper.inspectorate = context.inspectorate;
  paper.dates = config.paper_dates;
  paper.has_actions = has_actions(dataset);
  for (const model::PaperSection& chosen : context.layout) {
    const SectionEntry& entry = entry_of(chosen.section);
    const auto note = meeting.meeting->notes.find(chosen.section);
    paper.sections.push_back({chosen.section, static_cast<int>(paper.sections.size()) + 1,
                              chosen.title.empty() ? entry.title(config.vocabulary) : chosen.title,
                              note != meeting.meeting->notes.end() ? note->second : std::string(),
                              entry.answer(context)});
  }
  // Background documents: each report the paper mentions once, by publication and id.
  std::vector<const model::Inspection*> background;
  for (const answers::PaperSection& section : paper.sections) std::visit(Mentioned{background}, section.body);
  std::sort(background.begin(), background.end(), published_earlier);
  background.erase(std::unique(background.begin(), background.end()), background.end());
  for (answers::PaperSection& section : paper.sections) {
    if (auto* decision_section = std::get_if<answers::DecisionSection>(&section.body)) {
      decision_section->background = background;
    }
  }
  return paper;
}

}  // namespace hmicfrs::query
