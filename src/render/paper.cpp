#include <hmicfrs/render/paper.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <hmicfrs/render/labels.hpp>

#include "json_views.hpp"

namespace hmicfrs::render {
namespace {

constexpr std::string_view k_default_purpose =
    "To give members of the Committee oversight of HMICFRS inspection activity and of the force's progress against "
    "the inspectorate's recommendations.";
constexpr std::string_view k_default_decision = "The Committee is asked to note the contents of this report.";

// The paper's numbered sections, as the seed papers number them.
constexpr std::array<std::pair<model::Section, std::string_view>, 8> k_sections{{
    {model::Section::purpose, "Purpose of report"},
    {model::Section::peel, "PEEL inspection"},
    {model::Section::activity, "Inspection activity since the last committee"},
    {model::Section::notified, "Inspections notified"},
    {model::Section::published, "Reports published since the last committee"},
    {model::Section::tracker, "Recommendation tracker"},
    {model::Section::red, "Outstanding findings assessed red"},
    {model::Section::decision, "Recommendation to the Committee"},
}};

Tone tone_of(const query::FindingState& state) {
  if (!model::is_open(state.status) || !state.rag) return Tone::plain;
  return *state.rag == model::Rag::red ? Tone::red : *state.rag == model::Rag::amber ? Tone::amber : Tone::green;
}

// "has been" or "have been" after a count.
std::string_view have(std::size_t n) { return n == 1 ? "has" : "have"; }

class PaperBuilder {
 public:
  explicit PaperBuilder(const query::Paper& paper)
      : m_paper(paper), m_config(paper.dataset->config), m_meeting(*paper.meeting) {}

  Document build() {
    heading();
    purpose();
    peel();
    activity();
    notified();
    published();
    tracker();
    red();
    decision();
    return std::move(m_document);
  }

 private:
  void section(model::Section which) {
    const auto index = static_cast<std::size_t>(which);
    m_document.add(Heading{2, std::string(k_sections[index].second), fmt::format("{}.", index + 1)});
  }

  // The meeting's own words for a section, when it has some.
  void note(model::Section which) {
    const auto it = m_meeting.notes.find(which);
    if (it != m_meeting.notes.end()) m_document.add(MarkdownText{it->second});
  }

  void say(std::string text) { m_document.add(Paragraph{std::move(text)}); }

  Table findings_table(const std::vector<query::FindingRow>& rows, bool with_type) {
    Table table{{{"Finding", Align::left, true}}, {}};
    if (with_type) table.columns.push_back({"Type"});
    for (Column column :
         std::initializer_list<Column>{{"RAG"}, {"Title", Align::left, true}, {"Owner", Align::left, true}, {"Due"}}) {
      table.columns.push_back(std::move(column));
    }
    for (const query::FindingRow& row : rows) {
      std::vector<Cell> cells{row.finding->id};
      if (with_type) cells.emplace_back(std::string(label(row.finding->type)));
      cells.emplace_back(rating(row.state.rag, row.state.status), tone_of(row.state));
      cells.emplace_back(row.finding->title);
      cells.emplace_back(row.state.owner);
      cells.emplace_back(row.state.due ? row.state.due->iso() + (row.overdue ? " overdue" : "") : "");
      table.rows.push_back(std::move(cells));
    }
    return table;
  }

  std::string counts_sentence(const query::RagCounts& c) const {
    std::vector<std::string> open;
    for (const auto& [n, name] :
         {std::pair{c.red, "red"}, {c.amber, "amber"}, {c.green, "green"}, {c.unrated, "not yet rated"}}) {
      if (n > 0) open.push_back(fmt::format("{} {}", spelled(static_cast<std::size_t>(n)), name));
    }
    return fmt::format("{} open{} and {} closed", spelled_or_none(static_cast<std::size_t>(c.open())),
                       open.empty() ? "" : fmt::format(" ({})", fmt::join(open, ", ")),
                       spelled_or_none(static_cast<std::size_t>(c.closed)));
  }

  void heading() {
    m_document.add(Heading{1, m_config.paper_title});
    Fields fields;
    fields.items.push_back({"Committee", m_config.committee_name});
    fields.items.push_back({"Meeting", long_date(m_meeting.date)});
    if (!m_meeting.agenda_item.empty()) fields.items.push_back({"Agenda item", m_meeting.agenda_item});
    fields.items.push_back({"Force", m_config.force_name});
    fields.items.push_back({"Information as of", long_date(m_paper.as_of())});
    m_document.add(std::move(fields));
  }

  void purpose() {
    section(model::Section::purpose);
    say(m_config.purpose.empty() ? std::string(k_default_purpose) : m_config.purpose);
    note(model::Section::purpose);
  }

  void peel() {
    section(model::Section::peel);
    note(model::Section::peel);
    if (!m_paper.peel) {
      say(fmt::format("No PEEL assessment of {} had been published by {}.", m_config.force_name,
                      long_date(m_paper.as_of())));
      return;
    }
    const query::PeelTable& table = *m_paper.peel;
    const model::Inspection& inspection = *table.assessment.inspection;
    const model::PeelCycle& cycle = *table.assessment.cycle;
    const std::size_t graded = table.graded_count();
    std::string text = fmt::format(
        "The latest PEEL assessment, {}, was published {}. It looked at {} of policing and made "
        "graded judgements in {}",
        cycle.name, on_date(*inspection.published), spelled_count(graded + table.not_graded.size(), "area", "areas"),
        spelled(graded));
    if (!table.not_graded.empty()) {
      std::vector<std::string> names;
      for (const query::GradedArea& a : table.not_graded) names.push_back(in_prose(a.area->long_label));
      text += fmt::format("; it makes no graded judgement on {}", util_join_and(names));
    }
    say(text + ".");
    if (const auto& earlier = m_paper.earlier_peel_on_other_scale) {
      say(
          fmt::format("{} grades on a {} scale and {} used a {} one: the inspectorate says grades on different scales "
                      "cannot be compared directly.",
                      cycle.name, scale_words(cycle.scale), earlier->cycle->name, scale_words(earlier->cycle->scale)));
    }
    m_document.add(grade_table(table));
    for (const auto& [grade, areas] : table.columns) {
      for (const query::GradedArea& area : areas) narrative(area);
    }
    for (const query::GradedArea& area : table.not_graded) narrative(area);

    m_document.add(Heading{3, "Progress on the report's findings"});
    if (m_paper.peel_findings.empty()) {
      say("The register holds no finding from this report.");
      return;
    }
    say(fmt::format("Of the report's {}: {}.", spelled_count(m_paper.peel_findings.size(), "finding", "findings"),
                    counts_sentence(query::rag_total(m_paper.peel_findings))));
    m_document.add(findings_table(m_paper.peel_findings, true));
  }

  static std::string_view scale_words(model::Scale scale) {
    return scale == model::Scale::five_point ? "five-point" : "four-point";
  }

  static std::string util_join_and(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
      out += items[i];
    }
    return out;
  }

  static Table grade_table(const query::PeelTable& table) {
    Table out;
    std::size_t height = 0;
    for (const auto& [grade, areas] : table.columns) {
      out.columns.push_back({std::string(label(grade)), Align::left, true});
      height = std::max(height, areas.size());
    }
    for (std::size_t r = 0; r < height; ++r) {
      std::vector<Cell> row;
      for (const auto& [grade, areas] : table.columns)
        row.emplace_back(r < areas.size() ? areas[r].area->short_label : "");
      out.rows.push_back(std::move(row));
    }
    return out;
  }

  void narrative(const query::GradedArea& area) {
    if (area.narrative.empty()) return;
    m_document.add(Heading{3, fmt::format("{}: {}", area.area->long_label, label(area.grade))});
    m_document.add(MarkdownText{area.narrative});
  }

  // One inspection's particulars, for sections 3 and 5.
  void particulars(const model::Inspection& inspection, bool with_fieldwork) {
    Fields fields;
    fields.items.push_back({"Type", std::string(label(inspection.type))});
    if (!inspection.inspectorates.empty()) {
      fields.items.push_back({"Inspectorates", fmt::format("{}", fmt::join(inspection.inspectorates, ", "))});
    }
    if (inspection.involvement != model::Involvement::inspected) {
      fields.items.push_back({"Involvement", std::string(label(inspection.involvement))});
    }
    if (with_fieldwork && inspection.fieldwork) {
      fields.items.push_back({"Fieldwork", fieldwork_phrase(*inspection.fieldwork, m_paper.as_of())});
    }
    if (inspection.published) {
      fields.items.push_back(
          {"Published", fieldwork_phrase(model::Period{*inspection.published, {}}, m_paper.as_of())});
    }
    m_document.add(std::move(fields));
  }

  void activity() {
    section(model::Section::activity);
    note(model::Section::activity);
    const auto& list = m_paper.activity;
    if (list.empty()) {
      say("No inspection fieldwork has taken place in the force since the last committee.");
      return;
    }
    say(fmt::format("Since the last committee, {} {} taken place in the force:",
                    spelled_count(list.size(), "inspection", "inspections"), have(list.size())));
    for (std::size_t i = 0; i < list.size(); ++i) {
      const model::Inspection& inspection = *list[i];
      m_document.add(Heading{3, inspection.title, fmt::format("{}.{}.", 3, i + 1)});
      particulars(inspection, true);
      if (!inspection.other_forces.empty()) {
        say(fmt::format("Other forces involved: {}.", fmt::join(inspection.other_forces, "; ")));
      }
    }
  }

  void notified() {
    section(model::Section::notified);
    note(model::Section::notified);
    const auto& list = m_paper.notified;
    if (list.empty()) {
      say("No further inspection has been notified.");
      return;
    }
    say(fmt::format("The force has been notified of {}:", spelled_count(list.size(), "inspection", "inspections")));
    Table table{{{"Inspection", Align::left, true}, {"Type", Align::left, true}, {"When", Align::left, true}}, {}};
    for (const model::Inspection* inspection : list) {
      table.rows.push_back(
          {inspection->title, std::string(label(inspection->type)),
           inspection->fieldwork ? fieldwork_phrase(*inspection->fieldwork, m_paper.as_of()) : "Date to be confirmed"});
    }
    m_document.add(std::move(table));
  }

  void published() {
    section(model::Section::published);
    note(model::Section::published);
    const auto& reports = m_paper.published;
    const auto& peel_reports = m_paper.published_peel;
    const std::size_t count = reports.size() + peel_reports.size();
    if (count == 0) {
      say("No HMICFRS report concerning the force has been published since the last committee.");
      return;
    }
    say(fmt::format("Since the last committee, {} {} been published:", spelled_count(count, "report", "reports"),
                    have(count)));
    std::vector<std::string> items;
    for (const model::Inspection* inspection : peel_reports) {
      items.push_back(
          fmt::format("{}, published {} (see section 2)", inspection->title, on_date(*inspection->published)));
    }
    for (const model::Inspection* inspection : reports) {
      items.push_back(fmt::format("{}, published {}", inspection->title, on_date(*inspection->published)));
    }
    m_document.add(BulletList{items});
    for (std::size_t i = 0; i < reports.size(); ++i) report(*reports[i], i + 1);
  }

  void report(const model::Inspection& inspection, std::size_t number) {
    m_document.add(Heading{3, inspection.title, fmt::format("5.{}.", number)});
    particulars(inspection, false);
    if (!inspection.summary.empty()) m_document.add(MarkdownText{inspection.summary});
    std::vector<query::FindingRow> rows;
    for (const query::FindingRow& row : m_paper.rows) {
      if (row.inspection == &inspection) rows.push_back(row);
    }
    if (rows.empty()) {
      say("The register holds no finding from this report.");
      return;
    }
    const bool national = std::all_of(rows.begin(), rows.end(), [](const query::FindingRow& r) {
      return r.finding->scope == model::Scope::all_forces;
    });
    say(fmt::format("The register holds {} from this report{}; each has an owner and is tracked with the others:",
                    spelled_count(rows.size(), "finding", "findings"), national ? ", made to all forces" : ""));
    Table table{{{"Ref"},
                 {"Type"},
                 {"Title", Align::left, true},
                 {"Owner", Align::left, true},
                 {"Portfolio", Align::left, true}},
                {}};
    for (const query::FindingRow& row : rows) {
      const model::Portfolio* portfolio = m_config.find_portfolio(row.finding->portfolio.value);
      table.rows.push_back({row.finding->ref, std::string(label(row.finding->type)), row.finding->title,
                            row.state.owner, portfolio != nullptr ? portfolio->name : ""});
    }
    m_document.add(std::move(table));
  }

  void tracker() {
    section(model::Section::tracker);
    note(model::Section::tracker);
    const query::RagCounts& total = m_paper.total;
    say(fmt::format("As of {} the register holds {}: {}.", long_date(m_paper.as_of()),
                    spelled_count(static_cast<std::size_t>(total.total()), "finding", "findings"),
                    counts_sentence(total)));
    RagChart chart{"Open findings by portfolio and RAG rating", {}};
    std::vector<std::pair<std::string, query::RagCounts>> groups;
    for (const query::RagGroup& group : m_paper.by_portfolio) {
      groups.emplace_back(group.label, group.counts);
      chart.bars.push_back(
          {group.label, group.counts.red, group.counts.amber, group.counts.green, group.counts.unrated});
    }
    Table counts = rag_table("Portfolio", groups, total);
    m_document.add(std::move(counts));
    m_document.add(std::move(chart));

    movement();

    m_document.add(Heading{3, "Overdue"});
    if (m_paper.overdue.empty()) {
      say("No open finding is past its due date.");
    } else {
      say(fmt::format("{} past {} due date:",
                      sentence_case(spelled_count(m_paper.overdue.size(), "open finding is", "open findings are")),
                      m_paper.overdue.size() == 1 ? "its" : "their"));
      m_document.add(findings_table(m_paper.overdue, false));
    }
    m_document.add(Heading{3, fmt::format("Not updated for more than {} days", m_config.stale_after_days)});
    if (m_paper.stale.empty()) {
      say("Every open finding has been updated recently.");
    } else {
      Table table{
          {{"Finding", Align::left, true}, {"Title", Align::left, true}, {"Owner", Align::left, true}, {"Last update"}},
          {}};
      for (const query::FindingRow& r : m_paper.stale) {
        table.rows.push_back({r.finding->id, r.finding->title, r.state.owner, r.last_update->iso()});
      }
      m_document.add(std::move(table));
    }
  }

  void movement() {
    m_document.add(Heading{3, "Movement since the last committee"});
    std::size_t added = 0;
    std::size_t closed = 0;
    Table moves{{{"Finding", Align::left, true}, {"From"}, {"To"}, {"Title", Align::left, true}}, {}};
    Table closures{{{"Finding", Align::left, true}, {"Now"}, {"Title", Align::left, true}}, {}};
    for (const query::FindingChange& c : m_paper.changes) {
      added += c.is_new() ? 1 : 0;
      if (c.rag_moved()) {
        moves.rows.push_back({c.finding->id, Cell(rating(c.before.rag, c.before.status), tone_of(c.before)),
                              Cell(rating(c.after.rag, c.after.status), tone_of(c.after)), c.finding->title});
      }
      if (c.closed()) {
        ++closed;
        closures.rows.push_back({c.finding->id, std::string(label(c.after.status)), c.finding->title});
      }
    }
    std::vector<std::string> summary;
    for (const query::RagMove& m : query::rag_moves(m_paper.changes)) {
      summary.push_back(fmt::format("{} {} → {}", spelled(static_cast<std::size_t>(m.count)),
                                    m.from ? fmt::format("{}", model::name_of(*m.from)) : "unrated",
                                    m.to ? fmt::format("{}", model::name_of(*m.to)) : "unrated"));
    }
    say(fmt::format("Since the last committee: {} added; {}{}; {} closed, superseded or no longer monitored.",
                    spelled_count(added, "finding", "findings"),
                    spelled_count(moves.rows.size(), "rating changed", "ratings changed"),
                    summary.empty() ? "" : fmt::format(" ({})", fmt::join(summary, ", ")), spelled_or_none(closed)));
    if (!moves.rows.empty()) m_document.add(std::move(moves));
    m_document.add(Heading{3, "Closed since the last committee"});
    if (closures.rows.empty()) {
      say("No finding was closed, superseded or taken out of monitoring since the last committee.");
    } else {
      m_document.add(std::move(closures));
    }
  }

  void red() {
    section(model::Section::red);
    note(model::Section::red);
    if (m_paper.red.empty()) {
      say("No outstanding finding is assessed red.");
      return;
    }
    say(fmt::format("{} assessed red:", sentence_case(spelled_count(m_paper.red.size(), "outstanding finding is",
                                                                    "outstanding findings are"))));
    for (std::size_t i = 0; i < m_paper.red.size(); ++i) {
      const query::FindingRow& row = m_paper.red[i];
      m_document.add(
          Heading{3, fmt::format("{}: {}", row.finding->id, row.finding->title), fmt::format("7.{}.", i + 1)});
      Fields fields;
      fields.items.push_back({"Report", row.inspection->title});
      fields.items.push_back({"Type", std::string(label(row.finding->type))});
      if (!row.state.owner.empty()) fields.items.push_back({"Owner", row.state.owner});
      if (const model::Portfolio* p = m_config.find_portfolio(row.finding->portfolio.value)) {
        fields.items.push_back({"Portfolio", p->name});
      }
      if (row.state.due) fields.items.push_back({"Due", long_date(*row.state.due) + (row.overdue ? " (overdue)" : "")});
      if (const model::HistoryEntry* latest = row.state.latest) {
        fields.items.push_back({"Latest update", latest->note.empty()
                                                     ? long_date(latest->date)
                                                     : fmt::format("{}: {}", long_date(latest->date), latest->note)});
      }
      m_document.add(std::move(fields));
      if (!row.finding->text.empty()) m_document.add(MarkdownText{row.finding->text});
    }
  }

  void decision() {
    section(model::Section::decision);
    say("This report is submitted for the information of the Committee.");
    say(m_config.decision.empty() ? std::string(k_default_decision) : m_config.decision);
    note(model::Section::decision);

    m_document.add(Heading{3, "Contact officer"});
    const model::Contact& contact = m_meeting.contact ? *m_meeting.contact : m_config.contact;
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

  const query::Paper& m_paper;
  const model::Config& m_config;
  const model::Meeting& m_meeting;
  Document m_document;
};

Json paper_json(const query::Paper& paper) {
  const model::Config& config = paper.dataset->config;
  const model::Meeting& meeting = *paper.meeting;
  Json notes = Json::object();
  for (const auto& [section, text] : meeting.notes) notes[std::string(model::name_of(section))] = text;

  Json peel = nullptr;
  if (paper.peel) {
    Json grades = Json::array();
    for (const auto& [grade, areas] : paper.peel->columns) {
      Json list = Json::array();
      for (const query::GradedArea& a : areas) list.push_back(graded_area_json(a));
      grades.push_back(Json{{"grade", model::name_of(grade)}, {"areas", list}});
    }
    Json not_graded = Json::array();
    for (const query::GradedArea& a : paper.peel->not_graded) not_graded.push_back(graded_area_json(a));
    peel =
        Json{{"assessment", assessment_json(paper.peel->assessment)},
             {"grades", grades},
             {"not_graded", not_graded},
             {"earlier_on_other_scale",
              paper.earlier_peel_on_other_scale ? assessment_json(*paper.earlier_peel_on_other_scale) : Json(nullptr)},
             {"findings_counts", counts_json(query::rag_total(paper.peel_findings))},
             {"findings", findings_json(paper.peel_findings)}};
  }

  Json published = Json::array();
  for (const model::Inspection* inspection : paper.published) {
    Json item = inspection_summary(*inspection);
    item["summary"] = inspection->summary;
    std::vector<query::FindingRow> rows;
    std::copy_if(paper.rows.begin(), paper.rows.end(), std::back_inserter(rows),
                 [&](const query::FindingRow& r) { return r.inspection == inspection; });
    item["findings"] = findings_json(rows);
    published.push_back(std::move(item));
  }

  Json groups = Json::array();
  for (const query::RagGroup& g : paper.by_portfolio) {
    Json group{{"key", g.key}, {"label", g.label}};
    group.update(counts_json(g.counts));
    groups.push_back(std::move(group));
  }
  Json moves = Json::array();
  for (const query::RagMove& m : query::rag_moves(paper.changes)) {
    moves.push_back(Json{{"from", name_json(m.from)}, {"to", name_json(m.to)}, {"count", m.count}});
  }
  Json added = Json::array(), closed = Json::array();
  for (const query::FindingChange& c : paper.changes) {
    if (c.is_new()) added.push_back(c.finding->id);
    if (c.closed()) closed.push_back(Json{{"id", c.finding->id}, {"status", model::name_of(c.after.status)}});
  }

  Json red = Json::array();
  for (const query::FindingRow& row : paper.red) {
    Json item = finding_summary(row);
    item["text"] = row.finding->text;
    item["latest_note"] = row.state.latest ? Json(row.state.latest->note) : Json(nullptr);
    red.push_back(std::move(item));
  }
  Json background = Json::array();
  for (const model::Inspection* inspection : paper.background) {
    background.push_back(Json{{"id", inspection->id},
                              {"title", inspection->title},
                              {"published", inspection->published->iso()},
                              {"url", inspection->url.empty() ? Json(nullptr) : Json(inspection->url)}});
  }
  const model::Contact& contact = meeting.contact ? *meeting.contact : config.contact;
  return Json{
      {"title", config.paper_title},
      {"committee", config.committee_name},
      {"force", config.force_name},
      {"meeting", Json{{"id", meeting.id},
                       {"date", meeting.date.iso()},
                       {"agenda_item", meeting.agenda_item},
                       {"cut_off", meeting.cut_off().iso()}}},
      {"as_of", paper.as_of().iso()},
      {"window", window_json(paper.window)},
      {"purpose", config.purpose.empty() ? std::string(k_default_purpose) : config.purpose},
      {"notes", notes},
      {"peel", peel},
      {"activity", inspections_array(paper.activity)},
      {"notified", inspections_array(paper.notified)},
      {"published", published},
      {"published_peel", inspections_array(paper.published_peel)},
      {"tracker", Json{{"groups", groups},
                       {"total", counts_json(paper.total)},
                       {"new", added},
                       {"rag_move_counts", moves},
                       {"closed", closed},
                       {"overdue", findings_json(paper.overdue)},
                       {"stale", findings_json(paper.stale)}}},
      {"red", red},
      {"decision", config.decision.empty() ? std::string(k_default_decision) : config.decision},
      {"contact",
       Json{{"name", contact.name}, {"title", contact.title}, {"email", contact.email}, {"phone", contact.phone}}},
      {"background", background},
  };
}

}  // namespace

Document paper_document(const query::Paper& paper) { return PaperBuilder(paper).build(); }

void write_paper(std::ostream& out, const query::Paper& paper, const Output& output) {
  if (output.format == Format::json) return write_json(out, paper_json(paper));
  write_document(out, paper_document(paper), output);
}

}  // namespace hmicfrs::render
