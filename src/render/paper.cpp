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

// "nineteen open (one red, ...) and five closed (three closed, two not monitored; two blue)". A rating of both
// kinds is told on each side with the findings of that side: a closed finding rated red is not told as open.
std::string counts_sentence(const answers::RagCounts& c, const model::Vocabulary& vocabulary) {
  const auto rated = [&](bool closed) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < vocabulary.ratings.size(); ++i) {
      const model::Rating& rating = vocabulary.ratings[i];
      const int n = closed ? c.closed_of(i) : c.open_of(i);
      if ((closed ? rating.marks_closed() : rating.marks_open()) && n > 0) {
        parts.push_back(fmt::format("{} {}", spelled(static_cast<std::size_t>(n)), in_prose(rating.label)));
      }
    }
    if (!closed && c.unrated > 0) parts.push_back(spelled(static_cast<std::size_t>(c.unrated)) + " not yet rated");
    return parts;
  };
  const auto in_brackets = [](const std::vector<std::string>& parts) {
    return parts.empty() ? std::string() : fmt::format(" ({})", fmt::join(parts, ", "));
  };
  // How they closed, then the ratings of closed findings: " (three closed, two not monitored; two blue)".
  std::vector<std::string> closed;
  for (const std::vector<std::string>& parts : {closing_parts(c.closings, vocabulary, true), rated(true)}) {
    if (!parts.empty()) closed.push_back(fmt::format("{}", fmt::join(parts, ", ")));
  }
  return fmt::format("{} open{} and {} closed{}", spelled_or_none(static_cast<std::size_t>(c.open())),
                     in_brackets(rated(false)), spelled_or_none(static_cast<std::size_t>(c.closed)),
                     closed.empty() ? std::string() : fmt::format(" ({})", fmt::join(closed, "; ")));
}

// " (six of them not-formal items)", when counts hold some besides formal findings.
std::string not_formal_clause(const answers::RagCounts& c) {
  if (c.not_formal == 0) return "";
  if (c.not_formal == c.total()) return " (all of them not-formal items)";
  return fmt::format(" ({} of them {})", spelled(static_cast<std::size_t>(c.not_formal)),
                     c.not_formal == 1 ? "a not-formal item" : "not-formal items");
}

// What counts leave out, for a sentence that counts a list: "; one repeats an earlier finding and is counted
// there; one is a cause of concern, followed through its recommendations".
std::string uncounted(const answers::RagCounts& c) {
  const auto repeats = static_cast<std::size_t>(c.repeats);
  const auto causes = static_cast<std::size_t>(c.causes);
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

// Text the register wrote as a sentence: ending with a full stop unless it ends with one (or ? or !).
std::string as_sentence(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out.back() != '.' && out.back() != '?' && out.back() != '!') out += '.';
  return out;
}

// A rating as the movement summary writes it: "amber", "unrated".
std::string rating_name(const model::Rating* rating) { return rating != nullptr ? in_prose(rating->label) : "unrated"; }

// How a finding connects to others, each named by its number and report: "Relates to recommendation 4 of
// 'Everyone's business', 2014, which it supersedes; is repeated in ...". The cause of concern it answers is
// told on its own, with its wording.
std::string links_phrase(const answers::FindingLinks& links) {
  struct Linked {
    answers::FindingRef ref;
    bool related = false, supersedes = false, superseded_by = false, repeats = false, repeated_in = false;
  };
  std::vector<Linked> linked;
  const auto mark = [&](const std::vector<answers::FindingRef>& refs, bool Linked::*flag) {
    for (const answers::FindingRef& ref : refs) {
      auto it =
          std::find_if(linked.begin(), linked.end(), [&](const Linked& l) { return l.ref.finding == ref.finding; });
      if (it == linked.end()) it = linked.insert(linked.end(), Linked{ref});
      (*it).*flag = true;
    }
  };
  mark(links.repeats, &Linked::repeats);
  mark(links.supersedes, &Linked::supersedes);
  mark(links.related, &Linked::related);
  mark(links.related_from, &Linked::related);
  mark(links.repeated_in, &Linked::repeated_in);
  mark(links.superseded_by, &Linked::superseded_by);
  std::vector<std::string> phrases;
  for (const Linked& l : linked) {
    const std::string named = cited(*l.ref.inspection, *l.ref.finding);
    // The first relation leads; the others follow as clauses on the finding named.
    std::vector<std::pair<bool, std::pair<std::string_view, std::string_view>>> relations{
        {l.related, {"relates to", ""}},
        {l.supersedes, {"supersedes", "which it supersedes"}},
        {l.repeats, {"repeats", "which it repeats"}},
        {l.superseded_by, {"is superseded by", "which supersedes it"}},
        {l.repeated_in, {"is repeated in", "which repeats it"}}};
    std::string phrase;
    std::vector<std::string_view> clauses;
    for (const auto& [holds, words] : relations) {
      if (!holds) continue;
      if (phrase.empty()) {
        phrase = fmt::format("{} {}", words.first, named);
      } else {
        clauses.push_back(words.second);
      }
    }
    if (!clauses.empty()) phrase += fmt::format(", {}", fmt::join(clauses, " and "));
    phrases.push_back(std::move(phrase));
  }
  return phrases.empty() ? std::string() : sentence_case(fmt::format("{}", fmt::join(phrases, "; ")));
}

// Writes the paper's sections in order, each under the number and title query gave it, its body worded by the
// overload of `write` for its answer's type: one overload per entry of query's section table, no switch on ids.
class PaperBuilder {
 public:
  explicit PaperBuilder(const answers::Paper& paper)
      : m_paper(paper),
        m_meeting(*paper.meeting),
        m_vocabulary(*paper.vocabulary),
        m_dates(paper.dates == model::PaperDates::iso ? DateStyle::iso : DateStyle::words) {}

  Document build() {
    heading();
    for (const answers::PaperSection& section : m_paper.sections) {
      m_section = section.number;
      m_subsection = 0;
      m_document.add(Heading{2, section.title, fmt::format("{}.", m_section)});
      if (!section.note.empty()) m_document.add(MarkdownText{section.note});
      std::visit([this](const auto& body) { write(body); }, section.body);
    }
    return std::move(m_document);
  }

 private:
  // The next numbered subsection of the current section: "3.1.", "3.2." ...
  void subsection(std::string_view title) {
    m_document.add(Heading{3, std::string(title), fmt::format("{}.{}.", m_section, ++m_subsection)});
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

  void write(const answers::PurposeSection& purpose) { say(purpose.text); }

  void write(const answers::PeelSection& peel) {
    if (peel.graded) {
      graded_peel(*peel.graded);
      if (!peel.ungraded.empty()) {
        say(fmt::format(
            "Since then, {} been published.",
            spelled_count(peel.ungraded.size(), "PEEL report without grades has", "PEEL reports without grades have")));
      }
    } else if (!peel.ungraded.empty()) {
      say(fmt::format("The register holds no PEEL grades for {}. By {} {} been published.", m_paper.force,
                      long_date(m_paper.as_of()),
                      spelled_count(peel.ungraded.size(), "PEEL report has", "PEEL reports have")));
    } else {
      say(fmt::format("No PEEL assessment of {} had been published by {}.", m_paper.force, long_date(m_paper.as_of())));
    }
    for (const answers::UngradedPeelReport& report : peel.ungraded) ungraded_peel(report);
    peel_in_progress(peel.in_progress);
    if (peel.monitoring) monitoring(*peel.monitoring);
  }

  // The phase HMICFRS monitors the force in as of the paper, and its changes since the last committee.
  void monitoring(const answers::Monitoring& monitoring) {
    if (monitoring.current == nullptr) return;
    m_document.add(Heading{3, "Monitoring"});
    const auto told = [&](const model::MonitoringChange& change, std::string sentence) {
      if (!change.reason.empty()) sentence += " " + as_sentence(change.reason);
      say(std::move(sentence));
      if (!change.letter.empty()) {
        m_document.add(
            References{{{fmt::format("The inspectorate's letter of {}", long_date(change.date)), change.letter}}});
      }
    };
    for (const answers::MonitoringStep& step : monitoring.changes) {
      const model::MonitoringChange& change = *step.change;
      const std::string_view moved = change.phase == model::MonitoringPhase::engage ? "moved the force into"
                                     : step.before != nullptr                       ? "returned the force to"
                                                                                    : "placed the force in";
      told(change, fmt::format("{} {} {} {} ({}).", sentence_case(on_date(change.date)), m_paper.inspectorate, moved,
                               meaning(change.phase), in_prose(std::string(label(change.phase)))));
    }
    const model::MonitoringChange& current = *monitoring.current;
    if (!monitoring.changes.empty() && monitoring.changes.back().change == &current) return;
    told(current,
         fmt::format("{} has monitored the force in its {} phase ({}) since {}.", m_paper.inspectorate,
                     in_prose(std::string(label(current.phase))), meaning(current.phase), long_date(current.date)));
  }

  // A PEEL report without grades: when it came out, its summary at the first paper after, and its findings.
  void ungraded_peel(const answers::UngradedPeelReport& report) {
    const model::Inspection& inspection = *report.inspection;
    m_document.add(Heading{3, inspection.title.str()});
    say(fmt::format("Published {}. The register records no graded judgement from it.", on_date(*inspection.published)));
    if (report.summary_quoted && !inspection.summary.empty()) m_document.add(MarkdownText{inspection.summary.str()});
    peel_findings(report.findings, report.finding_counts, false);
  }

  // A PEEL report's findings: how they stand, and the table.
  void peel_findings(const std::vector<FindingRow>& findings, const answers::RagCounts& counts, bool several) {
    if (findings.empty()) {
      say(fmt::format("The register holds no finding from {}.", several ? "these reports" : "this report"));
      return;
    }
    say(fmt::format("Of the {} {}{}: {}{}.", several ? "reports'" : "report's",
                    spelled_count(findings.size(), "finding", "findings"), not_formal_clause(counts),
                    counts_sentence(counts, m_vocabulary), uncounted(counts)));
    m_document.add(findings_table(findings, m_vocabulary, true, m_dates, Naming::paper));
  }

  // PEEL inspections notified or under way, not yet reported on.
  void peel_in_progress(const std::vector<answers::PeelInProgress>& in_progress) {
    if (in_progress.empty()) return;
    m_document.add(Heading{3, "PEEL activity in progress"});
    for (const answers::PeelInProgress& item : in_progress) {
      const model::Inspection& inspection = *item.inspection;
      Fields fields;
      fields.items.push_back({"Inspection", inspection.title.str()});
      if (item.notified) fields.items.push_back({"Notified", date_phrase(*item.notified)});
      fields.items.push_back({"Fieldwork", item.fieldwork ? period_phrase(*item.fieldwork) : "Date to be confirmed"});
      if (item.draft_in) fields.items.push_back({"Draft report", "Received; not yet published"});
      m_document.add(std::move(fields));
      if (!item.draft_in) continue;
      if (!inspection.summary.empty()) m_document.add(MarkdownText{inspection.summary.str()});
      if (!item.findings.empty()) {
        say(fmt::format("The register holds {} from the draft:",
                        spelled_count(item.findings.size(), "finding", "findings")));
        m_document.add(findings_table(item.findings, m_vocabulary, true, m_dates, Naming::paper));
      }
    }
  }

  // The latest assessment with grades: its table, its narratives and its findings.
  void graded_peel(const answers::PeelSection::Graded& peel) {
    const answers::PeelTable& table = peel.table;
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
    // Each report's summary, at the first paper after it came out; named when the cycle had several.
    for (const model::Inspection* report : peel.summaries) {
      if (table.reports.size() > 1) say(fmt::format("{}:", report->title));
      m_document.add(MarkdownText{report->summary.str()});
    }

    if (const auto& earlier = peel.earlier_in_other_cycle) {
      if (peel.scales_differ) {
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
    if (peel.narratives) {
      for (const auto& [grade, areas] : table.columns) {
        for (const answers::GradedArea& area : areas) narrative(area);
      }
      for (const answers::GradedArea& area : table.not_graded) narrative(area);
    } else if (peel.has_narratives) {
      say("The report itself sets out what the inspectorate found in each area; this paper gives the grades and "
          "the progress on the report's findings.");
    }

    const std::string_view whose = table.reports.size() > 1 ? "reports'" : "report's";
    m_document.add(Heading{3, fmt::format("Progress on the {} findings", whose)});
    peel_findings(peel.findings, peel.finding_counts, table.reports.size() > 1);
  }

  void narrative(const answers::GradedArea& area) {
    if (area.narrative.empty()) return;
    m_document.add(Heading{3, fmt::format("{}: {}", area.area->long_label, label(area.grade))});
    m_document.add(MarkdownText{area.narrative});
  }

  // One inspection's particulars, for the activity section (with its fieldwork, and its
  // publication only once out) and the published section.
  void particulars(const model::Inspection& inspection, const std::optional<answers::PaperPeriod>& fieldwork,
                   const std::optional<answers::PaperPeriod>& published,
                   const std::optional<answers::PaperPeriod>& publication_expected = std::nullopt) {
    Fields fields;
    fields.items.push_back({"Type", std::string(label(inspection.type))});
    if (!inspection.inspectorates.empty()) {
      fields.items.push_back({"Inspectorates", fmt::format("{}", fmt::join(inspection.inspectorates, ", "))});
    }
    if (inspection.involvement != model::Involvement::inspected) {
      fields.items.push_back({"Involvement", std::string(label(inspection.involvement))});
    }
    if (fieldwork) fields.items.push_back({"Fieldwork", period_phrase(*fieldwork)});
    if (published) fields.items.push_back({"Published", period_phrase(*published)});
    if (publication_expected) fields.items.push_back({"Publication expected", period_phrase(*publication_expected)});
    m_document.add(std::move(fields));
  }

  void write(const answers::ActivitySection& section) {
    const auto& list = section.activity;
    if (list.empty()) {
      say("No inspection fieldwork has taken place in the force since the last committee.");
    } else {
      say(fmt::format("Since the last committee, {} {} taken place in the force:",
                      spelled_count(list.size(), "inspection", "inspections"), have(list.size())));
    }
    for (const answers::Activity& activity : list) {
      const model::Inspection& inspection = *activity.inspection;
      subsection(inspection.title);
      particulars(inspection, activity.fieldwork, activity.published, activity.publication_expected);
      if (!inspection.summary.empty()) m_document.add(MarkdownText{inspection.summary.str()});
      timeline(activity);
      if (!inspection.other_forces.empty()) {
        say(fmt::format("Other forces involved: {}.", fmt::join(inspection.other_forces, "; ")));
      }
    }
    std::vector<const model::Inspection*> told;  // whose summary the activity above has given
    for (const answers::Activity& activity : list) told.push_back(activity.inspection);
    drafts(section.drafts, told);
    if (section.notified) {
      m_document.add(Heading{3, section.notified->title});
      if (!section.notified->note.empty()) m_document.add(MarkdownText{section.notified->note});
      write(section.notified->list);
    }
  }

  // The phases and events of an inspection that fell in the window, each with its note, then what is still to
  // come: phases, planned events and the draft.
  void timeline(const answers::Activity& activity) {
    // Phases and events in the order they happened, each with its note; what is to come likewise.
    const auto in_date_order = [this](const std::vector<answers::PhaseTold>& phases,
                                      const std::vector<const model::InspectionEvent*>& events, bool to_come) {
      struct Step {
        std::optional<model::Date> when;  // none: an event not yet dated, told last
        const answers::PhaseTold* phase;
        const model::InspectionEvent* event;
      };
      std::vector<Step> steps;
      for (const answers::PhaseTold& told : phases) steps.push_back({told.when.from.date.first_day(), &told, nullptr});
      for (const model::InspectionEvent* event : events) {
        steps.push_back(
            {event->when.date ? std::optional(event->when.date->first_day()) : std::nullopt, nullptr, event});
      }
      std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
        if (!a.when || !b.when) return a.when.has_value() && !b.when.has_value();
        return *a.when < *b.when;
      });
      for (const Step& step : steps) {
        if (step.event != nullptr) {
          event_told(*step.event, to_come);
        } else if (to_come) {
          say(fmt::format("Still to come: {}, {}.", in_prose(step.phase->phase->label),
                          in_prose(phase_phrase(*step.phase))));
        } else {
          say(fmt::format("{}: {}.", step.phase->phase->label, phase_phrase(*step.phase)));
          if (!step.phase->phase->note.empty()) m_document.add(MarkdownText{step.phase->phase->note.str()});
        }
      }
    };
    in_date_order(activity.phases, activity.events, false);
    in_date_order(activity.phases_to_come, activity.events_to_come, true);
    if (activity.draft_expected) {
      say(activity.draft_expected->date
              ? fmt::format("The draft report is expected {}.", on_date(*activity.draft_expected->date))
              : std::string("The draft report is expected; no date has been given."));
    }
  }

  // A phase's dates: a phase given only its first day runs "from" it.
  static std::string phase_phrase(const answers::PhaseTold& told) {
    if (told.when.to || told.when.from.date.week_commencing()) return period_phrase(told.when);
    return "From " + in_prose(date_phrase(told.when.from));
  }

  // One event as a sentence, in the past or as planned, then its note.
  void event_told(const model::InspectionEvent& event, bool to_come) {
    struct Phrase {
      std::string_view subject, done, planned, undated;
    };
    const Phrase phrase = [&]() -> Phrase {
      switch (event.kind) {
        case model::EventKind::hot_debrief:
          return {"The hot debrief", "took place", "is expected", "is to be arranged"};
        case model::EventKind::suspended:
          return {"The inspection", "was suspended", "is to be suspended", "is to be suspended"};
        case model::EventKind::resumed:
          return {"The inspection", "resumed", "is expected to resume", "is expected to resume"};
        case model::EventKind::revisit:
          return {"The inspectorate's revisit", "took place", "is expected", "is to be arranged"};
      }
      return {"The inspection", "had an event", "expects an event", "expects an event"};
    }();
    if (!event.when.date) {
      say(fmt::format("{} {}; no date has been given.", phrase.subject, phrase.undated));
    } else {
      say(fmt::format("{} {} {}.", phrase.subject, to_come ? phrase.planned : phrase.done, on_date(*event.when.date)));
    }
    if (!event.note.empty()) m_document.add(MarkdownText{event.note.str()});
  }

  // Draft reports the force has received and that are not yet published: what they are and hold, and when.
  void drafts(const std::vector<answers::Draft>& drafts, const std::vector<const model::Inspection*>& summarised) {
    if (drafts.empty()) return;
    m_document.add(Heading{3, "Draft reports received"});
    for (const answers::Draft& draft : drafts) {
      const model::Inspection& inspection = *draft.inspection;
      Fields fields;
      fields.items.push_back({"Report", inspection.title.str()});
      if (!inspection.inspectorates.empty()) {
        fields.items.push_back({"Inspectorates", fmt::format("{}", fmt::join(inspection.inspectorates, ", "))});
      }
      if (draft.fieldwork) fields.items.push_back({"Fieldwork", period_phrase(*draft.fieldwork)});
      fields.items.push_back({"Draft received", draft.received ? date_phrase(*draft.received) : "Date not recorded"});
      fields.items.push_back({"Publication expected", draft.publication_expected
                                                          ? period_phrase(*draft.publication_expected)
                                                          : "Not yet known"});
      m_document.add(std::move(fields));
      // As a published report reads: what it found, then how many findings it holds.
      const bool summarised_above = std::find(summarised.begin(), summarised.end(), &inspection) != summarised.end();
      if (!inspection.summary.empty() && !summarised_above) m_document.add(MarkdownText{inspection.summary.str()});
      if (inspection.counts) say(stated_findings(*inspection.counts, draft.continuing_from, true));
    }
  }

  void write(const answers::NotifiedSection& notified) {
    const auto& list = notified.inspections;
    std::vector<std::string> expected;
    for (const model::Inspection* inspection : notified.undated) expected.push_back(inspection->title.str());
    const std::string undated =
        expected.empty() ? std::string()
                         : fmt::format("{} expected, with no dates given: {}.",
                                       expected.size() == 1 ? "One further inspection is" : "Further inspections are",
                                       fmt::join(expected, "; "));
    if (list.empty()) {
      say(undated.empty() ? "No further inspection has been notified."
                          : "No further inspection has been notified with dates.");
      if (!undated.empty()) say(undated);
      return;
    }
    say(fmt::format("The force has been notified of {}:", spelled_count(list.size(), "inspection", "inspections")));
    Table table{{{"Inspection", Align::left, true}, {"Type", Align::left, true}, {"When", Align::left, true}}, {}};
    for (const answers::Notified& item : list) {
      std::string when = item.fieldwork ? period_phrase(*item.fieldwork) : std::string("Date to be confirmed");
      if (!item.phases.empty()) {
        when.clear();
        for (const answers::PhaseTold& told : item.phases) {
          when += (when.empty() ? "" : "; ") + fmt::format("{}: {}", told.phase->label, phase_phrase(told));
        }
      }
      table.add_row(item.inspection->title, std::string(label(item.inspection->type)), when);
    }
    m_document.add(std::move(table));
    if (!undated.empty()) say(undated);
  }

  void write(const answers::PublishedSection& section) {
    const std::size_t count = section.reports.size() + section.peel.size();
    if (count == 0) {
      say(fmt::format("No {} report concerning the force has been published since the last committee.",
                      section.inspectorate));
      return;
    }
    say(fmt::format("Since the last committee, {} {} been published:", spelled_count(count, "report", "reports"),
                    have(count)));
    std::vector<std::string> items;
    for (const model::Inspection* inspection : section.peel) {
      // A paper without a PEEL section has nowhere to point.
      items.push_back(fmt::format("{}, published {}{}", inspection->title, on_date(*inspection->published),
                                  section.peel_section > 0 ? fmt::format(" (see section {})", section.peel_section)
                                                           : ""));
    }
    for (const answers::PublishedReport& report : section.reports) {
      items.push_back(
          fmt::format("{}, published {}", report.inspection->title, on_date(*report.inspection->published)));
    }
    m_document.add(BulletList{items});
    for (const answers::PublishedReport& report : section.reports) published_report(report);
  }

  void published_report(const answers::PublishedReport& report) {
    const model::Inspection& inspection = *report.inspection;
    subsection(inspection.title);
    particulars(inspection, std::nullopt, report.published);
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

  void write(const answers::TrackerSection& tracker) {
    const answers::RagCounts& total = tracker.total;
    say(fmt::format("As of {} the register holds {}{}: {}.", long_date(m_paper.as_of()),
                    spelled_count(static_cast<std::size_t>(total.total()), "finding", "findings"),
                    not_formal_clause(total), counts_sentence(total, m_vocabulary)));
    m_document.add(rag_table("Portfolio", tracker.by_portfolio, total, m_vocabulary));
    m_document.add(chart(tracker.by_portfolio));
    m_document.add(Heading{3, "By status"});
    m_document.add(status_table(tracker.by_status, total));
    m_document.add(Heading{3, "By report"});
    m_document.add(report_table(tracker.by_report, total, m_dates));
    if (!tracker.by_priority.empty()) {
      const std::string title(tracker.priority_title);
      m_document.add(Heading{3, "By " + in_prose(title)});
      m_document.add(rag_table(title, tracker.by_priority, total, m_vocabulary));
    }
    for (const answers::TrackerSection::PriorityTable& table : tracker.per_priority) {
      m_document.add(Heading{3, fmt::format("{}: {}", tracker.priority_title, table.priority->name)});
      m_document.add(rag_table("Portfolio", table.by_portfolio, table.total, m_vocabulary));
    }

    movement(tracker.movement);

    m_document.add(Heading{3, "Overdue"});
    if (tracker.overdue.empty()) {
      say("No open finding is past its due date.");
    } else {
      say(fmt::format("{} past {} due date:",
                      sentence_case(spelled_count(tracker.overdue.size(), "open finding is", "open findings are")),
                      tracker.overdue.size() == 1 ? "its" : "their"));
      m_document.add(findings_table(tracker.overdue, m_vocabulary, false, m_dates, Naming::paper));
    }
    m_document.add(Heading{3, fmt::format("Not updated for more than {} days", tracker.stale_after_days)});
    if (tracker.stale.empty()) {
      say("Every open finding has been updated recently.");
    } else {
      Table table{{{"Finding"}, {"Title", Align::left, true}, {"Owner", Align::left, true}, {"Last update"}}, {}};
      for (const FindingRow& r : tracker.stale) {
        table.add_row(paper_name(*r.inspection, *r.finding), r.finding->title, owner_text(r),
                      date_cell(*r.last_update, m_dates, r.last_update_as_at));
      }
      m_document.add(std::move(table));
    }
    if (tracker.actions) tracker_actions(*tracker.actions);
  }

  // The actions the findings were turned into: how many are open, closed and overdue, and each finding's progress.
  void tracker_actions(const answers::TrackerActions& actions) {
    m_document.add(Heading{3, "Actions"});
    const std::size_t all = static_cast<std::size_t>(actions.open + actions.closed);
    say(
        fmt::format("{} turned into {}: {} open ({} overdue) and {} closed. Complete is the mean of a finding's "
                    "actions' progress, a closed action counting 100%.",
                    sentence_case(spelled_count(actions.findings.size(), "open finding is", "open findings are")),
                    spelled_count(all, "action", "actions"), spelled_or_none(static_cast<std::size_t>(actions.open)),
                    spelled_or_none(static_cast<std::size_t>(actions.overdue)),
                    spelled_or_none(static_cast<std::size_t>(actions.closed))));
    Table table{{{"Finding"},
                 {"Title", Align::left, true},
                 {"Actions", Align::right},
                 {"Closed", Align::right},
                 {"Overdue", Align::right},
                 {"Complete", Align::right}},
                {}};
    for (const answers::FindingActions& f : actions.findings) {
      const FindingRow& r = f.row;
      table.add_row(paper_name(*r.inspection, *r.finding), r.finding->title, std::to_string(r.actions.size()),
                    std::to_string(f.closed), std::to_string(f.overdue), percent_text(*r.actions_complete));
    }
    m_document.add(std::move(table));
  }

  // Open findings per portfolio, a series per rating of open findings and one for those not yet rated.
  RagChart chart(const std::vector<answers::RagGroup>& by_portfolio) const {
    RagChart chart{
        fmt::format("Open findings by portfolio and {}", m_vocabulary.customised ? "rating" : "RAG rating"), {}, {}};
    std::vector<std::size_t> open_ratings;
    // Unrated apart from every rating, closed ones too: the paper's tables show them all in their colours.
    std::vector<std::string> colours;
    for (std::size_t i = 0; i < m_vocabulary.ratings.size(); ++i) {
      colours.push_back(m_vocabulary.ratings[i].colour);
      if (!m_vocabulary.ratings[i].marks_open()) continue;
      open_ratings.push_back(i);
      chart.series.push_back({m_vocabulary.ratings[i].label, m_vocabulary.ratings[i].colour});
    }
    chart.series.push_back({"Unrated", model::unrated_colour(colours)});
    for (const answers::RagGroup& group : by_portfolio) {
      RagChart::Bar bar{group.label, {}};
      for (const std::size_t i : open_ratings) bar.values.push_back(group.counts.open_of(i));
      bar.values.push_back(group.counts.unrated);
      chart.bars.push_back(std::move(bar));
    }
    return chart;
  }

  void movement(const answers::Movement& movement) {
    m_document.add(Heading{3, "Movement since the last committee"});
    Table moves{{{"Finding"}, {"From"}, {"To"}, {"Title", Align::left, true}}, {}};
    for (const std::size_t at : movement.rag_moved) {
      const answers::FindingChange& c = movement.changes[at];
      moves.add_row(paper_name(*c.inspection, *c.finding), rating_cell(c.before, m_vocabulary),
                    rating_cell(c.after, m_vocabulary), c.finding->title);
    }
    std::vector<std::string> summary;
    for (const answers::RagMove& m : movement.rag_moves) {
      summary.push_back(fmt::format("{} {} → {}", spelled(static_cast<std::size_t>(m.count)), rating_name(m.from),
                                    rating_name(m.to)));
    }
    // States known only as at a date in the window may hide changes: the counts are of the dated ones, and say so.
    const bool undated_states = !movement.recorded_as_at.empty();
    say(fmt::format("Since the last committee{}: {} added; {}{}; {} closed, superseded or no longer monitored{}.",
                    undated_states ? ", counting the changes the register dates" : "",
                    spelled_count(movement.added.size(), "finding", "findings"),
                    spelled_count(movement.rag_moved.size(), "rating changed", "ratings changed"),
                    summary.empty() ? "" : fmt::format(" ({})", fmt::join(summary, ", ")),
                    spelled_or_none(movement.closed.size()), closings_phrase(movement.closings, m_vocabulary, true)));
    if (const std::string as_at = as_at_sentence(movement.recorded_as_at, m_dates); !as_at.empty()) say(as_at);
    if (!moves.rows.empty()) m_document.add(std::move(moves));
    m_document.add(Heading{3, "Closed since the last committee"});
    if (movement.closed.empty()) {
      say(undated_states ? "No finding is recorded as closed, superseded or taken out of monitoring on a date since "
                           "the last committee."
                         : "No finding was closed, superseded or taken out of monitoring since the last committee.");
    } else {
      Table closures{{{"Finding"}, {"Now"}, {"Title", Align::left, true}}, {}};
      for (const std::size_t at : movement.closed) {
        const answers::FindingChange& c = movement.changes[at];
        closures.add_row(paper_name(*c.inspection, *c.finding), m_vocabulary.label(c.after.status), c.finding->title);
      }
      m_document.add(std::move(closures));
    }
    // Told when they happen; most registers allocate every finding as it is recorded, and keep its target.
    if (!movement.allocated.empty()) {
      m_document.add(Heading{3, "Allocated since the last committee"});
      Table allocated{{{"Finding"}, {"Owner", Align::left, true}, {"Title", Align::left, true}}, {}};
      for (const std::size_t at : movement.allocated) {
        const answers::FindingChange& c = movement.changes[at];
        allocated.add_row(paper_name(*c.inspection, *c.finding), std::string(c.after.owner), c.finding->title);
      }
      m_document.add(std::move(allocated));
    }
    if (!movement.targets_moved.empty()) {
      m_document.add(Heading{3, "Target dates moved since the last committee"});
      Table targets{{{"Finding"}, {"From"}, {"To"}, {"Why", Align::left, true}}, {}};
      for (const std::size_t at : movement.targets_moved) {
        targets.rows.push_back(target_row(movement.changes[at], m_dates, Naming::paper));
      }
      m_document.add(std::move(targets));
    }
  }

  void write(const answers::ReviewSection& section) {
    if (section.reports.empty()) {
      say("The meeting names no report to go through finding by finding.");
      return;
    }
    for (const answers::ReviewedReport& report : section.reports) {
      const model::Inspection& inspection = *report.inspection;
      subsection(inspection.title);
      say(fmt::format("{}{}{}: {}{}.", report.published ? "Published " + date_phrase(*report.published) + ". " : "",
                      sentence_case(spelled_count(report.findings.size(), "finding", "findings")),
                      not_formal_clause(report.counts), counts_sentence(report.counts, m_vocabulary),
                      uncounted(report.counts)));
      if (report.findings.empty()) {
        say("The register holds no finding from this report.");
        continue;
      }
      if (report.themes.empty()) {
        for (const answers::ReviewedFinding& reviewed : report.findings) reviewed_finding(reviewed);
        continue;
      }
      for (const answers::ReviewTheme& theme : report.themes) {
        m_document.add(Heading{4, theme.name.empty() ? std::string("Other findings") : std::string(theme.name)});
        for (const std::size_t at : theme.findings) reviewed_finding(report.findings[at]);
      }
    }
  }

  // One finding of a report under review, in full: who owns it, by when, for whom, how it stands, what it links
  // to and its latest note, then its wording.
  void reviewed_finding(const answers::ReviewedFinding& reviewed) {
    const FindingRow& row = reviewed.row;
    const model::Finding& f = *row.finding;
    const std::string name = row.inspection->short_name.empty() ? fmt::format("{} {}", label(f.type), finding_number(f))
                                                                : paper_name(*row.inspection, f);
    Fields fields;
    fields.items.push_back({"Finding", fmt::format("{} ({})", name, f.id)});
    // A cause of concern is owned, and dated, through the recommendations that answer it.
    if (!row.state.follows_recommendations || !row.state.owner.empty())
      fields.items.push_back({"Owner", owner_text(row)});
    if (!row.state.follows_recommendations || reviewed.due)
      fields.items.push_back({"Due", reviewed.due ? date_phrase(*reviewed.due) + (row.overdue ? " (overdue)" : "")
                                                  : std::string("No date set")});
    fields.items.push_back({"Scope", f.scope == model::Scope::all_forces ? "All forces" : "This force"});
    fields.items.push_back({"Status", m_vocabulary.label(row.state.status)});
    // A closed finding without a rating has only its status to give.
    fields.items.push_back({"Rating", row.state.follows_recommendations ? std::string("See its recommendations")
                                      : row.state.rating == nullptr && !model::is_open(row.state.status)
                                          ? std::string("None")
                                          : rating_cell(row.state, m_vocabulary).text});
    if (!reviewed.links.cause_of_concern.empty()) {
      const answers::FindingRef& cause = reviewed.links.cause_of_concern.front();
      fields.items.push_back({"Answers", cause.inspection == row.inspection
                                             ? fmt::format("{} {} of this report", label(cause.finding->type),
                                                           finding_number(*cause.finding))
                                             : cited(*cause.inspection, *cause.finding)});
    }
    if (const std::string links = links_phrase(reviewed.links); !links.empty())
      fields.items.push_back({"Links", links});
    if (const model::HistoryEntry* latest = reviewed.latest_note) {
      fields.items.push_back({"Latest note", dated_note(*latest)});
    }
    m_document.add(std::move(fields));
    if (!f.title.empty()) say(f.title.str());
    if (!f.text.empty()) m_document.add(MarkdownText{f.text.str()});
  }

  void write(const answers::RedSection& section) {
    const std::string words = attention_words(section.attention);
    const std::vector<answers::RedFinding>& red = section.findings;
    if (red.empty()) {
      say(fmt::format("No outstanding finding is assessed {}.", words));
    } else {
      say(fmt::format("{} assessed {}:",
                      sentence_case(spelled_count(red.size(), "outstanding finding is", "outstanding findings are")),
                      words));
    }
    for (const answers::RedFinding& item : red) red_finding(item);
    if (section.not_implemented.empty()) return;
    say(fmt::format(
        "{} assessed {} and will not be implemented:",
        sentence_case(spelled_count(section.not_implemented.size(), "declined finding is", "declined findings are")),
        words));
    for (const answers::RedFinding& item : section.not_implemented) red_finding(item);
  }

  // One finding listed in full: what it is, who owns it, why it has its rating, what it links to, its wording.
  void red_finding(const answers::RedFinding& item) {
    const FindingRow& row = item.row;
    subsection(fmt::format("{}: {}", paper_name(*row.inspection, *row.finding), row.finding->title));
    Fields fields;
    // The id once, where the heading names the finding another way.
    if (!row.inspection->short_name.empty()) fields.items.push_back({"Id", row.finding->id.str()});
    fields.items.push_back({"Report", row.inspection->title.str()});
    fields.items.push_back({"Type", std::string(label(row.finding->type))});
    if (!model::is_open(row.state.status)) {
      fields.items.push_back(
          {"Status", fmt::format("{}: not to be implemented", m_vocabulary.label(row.state.status))});
    }
    fields.items.push_back({"Owner", owner_text(row)});
    if (row.portfolio != nullptr) fields.items.push_back({"Portfolio", row.portfolio->name});
    if (item.due) fields.items.push_back({"Due", date_phrase(*item.due) + (row.overdue ? " (overdue)" : "")});
    if (const model::HistoryEntry* moved = row.state.target_moved_by) {
      fields.items.push_back({"Target moved", dated_note(*moved)});
    }
    if (item.inspectorate_due) fields.items.push_back({"Inspectorate's deadline", date_phrase(*item.inspectorate_due)});
    if (const std::string why = why_rated(row.state); !why.empty()) {
      fields.items.push_back({fmt::format("Why {}", in_prose(row.state.rating->label)), why});
    }
    if (item.latest_update != nullptr) fields.items.push_back({"Latest update", dated_note(*item.latest_update)});
    if (const std::string links = links_phrase(item.links); !links.empty()) fields.items.push_back({"Links", links});
    m_document.add(std::move(fields));
    if (!row.finding->text.empty()) m_document.add(MarkdownText{row.finding->text.str()});
    if (const model::Finding* cause = item.cause_of_concern) {
      const auto& answered = item.links.cause_of_concern;
      say(fmt::format("It answers {}: {}",
                      answered.empty() ? std::string("cause of concern ") + cause->id.str()
                                       : cited(*answered.front().inspection, *answered.front().finding),
                      cause->title));
      if (!cause->text.empty()) m_document.add(MarkdownText{cause->text.str()});
    }
  }

  // "8 November 2021: Plan agreed", "As at 8 June 2017: Ongoing", or the date alone.
  static std::string dated_note(const model::HistoryEntry& entry) {
    const std::string when = sentence_case(date_cell(entry.date, DateStyle::words, entry.as_at).text);
    return entry.note.empty() ? when : fmt::format("{}: {}", when, entry.note);
  }

  // Why a finding has its rating: the vocabulary's rule, or the entry that gave it, with its note.
  std::string why_rated(const answers::FindingState& state) const {
    if (state.rating == nullptr) return "";
    if (state.rating_derived) return sentence_case(derived_reason(state, m_vocabulary));
    if (state.rated_by == nullptr) return "";
    // Known only as at a date: when it was rated is not known.
    if (state.rated_by->as_at) return "Rated " + in_prose(dated_note(*state.rated_by));
    return "Rated on " + dated_note(*state.rated_by);
  }

  // "Responses to reports": the commissioner's duty, then the responses overdue, due, and published since the
  // last committee, each a table.
  void write(const answers::ResponsesSection& section) {
    say(
        fmt::format("The Police and Crime Commissioner (or mayor) must publish comments on each {} report that "
                    "concerns the force, with the chief officer's, within {} days of its publication, saying for each "
                    "recommendation what has been or will be done, or why nothing (section 55 of the Police Act "
                    "1996).",
                    m_paper.inspectorate, model::k_response_days));
    if (section.due.empty() && section.published.empty() && section.overdue.empty()) {
      say(fmt::format("As of {} no response is due or overdue, and none has been published since the last committee.",
                      long_date(m_paper.as_of())));
      return;
    }
    // What the register says of each response besides where it stands; where a published one is follows the table.
    const auto note_of = [](const answers::ResponseState& response) { return std::string(response.note); };
    const auto table_of = [&](const std::vector<answers::ResponseState>& responses) {
      Table table{{{"Report", Align::left, true},
                   {"Published", Align::left, false, false, CellKind::date, false, "published {}"},
                   {"Response", Align::left, true}},
                  {}};
      const bool noted = std::any_of(responses.begin(), responses.end(),
                                     [&](const answers::ResponseState& r) { return !note_of(r).empty(); });
      if (noted) table.columns.push_back({"Note", Align::left, true});
      for (const answers::ResponseState& response : responses) {
        std::vector<Cell>& cells = table.rows.emplace_back();
        cells.emplace_back(response.inspection->title.str());
        cells.push_back(date_cell(*response.inspection->published, m_dates));
        cells.emplace_back(response_text(response, m_dates));
        if (noted) cells.emplace_back(note_of(response));
      }
      return table;
    };
    for (const auto& [responses, title] : {std::pair{&section.overdue, "Overdue"},
                                           {&section.due, "Due"},
                                           {&section.published, "Published since the last committee"}}) {
      if (responses->empty()) continue;
      subsection(title);
      m_document.add(table_of(*responses));
    }
    References published;
    for (const answers::ResponseState& response : section.published) {
      if (!response.url.empty()) {
        published.items.push_back({fmt::format("The commissioner's response to '{}'", response.inspection->title),
                                   std::string(response.url)});
      }
    }
    if (!published.items.empty()) m_document.add(std::move(published));
  }

  void write(const answers::DecisionSection& section) {
    m_document.add(MarkdownText{section.decision});

    m_document.add(Heading{3, "Contact officer"});
    const model::Contact& contact = section.contact;
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
    if (section.background.empty() && section.documents.empty()) {
      say("None.");
      return;
    }
    References references;
    for (const model::Inspection* inspection : section.background) {
      references.items.push_back(
          {fmt::format("{}, published {}", inspection->title, on_date(*inspection->published)), inspection->url});
    }
    for (const model::BackgroundDocument* document : section.documents) {
      references.items.push_back(
          {document->date ? fmt::format("{}, {}", document->title, in_words(*document->date)) : document->title,
           document->url});
    }
    m_document.add(std::move(references));
  }

  const answers::Paper& m_paper;
  const model::Meeting& m_meeting;
  const model::Vocabulary& m_vocabulary;
  const DateStyle m_dates;  // how its tables write dates
  Document m_document;
  int m_section = 0;
  int m_subsection = 0;
};

// The tracker's and the red section's tables as sheets: the paper's workbook.
struct PaperSheets {
  const model::Vocabulary& vocabulary;
  DateStyle dates;
  bool has_actions;
  std::vector<Sheet>& sheets;

  void operator()(const answers::TrackerSection& tracker) const {
    sheets.push_back({"By portfolio", rag_table("Portfolio", tracker.by_portfolio, tracker.total, vocabulary)});
    sheets.push_back({"By status", status_table(tracker.by_status, tracker.total)});
    sheets.push_back({"By report", report_table(tracker.by_report, tracker.total, dates)});
    if (!tracker.by_priority.empty()) {
      const std::string title(tracker.priority_title);
      sheets.push_back({"By " + in_prose(title), rag_table(title, tracker.by_priority, tracker.total, vocabulary)});
    }
    for (const answers::TrackerSection::PriorityTable& table : tracker.per_priority) {
      sheets.push_back({table.priority->name, rag_table("Portfolio", table.by_portfolio, table.total, vocabulary)});
    }
    sheets.push_back({"Overdue", register_table(tracker.overdue, vocabulary, dates, has_actions)});
    sheets.push_back({"Stale", register_table(tracker.stale, vocabulary, dates, has_actions)});
  }
  void operator()(const answers::RedSection& red) const {
    std::vector<FindingRow> rows;
    for (const answers::RedFinding& finding : red.findings) rows.push_back(finding.row);
    for (const answers::RedFinding& finding : red.not_implemented) rows.push_back(finding.row);
    sheets.push_back(
        {sentence_case(attention_words(red.attention)), register_table(rows, vocabulary, dates, has_actions)});
  }
  template <class Other>
  void operator()(const Other&) const {}
};

}  // namespace

Document to_document(const answers::Paper& paper) { return PaperBuilder(paper).build(); }

PrintedPage printed_page(const answers::Paper& paper) {
  return printed_page(paper.force, paper.inspectorate + " findings", paper.as_of());
}

std::vector<Sheet> to_sheets(const answers::Paper& paper) {
  std::vector<Sheet> sheets;
  for (const answers::PaperSection& section : paper.sections) {
    std::visit(PaperSheets{*paper.vocabulary, paper.dates == model::PaperDates::iso ? DateStyle::iso : DateStyle::words,
                           paper.has_actions, sheets},
               section.body);
  }
  // A paper without a tracker or red section has no table to give: the workbook says what sections it has.
  if (sheets.empty()) {
    Table table{{{"Section"}, {"Title", Align::left, true}}, {}};
    for (const answers::PaperSection& section : paper.sections) {
      table.add_row(std::to_string(section.number), section.title);
    }
    sheets.push_back({"Sections", std::move(table)});
  }
  return sheets;
}

}  // namespace hmicfrs::render
