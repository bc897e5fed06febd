#include "tables.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <hmicfrs/render/labels.hpp>

namespace hmicfrs::render {
namespace {

// A column of counts: right-aligned, and numbers where cells are typed; in a sentence, "{} " and `words`.
Column count_column(std::string header, std::string_view words) {
  return {std::move(header), Align::right, false, false, CellKind::number, false, fmt::format("{{}} {}", words)};
}

// The positions from `from` up to `to`.
std::vector<std::size_t> positions(std::size_t from, std::size_t to) {
  std::vector<std::size_t> out;
  for (std::size_t i = from; i < to; ++i) out.push_back(i);
  return out;
}

}  // namespace

std::string rating_heading(const model::Vocabulary& vocabulary) { return vocabulary.customised ? "Rating" : "RAG"; }

Cell rating_cell(const answers::FindingState& state, const model::Vocabulary& vocabulary) {
  return Cell(rating(state, vocabulary), state.rating != nullptr ? state.rating->colour : std::string());
}

std::string open_counts(const answers::RagCounts& counts, const model::Vocabulary& vocabulary) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < vocabulary.ratings.size(); ++i) {
    const model::Rating& rating = vocabulary.ratings[i];
    // Open findings only: a rating of both kinds also holds closed ones.
    if (rating.marks_open()) parts.push_back(fmt::format("{} {}", counts.open_of(i), in_prose(rating.label)));
  }
  parts.push_back(fmt::format("{} unrated", counts.unrated));
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string attention_words(const std::vector<std::string>& labels) {
  std::vector<std::string> words;
  for (const std::string& label : labels) words.push_back(in_prose(label));
  if (words.empty()) return "with a rating listed in full";
  return fmt::format("{}", fmt::join(words, " or "));
}

std::string attention_words(const model::Vocabulary& vocabulary) {
  return attention_words(vocabulary.attention_labels());
}

std::string derived_reason(const answers::FindingState& state, const model::Vocabulary& vocabulary) {
  if (state.action_rule != nullptr) {
    return fmt::format("action rule {}, {}", state.action_rule->number,
                       model::action_rule_condition(*state.action_rule));
  }
  if (state.derived_for_overdue) {
    // The target has passed: a month needs no "to be confirmed".
    return fmt::format("past its target date, {}", in_words(*state.due));
  }
  return fmt::format("status {}", vocabulary.label(state.status));
}

std::vector<std::string> closing_parts(const std::vector<answers::ClosingCount>& closings,
                                       const model::Vocabulary& vocabulary, bool spelled_out) {
  std::vector<std::string> parts;
  if (closings.empty() || (closings.size() == 1 && closings.front().status == model::Status::closed)) return parts;
  for (const answers::ClosingCount& c : closings) {
    const auto n = static_cast<std::size_t>(c.count);
    parts.push_back(fmt::format("{} {}", spelled_out ? spelled(n) : std::to_string(n),
                                in_prose(vocabulary.label(c.status))));
  }
  return parts;
}

std::string closings_phrase(const std::vector<answers::ClosingCount>& closings, const model::Vocabulary& vocabulary,
                            bool spelled_out) {
  const std::vector<std::string> parts = closing_parts(closings, vocabulary, spelled_out);
  return parts.empty() ? std::string() : fmt::format(" ({})", fmt::join(parts, ", "));
}

std::string finding_name(const model::Inspection& inspection, const model::Finding& finding, Naming naming) {
  return naming == Naming::paper ? paper_name(inspection, finding) : finding.id.str();
}

std::vector<Cell> target_row(const answers::FindingChange& c, DateStyle style, Naming naming) {
  return {Cell(finding_name(*c.inspection, *c.finding, naming)), date_cell(*c.before.due, style),
          c.after.due ? date_cell(*c.after.due, style) : Cell(),
          Cell(c.after.target_moved_by != nullptr ? c.after.target_moved_by->note.str() : "")};
}

std::string as_at_sentence(const std::vector<answers::AsAtCount>& counts, DateStyle style) {
  if (counts.empty()) return "";
  const bool words = style == DateStyle::words;
  std::vector<std::string> parts;
  int total = 0;
  for (const answers::AsAtCount& c : counts) {
    const auto n = static_cast<std::size_t>(c.count);
    const std::string date = date_cell(c.date, style).text;
    parts.push_back(counts.size() == 1 ? "as at " + date
                                       : fmt::format("{} as at {}", words ? spelled(n) : std::to_string(n), date));
    total += c.count;
  }
  const auto n = static_cast<std::size_t>(total);
  const std::string findings = words ? spelled_count(n, "finding", "findings") : count_phrase(n, "finding", "findings");
  return fmt::format("The {} of {} {} recorded {}: when {} came about is not known, so {} not counted as {}.",
                     n == 1 ? "state" : "states", findings, n == 1 ? "was" : "were", fmt::join(parts, ", "),
                     n == 1 ? "it" : "they", n == 1 ? "it is" : "they are", n == 1 ? "a change" : "changes");
}

Table report_table(const std::vector<answers::RagGroup>& groups, const answers::RagCounts& total, DateStyle style) {
  // On a narrow terminal: "Report: published 31 March 2022; 12 in all (5 open, 7 closed, 6 done, 50% complete)".
  Table table{{{"Report", Align::left, true},
               {"Published", Align::left, false, false, CellKind::date, false, "published {}"},
               count_column("Findings", "in all"),
               count_column("Open", "open"),
               count_column("Closed", "closed"),
               count_column("Done", "done"),
               count_column("% complete", "complete")},
              {},
              Narrow::sentences,
              0,
              {{1}, {2, {3, 4, 5, 6}}}};
  const auto share = [](const answers::RagCounts& c) {
    return c.percent_complete ? fmt::format("{}%", *c.percent_complete) : std::string("-");
  };
  const auto counts = [&](const answers::RagCounts& c) {
    return std::tuple{std::to_string(c.total()), std::to_string(c.open()), std::to_string(c.closed),
                      std::to_string(c.completed), share(c)};
  };
  for (const answers::RagGroup& group : groups) {
    const model::Inspection* report = group.inspection;
    const auto [findings, open, closed, done, complete] = counts(group.counts);
    // A past month needs no "(TBC)": the report is out.
    table.add_row(group.label, report != nullptr && report->published ? date_cell(*report->published, style) : Cell(),
                  findings, open, closed, done, complete);
  }
  const auto [findings, open, closed, done, complete] = counts(total);
  table.add_row("Total", "", findings, open, closed, done, complete);
  table.totals = 1;
  return table;
}

Table status_table(const std::vector<answers::RagGroup>& groups, const answers::RagCounts& total) {
  Table table{{{"Status", Align::left, true}, count_column("Findings", "in all")}, {}, Narrow::sentences, 0, {{1}}};
  for (const answers::RagGroup& group : groups) table.add_row(group.label, std::to_string(group.counts.total()));
  table.add_row("Total", std::to_string(total.total()));
  table.totals = 1;
  return table;
}

Table register_table(const std::vector<answers::FindingRow>& rows, const model::Vocabulary& vocabulary, DateStyle style,
                     bool with_actions) {
  const auto date = [](const std::string& header) { return Column{header, Align::left, false, false, CellKind::date}; };
  Table table{{{"Finding"},
               {"Report", Align::left, true},
               {"Type"},
               {rating_heading(vocabulary)},
               {"Title", Align::left, true},
               {"Owner", Align::left, true},
               {"Portfolio", Align::left, true},
               date("Due"),
               {"Overdue"},
               {"Status"},
               date("Last update"),
               {"Latest note", Align::left, true}},
              {}};
  for (const answers::FindingRow& row : rows) {
    const answers::FindingState& state = row.state;
    // The report as a reader knows it, its short name else its title: the finding's id already holds the report's.
    const model::Inspection& report = *row.inspection;
    table.add_row(row.finding->id, report.short_name.empty() ? report.title : report.short_name,
                  std::string(label(row.finding->type)), rating_cell(state, vocabulary), row.finding->title,
                  owner_text(row), row.portfolio != nullptr ? row.portfolio->name : row.finding->portfolio.value,
                  state.due ? date_cell(*state.due, style) : Cell(), row.overdue ? "Overdue" : "",
                  vocabulary.label(state.status),
                  row.last_update ? date_cell(*row.last_update, style, row.last_update_as_at) : Cell(),
                  state.noted != nullptr ? state.noted->note : "");
  }
  // A register whose findings have actions gives each one's progress, as a number.
  if (with_actions) {
    table.columns.push_back({"Actions complete (%)", Align::right, false, false, CellKind::number});
    for (std::size_t i = 0; i < rows.size(); ++i) {
      table.rows[i].emplace_back(
          rows[i].actions_complete ? std::to_string(answers::whole_percent(*rows[i].actions_complete)) : std::string());
    }
  }
  return table;
}

std::string counted_title(const answers::FindingRow& row) {
  const answers::FindingState& s = row.state;
  if (s.tracked_as != nullptr) return fmt::format("{} (repeats {}, counted there)", row.finding->title, s.tracked_as->id);
  if (s.follows_recommendations) return fmt::format("{} (counted through its recommendations)", row.finding->title);
  return row.finding->title.str();
}

std::string owner_text(const answers::FindingRow& row) {
  if (row.awaiting_allocation) return "Awaiting allocation";
  return std::string(row.state.owner);
}

std::string due_text(const answers::FindingRow& row, DateStyle style) {
  if (!row.state.due) return "";
  if (style == DateStyle::iso) return row.overdue ? row.state.due->iso() + " overdue" : row.state.due->iso();
  return row.overdue ? in_words(*row.state.due) + " (overdue)" : in_words(*row.state.due);
}

PrintedPage printed_page(std::string_view force, std::string_view what, const model::Date& as_of) {
  const std::string title = fmt::format("{} as of {}", what, in_words(as_of));
  return {force.empty() ? title : fmt::format("{} \u2014 {}", force, title), {}};
}

std::string count_phrase(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string window_text(const answers::Window& window) {
  if (!window.after) return fmt::format("up to {}", window.until.iso());
  return fmt::format("after {} up to {}", window.after->iso(), window.until.iso());
}

Table findings_table(const std::vector<answers::FindingRow>& rows, const model::Vocabulary& vocabulary, bool with_type,
                     DateStyle style, Naming naming) {
  Table table{{{"Finding"}}, {}};
  if (with_type) table.columns.push_back({"Type"});
  for (Column column : std::initializer_list<Column>{
           {rating_heading(vocabulary)}, {"Title", Align::left, true}, {"Owner", Align::left, true}, {"Due"}}) {
    table.columns.push_back(std::move(column));
  }
  table.rows.reserve(rows.size());
  for (const answers::FindingRow& row : rows) {
    std::vector<Cell>& cells = table.rows.emplace_back();
    cells.reserve(table.columns.size());
    cells.emplace_back(finding_name(*row.inspection, *row.finding, naming));
    if (with_type) cells.emplace_back(std::string(label(row.finding->type)));
    cells.push_back(rating_cell(row.state, vocabulary));
    cells.emplace_back(counted_title(row));
    cells.emplace_back(owner_text(row));
    cells.emplace_back(due_text(row, style));
  }
  return table;
}

std::string percent_text(double percent) { return fmt::format("{}%", answers::whole_percent(percent)); }

Table actions_table(const std::vector<answers::ActionState>& actions, DateStyle style, bool with_finding,
                    const std::vector<const answers::FindingRow*>& findings) {
  Table table{{}, {}};
  if (with_finding) table.columns.push_back({"Finding"});
  for (Column column : std::initializer_list<Column>{{"Action"},
                                                     {"Title", Align::left, true},
                                                     {"Owner", Align::left, true},
                                                     {"Due", Align::left, false, false, CellKind::date},
                                                     {"Overdue", Align::left, false, true},
                                                     {"Status"},
                                                     {"Complete (%)", Align::right, false, false, CellKind::number},
                                                     {"Latest note", Align::left, true, true}}) {
    table.columns.push_back(std::move(column));
  }
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const answers::ActionState& a = actions[i];
    std::vector<Cell>& cells = table.rows.emplace_back();
    if (with_finding) cells.emplace_back(std::string(findings[i]->finding->id));
    cells.emplace_back(std::string(a.action->id));
    cells.emplace_back(a.action->title.str());
    cells.emplace_back(std::string(a.owner));
    cells.push_back(a.action->due ? date_cell(*a.action->due, style) : Cell());
    cells.emplace_back(a.overdue ? "yes" : "");
    cells.emplace_back(a.status == model::ActionStatus::closed ? "Closed" : "Open");
    cells.emplace_back(std::to_string(a.counted_percent()));
    cells.emplace_back(a.noted != nullptr ? a.noted->note.str() : std::string());
  }
  return table;
}

Table rag_table(std::string first_column, const std::vector<answers::RagGroup>& groups, const answers::RagCounts& total,
                const model::Vocabulary& vocabulary) {
  // Ratings of open findings, unrated and open; then the ratings of closed findings, closed and total, so that each
  // side adds up. A rating of both kinds has a column on each side, the closed one headed "Red (closed)".
  // On a narrow terminal, a sentence per row, each side's total before its ratings:
  // "Crime: 8 open (1 red, 5 amber, 2 green, 0 unrated); 1 closed; 9 in all".
  Table table{{{std::move(first_column), Align::left, true}}, {}, Narrow::sentences};
  const auto rating_columns = [&](bool closed) {
    for (const model::Rating& rating : vocabulary.ratings) {
      if (closed ? !rating.marks_closed() : !rating.marks_open()) continue;
      table.columns.push_back(count_column(closed && rating.marks_open() ? rating.label + " (closed)" : rating.label,
                                           in_prose(rating.label)));
    }
  };
  rating_columns(false);
  table.columns.push_back(count_column("Unrated", "unrated"));
  const std::size_t open = table.columns.size();
  table.columns.push_back(count_column("Open", "open"));
  rating_columns(true);
  const std::size_t closed = table.columns.size();
  table.columns.push_back(count_column("Closed", "closed"));
  table.columns.push_back(count_column("Total", "in all"));
  table.clauses = {{open, positions(1, open)}, {closed, positions(open + 1, closed)}, {closed + 1}};
  const auto row = [&](const std::string& name, const answers::RagCounts& c) {
    std::vector<Cell> cells{name};
    const auto rated = [&](bool closed) {
      for (std::size_t i = 0; i < vocabulary.ratings.size(); ++i) {
        const model::Rating& rating = vocabulary.ratings[i];
        if (closed ? !rating.marks_closed() : !rating.marks_open()) continue;
        const int n = closed ? c.closed_of(i) : c.open_of(i);
        cells.emplace_back(std::to_string(n), n > 0 ? rating.colour : std::string());
      }
    };
    rated(false);
    cells.emplace_back(std::to_string(c.unrated));
    cells.emplace_back(std::to_string(c.open()));
    rated(true);
    cells.emplace_back(std::to_string(c.closed));
    cells.emplace_back(std::to_string(c.total()));
    return cells;
  };
  // Types are labelled as papers name them; other groups by the register's own names.
  for (const answers::RagGroup& group : groups) {
    table.rows.push_back(row(group.type ? std::string(label(*group.type)) : group.label, group.counts));
  }
  table.rows.push_back(row("Total", total));
  table.totals = 1;
  return table;
}

Table grade_table(const answers::PeelTable& table) {
  // On a terminal too narrow for a column per grade with room for its areas' names, each grade then its areas.
  Table out{{}, {}, Narrow::lists, 16};
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

Table calendar_table(const std::vector<const model::Inspection*>& inspections, const model::Date& as_of) {
  Table table{{{"Inspection"},
               {"Type", Align::left, true},
               {"Fieldwork", Align::left, false, true},
               {"Published", Align::left, false, true},
               {"Title", Align::left, true}},
              {}};
  for (const model::Inspection* inspection : inspections) {
    table.add_row(inspection->id, std::string(label(inspection->type)),
                  inspection->fieldwork ? when(*inspection->fieldwork, as_of) : "",
                  inspection->published ? when(*inspection->published, as_of) : "", inspection->title);
  }
  return table;
}

std::string stated_findings(const model::FindingCounts& counts, const model::Inspection* continued, bool spelled_out) {
  const auto number = [&](int n) { return spelled_out ? spelled(static_cast<std::size_t>(n)) : std::to_string(n); };
  // The types given and not 0, in a phrase; a type the register leaves out is not said to be none.
  const auto listed = [&](const model::FindingCounts::ByType& by_type) {
    std::vector<std::string> parts;
    for (const auto& [n, one, many] : {std::tuple{by_type.causes_of_concern, "cause of concern", "causes of concern"},
                                       {by_type.recommendations, "recommendation", "recommendations"},
                                       {by_type.afis, "area for improvement", "areas for improvement"}}) {
      if (n.value_or(0) > 0) parts.push_back(fmt::format("{} {}", number(*n), *n == 1 ? one : many));
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    }
    return out;
  };
  const model::FindingCounts::ByType& given = counts.made;
  const bool made_given = given.causes_of_concern || given.recommendations || given.afis;
  const std::string made = listed(counts.made);
  // Counts that give no number made (only what continues, or nothing) are not read as saying none was made.
  std::string text = !made_given    ? "The register does not record how many findings it makes."
                     : made.empty() ? "It makes no formal finding."
                                    : fmt::format("It makes {}.", made);
  if (const std::string continuing = listed(counts.continuing); !continuing.empty()) {
    const std::string from = continued != nullptr                   ? fmt::format("'{}'", continued->title)
                             : counts.continuing_from.value.empty() ? std::string("an earlier inspection")
                                                                    : counts.continuing_from.value;
    text += fmt::format(" Of {}, {} continue findings of {}.", made_given ? "these" : "its findings", continuing, from);
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
