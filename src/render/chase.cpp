// `chase`: the findings to ask each owner about before the next paper, as a
// document, a workbook, JSON, and one email message per owner.

#include <fmt/format.h>

#include <hmicfrs/render/documents.hpp>
#include <hmicfrs/render/labels.hpp>
#include <hmicfrs/render/output.hpp>

#include "tables.hpp"

namespace hmicfrs::render {
namespace {

// "before the Joint Audit Committee's paper for 31 March 2022", or "by 28 December 2022".
std::string deadline(const answers::Chase& v) {
  if (!v.ends_at_paper) return "by " + long_date(v.until);
  const std::string& committee = v.config->committee_name;
  return fmt::format("before the {} paper for {}", committee.empty() ? "committee's" : committee + "'s",
                     long_date(v.meeting->date));
}

}  // namespace

std::string chase_date(const answers::Chase& chase, const model::Date& date, DateStyle style) {
  return style == DateStyle::iso ? date.iso() : date_phrase({date, date.begun_by(chase.as_of)});
}

std::string chase_outcome_label(const answers::Chase& chase, DateStyle style) {
  return chase.ends_at_paper ? "The paper will show"
                             : fmt::format("On {} it will show", chase_date(chase, chase.until, style));
}

std::string chase_reasons(const answers::Chase& chase, const answers::ChaseItem& item, DateStyle style) {
  std::vector<std::string> why;
  if (item.needs_attention && item.at_cut_off.state.rating != nullptr)
    why.push_back(item.at_cut_off.state.rating->label);
  if (item.overdue) why.push_back("overdue");
  // As of the end of the window, which is when these hold: an entry dated before then may have moved the target.
  const answers::FindingRow& at = item.at_cut_off;
  if (item.due_soon && at.state.due) why.push_back("due " + chase_date(chase, *at.state.due, style));
  if (item.stale && at.last_update) {
    why.push_back((at.last_update_as_at ? "last known as at " : "no update since ") +
                  chase_date(chase, *at.last_update, style));
  }
  if (item.unrated) why.push_back(chase.config->vocabulary.customised ? "no rating" : "no RAG rating");
  return fmt::format("{}", fmt::join(why, "; "));
}

std::string chase_paper_shows(const answers::Chase& chase, const answers::ChaseItem& item, DateStyle style) {
  const answers::FindingRow& at = item.at_cut_off;
  std::vector<std::string> shown;
  shown.push_back(at.state.rating != nullptr ? at.state.rating->label : std::string("Unrated"));
  if (item.needs_attention) shown.back() += ", listed in full";
  if (at.overdue && at.state.due) shown.push_back("overdue since " + chase_date(chase, *at.state.due, style));
  if (at.stale && at.days_since_update) shown.push_back(fmt::format("not updated for {} days", *at.days_since_update));
  return fmt::format("{}", fmt::join(shown, "; "));
}

namespace {

std::string latest_note(const answers::FindingRow& row) {
  return row.state.noted != nullptr ? row.state.noted->note.str() : std::string();
}

Table chase_table(const answers::Chase& v, const answers::ChaseGroup& group) {
  const model::Vocabulary& vocabulary = v.config->vocabulary;
  Table table{{{"Finding"},
               {"Title", Align::left, true},
               {"Due", Align::left, false, false, CellKind::date},
               {rating_heading(vocabulary)},
               {"Latest note", Align::left, true, true},
               {chase_outcome_label(v, DateStyle::iso), Align::left, true}},
              {}};
  for (const answers::ChaseItem& item : group.items) {
    const answers::FindingRow& row = item.row;
    table.add_row(row.finding->id, row.finding->title,
                  row.state.due ? date_cell(*row.state.due, DateStyle::iso) : Cell(),
                  rating_cell(row.state, vocabulary), latest_note(row), chase_paper_shows(v, item, DateStyle::iso));
  }
  return table;
}

std::size_t item_count(const answers::Chase& v) {
  std::size_t n = 0;
  for (const answers::ChaseGroup& group : v.groups) n += group.items.size();
  return n;
}

}  // namespace

Document to_document(const answers::Chase& v) {
  const model::Vocabulary& vocabulary = v.config->vocabulary;
  Document d;
  d.add(Heading{1, fmt::format("Findings to update {}", deadline(v))});
  const std::string who = v.by_portfolio ? "portfolio" : "owner";
  if (v.groups.empty()) {
    return d.add(
        Paragraph{fmt::format("As of {}, no open finding is rated {}, overdue, due, stale or unrated by {}: "
                              "nobody needs chasing.",
                              v.as_of.iso(), attention_words(vocabulary), v.until.iso())});
  }
  d.add(
      Paragraph{fmt::format("As of {}: {} for {} {}. Unless an update is written by {}, {} each as its last "
                            "column says.",
                            v.as_of.iso(), count_phrase(item_count(v), "finding", "findings"), v.groups.size(),
                            v.groups.size() == 1 ? who : who + "s", v.until.iso(),
                            v.ends_at_paper ? "the paper will show" : "the register will then show")});
  for (const answers::ChaseGroup& group : v.groups) {
    d.add(Heading{2, fmt::format("{} ({})", group.name, group.items.size())});
    if (!group.email.empty()) d.add(Fields{{{"Email", group.email}}});
    d.add(chase_table(v, group));
  }
  return d;
}

PrintedPage printed_page(const answers::Chase& v) {
  return printed_page(v.config->force_name, "HMICFRS findings to chase", v.as_of);
}

std::vector<Sheet> to_sheets(const answers::Chase& v) {
  Table all{{{v.by_portfolio ? "Portfolio" : "Owner"}, {"Email"}}, {}};
  for (const answers::ChaseGroup& group : v.groups) {
    Table table = chase_table(v, group);
    if (all.columns.size() == 2) all.columns.insert(all.columns.end(), table.columns.begin(), table.columns.end());
    for (std::vector<Cell>& row : table.rows) {
      row.insert(row.begin(), {{group.name}, {group.email}});
      all.rows.push_back(std::move(row));
    }
  }
  if (all.columns.size() == 2) {
    const Table empty = chase_table(v, {});
    all.columns.insert(all.columns.end(), empty.columns.begin(), empty.columns.end());
  }
  return {{"To chase", std::move(all)}};
}

}  // namespace hmicfrs::render
