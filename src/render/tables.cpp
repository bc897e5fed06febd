#include "tables.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include <hmicfrs/render/labels.hpp>

namespace hmicfrs::render {

Tone tone_of(const answers::FindingState& state) {
  if (!model::is_open(state.status) || !state.rag) return Tone::plain;
  switch (*state.rag) {
    case model::Rag::red: return Tone::red;
    case model::Rag::amber: return Tone::amber;
    case model::Rag::green: return Tone::green;
  }
  return Tone::plain;
}

Cell rating_cell(const answers::FindingState& state) { return Cell(rating(state.rag, state.status), tone_of(state)); }

std::string due_text(const answers::FindingRow& row) {
  if (!row.state.due) return "";
  return row.overdue ? row.state.due->iso() + " overdue" : row.state.due->iso();
}

std::string counted(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string window_text(const answers::Window& window) {
  if (!window.after) return fmt::format("up to {}", window.until.iso());
  return fmt::format("after {} up to {}", window.after->iso(), window.until.iso());
}

Table findings_table(const std::vector<answers::FindingRow>& rows, bool with_type) {
  Table table{{{"Finding", Align::left, true}}, {}};
  if (with_type) table.columns.push_back({"Type"});
  for (Column column :
       std::initializer_list<Column>{{"RAG"}, {"Title", Align::left, true}, {"Owner", Align::left, true}, {"Due"}}) {
    table.columns.push_back(std::move(column));
  }
  for (const answers::FindingRow& row : rows) {
    std::vector<Cell> cells{row.finding->id};
    if (with_type) cells.emplace_back(std::string(label(row.finding->type)));
    cells.push_back(rating_cell(row.state));
    cells.emplace_back(row.finding->title);
    cells.emplace_back(row.state.owner);
    cells.emplace_back(due_text(row));
    table.rows.push_back(std::move(cells));
  }
  return table;
}

Table rag_table(std::string first_column, const std::vector<answers::RagGroup>& groups,
                const answers::RagCounts& total) {
  Table table{{{std::move(first_column), Align::left, true},
               {"Red", Align::right},
               {"Amber", Align::right},
               {"Green", Align::right},
               {"Unrated", Align::right},
               {"Open", Align::right},
               {"Closed", Align::right},
               {"Total", Align::right}},
              {}};
  const auto row = [](const std::string& name, const answers::RagCounts& c) {
    return std::vector<Cell>{name,
                             Cell(std::to_string(c.red), c.red > 0 ? Tone::red : Tone::plain),
                             Cell(std::to_string(c.amber), c.amber > 0 ? Tone::amber : Tone::plain),
                             Cell(std::to_string(c.green), c.green > 0 ? Tone::green : Tone::plain),
                             std::to_string(c.unrated),
                             std::to_string(c.open()),
                             std::to_string(c.closed),
                             std::to_string(c.total())};
  };
  // Types are labelled as papers name them; other groups by the register's own names.
  for (const answers::RagGroup& group : groups) {
    table.rows.push_back(row(group.type ? std::string(label(*group.type)) : group.label, group.counts));
  }
  table.rows.push_back(row("Total", total));
  return table;
}

Table grade_table(const answers::PeelTable& table) {
  Table out;
  std::size_t height = 0;
  for (const auto& [grade, areas] : table.columns) {
    out.columns.push_back({std::string(label(grade)), Align::left, true});
    height = std::max(height, areas.size());
  }
  for (std::size_t r = 0; r < height; ++r) {
    std::vector<Cell> row;
    for (const auto& [grade, areas] : table.columns) {
      if (r >= areas.size()) {
        row.emplace_back();
      } else {
        // Carried over is said in the table itself: a reader must not take it for a new judgement.
        row.emplace_back(areas[r].area->short_label + (areas[r].carried_over_from != nullptr ? " (carried over)" : ""));
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
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

std::string stated_findings(const model::FindingCounts& counts, const model::Inspection* continued, bool spelled_out) {
  const auto number = [&](int n) { return spelled_out ? spelled(static_cast<std::size_t>(n)) : std::to_string(n); };
  const auto listed = [&](const model::FindingCounts::ByType& by_type) {
    std::vector<std::string> parts;
    for (const auto& [n, one, many] : {std::tuple{by_type.causes_of_concern, "cause of concern", "causes of concern"},
                                       {by_type.recommendations, "recommendation", "recommendations"},
                                       {by_type.afis, "area for improvement", "areas for improvement"}}) {
      if (n > 0) parts.push_back(fmt::format("{} {}", number(n), n == 1 ? one : many));
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    }
    return out;
  };
  const std::string made = listed(counts.made);
  std::string text = made.empty() ? "It makes no formal finding." : fmt::format("It makes {}.", made);
  if (const std::string continuing = listed(counts.continuing); !continuing.empty()) {
    const std::string from = continued != nullptr ? fmt::format("{} ({})", continued->title, continued->id)
                             : counts.continuing_from.value.empty() ? std::string("an earlier inspection")
                                                                    : counts.continuing_from.value;
    text += fmt::format(" Of these, {} continue findings of {}.", continuing, from);
  }
  return text;
}

std::vector<std::string> carried_over(const answers::PeelTable& table) {
  std::vector<std::string> lines;
  for (const answers::GradedArea& a : table.carried_over) {
    const model::Inspection* from = a.carried_over_from;
    lines.push_back(
        from != nullptr && from->published
            ? fmt::format("{}: {}, the judgement of {}, published {}", a.area->short_label, label(a.grade), from->title,
                          on_date(*from->published))
            : fmt::format("{}: {}, the judgement of an earlier assessment", a.area->short_label, label(a.grade)));
  }
  return lines;
}

void add_section(Document& document, std::string heading, Table table, std::string_view when_empty) {
  document.add(Heading{2, fmt::format("{} ({})", heading, table.rows.size())});
  if (table.rows.empty()) {
    document.add(Paragraph{std::string(when_empty)});
  } else {
    document.add(std::move(table));
  }
}

std::string comparison_warning(const answers::PeelComparison& comparison) {
  if (!comparison.scales_differ) {
    return fmt::format(
        "Warning: {} and {} are different cycles. The inspectorate says their grades cannot be compared directly, "
        "although both use the {} scale.",
        comparison.first.cycle->name, comparison.second.cycle->name, model::name_of(comparison.first.cycle->scale));
  }
  return fmt::format(
      "Warning: {} graded on the {} scale and {} on the {} scale. The inspectorate says grades from different scales "
      "cannot be compared directly.",
      comparison.first.cycle->name, model::name_of(comparison.first.cycle->scale), comparison.second.cycle->name,
      model::name_of(comparison.second.cycle->scale));
}

}  // namespace hmicfrs::render
