// `chase`: the findings to ask each owner about before the next paper, as a
// document, a workbook, JSON, and one email message per owner.

#include <set>
#include <span>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <hmicfrs/model/returns.hpp>
#include <hmicfrs/util/slug.hpp>

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

// The commissioner's responses to ask the office for: each report, when it came out, and where its response stands.
void add_responses(Document& d, const answers::Chase& v) {
  if (v.responses.empty()) return;
  d.add(Heading{2, fmt::format("{}: responses to reports ({})", v.commissioner, v.responses.size())});
  if (!v.commissioner_email.empty()) d.add(Fields{{{"Email", v.commissioner_email}}});
  Table table{{{"Inspection"},
               {"Published", Align::left, false, false, CellKind::date},
               {"Response", Align::left, true},
               {"Title", Align::left, true}},
              {}};
  for (const answers::ResponseState& response : v.responses) {
    table.add_row(response.inspection->id, date_cell(*response.inspection->published, DateStyle::iso),
                  response_text(response, DateStyle::iso), response.inspection->title);
  }
  d.add(std::move(table));
}

// The actions a group is asked about: each with its finding, and why.
Table chase_actions_table(const answers::Chase& v, const answers::ChaseGroup& group) {
  Table table{{{"Finding"},
               {"Action"},
               {"Title", Align::left, true},
               {"Due", Align::left, false, false, CellKind::date},
               {"Complete", Align::right},
               {"Asked because", Align::left, true}},
              {}};
  for (const answers::ChaseAction& a : group.actions) {
    table.add_row(a.finding->id, a.action.action->id, a.action.action->title,
                  date_cell(*a.action.action->due, DateStyle::iso), percent_text(a.action.counted_percent()),
                  a.due_soon ? "due by " + v.until.iso() : std::string("overdue"));
  }
  return table;
}

std::size_t action_count(const answers::Chase& v) {
  std::size_t n = 0;
  for (const answers::ChaseGroup& group : v.groups) n += group.actions.size();
  return n;
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
  if (v.groups.empty() && v.responses.empty()) {
    return d.add(
        Paragraph{fmt::format("As of {}, no open finding is rated {}, overdue, due, stale or unrated by {}{}: "
                              "nobody needs chasing.",
                              v.as_of.iso(), attention_words(vocabulary), v.until.iso(),
                              v.tracks_responses ? ", and no response to a report is due or overdue" : "")});
  }
  if (v.groups.empty()) {
    d.add(Paragraph{fmt::format("As of {}: {} for the {}.", v.as_of.iso(),
                                count_phrase(v.responses.size(), "response to a report", "responses to reports"),
                                v.commissioner)});
    add_responses(d, v);
    return d;
  }
  const std::size_t actions = action_count(v);
  const std::string asked = actions == 0 ? count_phrase(item_count(v), "finding", "findings")
                                         : fmt::format("{} and {}", count_phrase(item_count(v), "finding", "findings"),
                                                       count_phrase(actions, "action", "actions"));
  d.add(Paragraph{fmt::format(
      "As of {}: {} for {} {}. Unless an update is written by {}, {} each {}as its last "
      "column says.",
      v.as_of.iso(), asked, v.groups.size(), v.groups.size() == 1 ? who : who + "s", v.until.iso(),
      v.ends_at_paper ? "the paper will show" : "the register will then show", actions == 0 ? "" : "finding ")});
  for (const answers::ChaseGroup& group : v.groups) {
    d.add(Heading{2, fmt::format("{} ({})", group.name, group.items.size() + group.actions.size())});
    if (!group.email.empty()) d.add(Fields{{{"Email", group.email}}});
    if (!group.items.empty()) d.add(chase_table(v, group));
    if (!group.actions.empty()) d.add(chase_actions_table(v, group));
  }
  add_responses(d, v);
  return d;
}

PrintedPage printed_page(const answers::Chase& v) {
  return printed_page(v.config->force_name, "HMICFRS findings to chase", v.as_of);
}

namespace {

namespace returns = model::returns;

// The words the update's columns offer: the register's ratings, and its statuses but superseded, which needs the
// finding that replaces it (recorded with `update --by`).
std::vector<std::string> rating_choices(const model::Vocabulary& vocabulary) {
  std::vector<std::string> choices;
  for (const model::Rating& rating : vocabulary.ratings) choices.push_back(rating.label);
  return choices;
}

std::vector<std::string> status_choices(const model::Vocabulary& vocabulary) {
  std::vector<std::string> choices;
  for (const std::string_view name : model::names_of<model::Status>()) {
    const auto status = model::value_named<model::Status>(name);
    if (*status != model::Status::superseded) choices.push_back(vocabulary.label(*status));
  }
  return choices;
}

// The sheet owners fill in: a row a finding, what it is and what the paper will show locked, the update's columns
// open; and the hidden sheet that records whose register wrote it and what each row stood for.
std::vector<Sheet> returnable_sheets(const answers::Chase& v, std::span<const answers::ChaseGroup> groups) {
  const model::Vocabulary& vocabulary = v.config->vocabulary;
  const auto header = [](std::string_view text) { return Column{std::string(text)}; };
  const auto filled = [](std::string_view text, CellKind kind, bool wraps, std::vector<std::string> choices) {
    Column column{std::string(text), Align::left, wraps, false, kind};
    column.fill_in = true;
    column.choices = std::move(choices);
    return column;
  };
  const Table shown = chase_table(v, {});
  Table updates{{header(v.by_portfolio ? returns::k_portfolio : returns::k_owner), header(returns::k_email)}, {}};
  updates.columns.insert(updates.columns.end(), shown.columns.begin(), shown.columns.end());
  updates.columns.push_back(header(returns::k_last_entry));
  updates.columns.push_back(filled(returns::k_new_rating, CellKind::text, false, rating_choices(vocabulary)));
  updates.columns.push_back(filled(returns::k_new_status, CellKind::text, false, status_choices(vocabulary)));
  updates.columns.push_back(filled(returns::k_update_note, CellKind::text, true, {}));
  updates.columns.push_back(filled(returns::k_update_date, CellKind::date, false, {}));

  Table record{{}, {}};
  for (const std::string_view heading : returns::k_record_headers) record.columns.push_back(header(heading));
  record.add_row(std::string(returns::k_kind_key), std::string(returns::k_kind));
  record.add_row(std::string(returns::k_force_key), v.config->force_name);
  record.add_row(std::string(returns::k_committee_key), v.config->committee_name);
  record.add_row(std::string(returns::k_as_of_key), v.as_of.iso());
  for (const answers::ChaseGroup& group : groups) {
    Table table = chase_table(v, group);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      const model::Finding& finding = *group.items[i].row.finding;
      std::vector<Cell>& row = table.rows[i];
      const std::string stamp = returns::last_entry_stamp(finding);
      row.insert(row.begin(), {{group.name}, {group.email}});
      row.emplace_back(stamp);
      updates.rows.push_back(std::move(row));
      record.add_row(std::string(returns::k_row_key), finding.id.str(), stamp, std::to_string(finding.history.size()),
                     std::to_string(updates.rows.size() + 1));
    }
  }
  std::vector<Sheet> sheets;
  sheets.push_back({std::string(returns::k_updates_sheet), std::move(updates)});
  sheets.push_back({std::string(returns::k_record_sheet), std::move(record), true});
  return sheets;
}

}  // namespace

std::vector<Sheet> to_sheets(const answers::Chase& v) { return returnable_sheets(v, v.groups); }

std::vector<std::string> group_file_stems(const answers::Chase& v) {
  std::vector<std::string> out;
  std::set<std::string> stems;
  for (const answers::ChaseGroup& group : v.groups) {
    // The group's name as a slug (cut to 80 characters), numbered when two come out alike.
    const std::string base = util::slugified(group.name).substr(0, 80);
    std::string stem = base.empty() ? std::string("owner") : base;
    for (int n = 2; !stems.insert(stem).second; ++n) stem = fmt::format("{}-{}", base.empty() ? "owner" : base, n);
    out.push_back(std::move(stem));
  }
  return out;
}

std::string left_out_of_workbooks(const answers::Chase& v) {
  const std::size_t actions = action_count(v);
  if (actions == 0 && v.responses.empty()) return {};
  std::vector<std::string> parts;
  if (actions > 0) parts.push_back(count_phrase(actions, "action", "actions"));
  if (!v.responses.empty()) {
    parts.push_back(count_phrase(v.responses.size(), "response to a report", "responses to reports"));
  }
  return fmt::format(
      "note: workbooks hold findings only; the {} to chase are in the other formats (--format eml "
      "-o DIR, or text)\n",
      fmt::join(parts, " and "));
}

std::vector<NamedFile> to_workbooks(const answers::Chase& v, const std::string& marking) {
  PrintedPage page = printed_page(v);
  page.marking = marking;
  const std::vector<std::string> stems = group_file_stems(v);
  std::vector<NamedFile> out;
  for (std::size_t g = 0; g < v.groups.size(); ++g) {
    if (v.groups[g].items.empty()) continue;  // a workbook holds findings; an owner asked only about actions has none
    std::ostringstream bytes;
    page.title = fmt::format("{} \u2014 findings for {} to update, as of {}", v.config->force_name, v.groups[g].name,
                             long_date(v.as_of));
    write_xlsx(bytes, returnable_sheets(v, {&v.groups[g], 1}), page);
    out.push_back({stems[g] + ".xlsx", std::move(bytes).str()});
  }
  return out;
}

}  // namespace hmicfrs::render
