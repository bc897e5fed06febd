#include "json.hpp"

#include <hmicfrs/render/labels.hpp>
#include "tables.hpp"

namespace hmicfrs::render {
namespace {

Json date_json(const std::optional<model::Date>& date) { return date ? Json(date->iso()) : Json(nullptr); }

// A date, or "undated" for an occasion known of without one.
Json occasion_json(const model::Occasion& occasion) {
  return occasion.date ? Json(occasion.date->iso()) : Json("undated");
}
Json occasion_json(const std::optional<model::Occasion>& occasion) {
  return occasion ? occasion_json(*occasion) : Json(nullptr);
}

// How many findings' states a window records only as at a date, by date.
Json as_at_json(const std::vector<answers::AsAtCount>& counts) {
  Json array = Json::array();
  for (const answers::AsAtCount& c : counts) array.push_back(Json{{"as_at", c.date.iso()}, {"count", c.count}});
  return array;
}

// A data-file name as JSON, or null.
template <class E>
Json name_json(const std::optional<E>& value) {
  return value ? Json(model::name_of(*value)) : Json(nullptr);
}

// A string, or null when it is empty.
Json text_or_null(std::string_view text) { return text.empty() ? Json(nullptr) : Json(text); }

// A rating's id, or null.
Json rating_json(const model::Rating* rating) { return rating != nullptr ? Json(rating->id) : Json(nullptr); }

// Counts keyed by the ratings' ids, then unrated, open, closed and total.
Json counts_json(const answers::RagCounts& c, const model::Vocabulary& vocabulary) {
  Json json = Json::object();
  for (std::size_t i = 0; i < vocabulary.ratings.size(); ++i) json[vocabulary.ratings[i].id] = c.of(i);
  json["unrated"] = c.unrated;
  json["open"] = c.open();
  json["closed"] = c.closed;
  json["total"] = c.total();
  // How the closed ones closed, and the share done, as the tables and the prose give them.
  Json closings = Json::object();
  for (const answers::ClosingCount& closing : c.closings) closings[std::string(model::name_of(closing.status))] = closing.count;
  json["closed_by_status"] = closings;
  // A rating of both kinds counts open and closed findings alike: how many of its findings are closed, as the
  // tables' "(closed)" column gives them. Only where the vocabulary has such a rating.
  Json closed_rated = Json::object();
  for (std::size_t i = 0; i < vocabulary.ratings.size(); ++i) {
    if (vocabulary.ratings[i].marks == model::Marks::both) closed_rated[vocabulary.ratings[i].id] = c.closed_of(i);
  }
  if (!closed_rated.empty()) json["closed_by_rating"] = closed_rated;
  json["completed"] = c.completed;
  json["percent_complete"] = c.percent_complete ? Json(*c.percent_complete) : Json(nullptr);
  json["not_formal"] = c.not_formal;
  // Left out of the counts, as the prose says: repeats are counted with the earlier finding, causes of concern
  // through their recommendations.
  json["repeats"] = c.repeats;
  json["causes_of_concern"] = c.causes;
  return json;
}

Json groups_json(const std::vector<answers::RagGroup>& groups, const model::Vocabulary& vocabulary) {
  Json array = Json::array();
  for (const answers::RagGroup& g : groups) {
    Json group{{"key", g.key}, {"label", g.label}};
    if (g.inspection != nullptr) group["published"] = date_json(g.inspection->published);
    group.update(counts_json(g.counts, vocabulary));
    array.push_back(std::move(group));
  }
  return array;
}

// The register's own ratings, when it declares them: what each id means.
Json vocabulary_json(const model::Vocabulary& vocabulary) {
  Json array = Json::array();
  for (const model::Rating& r : vocabulary.ratings) {
    array.push_back(Json{{"id", r.id},
                         {"label", r.label},
                         {"meaning", text_or_null(r.meaning)},
                         {"colour", r.colour},
                         {"marks", model::name_of(r.marks)}});
  }
  return array;
}

Json moves_json(const std::vector<answers::RagMove>& moves) {
  Json array = Json::array();
  for (const answers::RagMove& m : moves) {
    array.push_back(Json{{"from", rating_json(m.from)}, {"to", rating_json(m.to)}, {"count", m.count}});
  }
  return array;
}

Json state_json(const answers::FindingState& s) {
  return Json{{"status", model::name_of(s.status)},
              {"rag", rating_json(s.rating)},
              {"owner", s.owner},
              {"due", date_json(s.due)}};
}

// A finding's actions as of the answer's date: only a finding that has actions has these keys.
Json actions_json(const std::vector<answers::ActionState>& actions) {
  Json array = Json::array();
  for (const answers::ActionState& a : actions) {
    array.push_back(Json{{"id", a.action->id},
                         {"title", a.action->title},
                         {"owner", text_or_null(a.owner)},
                         {"due", date_json(a.action->due)},
                         {"status", model::name_of(a.status)},
                         {"percent", a.percent},
                         {"counted_percent", a.counted_percent()},
                         {"overdue", a.overdue},
                         {"latest_note", a.noted != nullptr ? Json(a.noted->note) : Json(nullptr)},
                         {"latest_note_date", a.noted != nullptr ? Json(a.noted->date.iso()) : Json(nullptr)}});
  }
  return array;
}

Json finding_summary(const answers::FindingRow& row) {
  const model::Finding& f = *row.finding;
  Json json{{"id", f.id},       {"inspection", row.inspection->id},
            {"ref", f.ref},     {"type", model::name_of(f.type)},
            {"title", f.title}, {"portfolio", text_or_null(f.portfolio.value)}};
  json.update(state_json(row.state));
  json["overdue"] = row.overdue;
  json["stale"] = row.stale;
  json["last_update"] = date_json(row.last_update);
  json["last_update_as_at"] = row.last_update_as_at;
  json["days_since_update"] = row.days_since_update ? Json(*row.days_since_update) : Json(nullptr);
  // Given only for the findings counted elsewhere: a register without such findings gives none of these keys.
  if (row.state.tracked_as != nullptr) json["tracked_as"] = row.state.tracked_as->id;
  if (row.state.follows_recommendations) json["follows_recommendations"] = true;
  if (row.state.action_rule != nullptr) json["action_rule"] = row.state.action_rule->number;
  if (!row.actions.empty()) {
    json["actions_complete"] = *row.actions_complete;
    json["actions"] = actions_json(row.actions);
  }
  return json;
}

// A finding's latest note, `latest_note`, and the day of the entry that holds it, `latest_note_date` (both null
// when it has none): a later entry of a status or rating alone does not hide it.
void add_latest_note(Json& json, const model::HistoryEntry* noted) {
  json["latest_note"] = noted != nullptr ? Json(noted->note) : Json(nullptr);
  json["latest_note_date"] = noted != nullptr ? Json(noted->date.iso()) : Json(nullptr);
}

Json findings_json(const std::vector<answers::FindingRow>& rows) {
  Json array = Json::array();
  for (const answers::FindingRow& row : rows) array.push_back(finding_summary(row));
  return array;
}

Json period_json(const std::optional<model::Period>& period) {
  if (!period) return nullptr;
  return Json{
      {"from", period->from.iso()}, {"to", date_json(period->to)}, {"week_commencing", period->from.week_commencing()}};
}

Json inspection_summary(const model::Inspection& i) {
  return Json{{"id", i.id},
              {"type", model::name_of(i.type)},
              {"title", i.title},
              {"involvement", model::name_of(i.involvement)},
              {"notified", date_json(i.notified)},
              {"fieldwork", period_json(i.fieldwork)},
              {"published", date_json(i.published)},
              {"other_forces", i.other_forces}};
}

Json inspections_array(const std::vector<const model::Inspection*>& inspections) {
  Json array = Json::array();
  for (const model::Inspection* inspection : inspections) array.push_back(inspection_summary(*inspection));
  return array;
}

// The commissioner's response to a report: where it stands, its last day and its publication.
Json response_json(const answers::ResponseState& r) {
  Json json{{"inspection", r.inspection->id},
            {"standing", model::name_of(r.standing)},
            {"report_published", date_json(r.inspection->published)},
            {"due", date_json(r.due)},
            {"due_by", date_json(r.due_by)},
            {"published", date_json(r.published)}};
  if (r.standing == answers::ResponseStanding::due) json["days_left"] = r.due ? Json(r.days_left) : Json(nullptr);
  if (r.standing == answers::ResponseStanding::overdue) json["days_overdue"] = r.days_over;
  if (r.standing == answers::ResponseStanding::published) json["days_late"] = r.days_over;
  if (r.standing == answers::ResponseStanding::overdue || r.standing == answers::ResponseStanding::published) {
    json["at_least"] = r.at_least;
  }
  json["url"] = text_or_null(r.url);
  json["note"] = text_or_null(r.note);
  return json;
}

Json responses_json(const std::vector<answers::ResponseState>& responses) {
  Json array = Json::array();
  for (const answers::ResponseState& r : responses) array.push_back(response_json(r));
  return array;
}

Json monitoring_change_json(const model::MonitoringChange& change) {
  return Json{{"date", change.date.iso()},
              {"phase", model::name_of(change.phase)},
              {"reason", text_or_null(change.reason)},
              {"letter", text_or_null(change.letter)}};
}

// The force's monitoring phase as of the answer's date (null before the first), and its changes in the window.
Json monitoring_json(const answers::Monitoring& m) {
  Json changes = Json::array();
  for (const answers::MonitoringStep& step : m.changes) {
    Json change = monitoring_change_json(*step.change);
    change["from"] = step.before != nullptr ? Json(model::name_of(step.before->phase)) : Json(nullptr);
    changes.push_back(std::move(change));
  }
  return Json{{"current", m.current != nullptr ? monitoring_change_json(*m.current) : Json(nullptr)},
              {"changes", changes}};
}

Json refs_json(const std::vector<answers::FindingRef>& refs);

// A finding's links both ways, as `show` and the paper's red section give them.
Json links_json(const answers::FindingLinks& links) {
  Json json{{"superseded_by", refs_json(links.superseded_by)},
            {"supersedes", refs_json(links.supersedes)},
            {"cause_of_concern", refs_json(links.cause_of_concern)},
            {"answered_by", refs_json(links.answered_by)},
            {"related", refs_json(links.related)},
            {"related_from", refs_json(links.related_from)}};
  // What only some registers record is given only when there, so that readers of other registers see no new keys.
  if (!links.repeats.empty()) json["repeats"] = refs_json(links.repeats);
  if (!links.repeated_in.empty()) json["repeated_in"] = refs_json(links.repeated_in);
  return json;
}

Json refs_json(const std::vector<answers::FindingRef>& refs) {
  Json array = Json::array();
  for (const answers::FindingRef& ref : refs) array.push_back(ref.finding->id);
  return array;
}

Json assessment_json(const answers::PeelAssessment& a) {
  return Json{{"inspection", a.inspection->id},
              {"title", a.inspection->title},
              {"published", date_json(a.inspection->published)},
              {"cycle", a.cycle->id},
              {"cycle_name", a.cycle->name},
              {"scale", model::name_of(a.cycle->scale)}};
}

Json graded_areas_json(const std::vector<answers::GradedArea>& areas) {
  Json array = Json::array();
  for (const answers::GradedArea& a : areas) {
    array.push_back(
        Json{{"id", a.area->id},
             {"short", a.area->short_label},
             {"long", a.area->long_label},
             {"narrative", text_or_null(a.narrative)},
             {"report", a.report != nullptr ? Json(a.report->id) : Json(nullptr)},
             {"carried_over_from", a.carried_over_from != nullptr ? Json(a.carried_over_from->id) : Json(nullptr)}});
  }
  return array;
}

// The grade columns and the areas not graded of a grade table.
Json grades_json(const answers::PeelTable& table) {
  Json grades = Json::array();
  for (const auto& [grade, areas] : table.columns) {
    grades.push_back(Json{{"grade", model::name_of(grade)}, {"areas", graded_areas_json(areas)}});
  }
  Json reports = Json::array();
  for (const model::Inspection* report : table.reports) reports.push_back(report->id);
  Json not_recorded = Json::array();
  for (const model::PeelArea* area : table.not_recorded) {
    not_recorded.push_back(Json{{"id", area->id}, {"short", area->short_label}, {"long", area->long_label}});
  }
  return Json{{"reports", reports},
              {"grades", grades},
              {"not_graded", graded_areas_json(table.not_graded)},
              {"not_recorded", not_recorded}};
}

Json window_json(const answers::Window& w) { return Json{{"after", date_json(w.after)}, {"until", w.until.iso()}}; }

Json history_json(const std::vector<const model::HistoryEntry*>& history) {
  Json array = Json::array();
  for (const model::HistoryEntry* e : history) {
    array.push_back(Json{{"date", e->date.iso()},
                         {"as_at", e->as_at},
                         {"status", name_json(e->status)},
                         {"rag", text_or_null(e->rag.value)},
                         {"note", e->note},
                         {"by", text_or_null(e->by.value)},
                         {"owner", e->owner ? Json(e->owner->view()) : Json(nullptr)},
                         {"due", date_json(e->due)}});
  }
  return array;
}

Json gradings_json(const model::Inspection& i) {
  if (!i.gradings) return nullptr;
  Json areas = Json::array();
  for (const model::Grading& g : i.gradings->areas) {
    areas.push_back(Json{{"area", g.area.value},
                         {"grade", model::name_of(g.grade.value)},
                         {"narrative", text_or_null(g.narrative)},
                         {"carried_over_from", text_or_null(g.carried_over_from.value)}});
  }
  return Json{{"cycle", i.gradings->cycle.value}, {"areas", areas}};
}

// A count the register gives, or null when it leaves it out (which is not the same as 0).
Json count_json(const std::optional<int>& count) { return count ? Json(*count) : Json(nullptr); }

Json by_type_json(const model::FindingCounts::ByType& c) {
  return Json{{"causes_of_concern", count_json(c.causes_of_concern)},
              {"recommendations", count_json(c.recommendations)},
              {"afis", count_json(c.afis)}};
}

// What a report's counts say it makes, or null.
Json counts_stated_json(const model::Inspection& i) {
  if (!i.counts) return nullptr;
  Json json = by_type_json(i.counts->made);
  json["continuing"] = by_type_json(i.counts->continuing);
  json["continuing_from"] = text_or_null(i.counts->continuing_from.value);
  return json;
}

// The inspections active in a paper's window, each with the phases and events that fell in it.
Json activity_json(const std::vector<answers::Activity>& activity) {
  Json array = Json::array();
  for (const answers::Activity& a : activity) {
    Json item = inspection_summary(*a.inspection);
    Json phases = Json::array();
    for (const answers::PhaseTold& told : a.phases) {
      Json phase{{"label", told.phase->label}};
      phase.update(period_json(told.phase->period));
      phases.push_back(std::move(phase));
    }
    Json events = Json::array();
    for (const model::InspectionEvent* e : a.events) {
      events.push_back(
          Json{{"event", model::name_of(e->kind)}, {"date", occasion_json(e->when)}, {"note", text_or_null(e->note)}});
    }
    item["phases_in_window"] = phases;
    item["events_in_window"] = events;
    array.push_back(std::move(item));
  }
  return array;
}

// Draft reports received and not yet published: when, when expected out, and what they hold.
Json drafts_json(const std::vector<answers::Draft>& drafts) {
  Json array = Json::array();
  for (const answers::Draft& draft : drafts) {
    const model::Inspection* i = draft.inspection;
    Json item = inspection_summary(*i);
    item["draft_received"] = occasion_json(i->draft_received);
    item["publication_expected"] = date_json(i->publication_expected);
    item["summary"] = i->summary;
    item["counts"] = counts_stated_json(*i);
    array.push_back(std::move(item));
  }
  return array;
}

Json notified_json(const answers::NotifiedSection& notified) {
  Json array = Json::array();
  for (const answers::Notified& item : notified.inspections) array.push_back(inspection_summary(*item.inspection));
  return array;
}

Json contact_json(const model::Contact& c) {
  return Json{{"name", c.name}, {"title", c.title}, {"email", c.email}, {"phone", c.phone}};
}

}  // namespace

void write_json(std::ostream& out, const Json& json) {
  // Paths may hold any bytes: write what is not UTF-8 as U+FFFD rather than fail.
  out << json.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

Json to_json(const answers::Status& v) {
  Json json{{"as_of", v.as_of.iso()},
            {"force", v.force},
            {"counts", counts_json(v.counts, *v.vocabulary)},
            {"stale_after_days", v.stale_after_days},
            {"red", findings_json(v.outstanding.needing_attention)},
            {"overdue", findings_json(v.outstanding.overdue)},
            {"stale", findings_json(v.outstanding.stale)},
            {"upcoming_inspections", inspections_array(v.upcoming)}};
  // What only some registers record is given only when there, so that readers of other registers see no new keys.
  if (v.tracks_responses) json["responses"] = responses_json(v.responses);
  if (v.monitoring) json["monitoring"] = monitoring_json(*v.monitoring);
  return json;
}

Json to_json(const answers::Chase& v) {
  Json groups = Json::array();
  for (const answers::ChaseGroup& group : v.groups) {
    Json items = Json::array();
    for (const answers::ChaseItem& item : group.items) {
      Json json = finding_summary(item.row);
      add_latest_note(json, item.row.state.noted);
      json["reasons"] = Json{{"red", item.needs_attention},
                             {"overdue", item.overdue},
                             {"due_soon", item.due_soon},
                             {"stale", item.stale},
                             {"unrated", item.unrated}};
      json["at_cut_off"] = finding_summary(item.at_cut_off);
      items.push_back(std::move(json));
    }
    Json json{{"name", group.name}, {"email", text_or_null(group.email)}, {"findings", items}};
    if (!group.actions.empty()) {
      Json actions = Json::array();
      for (const answers::ChaseAction& a : group.actions) {
        Json action = actions_json({a.action})[0];
        action["finding"] = a.finding->id;
        action["due_soon"] = a.due_soon;
        actions.push_back(std::move(action));
      }
      json["actions"] = actions;
    }
    groups.push_back(std::move(json));
  }
  Json json{{"as_of", v.as_of.iso()},
            {"until", v.until.iso()},
            {"meeting", v.meeting != nullptr ? Json(v.meeting->id) : Json(nullptr)},
            {"reply_by", v.reply_by.iso()},
            {"by", v.by_portfolio ? "portfolio" : "owner"},
            {"groups", groups}};
  if (v.tracks_responses) {
    json["commissioner"] = Json{{"name", v.commissioner}, {"email", text_or_null(v.commissioner_email)}};
    json["responses"] = responses_json(v.responses);
  }
  return json;
}

Json to_json(const answers::FindingList& v) {
  if (v.actions) {
    Json actions = Json::array();
    for (const answers::FindingRow& row : v.rows) {
      for (Json& action : actions_json(row.actions)) {
        action["finding"] = row.finding->id;
        actions.push_back(std::move(action));
      }
    }
    return Json{{"as_of", v.as_of.iso()}, {"count", actions.size()}, {"actions", actions}};
  }
  return Json{{"as_of", v.as_of.iso()}, {"count", v.rows.size()}, {"findings", findings_json(v.rows)}};
}

Json to_json(const answers::RagBreakdown& v) {
  Json json{{"as_of", v.as_of.iso()},
            {"by", model::name_of(v.grouping)},
            {"groups", groups_json(v.groups, *v.vocabulary)},
            {"total", counts_json(v.total, *v.vocabulary)}};
  if (v.vocabulary->customised) json["ratings"] = vocabulary_json(*v.vocabulary);
  return json;
}

Json to_json(const answers::FindingDetail& v) {
  const model::Finding& f = *v.row.finding;
  Json finding = finding_summary(v.row);
  finding["scope"] = model::name_of(f.scope);
  finding["area"] = text_or_null(f.area.value);
  finding["priority"] = text_or_null(f.priority.value);
  finding["theme"] = text_or_null(f.theme);
  finding["text"] = f.text;
  finding["history"] = history_json(v.history);
  finding["links"] = links_json(v.links);
  if (f.inspectorate_due) finding["inspectorate_due"] = f.inspectorate_due->iso();
  if (const model::HistoryEntry* moved = v.row.state.target_moved_by) {
    finding["target_moved"] = Json{{"date", moved->date.iso()}, {"as_at", moved->as_at}, {"note", moved->note}};
  }
  if (v.row.state.rating_derived) finding["rating_derived"] = true;
  return Json{{"as_of", v.as_of.iso()}, {"finding", finding}};
}

Json to_json(const answers::InspectionDetail& v) {
  const model::Inspection& i = *v.inspection;
  Json inspection = inspection_summary(i);
  inspection["inspectorates"] = i.inspectorates;
  inspection["short_name"] = text_or_null(i.short_name);
  inspection["superseded"] =
      i.superseded ? Json{{"by", i.superseded->by.value}, {"date", i.superseded->date.iso()}} : Json(nullptr);
  Json phases = Json::array();
  for (const model::FieldworkPhase& p : i.phases) {
    Json phase{{"label", p.label}};
    phase.update(period_json(p.period));
    phase["note"] = text_or_null(p.note);
    phases.push_back(std::move(phase));
  }
  inspection["phases"] = phases;
  Json events = Json::array();
  for (const model::InspectionEvent& e : i.events) {
    events.push_back(
        Json{{"event", model::name_of(e.kind)}, {"date", occasion_json(e.when)}, {"note", text_or_null(e.note)}});
  }
  inspection["events"] = events;
  inspection["draft_expected"] = occasion_json(i.draft_expected);
  inspection["draft_received"] = occasion_json(i.draft_received);
  inspection["publication_expected"] = date_json(i.publication_expected);
  inspection["url"] = text_or_null(i.url);
  inspection["summary"] = i.summary;
  inspection["gradings"] = gradings_json(i);
  inspection["counts"] = counts_stated_json(i);
  inspection["findings"] = findings_json(v.rows);
  if (v.response) inspection["response"] = response_json(*v.response);
  return Json{{"as_of", v.as_of.iso()}, {"inspection", inspection}};
}

Json to_json(const answers::PeelGrades& v) {
  Json json{{"as_of", v.as_of.iso()}, {"cycle", v.cycle != nullptr ? Json(v.cycle->id) : Json(nullptr)}};
  if (!v.table) {
    json["assessment"] = nullptr;
    return json;
  }
  json["assessment"] = assessment_json(v.table->assessment);
  json.update(grades_json(*v.table));
  return json;
}

Json to_json(const answers::PeelComparison& c) {
  Json areas = Json::array();
  for (const answers::AreaComparison& a : c.areas) {
    areas.push_back(
        Json{{"id", a.id}, {"label", a.label}, {"first", name_json(a.first)}, {"second", name_json(a.second)}});
  }
  return Json{{"as_of", c.as_of.iso()},
              {"first", assessment_json(c.first)},
              {"second", assessment_json(c.second)},
              {"cycles_differ", c.cycles_differ},
              {"scales_differ", c.scales_differ},
              {"warning", c.cycles_differ ? Json(comparison_warning(c)) : Json(nullptr)},
              {"areas", areas}};
}

Json to_json(const answers::PeelAreas& v) {
  Json cycles = Json::array();
  for (const model::PeelCycle* cycle : v.cycles) {
    Json areas = Json::array();
    for (const model::PeelArea& a : cycle->areas) {
      areas.push_back(Json{{"id", a.id},
                           {"short", a.short_label},
                           {"long", a.long_label},
                           {"pillar", text_or_null(a.pillar)},
                           {"graded", a.graded}});
    }
    cycles.push_back(Json{{"id", cycle->id},
                          {"name", cycle->name},
                          {"scale", model::name_of(cycle->scale)},
                          {"source", text_or_null(cycle->source)},
                          {"note", text_or_null(cycle->note)},
                          {"areas_confirmed", cycle->areas_confirmed},
                          {"areas", areas}});
  }
  return Json{{"cycles", cycles}};
}

// The calendar's inspections, each with its response when the register tracks them.
Json calendar_json(const answers::Calendar& v) {
  Json array = inspections_array(v.inspections);
  for (std::size_t i = 0; i < v.responses.size(); ++i) {
    array[i]["response"] = v.responses[i] ? response_json(*v.responses[i]) : Json(nullptr);
  }
  return array;
}

Json to_json(const answers::Calendar& v) {
  return Json{{"as_of", v.window.until.iso()},
              {"scope", model::name_of(v.scope)},
              {"since", date_json(v.window.after)},
              {"inspections", calendar_json(v)}};
}

Json to_json(const answers::Movement& v) {
  Json added = Json::array(), rag = Json::array(), status = Json::array(), closed = Json::array();
  for (const answers::FindingChange& c : v.changes) {
    const std::string_view id = c.finding->id;
    if (c.added) added.push_back(Json{{"id", id}, {"title", c.finding->title}, {"state", state_json(c.after)}});
    if (c.rag_moved) {
      rag.push_back(Json{{"id", id}, {"from", rating_json(c.before.rating)}, {"to", rating_json(c.after.rating)}});
    }
    if (c.status_changed) {
      status.push_back(
          Json{{"id", id}, {"from", model::name_of(c.before.status)}, {"to", model::name_of(c.after.status)}});
    }
    if (c.closed) closed.push_back(Json{{"id", id}, {"status", model::name_of(c.after.status)}});
  }
  return Json{{"window", window_json(v.window)},
              {"new", added},
              {"rag_moves", rag},
              {"rag_move_counts", moves_json(v.rag_moves)},
              {"status_changes", status},
              {"closed", closed},
              {"recorded_as_at", as_at_json(v.recorded_as_at)}};
}

Json to_json(const answers::Committees& v) {
  Json meetings = Json::array();
  for (const answers::MeetingWindow& m : v.meetings) {
    meetings.push_back(Json{{"id", m.meeting->id},
                            {"date", m.meeting->date.iso()},
                            {"agenda_item", m.meeting->agenda_item},
                            {"cut_off", m.meeting->cut_off().iso()},
                            {"window", window_json(m.window)}});
  }
  return Json{{"meetings", meetings}};
}

namespace {

// Each section's keys in the paper's JSON, from the same answers the documents are written from.
struct SectionJson {
  const model::Vocabulary& vocabulary;
  Json& json;

  void operator()(const answers::PurposeSection& s) const { json["purpose"] = s.text; }

  void operator()(const answers::PeelSection& s) const {
    Json peel = nullptr;
    if (s.graded) {
      peel = Json{{"assessment", assessment_json(s.graded->table.assessment)}};
      peel.update(grades_json(s.graded->table));
      const auto& earlier = s.graded->earlier_in_other_cycle;
      peel["earlier_in_other_cycle"] = earlier ? assessment_json(*earlier) : Json(nullptr);
      peel["findings_counts"] = counts_json(s.graded->finding_counts, vocabulary);
      peel["findings"] = findings_json(s.graded->findings);
      Json summaries = Json::array();
      for (const model::Inspection* report : s.graded->summaries) summaries.push_back(report->id);
      peel["summaries_quoted"] = summaries;
    }
    json["peel"] = peel;
    Json ungraded = Json::array();
    for (const answers::UngradedPeelReport& report : s.ungraded) {
      Json item = inspection_summary(*report.inspection);
      item["summary"] = report.summary_quoted ? Json(report.inspection->summary) : Json(nullptr);
      item["findings_counts"] = counts_json(report.finding_counts, vocabulary);
      item["findings"] = findings_json(report.findings);
      ungraded.push_back(std::move(item));
    }
    json["peel_ungraded"] = ungraded;
    Json in_progress = Json::array();
    for (const answers::PeelInProgress& item : s.in_progress) {
      Json entry = inspection_summary(*item.inspection);
      entry["draft_received"] = item.draft_in;
      entry["findings"] = findings_json(item.findings);
      in_progress.push_back(std::move(entry));
    }
    json["peel_in_progress"] = in_progress;
    if (s.monitoring) json["monitoring"] = monitoring_json(*s.monitoring);
  }

  void operator()(const answers::ResponsesSection& s) const {
    json["responses"] = Json{{"overdue", responses_json(s.overdue)},
                             {"due", responses_json(s.due)},
                             {"published", responses_json(s.published)}};
  }

  void operator()(const answers::ActivitySection& s) const {
    json["activity"] = activity_json(s.activity);
    json["drafts"] = drafts_json(s.drafts);
    if (s.notified) (*this)(s.notified->list);
  }

  void operator()(const answers::NotifiedSection& s) const {
    json["notified"] = notified_json(s);
    json["expected"] = inspections_array(s.undated);
  }

  void operator()(const answers::PublishedSection& s) const {
    Json published = Json::array();
    for (const answers::PublishedReport& report : s.reports) {
      Json item = inspection_summary(*report.inspection);
      item["summary"] = report.inspection->summary;
      item["counts"] = counts_stated_json(*report.inspection);
      item["findings"] = findings_json(report.findings);
      published.push_back(std::move(item));
    }
    json["published"] = published;
    json["published_peel"] = inspections_array(s.peel);
  }

  void operator()(const answers::ReviewSection& s) const {
    Json review = Json::array();
    for (const answers::ReviewedReport& report : s.reports) {
      Json item = inspection_summary(*report.inspection);
      item["counts"] = counts_json(report.counts, vocabulary);
      Json findings = Json::array();
      for (const answers::ReviewedFinding& finding : report.findings) {
        Json item = finding_summary(finding.row);
        add_latest_note(item, finding.latest_note);
        item["text"] = finding.row.finding->text;
        item["scope"] = model::name_of(finding.row.finding->scope);
        item["theme"] = text_or_null(finding.row.finding->theme);
        item["links"] = links_json(finding.links);
        findings.push_back(std::move(item));
      }
      item["findings"] = findings;
      review.push_back(std::move(item));
    }
    json["review"] = review;
  }

  void operator()(const answers::TrackerSection& s) const {
    const answers::Movement& m = s.movement;
    Json added = Json::array(), moved = Json::array(), closed = Json::array(), allocated = Json::array(),
         targets = Json::array();
    for (const std::size_t at : m.added) added.push_back(m.changes[at].finding->id);
    for (const std::size_t at : m.rag_moved) {
      const answers::FindingChange& c = m.changes[at];
      moved.push_back(Json{{"id", c.finding->id}, {"from", rating_json(c.before.rating)}, {"to", rating_json(c.after.rating)}});
    }
    for (const std::size_t at : m.closed) {
      const answers::FindingChange& c = m.changes[at];
      closed.push_back(Json{{"id", c.finding->id}, {"status", model::name_of(c.after.status)}});
    }
    for (const std::size_t at : m.allocated) {
      const answers::FindingChange& c = m.changes[at];
      allocated.push_back(Json{{"id", c.finding->id}, {"owner", c.after.owner}});
    }
    for (const std::size_t at : m.targets_moved) {
      const answers::FindingChange& c = m.changes[at];
      targets.push_back(
          Json{{"id", c.finding->id},
               {"from", c.before.due->iso()},
               {"to", date_json(c.after.due)},
               {"note", c.after.target_moved_by != nullptr ? Json(c.after.target_moved_by->note) : Json(nullptr)}});
    }
    Json per_priority = Json::array();
    for (const answers::TrackerSection::PriorityTable& table : s.per_priority) {
      per_priority.push_back(Json{{"priority", table.priority->id},
                                  {"groups", groups_json(table.by_portfolio, vocabulary)},
                                  {"total", counts_json(table.total, vocabulary)}});
    }
    json["tracker"] = Json{{"groups", groups_json(s.by_portfolio, vocabulary)},
                           {"total", counts_json(s.total, vocabulary)},
                           {"by_status", groups_json(s.by_status, vocabulary)},
                           {"by_report", groups_json(s.by_report, vocabulary)},
                           {"by_priority", groups_json(s.by_priority, vocabulary)},
                           {"priority_title", text_or_null(s.priority_title)},
                           {"per_priority", per_priority},
                           {"new", added},
                           {"rag_moves", moved},
                           {"rag_move_counts", moves_json(m.rag_moves)},
                           {"closed", closed},
                           {"allocated", allocated},
                           {"targets_moved", targets},
                           {"recorded_as_at", as_at_json(m.recorded_as_at)},
                           {"overdue", findings_json(s.overdue)},
                           {"stale", findings_json(s.stale)}};
    if (s.actions) {
      Json findings = Json::array();
      for (const answers::FindingActions& f : s.actions->findings) {
        findings.push_back(Json{{"id", f.row.finding->id},
                                {"actions", f.row.actions.size()},
                                {"closed", f.closed},
                                {"overdue", f.overdue},
                                {"actions_complete", *f.row.actions_complete}});
      }
      json["tracker"]["actions"] = Json{{"open", s.actions->open},
                                        {"closed", s.actions->closed},
                                        {"overdue", s.actions->overdue},
                                        {"findings", findings}};
    }
  }

  void operator()(const answers::RedSection& s) const {
    const auto listed = [](const std::vector<answers::RedFinding>& findings) {
      Json out = Json::array();
      for (const answers::RedFinding& finding : findings) {
        const answers::FindingRow& row = finding.row;
        Json item = finding_summary(row);
        item["text"] = row.finding->text;
        add_latest_note(item, row.state.noted);
        // Only where the register says it: a finding without a derived rating or a cause of concern has no such
        // keys.
        if (row.state.rating_derived) item["rating_derived"] = true;
        if (finding.cause_of_concern != nullptr) {
          item["cause_of_concern"] = Json{{"id", finding.cause_of_concern->id},
                                          {"title", finding.cause_of_concern->title},
                                          {"text", finding.cause_of_concern->text}};
        }
        if (!finding.links.repeated_in.empty()) item["repeated_in"] = refs_json(finding.links.repeated_in);
        item["links"] = links_json(finding.links);
        out.push_back(std::move(item));
      }
      return out;
    };
    json["red"] = listed(s.findings);
    json["red_not_implemented"] = listed(s.not_implemented);
  }

  void operator()(const answers::DecisionSection& s) const {
    json["decision"] = s.decision;
    json["contact"] = contact_json(s.contact);
    Json background = Json::array();
    for (const model::Inspection* inspection : s.background) {
      background.push_back(Json{{"id", inspection->id},
                                {"title", inspection->title},
                                {"published", inspection->published->iso()},
                                {"url", text_or_null(inspection->url)}});
    }
    for (const model::BackgroundDocument* document : s.documents) {
      background.push_back(Json{{"id", nullptr},
                                {"title", document->title},
                                {"published", document->date ? Json(document->date->iso()) : Json(nullptr)},
                                {"url", text_or_null(document->url)}});
    }
    json["background"] = background;
  }
};

}  // namespace

Json to_json(const answers::Paper& paper) {
  const model::Meeting& meeting = *paper.meeting;
  Json notes = Json::object();
  for (const auto& [section, text] : meeting.notes) notes[std::string(model::name_of(section))] = text;
  Json sections = Json::array();
  for (const answers::PaperSection& s : paper.sections) {
    sections.push_back(Json{{"number", s.number}, {"id", model::name_of(s.id)}, {"title", s.title}});
  }
  Json json{{"title", paper.title},
            {"committee", paper.committee},
            {"force", paper.force},
            {"inspectorate", paper.inspectorate},
            {"meeting", Json{{"id", meeting.id},
                             {"date", meeting.date.iso()},
                             {"agenda_item", meeting.agenda_item},
                             {"cut_off", meeting.cut_off().iso()}}},
            {"as_of", paper.as_of().iso()},
            {"window", window_json(paper.window)},
            {"sections", sections},
            {"notes", notes}};
  // Each section's keys, in the paper's order: a section the paper does not have gives none.
  for (const answers::PaperSection& s : paper.sections) std::visit(SectionJson{*paper.vocabulary, json}, s.body);
  return json;
}

}  // namespace hmicfrs::render
