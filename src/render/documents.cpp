// The documents and tables of the everyday commands, built from their answers.

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <hmicfrs/render/documents.hpp>
#include <hmicfrs/render/labels.hpp>

#include "tables.hpp"

namespace hmicfrs::render {
namespace {

// A date among a view's particulars, as the paper's prose gives it: "May 2019", "21 February 2022", and
// "May 2022 (date TBC)" only while the month has not begun by the view's date. (Tables keep the data's form.)
std::string told(const model::Date& date, const model::Date& as_of) {
  return sentence_case(date_phrase({date, date.begun_by(as_of)}));
}
std::string told(const model::Period& period, const model::Date& as_of) {
  const auto phrase = [&](const model::Date& d) { return answers::PaperDate{d, d.begun_by(as_of)}; };
  return period_phrase({phrase(period.from), period.to ? std::optional(phrase(*period.to)) : std::nullopt});
}
std::string told(const model::Occasion& occasion, const model::Date& as_of) {
  return occasion.date ? told(*occasion.date, as_of) : "Not dated";
}

// A finding's particulars for `show`: where it comes from, who owns it, where it stands.
Fields finding_fields(const answers::FindingDetail& detail) {
  const answers::FindingRow& row = detail.row;
  const model::Finding& f = *row.finding;
  const answers::FindingState& s = row.state;
  Fields fields;
  fields.items.push_back({"Inspection", fmt::format("{} ({})", row.inspection->title, row.inspection->id)});
  if (!row.inspection->short_name.empty()) fields.items.push_back({"In papers", paper_name(*row.inspection, f)});
  fields.items.push_back({"Type", std::string(label(f.type))});
  fields.items.push_back({"Scope", f.scope == model::Scope::force ? "This force" : "All forces"});
  if (!detail.area.empty()) fields.items.push_back({"PEEL area", detail.area});
  if (const std::string owner = owner_text(row); !owner.empty()) fields.items.push_back({"Owner", owner});
  if (row.portfolio != nullptr) {
    fields.items.push_back({"Portfolio", fmt::format("{} ({})", row.portfolio->name, row.portfolio->id)});
  }
  if (!f.priority.value.empty()) fields.items.push_back({"Priority", std::string(f.priority.value)});
  if (!f.theme.empty()) fields.items.push_back({"Theme", std::string(f.theme)});
  if (s.due) fields.items.push_back({"Due", due_text(row, DateStyle::words)});
  if (const model::HistoryEntry* moved = s.target_moved_by) {
    const std::string set_at = (moved->as_at ? "As at " : "") + in_words(moved->date);
    fields.items.push_back({"Target moved", moved->note.empty() ? set_at : fmt::format("{}: {}", set_at, moved->note)});
  }
  if (f.inspectorate_due) fields.items.push_back({"Inspectorate's deadline", told(*f.inspectorate_due, detail.as_of)});
  const model::Vocabulary& vocabulary = *detail.vocabulary;
  if (s.tracked_as != nullptr)
    fields.items.push_back({"Tracked as", fmt::format("{}, which it repeats", s.tracked_as->id)});
  fields.items.push_back({"Status", vocabulary.label(s.status)});
  if (s.follows_recommendations) {
    fields.items.push_back({"Rating", "Follows its recommendations"});
  } else if (s.rating != nullptr || model::is_open(s.status)) {
    std::string word = rating(s, vocabulary);
    if (s.rating_derived) word += " (derived: " + derived_reason(s, vocabulary) + ")";
    fields.items.push_back({rating_heading(vocabulary), word});
  }
  fields.items.push_back(
      {"Last update",
       fmt::format("{}{} ({} days before {}){}", row.last_update_as_at ? "As at " : "", in_words(*row.last_update),
                   *row.days_since_update, in_words(detail.as_of), row.stale ? ", stale" : "")});
  return fields;
}

Table history_table(const std::vector<const model::HistoryEntry*>& history, const model::Vocabulary& vocabulary) {
  Table table{{{"Date"}, {"Status"}, {rating_heading(vocabulary)}, {"Note", Align::left, true}}, {}};
  for (const model::HistoryEntry* e : history) {
    std::vector<std::string> parts;
    if (!e->note.empty()) parts.push_back(e->note.str());
    if (e->owner) parts.push_back(fmt::format("(owner: {})", *e->owner));
    if (e->due) parts.push_back(fmt::format("(due: {})", e->due->iso()));
    table.add_row(
        e->as_at ? "as at " + e->date.iso() : e->date.iso(), e->status ? vocabulary.label(*e->status) : "",
        e->rating ? Cell(vocabulary.ratings[*e->rating].label, vocabulary.ratings[*e->rating].colour) : Cell(),
        fmt::format("{}", fmt::join(parts, " ")));
  }
  return table;
}

std::vector<std::string> link_items(const answers::FindingLinks& links) {
  std::vector<std::string> items;
  for (const auto& [relation, refs] :
       {std::pair{"Superseded by", &links.superseded_by}, std::pair{"Supersedes", &links.supersedes},
        std::pair{"Answers cause of concern", &links.cause_of_concern}, std::pair{"Answered by", &links.answered_by},
        std::pair{"Repeats", &links.repeats}, std::pair{"Repeated in", &links.repeated_in},
        std::pair{"Related to", &links.related}, std::pair{"Related from", &links.related_from}}) {
    for (const answers::FindingRef& ref : *refs) {
      items.push_back(fmt::format("{} {}: {}", relation, ref.finding->id, ref.finding->title));
    }
  }
  return items;
}

Fields inspection_fields(const model::Inspection& i, const model::Date& as_of) {
  Fields fields;
  fields.items.push_back({"Type", std::string(label(i.type))});
  if (!i.short_name.empty()) fields.items.push_back({"Short name", i.short_name});
  if (!i.inspectorates.empty()) {
    fields.items.push_back({"Inspectorates", fmt::format("{}", fmt::join(i.inspectorates, ", "))});
  }
  fields.items.push_back({"Involvement", std::string(label(i.involvement))});
  if (!i.other_forces.empty()) {
    fields.items.push_back({"Other forces", fmt::format("{}", fmt::join(i.other_forces, "; "))});
  }
  if (i.notified) fields.items.push_back({"Notified", told(*i.notified, as_of)});
  if (i.fieldwork) fields.items.push_back({"Fieldwork", told(*i.fieldwork, as_of)});
  for (const model::FieldworkPhase& phase : i.phases) {
    fields.items.push_back({"  " + phase.label, told(phase.period, as_of)});
  }
  for (const model::InspectionEvent& event : i.events) {
    const std::string at = told(event.when, as_of);
    fields.items.push_back(
        {std::string(label(event.kind)), event.note.empty() ? at : fmt::format("{}: {}", at, event.note)});
  }
  if (i.draft_expected) fields.items.push_back({"Draft expected", told(*i.draft_expected, as_of)});
  if (i.draft_received) fields.items.push_back({"Draft received", told(*i.draft_received, as_of)});
  if (i.publication_expected) fields.items.push_back({"Publication expected", told(*i.publication_expected, as_of)});
  if (i.published) fields.items.push_back({"Published", told(*i.published, as_of)});
  if (i.superseded) {
    fields.items.push_back({"Superseded", fmt::format("By {} on {}: its findings still open then are superseded",
                                                      i.superseded->by.value, in_words(i.superseded->date))});
  }
  if (!i.url.empty()) fields.items.push_back({"Report", i.url});
  return fields;
}

// The register's own Markdown under a heading, when it has some.
void add_markdown(Document& document, std::string heading, std::string_view markdown) {
  if (markdown.empty()) return;
  document.add(Heading{2, std::move(heading)});
  document.add(MarkdownText{std::string(markdown)});
}

// A rating in a table of movements: its word, "Unrated" when there is none.
std::string rating_word(const model::Rating* rating) { return rating != nullptr ? rating->label : "Unrated"; }

// The rows `status` shows of each list, so that it fits one screen whatever the register's size.
constexpr std::size_t k_status_rows = 5;

// A list on one screen: one line a row, its title cut to fit.
Table glimpse(std::vector<Column> columns) {
  columns.push_back({"Title", Align::left, true, false, CellKind::text, true});
  return Table{std::move(columns), {}};
}

// Findings at a glance: id, rating, a date (`date` of each row, under `heading`), title.
template <class Dates>
Table findings_glimpse(const std::vector<answers::FindingRow>& rows, const model::Vocabulary& vocabulary,
                       std::vector<Column> dates, Dates date) {
  std::vector<Column> columns{{"Finding"}, {rating_heading(vocabulary)}};
  columns.insert(columns.end(), dates.begin(), dates.end());
  Table table = glimpse(std::move(columns));
  for (const answers::FindingRow& row : rows) {
    std::vector<Cell>& cells = table.rows.emplace_back();
    cells.reserve(table.columns.size());
    cells.emplace_back(row.finding->id);
    cells.push_back(rating_cell(row.state, vocabulary));
    for (std::string& text : date(row)) cells.emplace_back(std::move(text));
    cells.emplace_back(row.finding->title);
  }
  return table;
}

// A list's count, its first rows, and the command that lists the rest.
void add_glimpse(Document& document, std::string heading, Table table, std::string_view when_empty,
                 const std::string& rest) {
  const std::size_t total = table.rows.size();
  document.add(Heading{2, fmt::format("{} ({})", heading, total)});
  if (total == 0) {
    document.add(Paragraph{std::string(when_empty)});
    return;
  }
  table.rows.resize(std::min(total, k_status_rows));
  document.add(std::move(table));
  if (total > k_status_rows) document.add(Paragraph{fmt::format("... and {} more: {}", total - k_status_rows, rest)});
}

}  // namespace

Document to_document(const answers::Status& v) {
  const answers::RagCounts& c = v.counts;
  Document d;
  d.add(Heading{1, fmt::format("{}: HMICFRS register as of {}", v.force, v.as_of.iso())});
  const model::Vocabulary& vocabulary = *v.vocabulary;
  d.add(Paragraph{fmt::format("{}: {}. {} closed{}. {} overdue; {} not updated for more than {} days.",
                              count_phrase(static_cast<std::size_t>(c.open()), "open finding", "open findings"),
                              open_counts(c, vocabulary), c.closed, closings_phrase(c.closings, vocabulary, false),
                              v.outstanding.overdue.size(), v.outstanding.stale.size(), v.stale_after_days)});
  const std::string attention = attention_words(vocabulary);
  std::vector<std::string> attention_ids;
  for (const model::Rating& rating : vocabulary.ratings) {
    if (rating.attention) attention_ids.push_back(rating.id);
  }
  const std::string as_of = v.as_of.iso();
  const auto due = [](const answers::FindingRow& row) { return std::vector{due_text(row)}; };
  const auto updated = [](const answers::FindingRow& row) {
    return std::vector{row.last_update_as_at ? "as at " + row.last_update->iso() : row.last_update->iso(),
                       std::to_string(*row.days_since_update)};
  };
  add_glimpse(d, sentence_case(attention),
              findings_glimpse(v.outstanding.needing_attention, vocabulary, {{"Due"}}, due),
              fmt::format("No open finding is rated {}.", attention),
              fmt::format("hmicfrs-track list --open --rag {} --as-of {}", fmt::join(attention_ids, ","), as_of));
  add_glimpse(d, "Overdue", findings_glimpse(v.outstanding.overdue, vocabulary, {{"Due"}}, due),
              "No open finding is past its due date.", fmt::format("hmicfrs-track list --overdue --as-of {}", as_of));
  add_glimpse(
      d, "Stale", findings_glimpse(v.outstanding.stale, vocabulary, {{"Last update"}, {"Days", Align::right}}, updated),
      "Every open finding has been updated recently.", fmt::format("hmicfrs-track list --stale --as-of {}", as_of));
  Table upcoming = glimpse({{"Inspection"}, {"Fieldwork"}});
  for (const model::Inspection* inspection : v.upcoming) {
    upcoming.add_row(inspection->id, inspection->fieldwork ? when(*inspection->fieldwork, v.as_of) : "",
                     inspection->title);
  }
  add_glimpse(d, "Upcoming inspections", std::move(upcoming), "No inspection is notified and not yet started.",
              fmt::format("hmicfrs-track inspections --upcoming --as-of {}", as_of));
  if (v.tracks_responses) {
    Table responses = glimpse({{"Inspection"}, {"Response"}});
    for (const answers::ResponseState& response : v.responses) {
      responses.add_row(response.inspection->id, response_text(response, DateStyle::iso), response.inspection->title);
    }
    add_glimpse(d, "Responses to reports", std::move(responses),
                fmt::format("No response to a report is overdue or due within {} days.", answers::k_responses_ahead),
                fmt::format("hmicfrs-track inspections --as-of {}", as_of));
  }
  if (v.monitoring && v.monitoring->current != nullptr) {
    const model::MonitoringChange& current = *v.monitoring->current;
    d.add(Heading{2, "Monitoring"});
    d.add(
        Paragraph{fmt::format("{} ({}) since {}.", label(current.phase), meaning(current.phase), current.date.iso())});
  }
  return d;
}

namespace {

// `list --actions`: every action of the findings listed, each with its finding.
Table action_list_table(const answers::FindingList& v) {
  std::vector<answers::ActionState> actions;
  std::vector<const answers::FindingRow*> findings;
  for (const answers::FindingRow& row : v.rows) {
    for (const answers::ActionState& action : row.actions) {
      actions.push_back(action);
      findings.push_back(&row);
    }
  }
  return actions_table(actions, DateStyle::iso, true, findings);
}

}  // namespace

Table to_table(const answers::FindingList& v) {
  return v.actions ? action_list_table(v) : findings_table(v.rows, *v.vocabulary);
}

Document to_document(const answers::FindingList& v) {
  Document d;
  if (v.actions) {
    Table table = action_list_table(v);
    const std::size_t n = table.rows.size();
    if (n == 0) return d.add(Paragraph{fmt::format("No finding that matches has actions, as of {}.", v.as_of.iso())});
    d.add(std::move(table));
    return d.add(Paragraph{fmt::format("{} as of {}.", count_phrase(n, "action", "actions"), v.as_of.iso())});
  }
  if (v.rows.empty()) return d.add(Paragraph{fmt::format("No finding matches, as of {}.", v.as_of.iso())});
  d.add(to_table(v));
  const auto repeats = std::count_if(v.rows.begin(), v.rows.end(),
                                     [](const answers::FindingRow& row) { return row.state.tracked_as != nullptr; });
  d.add(Paragraph{fmt::format("{} as of {}{}.", count_phrase(v.rows.size(), "finding", "findings"), v.as_of.iso(),
                              repeats == 0
                                  ? ""
                                  : fmt::format("; {} an earlier finding, with whose state {} shown",
                                                count_phrase(static_cast<std::size_t>(repeats), "repeats", "repeat"),
                                                repeats == 1 ? "it is" : "they are"))});
  return d;
}

std::vector<Sheet> to_sheets(const answers::FindingList& v) {
  if (v.actions) return {{"Actions", action_list_table(v)}};
  return {{"Findings", register_table(v.rows, *v.vocabulary, DateStyle::iso, v.has_actions)}};
}

PrintedPage printed_page(const answers::FindingList& v) { return printed_page(v.force, "HMICFRS findings", v.as_of); }

PrintedPage printed_page(const answers::RagBreakdown& v) { return printed_page(v.force, "HMICFRS findings", v.as_of); }

// The groups' heading: what the register calls them, else the grouping's usual name.
std::string group_heading(const answers::RagBreakdown& v) {
  return v.heading.empty() ? std::string(label(v.grouping)) : std::string(v.heading);
}

std::vector<Sheet> to_sheets(const answers::RagBreakdown& v) {
  return {{"By " + in_prose(group_heading(v)), to_table(v)}};
}

Table to_table(const answers::RagBreakdown& v) {
  if (v.grouping == answers::Grouping::report) return report_table(v.groups, v.total);
  return rag_table(group_heading(v), v.groups, v.total, *v.vocabulary);
}

Document to_document(const answers::RagBreakdown& v) {
  Document d;
  d.add(Heading{
      1, fmt::format("Findings by {} as of {}", v.vocabulary->customised ? "rating" : "RAG rating", v.as_of.iso())});
  return d.add(to_table(v));
}

Document to_document(const answers::FindingDetail& v) {
  const model::Finding& f = *v.row.finding;
  Document d;
  d.add(Heading{1, fmt::format("{}: {}", f.id, f.title)});
  d.add(finding_fields(v));
  add_markdown(d, "Text", f.text);
  add_section(d, "History", history_table(v.history, *v.vocabulary), "No history recorded by this date.");
  if (!v.row.actions.empty()) {
    d.add(Heading{2, fmt::format("Actions ({})", v.row.actions.size())});
    d.add(
        Paragraph{fmt::format("Actions complete: {} (the mean of each action's progress, a closed one counting "
                              "100%).",
                              percent_text(*v.row.actions_complete))});
    d.add(actions_table(v.row.actions, DateStyle::iso));
  }
  if (const auto links = link_items(v.links); !links.empty()) {
    d.add(Heading{2, "Links"});
    d.add(BulletList{links});
  }
  return d;
}

Document to_document(const answers::InspectionDetail& v) {
  const model::Inspection& i = *v.inspection;
  Document d;
  d.add(Heading{1, fmt::format("{}: {}", i.id, i.title)});
  Fields fields = inspection_fields(i, v.as_of);
  if (i.counts) fields.items.push_back({"Findings stated", stated_findings(*i.counts, v.continuing_from, false)});
  if (v.response) {
    fields.items.push_back({"Commissioner's response", response_text(*v.response, DateStyle::words)});
    if (!v.response->url.empty()) fields.items.push_back({"Response at", std::string(v.response->url)});
    if (!v.response->note.empty()) fields.items.push_back({"Response note", std::string(v.response->note)});
  }
  d.add(std::move(fields));
  add_markdown(d, "Summary", i.summary);
  if (i.gradings) {
    Table grades{{{"Area", Align::left, true}, {"Grade"}, {"Carried over from", Align::left, false, true}}, {}};
    for (const answers::AreaGrade& g : v.grades) {
      grades.add_row(g.area, std::string(label(g.grade)), g.carried_over_from);
    }
    add_section(d, fmt::format("Grades, {}", v.cycle), std::move(grades), "No grades recorded.");
  }
  add_section(d, "Findings", findings_table(v.rows, *v.vocabulary), "No finding recorded by this date.");
  return d;
}

Table to_table(const answers::PeelGrades& v) { return v.table ? grade_table(*v.table) : Table{}; }

Document to_document(const answers::PeelGrades& v) {
  Document d;
  if (!v.table) {
    return d.add(Paragraph{fmt::format("No PEEL assessment{} was published by {}.",
                                       v.cycle != nullptr ? " in " + v.cycle->name : std::string(), v.as_of.iso())});
  }
  const model::Inspection& inspection = *v.table->assessment.inspection;
  const model::PeelCycle& cycle = *v.table->assessment.cycle;
  d.add(Heading{1, fmt::format("{}: {}", cycle.name, inspection.title)});
  const std::string published =
      v.table->reports.size() > 1
          ? fmt::format("in {} reports, the last {}", v.table->reports.size(), on_date(*inspection.published))
          : on_date(*inspection.published);
  d.add(Paragraph{fmt::format("Published {}. {} graded on the {} scale; {} not graded.", published,
                              count_phrase(v.table->graded, "area", "areas"), model::name_of(cycle.scale),
                              v.table->not_graded.size())});
  d.add(to_table(v));
  if (const auto kept = carried_over(*v.table); !kept.empty()) {
    d.add(Heading{2, "Carried over"});
    d.add(BulletList{kept});
  }
  if (!v.table->not_graded.empty()) {
    std::vector<std::string> items;
    for (const answers::GradedArea& a : v.table->not_graded) items.push_back(a.area->long_label);
    d.add(Heading{2, "Not graded"});
    d.add(BulletList{items});
  }
  if (!v.table->not_recorded.empty()) {
    std::vector<std::string> items;
    for (const model::PeelArea* a : v.table->not_recorded) items.push_back(a->long_label);
    d.add(Heading{2, "No judgement recorded"});
    d.add(
        Paragraph{fmt::format("{} no judgement of these areas of {}: the inspectorate did not inspect them "
                              "in the force, or the register does not hold them yet.",
                              v.table->reports.size() == 1 ? "The report names" : "The reports name", cycle.name)});
    d.add(BulletList{items});
  }
  return d;
}

Table to_table(const answers::PeelComparison& c) {
  Table table{{{"Area", Align::left, true}, {c.first.cycle->name}, {c.second.cycle->name}}, {}};
  for (const answers::AreaComparison& a : c.areas) {
    table.add_row(a.label, a.first ? std::string(label(*a.first)) : "-",
                  a.second ? std::string(label(*a.second)) : "-");
  }
  return table;
}

Document to_document(const answers::PeelComparison& c) {
  Document d;
  d.add(Heading{1, fmt::format("{} compared with {}", c.first.cycle->name, c.second.cycle->name)});
  if (c.cycles_differ) d.add(Paragraph{comparison_warning(c)});
  return d.add(to_table(c));
}

Table to_table(const answers::PeelAreas& v) {
  Table table{{{"Cycle"}, {"Area id"}, {"Short label", Align::left, true}, {"Pillar"}, {"Graded"}}, {}};
  for (const model::PeelCycle* cycle : v.cycles) {
    for (const model::PeelArea& area : cycle->areas) {
      table.add_row(cycle->id, area.id, area.short_label, area.pillar, area.graded ? "yes" : "no");
    }
  }
  return table;
}

Document to_document(const answers::PeelAreas& v) {
  Document d;
  d.add(Heading{1, "PEEL areas: the ids a register's gradings use"});
  for (const model::PeelCycle* cycle : v.cycles) {
    d.add(Heading{2, fmt::format("{} ({}, {} scale)", cycle->name, cycle->id, model::name_of(cycle->scale))});
    if (!cycle->note.empty()) d.add(Paragraph{cycle->note});
    if (!cycle->areas_confirmed) {
      d.add(Paragraph{"The list below is not confirmed: add the cycle's other areas in peel-frameworks/."});
    }
    Table table{{{"Area id"}, {"Short label", Align::left, true}, {"Graded"}}, {}};
    for (const model::PeelArea& area : cycle->areas) {
      table.add_row(area.id, area.short_label, area.graded ? "yes" : "no");
    }
    d.add(std::move(table));
    if (!cycle->source.empty()) d.add(Paragraph{fmt::format("Source: {}", cycle->source)});
  }
  return d;
}

Table to_table(const answers::Calendar& v) {
  Table table = calendar_table(v.inspections, v.window.until);
  // A register that tracks responses has a column for them, before the title.
  if (!v.responses.empty()) {
    table.columns.insert(table.columns.end() - 1, Column{"Response", Align::left, true, true});
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      const auto& response = v.responses[i];
      table.rows[i].insert(table.rows[i].end() - 1,
                           Cell(response ? response_text(*response, DateStyle::iso) : std::string()));
    }
  }
  return table;
}

Document to_document(const answers::Calendar& v) {
  Document d;
  switch (v.scope) {
    case answers::CalendarScope::upcoming:
      d.add(Heading{1, fmt::format("Inspections not yet started as of {}", v.window.until.iso())});
      break;
    case answers::CalendarScope::active:
      d.add(Heading{1, fmt::format("Inspection activity {}", window_text(v.window))});
      break;
    case answers::CalendarScope::all:
      d.add(Heading{1, fmt::format("Inspections known as of {}", v.window.until.iso())});
      break;
  }
  if (v.inspections.empty()) return d.add(Paragraph{"None."});
  return d.add(to_table(v));
}

Table to_table(const answers::Movement& v) {
  Table table{{{"Change"}, {"Finding"}, {"From"}, {"To"}, {"Title", Align::left, true}}, {}};
  for (const answers::FindingChange& c : v.changes) {
    const std::string_view title = c.finding->title;
    const model::Vocabulary& vocabulary = *v.vocabulary;
    if (c.added) table.add_row("new", c.finding->id, "", rating_cell(c.after, vocabulary), title);
    if (c.rag_moved) {
      table.add_row("rag", c.finding->id, rating_cell(c.before, vocabulary), rating_cell(c.after, vocabulary), title);
    }
    if (c.status_changed) {
      table.add_row(c.closed ? "closed" : "status", c.finding->id, vocabulary.label(c.before.status),
                    vocabulary.label(c.after.status), title);
    }
    if (c.allocated)
      table.add_row("allocated", c.finding->id, std::string(c.before.owner), std::string(c.after.owner), title);
    if (c.target_moved) {
      table.add_row("target", c.finding->id, c.before.due->iso(), c.after.due ? c.after.due->iso() : "", title);
    }
  }
  return table;
}

Document to_document(const answers::Movement& v) {
  Document d;
  d.add(Heading{1, fmt::format("Changes {}", window_text(v.window))});
  std::vector<std::string> moves;
  for (const answers::RagMove& m : v.rag_moves) {
    moves.push_back(fmt::format("{} {} → {}", m.count, rating_word(m.from), rating_word(m.to)));
  }
  const model::Vocabulary& vocabulary = *v.vocabulary;
  const std::string rag = rating_heading(vocabulary);
  Table added{{{"Finding"}, {"Type"}, {rag}, {"Title", Align::left, true}}, {}};
  Table moved{{{"Finding"}, {"From"}, {"To"}, {"Title", Align::left, true}}, {}};
  Table status = moved;
  Table allocated{{{"Finding"}, {"Owner", Align::left, true}, {"Title", Align::left, true}}, {}};
  Table targets{{{"Finding"}, {"From"}, {"To"}, {"Why", Align::left, true}}, {}};
  for (const std::size_t at : v.added) {
    const answers::FindingChange& c = v.changes[at];
    added.add_row(c.finding->id, std::string(label(c.finding->type)), rating_cell(c.after, vocabulary), c.finding->title);
  }
  for (const std::size_t at : v.rag_moved) {
    const answers::FindingChange& c = v.changes[at];
    moved.add_row(c.finding->id, rating_cell(c.before, vocabulary), rating_cell(c.after, vocabulary), c.finding->title);
  }
  for (const std::size_t at : v.status_changed) {
    const answers::FindingChange& c = v.changes[at];
    status.add_row(c.finding->id, vocabulary.label(c.before.status), vocabulary.label(c.after.status),
                   c.finding->title);
  }
  for (const std::size_t at : v.allocated) {
    const answers::FindingChange& c = v.changes[at];
    allocated.add_row(c.finding->id, std::string(c.after.owner), c.finding->title);
  }
  for (const std::size_t at : v.targets_moved) targets.rows.push_back(target_row(v.changes[at]));
  d.add(Paragraph{fmt::format("{}; {}{}; {} closed, superseded or no longer monitored{}.",
                              count_phrase(v.added.size(), "new finding", "new findings"),
                              count_phrase(v.rag_moved.size(), rag + " movement", rag + " movements"),
                              moves.empty() ? "" : fmt::format(" ({})", fmt::join(moves, ", ")), v.closed.size(),
                              closings_phrase(v.closings, vocabulary, false))});
  if (const std::string as_at = as_at_sentence(v.recorded_as_at, DateStyle::iso); !as_at.empty()) {
    d.add(Paragraph{as_at});
  }
  add_section(d, "New findings", std::move(added), "No finding was added.");
  add_section(d, rag + " movements", std::move(moved), "No open finding changed its rating.");
  add_section(d, "Status changes", std::move(status), "No finding changed its status.");
  // Said only when they happen: most registers allocate every finding as it is recorded, and keep their targets.
  if (!allocated.rows.empty()) add_section(d, "Allocated", std::move(allocated), "");
  if (!targets.rows.empty()) add_section(d, "Targets moved", std::move(targets), "");
  return d;
}

Table to_table(const answers::Committees& v) {
  Table table{{{"Meeting"}, {"Date"}, {"Agenda item"}, {"Cut-off"}, {"Window", Align::left, true}}, {}};
  for (const answers::MeetingWindow& m : v.meetings) {
    table.add_row(m.meeting->id, m.meeting->date.iso(), m.meeting->agenda_item, m.meeting->cut_off().iso(),
                  window_text(m.window));
  }
  return table;
}

Document to_document(const answers::Committees& v) {
  Document d;
  d.add(Heading{1, "Committee meetings"});
  if (v.meetings.empty()) return d.add(Paragraph{"committees.yaml lists no meeting."});
  return d.add(to_table(v));
}

}  // namespace hmicfrs::render
