// The committee paper as a document, built from the assembled paper.

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <hmicfrs/render/documents.hpp>
#include <hmicfrs/render/labels.hpp>

#include "tables.hpp"

namespace hmicfrs::render {
namespace {

using answers::FindingRow;

// "has been" or "have been" after a count.
std::string_view have(std::size_t n) { return n == 1 ? "has" : "have"; }

// "a, b and c".
std::string joined_with_and(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

// "nineteen open (one red, ...) and none closed (two green)".
std::string counts_sentence(const answers::RagCounts& c, const model::Vocabulary& vocabulary) {
  const auto rated = [&](bool closed) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < vocabulary.ratings.size(); ++i) {
      const model::Rating& rating = vocabulary.ratings[i];
      if (rating.closed == closed && c.of(i) > 0) {
        parts.push_back(fmt::format("{} {}", spelled(static_cast<std::size_t>(c.of(i))), in_prose(rating.label)));
      }
    }
    if (!closed && c.unrated > 0) parts.push_back(spelled(static_cast<std::size_t>(c.unrated)) + " not yet rated");
    return parts.empty() ? std::string() : fmt::format(" ({})", fmt::join(parts, ", "));
  };
  return fmt::format("{} open{} and {} closed{}", spelled_or_none(static_cast<std::size_t>(c.open())), rated(false),
                     spelled_or_none(static_cast<std::size_t>(c.closed)), rated(true));
}

// What a list holds beyond its counts, for a sentence that counts it: "; one repeats an earlier finding and is
// counted there; one is a cause of concern, followed through its recommendations".
std::string uncounted(const std::vector<answers::FindingRow>& rows) {
  std::size_t repeats = 0, causes = 0;
  for (const answers::FindingRow& row : rows) {
    repeats += row.state.tracked_as != nullptr ? 1 : 0;
    causes += row.state.follows_recommendations ? 1 : 0;
  }
  std::string out;
  if (repeats > 0) {
    out += fmt::format("; {} an earlier finding and {} counted there", spelled_count(repeats, "repeats", "repeat"),
                       repeats == 1 ? "is" : "are");
  }
  if (causes > 0) {
    out += fmt::format("; {}, followed through {} recommendations",
                       spelled_count(causes, "is a cause of concern", "are causes of concern"),
                       causes == 1 ? "its" : "their");
  }
  return out;
}

// A rating as the movement summary writes it: "amber", "unrated".
std::string rating_name(const model::Rating* rating) { return rating != nullptr ? in_prose(rating->label) : "unrated"; }

class PaperBuilder {
 public:
  explicit PaperBuilder(const answers::Paper& paper)
      : m_paper(paper), m_meeting(*paper.meeting), m_vocabulary(*paper.vocabulary) {}

  Document build() {
    heading();
    // Where PEEL reports published in the window are discussed, for the published section to point at.
    for (std::size_t i = 0; i < m_paper.sections.size(); ++i) {
      if (m_paper.sections[i].section == model::Section::peel) m_peel_section = static_cast<int>(i) + 1;
    }
    for (const model::PaperSection& s : m_paper.sections) {
      m_title = s.title;
      switch (s.section) {
        case model::Section::purpose: purpose(); break;
        case model::Section::peel: peel(); break;
        case model::Section::activity: activity(); break;
        case model::Section::notified: notified(); break;
        case model::Section::published: published(); break;
        case model::Section::review: review(); break;
        case model::Section::tracker: tracker(); break;
        case model::Section::red: red(); break;
        case model::Section::decision: decision(); break;
      }
    }
    return std::move(m_document);
  }

 private:
  // Opens the next numbered section, under the register's title for it or the usual one; its subsections number
  // from 1 again.
  void section(model::Section which) {
    ++m_section;
    m_subsection = 0;
    std::string title = m_title.empty() ? std::string(label(which)) : m_title;
    if (which == model::Section::red && m_title.empty() && m_vocabulary.customised) {
      title = "Outstanding findings assessed " + attention_words(m_vocabulary);
    }
    m_document.add(Heading{2, std::move(title), fmt::format("{}.", m_section)});
    note(which);
  }

  // The next numbered subsection of the current section: "3.1.", "3.2." ...
  void subsection(std::string_view title) {
    m_document.add(Heading{3, std::string(title), fmt::format("{}.{}.", m_section, ++m_subsection)});
  }

  // The meeting's own words for a section, when it has some.
  void note(model::Section which) {
    const auto it = m_meeting.notes.find(which);
    if (it != m_meeting.notes.end()) m_document.add(MarkdownText{it->second});
  }

  void say(std::string text) { m_document.add(Paragraph{std::move(text)}); }

  void heading() {
    m_document.add(Heading{1, m_paper.title});
    m_document.date = m_meeting.date.iso();
    m_document.running_head =
        fmt::format("{} · {} · {}{}", m_paper.title, m_paper.committee, long_date(m_meeting.date),
                    m_meeting.agenda_item.empty() ? "" : " · Agenda item " + m_meeting.agenda_item);
    Fields fields;
    fields.items.push_back({"Committee", m_paper.committee});
    fields.items.push_back({"Meeting", long_date(m_meeting.date)});
    if (!m_meeting.agenda_item.empty()) fields.items.push_back({"Agenda item", m_meeting.agenda_item});
    fields.items.push_back({"Force", m_paper.force});
    fields.items.push_back({"Information as of", long_date(m_paper.as_of())});
    m_document.add(std::move(fields));
  }

  void purpose() {
    section(model::Section::purpose);
    say(m_paper.purpose);
  }

  void peel() {
    section(model::Section::peel);
    if (m_paper.peel) {
      graded_peel();
    } else if (!m_paper.peel_ungraded.empty()) {
      say(fmt::format("The register holds no PEEL grades for {}. By {} {} been published:", m_paper.force,
                      long_date(m_paper.as_of()),
                      spelled_count(m_paper.peel_ungraded.size(), "PEEL report has", "PEEL reports have")));
      std::vector<std::string> items;
      for (const model::Inspection* report : m_paper.peel_ungraded) {
        items.push_back(fmt::format("{}, published {}", report->title, on_date(*report->published)));
      }
      m_document.add(BulletList{items});
    } else {
      say(fmt::format("No PEEL assessment of {} had been published by {}.", m_paper.force, long_date(m_paper.as_of())));
    }
    peel_in_progress();
  }

  // PEEL inspections notified or under way, not yet reported on.
  void peel_in_progress() {
    if (m_paper.peel_in_progress.empty()) return;
    m_document.add(Heading{3, "PEEL activity in progress"});
    for (const model::Inspection* inspection : m_paper.peel_in_progress) {
      Fields fields;
      fields.items.push_back({"Inspection", inspection->title.str()});
      if (inspection->notified) fields.items.push_back({"Notified", long_date(*inspection->notified)});
      fields.items.push_back({"Fieldwork", inspection->fieldwork
                                               ? period_phrase(*inspection->fieldwork, m_paper.as_of())
                                               : "Date to be confirmed"});
      m_document.add(std::move(fields));
    }
  }

  // The latest assessment with grades: its table, its narratives and its findings.
  void graded_peel() {
    const answers::PeelTable& table = m_paper.peel->table;
    const model::PeelCycle& cycle = *table.assessment.cycle;
    const std::string when =
        table.reports.size() > 1
            ? fmt::format("in {}, the last {}", spelled_count(table.reports.size(), "report", "reports"),
                          on_date(*table.assessment.inspection->published))
            : on_date(*table.assessment.inspection->published);
    std::string text = fmt::format(
        "The latest PEEL assessment, {}, was published {}. It looked at {} of policing and made "
        "graded judgements in {}",
        cycle.name, when, spelled_count(table.graded + table.not_graded.size(), "area", "areas"),
        spelled(table.graded));
    if (!table.not_graded.empty()) {
      std::vector<std::string> names;
      for (const answers::GradedArea& a : table.not_graded) names.push_back(in_prose(a.area->long_label));
      text += fmt::format("; it makes no graded judgement on {}", joined_with_and(names));
    }
    say(text + ".");

    if (const auto& earlier = m_paper.peel->earlier_in_other_cycle) {
      if (earlier->cycle->scale != cycle.scale) {
        say(fmt::format(
            "{} grades on a {} scale and {} used a {} one: the inspectorate says grades on different scales "
            "cannot be compared directly.",
            cycle.name, model::name_of(cycle.scale), earlier->cycle->name, model::name_of(earlier->cycle->scale)));
      } else {
        say(
            fmt::format("{} and the force's previous assessment, {}, are different cycles: the inspectorate says "
                        "their grades cannot be compared directly.",
                        cycle.name, earlier->cycle->name));
      }
    }
    m_document.add(grade_table(table));
    if (const auto kept = carried_over(table); !kept.empty()) {
      say(fmt::format("{} carried over from an earlier assessment, which the inspectorate did not inspect again:",
                      sentence_case(spelled_count(kept.size(), "judgement is", "judgements are"))));
      m_document.add(BulletList{kept});
    }
    if (m_paper.peel_narratives) {
      for (const auto& [grade, areas] : table.columns) {
        for (const answers::GradedArea& area : areas) narrative(area);
      }
      for (const answers::GradedArea& area : table.not_graded) narrative(area);
    } else if (has_narrative(table)) {
      say("The report itself sets out what the inspectorate found in each area; this paper gives the grades and "
          "the progress on the report's findings.");
    }

    const std::string_view whose = table.reports.size() > 1 ? "reports'" : "report's";
    m_document.add(Heading{3, fmt::format("Progress on the {} findings", whose)});
    const std::vector<FindingRow>& findings = m_paper.peel->findings;
    if (findings.empty()) {
      say(fmt::format("The register holds no finding from {}.",
                      table.reports.size() > 1 ? "these reports" : "this report"));
      return;
    }
    say(fmt::format("Of the {} {}: {}{}.", whose, spelled_count(findings.size(), "finding", "findings"),
                    counts_sentence(m_paper.peel->finding_counts, m_vocabulary), uncounted(findings)));
    m_document.add(findings_table(findings, m_vocabulary, true));
  }

  static bool has_narrative(const answers::PeelTable& table) {
    const auto any = [](const std::vector<answers::GradedArea>& areas) {
      return std::any_of(areas.begin(), areas.end(), [](const answers::GradedArea& a) { return !a.narrative.empty(); });
    };
    return any(table.not_graded) || std::any_of(table.columns.begin(), table.columns.end(),
                                                [&](const auto& column) { return any(column.second); });
  }

  void narrative(const answers::GradedArea& area) {
    if (area.narrative.empty()) return;
    m_document.add(Heading{3, fmt::format("{}: {}", area.area->long_label, label(area.grade))});
    m_document.add(MarkdownText{area.narrative});
  }

  // One inspection's particulars, for the activity section (with its fieldwork, and its
  // publication only once out) and the published section.
  void particulars(const model::Inspection& inspection, bool with_fieldwork, bool published) {
    Fields fields;
    fields.items.push_back({"Type", std::string(label(inspection.type))});
    if (!inspection.inspectorates.empty()) {
      fields.items.push_back({"Inspectorates", fmt::format("{}", fmt::join(inspection.inspectorates, ", "))});
    }
    if (inspection.involvement != model::Involvement::inspected) {
      fields.items.push_back({"Involvement", std::string(label(inspection.involvement))});
    }
    if (with_fieldwork && inspection.fieldwork) {
      fields.items.push_back({"Fieldwork", period_phrase(*inspection.fieldwork, m_paper.as_of())});
    }
    if (published) {
      fields.items.push_back({"Published", period_phrase(model::Period{*inspection.published, {}}, m_paper.as_of())});
    }
    m_document.add(std::move(fields));
  }

  void activity() {
    section(model::Section::activity);
    const auto& list = m_paper.activity;
    if (list.empty()) {
      say("No inspection fieldwork has taken place in the force since the last committee.");
    } else {
      say(fmt::format("Since the last committee, {} {} taken place in the force:",
                      spelled_count(list.size(), "inspection", "inspections"), have(list.size())));
    }
    for (const answers::Activity& activity : list) {
      const model::Inspection& inspection = *activity.inspection;
      subsection(inspection.title);
      particulars(inspection, true, activity.published);
      timeline(activity);
      if (!inspection.other_forces.empty()) {
        say(fmt::format("Other forces involved: {}.", fmt::join(inspection.other_forces, "; ")));
      }
    }
    drafts();
    if (m_paper.notified_with_activity) {
      m_document.add(Heading{3, std::string(label(model::Section::notified))});
      note(model::Section::notified);
      notified_list();
    }
  }

  // The phases and events of an inspection that fell in the window, each with its note, then what is still to
  // come: phases, planned events and the draft.
  void timeline(const answers::Activity& activity) {
    for (const model::FieldworkPhase* phase : activity.phases) {
      say(fmt::format("{}: {}.", phase->label, phase_when(*phase)));
      if (!phase->note.empty()) m_document.add(MarkdownText{phase->note.str()});
    }
    for (const model::InspectionEvent* event : activity.events) event_told(*event, false);
    for (const model::FieldworkPhase* phase : activity.phases_to_come) {
      say(fmt::format("Still to come: {}, {}.", in_prose(phase->label), in_prose(phase_when(*phase))));
    }
    for (const model::InspectionEvent* event : activity.events_to_come) event_told(*event, true);
    if (activity.draft_expected)
      say(fmt::format("The draft report is expected {}.", on_date(*activity.draft_expected)));
  }

  // One event as a sentence, in the past or as planned, then its note.
  void event_told(const model::InspectionEvent& event, bool to_come) {
    struct Phrase {
      std::string_view subject, done, planned;
    };
    const Phrase phrase = [&]() -> Phrase {
      switch (event.kind) {
        case model::EventKind::hot_debrief: return {"The hot debrief", "took place", "is expected"};
        case model::EventKind::suspended: return {"The inspection", "was suspended", "is to be suspended"};
        case model::EventKind::resumed: return {"The inspection", "resumed", "is expected to resume"};
      }
      return {"The inspection", "had an event", "expects an event"};
    }();
    say(fmt::format("{} {} {}.", phrase.subject, to_come ? phrase.planned : phrase.done, on_date(event.date)));
    if (!event.note.empty()) m_document.add(MarkdownText{event.note.str()});
  }

  // When a phase happens, as the paper writes dates.
  std::string phase_when(const model::FieldworkPhase& phase) const {
    return period_phrase(phase.period, m_paper.as_of());
  }

  // Draft reports the force has received and that are not yet published: what they are and hold, and when.
  void drafts() {
    if (m_paper.drafts.empty()) return;
    m_document.add(Heading{3, "Draft reports received"});
    for (const model::Inspection* inspection : m_paper.drafts) {
      Fields fields;
      fields.items.push_back({"Report", inspection->title.str()});
      fields.items.push_back({"Draft received", long_date(*inspection->draft_received)});
      fields.items.push_back(
          {"Publication expected", inspection->publication_expected
                                       ? period_phrase({*inspection->publication_expected, {}}, m_paper.as_of())
                                       : "Not yet known"});
      m_document.add(std::move(fields));
      // As a published report reads: what it found, then how many findings it holds.
      if (!inspection->summary.empty()) m_document.add(MarkdownText{inspection->summary.str()});
      if (inspection->counts) say(stated_findings(*inspection->counts, nullptr, true));
    }
  }

  void notified() {
    section(model::Section::notified);
    notified_list();
  }

  void notified_list() {
    const auto& list = m_paper.notified;
    if (list.empty()) {
      say("No further inspection has been notified.");
      return;
    }
    say(fmt::format("The force has been notified of {}:", spelled_count(list.size(), "inspection", "inspections")));
    Table table{{{"Inspection", Align::left, true}, {"Type", Align::left, true}, {"When", Align::left, true}}, {}};
    for (const model::Inspection* inspection : list) {
      std::string when = inspection->fieldwork ? period_phrase(*inspection->fieldwork, m_paper.as_of())
                                               : std::string("Date to be confirmed");
      if (!inspection->phases.empty()) {
        when.clear();
        for (const model::FieldworkPhase& phase : inspection->phases) {
          when += (when.empty() ? "" : "; ") + fmt::format("{}: {}", phase.label, phase_when(phase));
        }
      }
      table.add_row(inspection->title, std::string(label(inspection->type)), when);
    }
    m_document.add(std::move(table));
  }

  void published() {
    section(model::Section::published);
    const auto& reports = m_paper.published;
    const auto& peel_reports = m_paper.published_peel;
    const std::size_t count = reports.size() + peel_reports.size();
    if (count == 0) {
      say(fmt::format("No {} report concerning the force has been published since the last committee.",
                      m_paper.inspectorate));
      return;
    }
    say(fmt::format("Since the last committee, {} {} been published:", spelled_count(count, "report", "reports"),
                    have(count)));
    std::vector<std::string> items;
    for (const model::Inspection* inspection : peel_reports) {
      // A paper without a PEEL section has nowhere to point.
      items.push_back(fmt::format("{}, published {}{}", inspection->title, on_date(*inspection->published),
                                  m_peel_section > 0 ? fmt::format(" (see section {})", m_peel_section) : ""));
    }
    for (const answers::PublishedReport& report : reports) {
      items.push_back(
          fmt::format("{}, published {}", report.inspection->title, on_date(*report.inspection->published)));
    }
    m_document.add(BulletList{items});
    for (const answers::PublishedReport& report : reports) published_report(report);
  }

  void published_report(const answers::PublishedReport& report) {
    const model::Inspection& inspection = *report.inspection;
    subsection(inspection.title);
    particulars(inspection, false, true);
    if (!inspection.summary.empty()) m_document.add(MarkdownText{inspection.summary.str()});
    if (inspection.counts) say(stated_findings(*inspection.counts, report.continuing_from, true));
    if (report.findings.empty()) {
      say(inspection.counts ? "The register does not yet hold its findings one by one."
                            : "The register holds no finding from this report.");
      return;
    }
    say(fmt::format("The register holds {} from this report{}; each has an owner and is tracked with the others:",
                    spelled_count(report.findings.size(), "finding", "findings"),
                    report.all_national ? ", made to all forces" : ""));
    Table table{{{"Ref"},
                 {"Type"},
                 {"Title", Align::left, true},
                 {"Owner", Align::left, true},
                 {"Portfolio", Align::left, true}},
                {}};
    for (const FindingRow& row : report.findings) {
      table.add_row(row.finding->ref, std::string(label(row.finding->type)), row.finding->title, owner_text(row),
                    row.portfolio != nullptr ? row.portfolio->name : "");
    }
    m_document.add(std::move(table));
  }

  void tracker() {
    section(model::Section::tracker);
    const answers::RagCounts& total = m_paper.total;
    say(fmt::format("As of {} the register holds {}: {}.", long_date(m_paper.as_of()),
                    spelled_count(static_cast<std::size_t>(total.total()), "finding", "findings"),
                    counts_sentence(total, m_vocabulary)));
    m_document.add(rag_table("Portfolio", m_paper.by_portfolio, total, m_vocabulary));
    m_document.add(chart());
    by_status();
    by_report();

    movement();

    const answers::Outstanding& outstanding = m_paper.outstanding;
    m_document.add(Heading{3, "Overdue"});
    if (outstanding.overdue.empty()) {
      say("No open finding is past its due date.");
    } else {
      say(fmt::format("{} past {} due date:",
                      sentence_case(spelled_count(outstanding.overdue.size(), "open finding is", "open findings are")),
                      outstanding.overdue.size() == 1 ? "its" : "their"));
      m_document.add(findings_table(outstanding.overdue, m_vocabulary));
    }
    m_document.add(Heading{3, fmt::format("Not updated for more than {} days", m_paper.stale_after_days)});
    if (outstanding.stale.empty()) {
      say("Every open finding has been updated recently.");
    } else {
      Table table{{{"Finding"}, {"Title", Align::left, true}, {"Owner", Align::left, true}, {"Last update"}}, {}};
      for (const FindingRow& r : outstanding.stale) {
        table.add_row(r.finding->id, r.finding->title, owner_text(r), r.last_update->iso());
      }
      m_document.add(std::move(table));
    }
  }

  // Open findings per portfolio, a series per rating of open findings and one for those not yet rated.
  RagChart chart() const {
    RagChart chart{
        fmt::format("Open findings by portfolio and {}", m_vocabulary.customised ? "rating" : "RAG rating"), {}, {}};
    std::vector<std::size_t> open_ratings;
    for (std::size_t i = 0; i < m_vocabulary.ratings.size(); ++i) {
      if (m_vocabulary.ratings[i].closed) continue;
      open_ratings.push_back(i);
      chart.series.push_back({m_vocabulary.ratings[i].label, m_vocabulary.ratings[i].colour});
    }
    chart.series.push_back({"Unrated", "#bbbbbb"});
    for (const answers::RagGroup& group : m_paper.by_portfolio) {
      RagChart::Bar bar{group.label, {}};
      for (const std::size_t i : open_ratings) bar.values.push_back(group.counts.of(i));
      bar.values.push_back(group.counts.unrated);
      chart.bars.push_back(std::move(bar));
    }
    return chart;
  }

  // Findings by where they stand: awaiting allocation, open, awaiting sign-off, and each way of closing.
  void by_status() {
    m_document.add(Heading{3, "By status"});
    m_document.add(status_table(m_paper.by_status, m_paper.total));
  }

  // Per report, how much of it is done.
  void by_report() {
    m_document.add(Heading{3, "By report"});
    m_document.add(report_table(m_paper.by_report, m_paper.total));
  }

  void movement() {
    const answers::Movement& movement = m_paper.movement;
    m_document.add(Heading{3, "Movement since the last committee"});
    Table moves{{{"Finding"}, {"From"}, {"To"}, {"Title", Align::left, true}}, {}};
    Table closures{{{"Finding"}, {"Now"}, {"Title", Align::left, true}}, {}};
    Table allocated{{{"Finding"}, {"Owner", Align::left, true}, {"Title", Align::left, true}}, {}};
    Table targets{{{"Finding"}, {"From"}, {"To"}, {"Why", Align::left, true}}, {}};
    for (const answers::FindingChange& c : movement.changes) {
      if (c.rag_moved) {
        moves.add_row(c.finding->id, rating_cell(c.before, m_vocabulary), rating_cell(c.after, m_vocabulary),
                      c.finding->title);
      }
      if (c.closed) closures.add_row(c.finding->id, m_vocabulary.label(c.after.status), c.finding->title);
      if (c.allocated) allocated.add_row(c.finding->id, std::string(c.after.owner), c.finding->title);
      if (c.target_moved) {
        targets.add_row(c.finding->id, c.before.due->iso(), c.after.due ? c.after.due->iso() : "",
                        c.after.target_moved_by != nullptr ? c.after.target_moved_by->note : "");
      }
    }
    std::vector<std::string> summary;
    for (const answers::RagMove& m : movement.rag_moves) {
      summary.push_back(fmt::format("{} {} → {}", spelled(static_cast<std::size_t>(m.count)), rating_name(m.from),
                                    rating_name(m.to)));
    }
    say(fmt::format("Since the last committee: {} added; {}{}; {} closed, superseded or no longer monitored{}.",
                    spelled_count(movement.added, "finding", "findings"),
                    spelled_count(movement.rag_moved, "rating changed", "ratings changed"),
                    summary.empty() ? "" : fmt::format(" ({})", fmt::join(summary, ", ")),
                    spelled_or_none(movement.closed), closed_by_status(movement)));
    if (!moves.rows.empty()) m_document.add(std::move(moves));
    m_document.add(Heading{3, "Closed since the last committee"});
    if (closures.rows.empty()) {
      say("No finding was closed, superseded or taken out of monitoring since the last committee.");
    } else {
      m_document.add(std::move(closures));
    }
    // Told when they happen; most registers allocate every finding as it is recorded, and keep its target.
    if (!allocated.rows.empty()) {
      m_document.add(Heading{3, "Allocated since the last committee"});
      m_document.add(std::move(allocated));
    }
    if (!targets.rows.empty()) {
      m_document.add(Heading{3, "Target dates moved since the last committee"});
      m_document.add(std::move(targets));
    }
  }

  // " (two closed, one achieved)": how the findings closed in the window were closed, when more than one way.
  std::string closed_by_status(const answers::Movement& movement) const {
    std::map<model::Status, std::size_t> by_status;
    for (const answers::FindingChange& c : movement.changes) {
      if (c.closed) ++by_status[c.after.status];
    }
    if (by_status.size() < 2) return "";
    std::vector<std::string> parts;
    for (const auto& [status, n] : by_status) {
      parts.push_back(fmt::format("{} {}", spelled(n), in_prose(m_vocabulary.label(status))));
    }
    return fmt::format(" ({})", fmt::join(parts, ", "));
  }

  void review() {
    section(model::Section::review);
    if (m_paper.review.empty()) {
      say("The meeting names no report to go through finding by finding.");
      return;
    }
    for (const answers::ReviewedReport& report : m_paper.review) {
      const model::Inspection& inspection = *report.inspection;
      subsection(inspection.title);
      const answers::RagCounts& c = report.counts;
      say(fmt::format("{}{}: {}{}.", inspection.published ? "Published " + long_date(*inspection.published) + ". " : "",
                      sentence_case(spelled_count(report.findings.size(), "finding", "findings")),
                      counts_sentence(c, m_vocabulary), uncounted(report.findings)));
      if (report.findings.empty()) {
        say("The register holds no finding from this report.");
        continue;
      }
      Table table{{{"Ref"}, {"Finding", Align::left, true}, {"Status"}, {"Rating"}, {"Latest note", Align::left, true}},
                  {}};
      for (const FindingRow& row : report.findings) {
        const model::Finding& f = *row.finding;
        std::string finding = (f.title.empty() ? f.text : f.title).str();
        if (f.type == model::FindingType::cause_of_concern) finding = "Cause of concern: " + finding;
        if (!f.cause_of_concern.value.empty()) finding += fmt::format(" (answers {})", f.cause_of_concern.value);
        if (row.state.tracked_as != nullptr) finding += fmt::format(" (tracked as {})", row.state.tracked_as->id);
        const model::HistoryEntry* latest = row.state.latest;
        // A closed finding without a rating has only its status to give, in the column before.
        const Cell rated = row.state.follows_recommendations ? Cell("See its recommendations")
                           : row.state.rating == nullptr && !model::is_open(row.state.status)
                               ? Cell("-")
                               : rating_cell(row.state, m_vocabulary);
        table.add_row(
            f.ref, finding, m_vocabulary.label(row.state.status), rated,
            latest != nullptr && !latest->note.empty() ? fmt::format("{}: {}", latest->date.iso(), latest->note) : "");
      }
      m_document.add(std::move(table));
    }
  }

  void red() {
    section(model::Section::red);
    const std::string words = attention_words(m_vocabulary);
    const std::vector<answers::RedFinding>& red = m_paper.red;
    if (red.empty()) {
      say(fmt::format("No outstanding finding is assessed {}.", words));
      return;
    }
    say(fmt::format("{} assessed {}:",
                    sentence_case(spelled_count(red.size(), "outstanding finding is", "outstanding findings are")),
                    words));
    for (const answers::RedFinding& item : red) {
      const FindingRow& row = item.row;
      subsection(fmt::format("{}: {}", row.finding->id, row.finding->title));
      Fields fields;
      fields.items.push_back({"Report", row.inspection->title.str()});
      fields.items.push_back({"Type", std::string(label(row.finding->type))});
      fields.items.push_back({"Owner", owner_text(row)});
      if (row.portfolio != nullptr) fields.items.push_back({"Portfolio", row.portfolio->name});
      if (row.state.due) fields.items.push_back({"Due", long_date(*row.state.due) + (row.overdue ? " (overdue)" : "")});
      if (const model::HistoryEntry* moved = row.state.target_moved_by) {
        fields.items.push_back({"Target moved", moved->note.empty()
                                                    ? long_date(moved->date)
                                                    : fmt::format("{}: {}", long_date(moved->date), moved->note)});
      }
      if (row.finding->inspectorate_due) {
        fields.items.push_back({"Inspectorate's deadline", long_date(*row.finding->inspectorate_due)});
      }
      if (const std::string why = why_rated(row.state); !why.empty()) {
        fields.items.push_back({fmt::format("Why {}", in_prose(row.state.rating->label)), why});
      }
      if (const model::HistoryEntry* latest = row.state.latest;
          latest != nullptr && latest != row.state.rated_by && latest != row.state.target_moved_by) {
        fields.items.push_back({"Latest update", latest->note.empty()
                                                     ? long_date(latest->date)
                                                     : fmt::format("{}: {}", long_date(latest->date), latest->note)});
      }
      for (const answers::FindingRef& later : item.repeated_in) {
        fields.items.push_back({"Re-issued in", fmt::format("{} ({})", later.inspection->title, later.finding->id)});
      }
      m_document.add(std::move(fields));
      if (!row.finding->text.empty()) m_document.add(MarkdownText{row.finding->text.str()});
      if (const model::Finding* cause = item.cause_of_concern) {
        say(fmt::format("It answers cause of concern {}: {}", cause->id, cause->title));
        if (!cause->text.empty()) m_document.add(MarkdownText{cause->text.str()});
      }
    }
  }

  // Why a finding has its rating: the vocabulary's rule, or the entry that gave it, with its note.
  std::string why_rated(const answers::FindingState& state) const {
    if (state.rating == nullptr) return "";
    if (state.rating_derived) return sentence_case(derived_reason(state, m_vocabulary));
    const model::HistoryEntry* entry = state.rated_by;
    if (entry == nullptr) return "";
    return entry->note.empty() ? fmt::format("Rated on {}", long_date(entry->date))
                               : fmt::format("Rated on {}: {}", long_date(entry->date), entry->note);
  }

  void decision() {
    section(model::Section::decision);
    say("This report is submitted for the information of the Committee.");
    say(m_paper.decision);

    m_document.add(Heading{3, "Contact officer"});
    const model::Contact& contact = m_paper.contact;
    Fields fields;
    for (const auto& [label_text, value] : {std::pair{"Name", &contact.name},
                                            {"Title", &contact.title},
                                            {"Email", &contact.email},
                                            {"Telephone", &contact.phone}}) {
      if (!value->empty()) fields.items.push_back({label_text, *value});
    }
    if (fields.items.empty()) {
      say("No contact officer is recorded.");
    } else {
      m_document.add(std::move(fields));
    }

    m_document.add(Heading{3, "Background documents"});
    if (m_paper.background.empty()) {
      say("None.");
      return;
    }
    References references;
    for (const model::Inspection* inspection : m_paper.background) {
      references.items.push_back(
          {fmt::format("{}, published {}", inspection->title, on_date(*inspection->published)), inspection->url});
    }
    m_document.add(std::move(references));
  }

  const answers::Paper& m_paper;
  const model::Meeting& m_meeting;
  const model::Vocabulary& m_vocabulary;
  std::string m_title;  // the register's title for the section being written, if any
  Document m_document;
  int m_section = 0;
  int m_subsection = 0;
  int m_peel_section = 0;  // where PEEL reports published in the window are discussed
};

}  // namespace

Document to_document(const answers::Paper& paper) { return PaperBuilder(paper).build(); }

std::vector<Sheet> to_sheets(const answers::Paper& paper) {
  const model::Vocabulary& vocabulary = *paper.vocabulary;
  return {{"By portfolio", rag_table("Portfolio", paper.by_portfolio, paper.total, vocabulary)},
          {"By status", status_table(paper.by_status, paper.total)},
          {"By report", report_table(paper.by_report, paper.total)},
          {sentence_case(attention_words(vocabulary)), register_table(paper.outstanding.needing_attention, vocabulary)},
          {"Overdue", register_table(paper.outstanding.overdue, vocabulary)},
          {"Stale", register_table(paper.outstanding.stale, vocabulary)}};
}

}  // namespace hmicfrs::render
