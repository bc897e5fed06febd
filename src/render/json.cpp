#include "json_views.hpp"

#include <hmicfrs/render/labels.hpp>

namespace hmicfrs::render {

Json date_json(const std::optional<model::Date>& date) { return date ? Json(date->iso()) : Json(nullptr); }

Json counts_json(const query::RagCounts& c) {
  return Json{{"red", c.red},     {"amber", c.amber},   {"green", c.green},  {"unrated", c.unrated},
              {"open", c.open()}, {"closed", c.closed}, {"total", c.total()}};
}

Json state_json(const query::FindingState& s) {
  return Json{{"status", model::name_of(s.status)},
              {"rag", model::is_open(s.status) ? name_json(s.rag) : Json(nullptr)},
              {"owner", s.owner},
              {"due", date_json(s.due)}};
}

Json finding_summary(const query::FindingRow& row) {
  const model::Finding& f = *row.finding;
  Json json{{"id", f.id},       {"inspection", row.inspection->id},
            {"ref", f.ref},     {"type", model::name_of(f.type)},
            {"title", f.title}, {"portfolio", f.portfolio.value.empty() ? Json(nullptr) : Json(f.portfolio.value)}};
  json.update(state_json(row.state));
  json["overdue"] = row.overdue;
  json["stale"] = row.stale;
  json["last_update"] = date_json(row.last_update);
  json["days_since_update"] = row.days_since_update ? Json(*row.days_since_update) : Json(nullptr);
  return json;
}

Json findings_json(const std::vector<query::FindingRow>& rows) {
  Json array = Json::array();
  for (const query::FindingRow& row : rows) array.push_back(finding_summary(row));
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

Json refs_json(const std::vector<query::FindingRef>& refs) {
  Json array = Json::array();
  for (const query::FindingRef& ref : refs) array.push_back(ref.finding->id);
  return array;
}

Json assessment_json(const query::PeelAssessment& a) {
  return Json{{"inspection", a.inspection->id},
              {"title", a.inspection->title},
              {"published", date_json(a.inspection->published)},
              {"cycle", a.cycle->id},
              {"cycle_name", a.cycle->name},
              {"scale", model::name_of(a.cycle->scale)}};
}

Json graded_area_json(const query::GradedArea& a) {
  return Json{{"id", a.area->id},
              {"short", a.area->short_label},
              {"long", a.area->long_label},
              {"narrative", a.narrative.empty() ? Json(nullptr) : Json(a.narrative)}};
}

Json window_json(const query::Window& w) { return Json{{"after", date_json(w.after)}, {"until", w.until.iso()}}; }

void write_json(std::ostream& out, const Json& json) {
  // Paths may hold any bytes: write what is not UTF-8 as U+FFFD rather than fail.
  out << json.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

Json status_json(const StatusView& v) {
  Json red = Json::array(), overdue = Json::array(), stale = Json::array();
  for (const query::FindingRow& row : v.rows) {
    if (model::is_open(row.state.status) && row.state.rag == model::Rag::red) red.push_back(finding_summary(row));
    if (row.overdue) overdue.push_back(finding_summary(row));
    if (row.stale) stale.push_back(finding_summary(row));
  }
  return Json{{"as_of", v.as_of.iso()},
              {"force", v.dataset->config.force_name},
              {"counts", counts_json(query::rag_total(v.rows))},
              {"stale_after_days", v.dataset->config.stale_after_days},
              {"red", red},
              {"overdue", overdue},
              {"stale", stale},
              {"upcoming_inspections", inspections_array(v.upcoming)}};
}

Json list_json(const ListView& v) {
  return Json{{"as_of", v.as_of.iso()}, {"count", v.rows.size()}, {"findings", findings_json(v.rows)}};
}

Json rag_json(const RagView& v) {
  static constexpr std::array<std::string_view, 4> k_by{"portfolio", "owner", "inspection", "type"};
  Json groups = Json::array();
  for (const query::RagGroup& g : v.groups) {
    Json group{{"key", g.key}, {"label", g.label}};
    group.update(counts_json(g.counts));
    groups.push_back(std::move(group));
  }
  return Json{{"as_of", v.as_of.iso()},
              {"by", k_by[static_cast<std::size_t>(v.grouping)]},
              {"groups", groups},
              {"total", counts_json(v.total)}};
}

Json finding_json(const FindingView& v) {
  const model::Finding& f = *v.row.finding;
  Json finding = finding_summary(v.row);
  finding["scope"] = model::name_of(f.scope);
  finding["area"] = f.area.value.empty() ? Json(nullptr) : Json(f.area.value);
  finding["text"] = f.text;
  Json history = Json::array();
  for (const model::HistoryEntry& e : f.history) {
    if (v.as_of < e.date) continue;
    history.push_back(Json{{"date", e.date.iso()},
                           {"status", name_json(e.status)},
                           {"rag", name_json(e.rag)},
                           {"note", e.note},
                           {"by", e.by.value.empty() ? Json(nullptr) : Json(e.by.value)},
                           {"owner", e.owner ? Json(*e.owner) : Json(nullptr)},
                           {"due", date_json(e.due)}});
  }
  finding["history"] = history;
  finding["links"] = Json{{"superseded_by", refs_json(v.links.superseded_by)},
                          {"supersedes", refs_json(v.links.supersedes)},
                          {"cause_of_concern", refs_json(v.links.cause_of_concern)},
                          {"answered_by", refs_json(v.links.answered_by)},
                          {"related", refs_json(v.links.related)},
                          {"related_from", refs_json(v.links.related_from)}};
  return Json{{"as_of", v.as_of.iso()}, {"finding", finding}};
}

Json inspection_json(const InspectionView& v) {
  const model::Inspection& i = *v.inspection;
  Json inspection = inspection_summary(i);
  inspection["inspectorates"] = i.inspectorates;
  inspection["draft_received"] = date_json(i.draft_received);
  inspection["url"] = i.url.empty() ? Json(nullptr) : Json(i.url);
  inspection["summary"] = i.summary;
  if (i.gradings) {
    Json areas = Json::array();
    for (const model::Grading& g : i.gradings->areas) {
      areas.push_back(Json{{"area", g.area.value},
                           {"grade", model::name_of(g.grade.value)},
                           {"narrative", g.narrative.empty() ? Json(nullptr) : Json(g.narrative)}});
    }
    inspection["gradings"] = Json{{"cycle", i.gradings->cycle.value}, {"areas", areas}};
  } else {
    inspection["gradings"] = nullptr;
  }
  inspection["findings"] = findings_json(v.rows);
  return Json{{"as_of", v.as_of.iso()}, {"inspection", inspection}};
}

Json peel_json(const PeelView& v) {
  Json json{{"as_of", v.as_of.iso()}, {"cycle", v.cycle != nullptr ? Json(v.cycle->id) : Json(nullptr)}};
  if (!v.table) {
    json["assessment"] = nullptr;
    return json;
  }
  json["assessment"] = assessment_json(v.table->assessment);
  Json grades = Json::array();
  for (const auto& [grade, areas] : v.table->columns) {
    Json list = Json::array();
    for (const query::GradedArea& a : areas) list.push_back(graded_area_json(a));
    grades.push_back(Json{{"grade", model::name_of(grade)}, {"areas", list}});
  }
  json["grades"] = grades;
  Json not_graded = Json::array();
  for (const query::GradedArea& a : v.table->not_graded) not_graded.push_back(graded_area_json(a));
  json["not_graded"] = not_graded;
  return json;
}

Json peel_comparison_json(const PeelComparisonView& v) {
  const query::PeelComparison& c = v.comparison;
  Json areas = Json::array();
  for (const query::AreaComparison& a : c.areas) {
    areas.push_back(
        Json{{"id", a.id}, {"label", a.label}, {"first", name_json(a.first)}, {"second", name_json(a.second)}});
  }
  return Json{{"as_of", v.as_of.iso()},
              {"first", assessment_json(c.first)},
              {"second", assessment_json(c.second)},
              {"scales_differ", c.scales_differ},
              {"warning", c.scales_differ ? Json(scale_warning(c)) : Json(nullptr)},
              {"areas", areas}};
}

Json inspections_json(const InspectionsView& v) {
  static constexpr std::array<std::string_view, 3> k_scope{"all", "upcoming", "since"};
  return Json{{"as_of", v.window.until.iso()},
              {"scope", k_scope[static_cast<std::size_t>(v.scope)]},
              {"since", date_json(v.window.after)},
              {"inspections", inspections_array(v.inspections)}};
}

Json changes_json(const ChangesView& v) {
  Json added = Json::array(), rag = Json::array(), status = Json::array(), closed = Json::array();
  for (const query::FindingChange& c : v.changes) {
    const std::string& id = c.finding->id;
    if (c.is_new()) added.push_back(Json{{"id", id}, {"title", c.finding->title}, {"state", state_json(c.after)}});
    if (c.rag_moved()) {
      rag.push_back(Json{{"id", id}, {"from", name_json(c.before.rag)}, {"to", name_json(c.after.rag)}});
    }
    if (c.status_changed()) {
      status.push_back(
          Json{{"id", id}, {"from", model::name_of(c.before.status)}, {"to", model::name_of(c.after.status)}});
    }
    if (c.closed()) closed.push_back(Json{{"id", id}, {"status", model::name_of(c.after.status)}});
  }
  Json moves = Json::array();
  for (const query::RagMove& m : query::rag_moves(v.changes)) {
    moves.push_back(Json{{"from", name_json(m.from)}, {"to", name_json(m.to)}, {"count", m.count}});
  }
  return Json{{"window", window_json(v.window)}, {"new", added},    {"rag_moves", rag}, {"rag_move_counts", moves},
              {"status_changes", status},        {"closed", closed}};
}

Json committees_json(const CommitteesView& v) {
  Json meetings = Json::array();
  for (const query::MeetingWindow& m : v.meetings) {
    meetings.push_back(Json{{"id", m.meeting->id},
                            {"date", m.meeting->date.iso()},
                            {"agenda_item", m.meeting->agenda_item},
                            {"cut_off", m.meeting->cut_off().iso()},
                            {"window", window_json(m.window)}});
  }
  return Json{{"meetings", meetings}};
}

}  // namespace hmicfrs::render
