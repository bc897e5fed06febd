#include <hmicfrs/render/views.hpp>

#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <hmicfrs/render/labels.hpp>

#include "json_views.hpp"

namespace hmicfrs::render {
namespace {

Tone tone_of(const query::FindingState& state) {
  if (!model::is_open(state.status) || !state.rag) return Tone::plain;
  switch (*state.rag) {
    case model::Rag::red: return Tone::red;
    case model::Rag::amber: return Tone::amber;
    case model::Rag::green: return Tone::green;
  }
  return Tone::plain;
}

Cell rating_cell(const query::FindingState& state) { return Cell(rating(state.rag, state.status), tone_of(state)); }

std::string due_text(const query::FindingRow& row) {
  if (!row.state.due) return "";
  return row.overdue ? row.state.due->iso() + " overdue" : row.state.due->iso();
}

std::string counted(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// Writes a view whose main content is one table: as CSV, as JSON, or as the
// document `document` builds around it.
template <class View, class MakeTable, class MakeDocument, class MakeJson>
void write_tabular(std::ostream& out, const View& view, const Output& output, MakeTable make_table,
                   MakeDocument make_document, MakeJson make_json) {
  if (output.format == Format::json) return write_json(out, make_json(view));
  Table table = make_table(view);
  if (output.format == Format::csv) return write_csv(out, table);
  write_document(out, make_document(view, std::move(table)), output);
}

// Writes a view that has no single table (no CSV).
template <class View, class MakeDocument, class MakeJson>
void write_composite(std::ostream& out, const View& view, const Output& output, MakeDocument make_document,
                     MakeJson make_json) {
  if (output.format == Format::json) return write_json(out, make_json(view));
  if (output.format == Format::csv) throw std::logic_error("this view has no CSV form");
  write_document(out, make_document(view), output);
}

// A section: its heading, then its table, or one sentence when it is empty.
void add_section(Document& document, std::string heading, Table table, std::string_view when_empty) {
  document.add(Heading{2, fmt::format("{} ({})", heading, table.rows.size())});
  if (table.rows.empty()) {
    document.add(Paragraph{std::string(when_empty)});
  } else {
    document.add(std::move(table));
  }
}

Table findings_table(const std::vector<query::FindingRow>& rows) {
  Table table{
      {{"Finding", Align::left, true}, {"RAG"}, {"Title", Align::left, true}, {"Owner", Align::left, true}, {"Due"}},
      {}};
  for (const query::FindingRow& row : rows) {
    table.rows.push_back({row.finding->id, rating_cell(row.state), row.finding->title, row.state.owner, due_text(row)});
  }
  return table;
}

Table stale_table(const std::vector<query::FindingRow>& rows) {
  Table table{{{"Finding", Align::left, true},
               {"RAG"},
               {"Title", Align::left, true},
               {"Owner", Align::left, true},
               {"Last update", Align::left, true}},
              {}};
  for (const query::FindingRow& row : rows) {
    table.rows.push_back({row.finding->id, rating_cell(row.state), row.finding->title, row.state.owner,
                          fmt::format("{} ({} days)", row.last_update->iso(), *row.days_since_update)});
  }
  return table;
}

Table calendar_table(const std::vector<const model::Inspection*>& inspections) {
  Table table{{{"Inspection", Align::left, true},
               {"Type", Align::left, true},
               {"Fieldwork", Align::left, false, true},
               {"Published", Align::left, false, true},
               {"Title", Align::left, true}},
              {}};
  for (const model::Inspection* inspection : inspections) {
    table.rows.push_back({inspection->id, std::string(label(inspection->type)),
                          inspection->fieldwork ? when(*inspection->fieldwork) : "",
                          inspection->published ? when(*inspection->published) : "", inspection->title});
  }
  return table;
}

std::string window_text(const query::Window& window) {
  if (!window.after) return fmt::format("up to {}", window.until.iso());
  return fmt::format("after {} up to {}", window.after->iso(), window.until.iso());
}

std::vector<std::string> link_items(std::string_view relation, const std::vector<query::FindingRef>& refs) {
  std::vector<std::string> items;
  for (const query::FindingRef& ref : refs) {
    items.push_back(fmt::format("{} {}: {}", relation, ref.finding->id, ref.finding->title));
  }
  return items;
}

}  // namespace

void write_status(std::ostream& out, const StatusView& view, const Output& output) {
  write_composite(
      out, view, output,
      [](const StatusView& v) {
        const query::RagCounts counts = query::rag_total(v.rows);
        std::vector<query::FindingRow> red, overdue, stale;
        for (const query::FindingRow& row : v.rows) {
          if (model::is_open(row.state.status) && row.state.rag == model::Rag::red) red.push_back(row);
          if (row.overdue) overdue.push_back(row);
          if (row.stale) stale.push_back(row);
        }
        Document d;
        d.add(Heading{1, fmt::format("{}: HMICFRS register as of {}", v.dataset->config.force_name, v.as_of.iso())});
        d.add(
            Paragraph{fmt::format("{}: {} red, {} amber, {} green, {} unrated. {} closed. {} overdue; {} not updated "
                                  "for more than {} days.",
                                  counted(static_cast<std::size_t>(counts.open()), "open finding", "open findings"),
                                  counts.red, counts.amber, counts.green, counts.unrated, counts.closed, overdue.size(),
                                  stale.size(), v.dataset->config.stale_after_days)});
        add_section(d, "Red", findings_table(red), "No open finding is rated red.");
        add_section(d, "Overdue", findings_table(overdue), "No open finding is past its due date.");
        add_section(d, "Stale", stale_table(stale), "Every open finding has been updated recently.");
        add_section(d, "Upcoming inspections", calendar_table(v.upcoming),
                    "No inspection is notified and not yet started.");
        return d;
      },
      status_json);
}

void write_list(std::ostream& out, const ListView& view, const Output& output) {
  write_tabular(
      out, view, output, [](const ListView& v) { return findings_table(v.rows); },
      [](const ListView& v, Table table) {
        Document d;
        if (v.rows.empty()) return d.add(Paragraph{fmt::format("No finding matches, as of {}.", v.as_of.iso())});
        d.add(std::move(table));
        d.add(Paragraph{fmt::format("{} as of {}.", counted(v.rows.size(), "finding", "findings"), v.as_of.iso())});
        return d;
      },
      list_json);
}

void write_rag(std::ostream& out, const RagView& view, const Output& output) {
  static constexpr std::array<std::string_view, 4> k_group_labels{"Portfolio", "Owner", "Inspection", "Type"};
  write_tabular(
      out, view, output,
      [](const RagView& v) {
        std::vector<std::pair<std::string, query::RagCounts>> groups;
        for (const query::RagGroup& group : v.groups) {
          // Types are labelled as papers name them; other groups by their own names.
          const auto type =
              v.grouping == query::Grouping::type ? model::value_named<model::FindingType>(group.key) : std::nullopt;
          groups.emplace_back(type ? std::string(label(*type)) : group.label, group.counts);
        }
        return rag_table(std::string(k_group_labels[static_cast<std::size_t>(v.grouping)]), groups, v.total);
      },
      [](const RagView& v, Table table) {
        Document d;
        d.add(Heading{1, fmt::format("Findings by RAG rating as of {}", v.as_of.iso())});
        d.add(std::move(table));
        return d;
      },
      rag_json);
}

void write_finding(std::ostream& out, const FindingView& view, const Output& output) {
  write_composite(
      out, view, output,
      [](const FindingView& v) {
        const model::Finding& f = *v.row.finding;
        const query::FindingState& s = v.row.state;
        Document d;
        d.add(Heading{1, fmt::format("{}: {}", f.id, f.title)});
        Fields fields;
        fields.items.push_back({"Inspection", fmt::format("{} ({})", v.row.inspection->title, v.row.inspection->id)});
        fields.items.push_back({"Type", std::string(label(f.type))});
        fields.items.push_back({"Scope", f.scope == model::Scope::force ? "This force" : "All forces"});
        if (!f.area.value.empty()) {
          const model::PeelCycle* cycle =
              v.row.inspection->gradings ? v.dataset->catalogue.find(v.row.inspection->gradings->cycle.value) : nullptr;
          const model::PeelArea* area = cycle != nullptr ? cycle->find_area(f.area.value) : nullptr;
          fields.items.push_back({"PEEL area", area != nullptr ? area->long_label : f.area.value});
        }
        if (!s.owner.empty()) fields.items.push_back({"Owner", s.owner});
        if (const model::Portfolio* p = v.dataset->config.find_portfolio(f.portfolio.value)) {
          fields.items.push_back({"Portfolio", fmt::format("{} ({})", p->name, p->id)});
        }
        if (s.due) fields.items.push_back({"Due", due_text(v.row)});
        fields.items.push_back({"Status", std::string(label(s.status))});
        if (model::is_open(s.status)) fields.items.push_back({"RAG", s.rag ? std::string(label(*s.rag)) : "Unrated"});
        fields.items.push_back(
            {"Last update", fmt::format("{} ({} days before {}){}", v.row.last_update->iso(), *v.row.days_since_update,
                                        v.as_of.iso(), v.row.stale ? ", stale" : "")});
        d.add(std::move(fields));
        if (!f.text.empty()) {
          d.add(Heading{2, "Text"});
          d.add(MarkdownText{f.text});
        }
        Table history{{{"Date"}, {"Status"}, {"RAG"}, {"Note", Align::left, true}}, {}};
        for (const model::HistoryEntry& e : f.history) {
          if (v.as_of < e.date) continue;
          std::vector<std::string> parts;
          if (!e.note.empty()) parts.push_back(e.note);
          if (e.owner) parts.push_back(fmt::format("(owner: {})", *e.owner));
          if (e.due) parts.push_back(fmt::format("(due: {})", e.due->iso()));
          const std::string note = fmt::format("{}", fmt::join(parts, " "));
          history.rows.push_back({e.date.iso(), e.status ? std::string(label(*e.status)) : "",
                                  e.rag ? std::string(label(*e.rag)) : "", note});
        }
        add_section(d, "History", std::move(history), "No history recorded by this date.");
        std::vector<std::string> links;
        for (auto [relation, refs] :
             {std::pair{"Superseded by", &v.links.superseded_by}, std::pair{"Supersedes", &v.links.supersedes},
              std::pair{"Answers cause of concern", &v.links.cause_of_concern},
              std::pair{"Answered by", &v.links.answered_by}, std::pair{"Related to", &v.links.related},
              std::pair{"Related from", &v.links.related_from}}) {
          const auto items = link_items(relation, *refs);
          links.insert(links.end(), items.begin(), items.end());
        }
        if (!links.empty()) {
          d.add(Heading{2, "Links"});
          d.add(BulletList{links});
        }
        return d;
      },
      finding_json);
}

void write_inspection(std::ostream& out, const InspectionView& view, const Output& output) {
  write_composite(
      out, view, output,
      [](const InspectionView& v) {
        const model::Inspection& i = *v.inspection;
        Document d;
        d.add(Heading{1, fmt::format("{}: {}", i.id, i.title)});
        Fields fields;
        fields.items.push_back({"Type", std::string(label(i.type))});
        if (!i.inspectorates.empty())
          fields.items.push_back({"Inspectorates", fmt::format("{}", fmt::join(i.inspectorates, ", "))});
        fields.items.push_back({"Involvement", std::string(label(i.involvement))});
        if (!i.other_forces.empty())
          fields.items.push_back({"Other forces", fmt::format("{}", fmt::join(i.other_forces, "; "))});
        if (i.notified) fields.items.push_back({"Notified", when(*i.notified)});
        if (i.fieldwork) fields.items.push_back({"Fieldwork", when(*i.fieldwork)});
        if (i.draft_received) fields.items.push_back({"Draft received", when(*i.draft_received)});
        if (i.published) fields.items.push_back({"Published", when(*i.published)});
        if (!i.url.empty()) fields.items.push_back({"Report", i.url});
        d.add(std::move(fields));
        if (!i.summary.empty()) {
          d.add(Heading{2, "Summary"});
          d.add(MarkdownText{i.summary});
        }
        if (i.gradings) {
          const model::PeelCycle* cycle = v.dataset->catalogue.find(i.gradings->cycle.value);
          Table grades{{{"Area", Align::left, true}, {"Grade"}}, {}};
          for (const model::Grading& g : i.gradings->areas) {
            const model::PeelArea* area = cycle != nullptr ? cycle->find_area(g.area.value) : nullptr;
            grades.rows.push_back(
                {area != nullptr ? area->short_label : g.area.value, std::string(label(g.grade.value))});
          }
          add_section(d, fmt::format("Grades, {}", cycle != nullptr ? cycle->name : i.gradings->cycle.value),
                      std::move(grades), "No grades recorded.");
        }
        add_section(d, "Findings", findings_table(v.rows), "No finding recorded by this date.");
        return d;
      },
      inspection_json);
}

void write_peel(std::ostream& out, const PeelView& view, const Output& output) {
  write_tabular(
      out, view, output,
      [](const PeelView& v) {
        Table table;
        if (!v.table) return table;
        std::size_t height = 0;
        for (const auto& [grade, areas] : v.table->columns) {
          table.columns.push_back({std::string(label(grade)), Align::left, true});
          height = std::max(height, areas.size());
        }
        for (std::size_t r = 0; r < height; ++r) {
          std::vector<Cell> row;
          for (const auto& [grade, areas] : v.table->columns) {
            row.emplace_back(r < areas.size() ? areas[r].area->short_label : std::string());
          }
          table.rows.push_back(std::move(row));
        }
        return table;
      },
      [](const PeelView& v, Table table) {
        Document d;
        if (!v.table) {
          return d.add(
              Paragraph{fmt::format("No PEEL assessment{} was published by {}.",
                                    v.cycle != nullptr ? " in " + v.cycle->name : std::string(), v.as_of.iso())});
        }
        const model::Inspection& inspection = *v.table->assessment.inspection;
        const model::PeelCycle& cycle = *v.table->assessment.cycle;
        d.add(Heading{1, fmt::format("{}: {}", cycle.name, inspection.title)});
        d.add(Paragraph{fmt::format("Published {}. {} graded on the {} scale; {} not graded.",
                                    when(*inspection.published), counted(v.table->graded_count(), "area", "areas"),
                                    model::name_of(cycle.scale), v.table->not_graded.size())});
        d.add(std::move(table));
        if (!v.table->not_graded.empty()) {
          std::vector<std::string> items;
          for (const query::GradedArea& a : v.table->not_graded) items.push_back(a.area->long_label);
          d.add(Heading{2, "Not graded"});
          d.add(BulletList{items});
        }
        return d;
      },
      peel_json);
}

void write_peel_comparison(std::ostream& out, const PeelComparisonView& view, const Output& output) {
  write_tabular(
      out, view, output,
      [](const PeelComparisonView& v) {
        const query::PeelComparison& c = v.comparison;
        Table table{{{"Area", Align::left, true}, {c.first.cycle->name}, {c.second.cycle->name}}, {}};
        for (const query::AreaComparison& a : c.areas) {
          table.rows.push_back(
              {a.label, a.first ? std::string(label(*a.first)) : "-", a.second ? std::string(label(*a.second)) : "-"});
        }
        return table;
      },
      [](const PeelComparisonView& v, Table table) {
        const query::PeelComparison& c = v.comparison;
        Document d;
        d.add(Heading{1, fmt::format("{} compared with {}", c.first.cycle->name, c.second.cycle->name)});
        if (c.scales_differ) d.add(Paragraph{scale_warning(c)});
        d.add(std::move(table));
        return d;
      },
      peel_comparison_json);
}

void write_inspections(std::ostream& out, const InspectionsView& view, const Output& output) {
  write_tabular(
      out, view, output, [](const InspectionsView& v) { return calendar_table(v.inspections); },
      [](const InspectionsView& v, Table table) {
        Document d;
        const std::string title = v.scope == query::CalendarScope::upcoming
                                      ? fmt::format("Inspections not yet started as of {}", v.window.until.iso())
                                  : v.scope == query::CalendarScope::active
                                      ? fmt::format("Inspection activity {}", window_text(v.window))
                                      : fmt::format("Inspections known as of {}", v.window.until.iso());
        d.add(Heading{1, title});
        if (table.rows.empty()) return d.add(Paragraph{"None."});
        return d.add(std::move(table));
      },
      inspections_json);
}

void write_changes(std::ostream& out, const ChangesView& view, const Output& output) {
  write_tabular(
      out, view, output,
      [](const ChangesView& v) {
        Table table{{{"Change"}, {"Finding", Align::left, true}, {"From"}, {"To"}, {"Title", Align::left, true}}, {}};
        for (const query::FindingChange& c : v.changes) {
          const std::string& title = c.finding->title;
          if (c.is_new()) table.rows.push_back({"new", c.finding->id, "", rating_cell(c.after), title});
          if (c.rag_moved()) {
            table.rows.push_back({"rag", c.finding->id, rating_cell(c.before), rating_cell(c.after), title});
          }
          if (c.status_changed()) {
            table.rows.push_back({c.closed() ? "closed" : "status", c.finding->id, std::string(label(c.before.status)),
                                  std::string(label(c.after.status)), title});
          }
        }
        return table;
      },
      [](const ChangesView& v, Table) {
        Document d;
        d.add(Heading{1, fmt::format("Changes {}", window_text(v.window))});
        std::vector<std::string> moves;
        for (const query::RagMove& m : query::rag_moves(v.changes)) {
          moves.push_back(fmt::format("{} {} → {}", m.count, m.from ? std::string(label(*m.from)) : "Unrated",
                                      m.to ? std::string(label(*m.to)) : "Unrated"));
        }
        std::size_t added = 0, closed = 0;
        Table new_findings{{{"Finding", Align::left, true}, {"Type"}, {"RAG"}, {"Title", Align::left, true}}, {}};
        Table rag{{{"Finding", Align::left, true}, {"From"}, {"To"}, {"Title", Align::left, true}}, {}};
        Table status{{{"Finding", Align::left, true}, {"From"}, {"To"}, {"Title", Align::left, true}}, {}};
        for (const query::FindingChange& c : v.changes) {
          const std::string& title = c.finding->title;
          if (c.is_new()) {
            ++added;
            new_findings.rows.push_back(
                {c.finding->id, std::string(label(c.finding->type)), rating_cell(c.after), title});
          }
          if (c.rag_moved()) rag.rows.push_back({c.finding->id, rating_cell(c.before), rating_cell(c.after), title});
          closed += c.closed() ? 1 : 0;
          if (c.status_changed()) {
            status.rows.push_back(
                {c.finding->id, std::string(label(c.before.status)), std::string(label(c.after.status)), title});
          }
        }
        d.add(Paragraph{fmt::format("{}; {}{}; {} closed, superseded or no longer monitored.",
                                    counted(added, "new finding", "new findings"),
                                    counted(rag.rows.size(), "RAG movement", "RAG movements"),
                                    moves.empty() ? "" : fmt::format(" ({})", fmt::join(moves, ", ")), closed)});
        add_section(d, "New findings", std::move(new_findings), "No finding was added.");
        add_section(d, "RAG movements", std::move(rag), "No open finding changed its rating.");
        add_section(d, "Status changes", std::move(status), "No finding changed its status.");
        return d;
      },
      changes_json);
}

void write_committees(std::ostream& out, const CommitteesView& view, const Output& output) {
  write_tabular(
      out, view, output,
      [](const CommitteesView& v) {
        Table table{{{"Meeting"}, {"Date"}, {"Agenda item"}, {"Cut-off"}, {"Window", Align::left, true}}, {}};
        for (const query::MeetingWindow& m : v.meetings) {
          table.rows.push_back({m.meeting->id, m.meeting->date.iso(), m.meeting->agenda_item,
                                m.meeting->cut_off().iso(), window_text(m.window)});
        }
        return table;
      },
      [](const CommitteesView&, Table table) {
        Document d;
        d.add(Heading{1, "Committee meetings"});
        if (table.rows.empty()) return d.add(Paragraph{"committees.yaml lists no meeting."});
        return d.add(std::move(table));
      },
      committees_json);
}

Table rag_table(std::string first_column, const std::vector<std::pair<std::string, query::RagCounts>>& groups,
                const query::RagCounts& total) {
  Table table{{{std::move(first_column), Align::left, true},
               {"Red", Align::right},
               {"Amber", Align::right},
               {"Green", Align::right},
               {"Unrated", Align::right},
               {"Open", Align::right},
               {"Closed", Align::right},
               {"Total", Align::right}},
              {}};
  const auto row = [](const std::string& name, const query::RagCounts& c) {
    return std::vector<Cell>{name,
                             Cell(std::to_string(c.red), c.red > 0 ? Tone::red : Tone::plain),
                             Cell(std::to_string(c.amber), c.amber > 0 ? Tone::amber : Tone::plain),
                             Cell(std::to_string(c.green), c.green > 0 ? Tone::green : Tone::plain),
                             std::to_string(c.unrated),
                             std::to_string(c.open()),
                             std::to_string(c.closed),
                             std::to_string(c.total())};
  };
  for (const auto& [name, counts] : groups) table.rows.push_back(row(name, counts));
  table.rows.push_back(row("Total", total));
  return table;
}

void write_document(std::ostream& out, const Document& document, const Output& output) {
  switch (output.format) {
    case Format::text: write_text(out, document, output.style); return;
    case Format::markdown: write_markdown(out, document); return;
    case Format::html: {
      // The page takes its title from the document's first heading.
      for (const Block& block : document.blocks) {
        if (const auto* heading = std::get_if<Heading>(&block)) return write_html(out, document, heading->text);
      }
      return write_html(out, document, "hmicfrs-track");
    }
    case Format::json:
    case Format::csv: break;
  }
  throw std::logic_error("write_document: not a document format");
}

std::string scale_warning(const query::PeelComparison& comparison) {
  return fmt::format(
      "Warning: {} graded on the {} scale and {} on the {} scale. The inspectorate says grades from different scales "
      "cannot be compared directly.",
      comparison.first.cycle->name, model::name_of(comparison.first.cycle->scale), comparison.second.cycle->name,
      model::name_of(comparison.second.cycle->scale));
}

}  // namespace hmicfrs::render
