#include "decode.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>

#include <hmicfrs/util/utf8.hpp>

#include "reader.hpp"

namespace hmicfrs::load {
namespace {

using diag::Code;

constexpr int k_schema_version = 1;

// Reports an empty file; true when `root` holds something.
bool has_content(Reader& reader, const Node& root, std::string_view expected) {
  if (root.kind != Node::Kind::null) return true;
  reader.diagnostics().error(reader.at(root), fmt::format("the file is empty: expected {}", expected),
                             Code::empty_file);
  return false;
}

// Calls `each` for every item of a list field, reporting a field that is not a list.
template <class Each>
void for_each_item(Reader& reader, const Node* list, std::string_view field, Each each) {
  if (list == nullptr) return;
  if (list->kind != Node::Kind::sequence) {
    if (list->kind != Node::Kind::null) reader.wrong_type(*list, field, "a list");
    return;
  }
  for (const Node& item : list->items) each(item);
}

// How many items a list field holds (0 when it is not a list): vectors of
// records are reserved to that size, so they hold no spare capacity.
std::size_t item_count(const Node* list) {
  return list != nullptr && list->kind == Node::Kind::sequence ? list->items.size() : 0;
}

// An e-mail address field: one plain address, as the messages `chase` drafts
// write it in From: and To:, so that no list or display name rides in it.
std::optional<std::string> address(Reader& reader, const Node* node, std::string_view field) {
  auto email = reader.line(node, field);
  if (email && !model::is_plain_address(*email)) {
    reader.diagnostics().error(reader.at(*node),
                               fmt::format("{} '{}' is not one address: write it as name@domain, with no name or "
                                           "brackets around it, at most 64 characters before the @ and 254 in all",
                                           field, *email),
                               Code::invalid_value);
    return std::nullopt;
  }
  return email;
}

std::optional<model::Contact> decode_contact(Reader& reader, const Node* node, std::string_view what = "contact") {
  if (node == nullptr || !reader.fields(*node, what, k_contact_fields)) return std::nullopt;
  model::Contact contact;
  contact.name = reader.line(node->find("name"), "name").value_or("");
  contact.title = reader.line(node->find("title"), "title").value_or("");
  contact.email = address(reader, node->find("email"), "email").value_or("");
  contact.phone = reader.line(node->find("phone"), "phone").value_or("");
  return contact;
}

// A protective marking as the Government Security Classifications write it: a classification in capitals,
// optionally followed by a descriptor ("OFFICIAL-SENSITIVE PERSONAL"), on one line of at most 80 characters.
std::optional<std::string> decode_marking(Reader& reader, const Node* node) {
  auto marking = reader.line(node, "marking");
  if (!marking) return std::nullopt;
  static constexpr std::array<std::string_view, 4> k_classifications{"OFFICIAL-SENSITIVE", "OFFICIAL", "SECRET",
                                                                     "TOP SECRET"};
  const bool classified = std::any_of(k_classifications.begin(), k_classifications.end(), [&](std::string_view c) {
    return marking->starts_with(c) && (marking->size() == c.size() || (*marking)[c.size()] == ' ');
  });
  const std::size_t characters = util::measured(*marking, [](char32_t) -> std::size_t { return 1; });
  if (!classified || characters > 80) {
    reader.diagnostics().error(
        reader.at(*node),
        fmt::format("marking '{}' is not a protective marking: give a classification in capitals, OFFICIAL, "
                    "OFFICIAL-SENSITIVE, SECRET or TOP SECRET, optionally followed by a descriptor "
                    "(OFFICIAL-SENSITIVE PERSONAL), in at most 80 characters",
                    *marking),
        Code::invalid_value);
    return std::nullopt;
  }
  return marking;
}

// Documents a paper lists besides the reports it mentions: each a title, with an address and a date if given.
std::vector<model::BackgroundDocument> decode_background(Reader& reader, const Node* list) {
  std::vector<model::BackgroundDocument> documents;
  for_each_item(reader, list, "background", [&](const Node& item) {
    if (!reader.fields(item, "a background document", k_background_fields)) return;
    auto title = reader.line(item.find("title"), "title");
    if (!title) return;
    documents.push_back({std::move(*title), reader.web_address(item.find("url"), "url").value_or(""),
                         reader.date(item.find("date"), "date", Precision::year_month_or_day), reader.at(item)});
  });
  return documents;
}

// The priority dimension: what the paper calls it, its values, and whether the tracker gives a table for each.
model::Priorities decode_priorities(Reader& reader, const Node& node) {
  model::Priorities priorities;
  if (!reader.fields(node, "priorities", k_priorities_fields)) return priorities;
  if (auto title = reader.line(node.find("title"), "title")) priorities.title = std::move(*title);
  priorities.table_each = reader.boolean(node.find("table_each"), "table_each").value_or(false);
  bool too_many = false;
  for_each_item(reader, node.find("values"), "values", [&](const Node& item) {
    // A handful of words, as a rating scale is: the cap keeps finding a finding's priority cheap.
    if (priorities.values.size() == model::k_max_ratings) {
      if (!std::exchange(too_many, true)) {
        reader.diagnostics().error(
            reader.at(item),
            fmt::format("more than {} priorities: keep those the committee groups by", model::k_max_ratings),
            Code::limit_exceeded);
      }
      return;
    }
    if (!reader.fields(item, "a priority", k_priority_fields)) return;
    const auto id = reader.id(item.find("id"), "priority id", IdKind::slug);
    const auto name = reader.line(item.find("name"), "name");
    if (!id || !name) return;
    priorities.values.push_back({*id, *name, reader.at(*item.find("id"))});
  });
  return priorities;
}

// A mapping's text fields, read into `set(field, value)`: each one line, but
// those named in `paragraphs`.
template <std::size_t N, class Set>
void read_texts(Reader& reader, const Node* node, std::string_view what, const std::array<Field, N>& fields, Set set,
                std::initializer_list<std::string_view> paragraphs = {}) {
  if (node == nullptr || !reader.fields(*node, what, fields)) return;
  for (const Field& field : fields) {
    const Node* value_node = node->find(field.name);
    const bool paragraph = std::find(paragraphs.begin(), paragraphs.end(), field.name) != paragraphs.end();
    auto value = paragraph ? reader.text(value_node, field.name) : reader.line(value_node, field.name);
    if (value) set(field.name, std::move(*value));
  }
}

bool is_hex_colour(std::string_view text) {
  return text.size() == 7 && text[0] == '#' &&
         std::all_of(text.begin() + 1, text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// A colour: "#rrggbb" (kept in lower case) or one of the named ones.
std::optional<std::string> decode_colour(Reader& reader, const Node* node) {
  const auto text = reader.line(node, "colour");
  if (!text) return std::nullopt;
  if (is_hex_colour(*text)) {
    std::string hex = *text;
    for (char& c : hex) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return hex;
  }
  std::vector<std::string_view> names;
  for (const model::NamedColour& colour : model::named_colours()) {
    if (colour.name == *text) return std::string(colour.hex);
    names.push_back(colour.name);
  }
  reader.diagnostics().error(reader.at(*node),
                             fmt::format("unknown colour '{}'{} (expected '#rrggbb' or {})", *text,
                                         util::did_you_mean(*text, names), util::join_alternatives(names)),
                             Code::invalid_value);
  return std::nullopt;
}

// What makes a rating apply without being written: "overdue", or statuses of
// the kind of finding the rating marks (either kind, for a rating of both).
model::RatingRule decode_rule(Reader& reader, const Node* list, const model::Rating& rating) {
  model::RatingRule rule;
  for_each_item(reader, list, "derived_when", [&](const Node& item) {
    const auto word = reader.line(&item, "derived_when");
    if (!word) return;
    if (*word == "overdue") {
      // A rating of both kinds may be derived when overdue: only its open findings ever are.
      if (!rating.marks_open()) {
        reader.diagnostics().error(reader.at(item),
                                   fmt::format("rating '{}' marks closed findings, but only an open finding is "
                                               "overdue: remove 'overdue', or write 'marks: both' to give it to open "
                                               "findings too",
                                               rating.id),
                                   Code::rating_vocabulary);
        return;
      }
      rule.overdue = true;
      return;
    }
    const auto status = model::value_named<model::Status>(*word);
    if (!status) {
      std::vector<std::string_view> words{"overdue"};
      for (const std::string_view name : model::names_of<model::Status>()) words.push_back(name);
      reader.diagnostics().error(reader.at(item),
                                 fmt::format("unknown condition '{}'{} (expected {})", *word,
                                             util::did_you_mean(*word, words), util::join_alternatives(words)),
                                 Code::invalid_value);
      return;
    }
    if (!rating.marks_status(*status)) {
      const std::string_view kind = model::is_open(*status) ? "open" : "closed";
      reader.diagnostics().error(
          reader.at(item),
          fmt::format("rating '{}' marks {} findings, but status '{}' is {}: write 'marks: both' to give it to open "
                      "and closed findings",
                      rating.id, model::name_of(rating.marks), *word, kind),
          Code::rating_vocabulary);
      return;
    }
    rule.statuses.push_back(*status);
  });
  return rule;
}

// `text` without the spaces and tabs around it.
std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

// A register's own ratings (the `ratings:` entry), replacing red, amber and green.
void decode_ratings(Reader& reader, const MapEntry& entry, model::Vocabulary& vocabulary) {
  const Node& list = entry.value;
  static constexpr std::array<std::string_view, 4> k_reserved{"unrated", "open", "closed", "total"};
  std::vector<model::Rating> ratings;
  std::vector<diag::Location> label_locations;  // where each of `ratings` takes its label from
  std::vector<bool> colour_given;               // whether each of `ratings` gives its colour
  bool too_many = false;
  for_each_item(reader, &list, "ratings", [&](const Node& item) {
    // A scale is a handful of words. The cap keeps the checks between ratings cheap and a rating's position in
    // the 16 bits a history entry keeps it in.
    if (ratings.size() == model::k_max_ratings) {
      if (!std::exchange(too_many, true)) {
        reader.diagnostics().error(reader.at(item),
                                   fmt::format("more than {} ratings: a rating scale is a handful of words; keep "
                                               "those the committee uses and remove the rest",
                                               model::k_max_ratings),
                                   Code::limit_exceeded);
      }
      return;
    }
    if (!reader.fields(item, "a rating", k_rating_fields)) return;
    const auto id = reader.id(item.find("id"), "rating id", IdKind::slug);
    if (!id) return;
    model::Rating rating;
    rating.id = *id;
    rating.location = reader.at(*item.find("id"));
    if (std::find(k_reserved.begin(), k_reserved.end(), rating.id) != k_reserved.end()) {
      reader.diagnostics().error(rating.location,
                                 fmt::format("'{}' names a column of every tracker and cannot be a rating's id: "
                                             "choose another",
                                             rating.id),
                                 Code::rating_vocabulary);
      return;
    }
    for (const model::Rating& earlier : ratings) {
      if (earlier.id != rating.id) continue;
      auto& d = reader.diagnostics().error(rating.location, fmt::format("duplicate rating '{}'", rating.id),
                                           Code::duplicate_id);
      d.notes.push_back({earlier.location, "first defined here"});
      return;
    }
    std::string label = rating.id;
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    const Node* label_node = item.find("label");
    rating.label = reader.line(label_node, "label").value_or(label);
    // Every output prints a rating as its label, so two ratings labelled alike could not be told apart on a
    // paper. Labels are compared as they print (case counts: "RED" and "Red" read differently), spaces around
    // them aside. Reported at the second label, or at its id when the label is the id with a capital.
    const diag::Location label_at = label_node != nullptr ? reader.at(*label_node) : rating.location;
    for (std::size_t i = 0; i < ratings.size(); ++i) {
      if (trimmed(ratings[i].label) != trimmed(rating.label)) continue;
      auto& d = reader.diagnostics().error(
          label_at,
          fmt::format("ratings '{}' and '{}' are both labelled '{}': a paper could not tell them apart; give each "
                      "its own label",
                      ratings[i].id, rating.id, trimmed(rating.label)),
          Code::rating_vocabulary);
      d.notes.push_back({label_locations[i], fmt::format("rating '{}' is labelled here", ratings[i].id)});
      break;
    }
    rating.meaning = reader.text(item.find("meaning"), "meaning").value_or("");
    const Node* colour_node = item.find("colour");
    const std::optional<std::string> colour = decode_colour(reader, colour_node);
    rating.colour = colour.value_or("#969696");
    // Papers are often copied in black and white: each rating's colour must print as a grey apart from those of
    // the ratings before it, the default grey of one that gives none included (two that give none are alike by
    // choice). Reported once per rating, at the first it is too near.
    for (std::size_t i = 0; i < ratings.size(); ++i) {
      const int earlier = model::printed_grey(ratings[i].colour), grey = model::printed_grey(rating.colour);
      if ((!colour_given[i] && !colour) || std::abs(earlier - grey) >= model::k_greys_apart) continue;
      auto& d = reader.diagnostics().warning(
          colour ? reader.at(*colour_node) : rating.location,
          fmt::format("ratings '{}' and '{}' print as nearly the same grey ({} and {} of 255): on a black-and-white "
                      "copy their cells and bars look alike; choose colours whose greys differ by at least {} (red, "
                      "green, blue, amber, white and black all do)",
                      ratings[i].id, rating.id, earlier, grey, model::k_greys_apart),
          Code::rating_vocabulary);
      d.notes.push_back({ratings[i].location, fmt::format("rating '{}' is declared here", ratings[i].id)});
      break;
    }
    rating.marks = reader.choice<model::Marks>(item.find("marks"), "marks").value_or(model::Marks::open);
    rating.attention = reader.boolean(item.find("attention"), "attention").value_or(false);
    rating.derived_when = decode_rule(reader, item.find("derived_when"), rating);
    // One condition gives one rating: a second rating derived from it would never be seen. Reported once, and
    // dropped from the later rating, so that the ratings after it are compared with what stands.
    for (const model::Rating& earlier : ratings) {
      model::RatingRule& rule = rating.derived_when;
      const bool both_overdue = earlier.derived_when.overdue && rule.overdue;
      const auto shared = std::find_if(rule.statuses.begin(), rule.statuses.end(), [&](model::Status s) {
        return std::find(earlier.derived_when.statuses.begin(), earlier.derived_when.statuses.end(), s) !=
               earlier.derived_when.statuses.end();
      });
      if (!both_overdue && shared == rule.statuses.end()) continue;
      auto& d = reader.diagnostics().error(
          reader.at(*item.find("derived_when")),
          fmt::format("rating '{}' is derived when {}, which already gives rating '{}': derive each condition once",
                      rating.id, both_overdue ? "overdue" : std::string(model::name_of(*shared)), earlier.id),
          Code::rating_vocabulary);
      d.notes.push_back({earlier.location, "the earlier rating is here"});
      if (both_overdue) {
        rule.overdue = false;
      } else {
        rule.statuses.erase(shared);
      }
    }
    label_locations.push_back(label_at);
    colour_given.push_back(colour.has_value());
    ratings.push_back(std::move(rating));
  });
  if (list.kind == Node::Kind::null || (list.kind == Node::Kind::sequence && list.items.empty())) {
    reader.diagnostics().error(reader.at(entry),
                               "'ratings' lists no rating: list them, or remove it to use red, "
                               "amber and green",
                               Code::rating_vocabulary);
  }
  if (ratings.empty()) return;
  vocabulary.ratings = std::move(ratings);
  vocabulary.customised = true;
}

namespace {

// The sections a paper has, in order: each an id, or {id, title}.
std::vector<model::PaperSection> decode_sections(Reader& reader, const Node* list) {
  std::vector<model::PaperSection> sections;
  for_each_item(reader, list, "sections", [&](const Node& item) {
    const Node* id_node = &item;
    std::string title;
    if (item.kind == Node::Kind::mapping) {
      if (!reader.fields(item, "a paper section", k_section_fields)) return;
      id_node = item.find("id");
      title = reader.line(item.find("title"), "title").value_or("");
    }
    const auto section = reader.choice<model::Section>(id_node, "section");
    if (!section) return;
    const auto earlier = std::find_if(sections.begin(), sections.end(),
                                      [&](const model::PaperSection& s) { return s.section == *section; });
    if (earlier != sections.end()) {
      auto& d = reader.diagnostics().error(reader.at(*id_node),
                                           fmt::format("section '{}' is listed twice", model::name_of(*section)),
                                           Code::duplicate_id);
      d.notes.push_back({earlier->location, "first listed here"});
      return;
    }
    sections.push_back({*section, std::move(title), reader.at(*id_node)});
  });
  return sections;
}

// The dates of a mapping whose fields are checked already: {week_commencing: day} or {from: d, to: d}.
std::optional<model::Period> decode_period(Reader& reader, const Node& node) {
  const Node* week = node.find("week_commencing");
  const Node* from = node.find("from");
  if (week != nullptr && from != nullptr) {
    reader.diagnostics().error(reader.at(node), "fieldwork has both 'week_commencing' and 'from': keep one",
                               Code::invalid_value);
    return std::nullopt;
  }
  if (week != nullptr) {
    const auto monday = reader.date(week, "week_commencing", Precision::day);
    if (!monday) return std::nullopt;
    if (monday->weekday() != std::chrono::Monday) {
      reader.diagnostics().warning(reader.at(*week), fmt::format("week commencing {} is not a Monday", monday->iso()),
                                   Code::not_a_monday);
    }
    return model::Period{monday->with_week_commencing(), std::nullopt};
  }
  if (from == nullptr) {
    reader.diagnostics().error(reader.at(node), "fieldwork needs 'from' or 'week_commencing'", Code::missing_field);
    return std::nullopt;
  }
  const auto start = reader.date(from, "from", Precision::year_month_or_day);
  const auto end = reader.date(node.find("to"), "to", Precision::year_month_or_day);
  if (!start) return std::nullopt;
  if (end && end->last_day() < start->first_day()) {
    reader.diagnostics().error(reader.at(*node.find("to")),
                               fmt::format("fieldwork ends ({}) before it starts ({})", end->iso(), start->iso()),
                               Code::date_order);
    return std::nullopt;
  }
  return model::Period{*start, end};
}

// Fieldwork: a date (a day, or a month TBC), {week_commencing: day} or {from: d, to: d}.
std::optional<model::Period> decode_fieldwork(Reader& reader, const Node& node) {
  if (node.kind == Node::Kind::scalar) {
    const auto date = reader.date(&node, "fieldwork", Precision::year_month_or_day);
    if (!date) return std::nullopt;
    return model::Period{*date, std::nullopt};
  }
  if (!reader.fields(node, "fieldwork", k_fieldwork_fields)) return std::nullopt;
  return decode_period(reader, node);
}

// Fieldwork in phases, each labelled, in order; `fieldwork` is set to their whole span.
void decode_phases(Reader& reader, const Node& list, model::Inspection& inspection) {
  for (const Node& item : list.items) {
    if (!reader.fields(item, "a fieldwork phase", k_phase_fields)) continue;
    const auto label = reader.line(item.find("label"), "label");
    auto period = decode_period(reader, item);
    if (!label || !period) continue;
    if (!inspection.phases.empty() && period->from < inspection.phases.back().period.from) {
      reader.diagnostics().error(reader.at(item), "fieldwork phases are listed in date order: move this one up",
                                 Code::date_order);
    }
    inspection.phases.push_back(
        model::FieldworkPhase{*label, *period, reader.text(item.find("note"), "note").value_or(""), reader.at(item)});
  }
  if (inspection.phases.empty()) return;
  const model::Period& last = inspection.phases.back().period;
  inspection.fieldwork = model::Period{inspection.phases.front().period.from, last.to ? last.to : last.from};
  if (inspection.fieldwork->to == inspection.fieldwork->from) inspection.fieldwork->to.reset();
}

std::vector<model::InspectionEvent> decode_events(Reader& reader, const Node* list) {
  std::vector<model::InspectionEvent> events;
  for_each_item(reader, list, "events", [&](const Node& item) {
    if (!reader.fields(item, "an event", k_event_fields)) return;
    const auto kind = reader.choice<model::EventKind>(item.find("event"), "event");
    const auto when = reader.occasion(item.find("date"), "date", Precision::year_month_or_day);
    if (!kind || !when) return;
    // Undated events come after the dated ones: they are still to be arranged.
    const auto later_than = [](const model::Occasion& a, const model::Occasion& b) {
      return b.date ? a.date && *a.date < *b.date : a.date.has_value();
    };
    if (!events.empty() && later_than(*when, events.back().when)) {
      reader.diagnostics().error(reader.at(item),
                                 events.back().when.dated()
                                     ? "events are listed oldest first: move this one up"
                                     : "events are listed oldest first, the undated ones last: move this one up",
                                 Code::date_order);
    }
    events.push_back(
        model::InspectionEvent{*kind, *when, reader.text(item.find("note"), "note").value_or(""), reader.at(item)});
  });
  return events;
}

std::optional<model::Gradings> decode_gradings(Reader& reader, const Node& node) {
  if (!reader.fields(node, "gradings", k_gradings_fields)) return std::nullopt;
  model::Gradings gradings;
  if (const Node* cycle = node.find("cycle")) {
    if (reader.id(cycle, "cycle", IdKind::slug)) gradings.cycle = reader.reference(cycle, "cycle");
  }
  const Node* areas = node.find("areas");
  if (areas != nullptr && areas->kind != Node::Kind::mapping) {
    reader.wrong_type(*areas, "areas", "a mapping of area to grade");
  } else if (areas != nullptr) {
    for (const MapEntry& entry : areas->entries) {
      // An area maps to its grade, or to {grade, narrative}.
      const Node* grade_node = &entry.value;
      std::string narrative;
      model::Located<std::string> carried_over_from;
      if (entry.value.kind == Node::Kind::mapping) {
        if (!reader.fields(entry.value, "a grading", k_grading_fields)) continue;
        grade_node = entry.value.find("grade");
        narrative = reader.text(entry.value.find("narrative"), "narrative").value_or("");
        carried_over_from = reader.reference(entry.value.find("carried_over_from"), "carried_over_from");
      }
      if (grade_node == nullptr) continue;
      const auto grade = reader.choice<model::Grade>(grade_node, entry.key);
      if (!grade) continue;
      gradings.areas.push_back(model::Grading{{entry.key, reader.at(entry)},
                                              {*grade, reader.at(*grade_node)},
                                              std::move(narrative),
                                              std::move(carried_over_from)});
    }
  }
  if (gradings.cycle.value.empty()) return std::nullopt;
  return gradings;
}

// Counts of findings by type: the numbers a report states. A type left out stays empty (not given), not 0.
model::FindingCounts::ByType decode_by_type(Reader& reader, const Node& node) {
  model::FindingCounts::ByType counts;
  counts.causes_of_concern = reader.integer(node.find("causes_of_concern"), "causes_of_concern", 0, 9999);
  counts.recommendations = reader.integer(node.find("recommendations"), "recommendations", 0, 9999);
  counts.afis = reader.integer(node.find("afis"), "afis", 0, 9999);
  return counts;
}

std::optional<model::FindingCounts> decode_counts(Reader& reader, const Node& node) {
  if (!reader.fields(node, "counts", k_counts_fields)) return std::nullopt;
  model::FindingCounts counts;
  counts.location = reader.at(node);
  counts.made = decode_by_type(reader, node);
  if (const Node* continuing = node.find("continuing");
      continuing != nullptr && reader.fields(*continuing, "continuing", k_continuing_fields)) {
    counts.continuing = decode_by_type(reader, *continuing);
  }
  counts.continuing_from = reader.reference(node.find("continuing_from"), "continuing_from");
  return counts;
}

// What the register says of the commissioner's response to a report.
std::optional<model::ReportResponse> decode_response(Reader& reader, const Node& node) {
  if (!reader.fields(node, "response", k_response_fields)) return std::nullopt;
  model::ReportResponse response;
  response.location = reader.at(node);
  response.required = reader.boolean(node.find("required"), "required").value_or(true);
  response.published = reader.date(node.find("published"), "published", Precision::month_or_day);
  response.url = reader.web_address(node.find("url"), "url").value_or("");
  response.note = reader.text(node.find("note"), "note").value_or("");
  if (!response.required && response.published) {
    reader.diagnostics().error(reader.at(*node.find("published")),
                               "a response marked 'required: false' has no publication to record: drop 'published', "
                               "or 'required: false' if the commissioner did respond",
                               Code::invalid_value);
  }
  return response;
}

// The force's monitoring phases, oldest first: each a day, a phase, and why, with the letter that said so.
std::vector<model::MonitoringChange> decode_monitoring(Reader& reader, const Node* list) {
  std::vector<model::MonitoringChange> changes;
  for_each_item(reader, list, "monitoring", [&](const Node& item) {
    if (!reader.fields(item, "a monitoring phase", k_monitoring_fields)) return;
    const auto date = reader.date(item.find("date"), "date", Precision::day);
    const auto phase = reader.choice<model::MonitoringPhase>(item.find("phase"), "phase");
    auto reason = reader.line(item.find("reason"), "reason").value_or("");
    auto letter = reader.web_address(item.find("letter"), "letter").value_or("");
    if (!date || !phase) return;
    model::MonitoringChange change{*date, *phase, std::move(reason), std::move(letter), reader.at(item)};
    if (!changes.empty() && change.date <= changes.back().date) {
      auto& d = reader.diagnostics().error(
          change.location,
          fmt::format("the monitoring phase from {} comes after one from {}: list the phases oldest first, one a day",
                      change.date.iso(), changes.back().date.iso()),
          Code::history_order);
      d.notes.push_back({changes.back().location, "the later one is here"});
      return;
    }
    if (!changes.empty() && change.phase == changes.back().phase) {
      auto& d = reader.diagnostics().error(
          change.location,
          fmt::format("the force is already in the {} phase from {}: each entry records a change of phase; drop "
                      "this one",
                      model::name_of(change.phase), changes.back().date.iso()),
          Code::history_order);
      d.notes.push_back({changes.back().location, "that phase begins here"});
      return;
    }
    changes.push_back(std::move(change));
  });
  return changes;
}

// How a finding's actions rate it: rules in order, each a rating of the register's own for open findings, with a
// threshold of progress (under `below`, or at most `up_to`) and whether the finding must be past its target.
std::vector<model::ActionRule> decode_action_rules(Reader& reader, const Node* list,
                                                   const model::Vocabulary& vocabulary) {
  std::vector<model::ActionRule> rules;
  int number = 0;
  std::optional<std::pair<int, diag::Location>> catch_all;  // a rule that asks nothing: no rule after it can match
  for_each_item(reader, list, "action_ratings", [&](const Node& item) {
    ++number;
    if (!reader.fields(item, "an action rating rule", k_action_rule_fields)) return;
    model::ActionRule rule;
    rule.number = number;
    rule.location = reader.at(item);
    rule.below = reader.integer(item.find("below"), "below", 1, 100);
    rule.up_to = reader.integer(item.find("up_to"), "up_to", 0, 99);
    const auto overdue = reader.boolean(item.find("overdue"), "overdue");
    rule.overdue = overdue.value_or(false);
    // A threshold written but unreadable (already an error) leaves no rule, rather than one that matches everything.
    if ((item.find("below") != nullptr && !rule.below) || (item.find("up_to") != nullptr && !rule.up_to) ||
        (item.find("overdue") != nullptr && !overdue)) {
      return;
    }
    if (rule.below && rule.up_to) {
      reader.diagnostics().error(reader.at(*item.find("up_to")),
                                 "a rule gives 'below' (under that per cent) or 'up_to' (at most it), not both",
                                 Code::invalid_value);
      return;
    }
    const auto rating = reader.line(item.find("rating"), "rating");
    if (!rating) return;
    rule.rating = {*rating, reader.at(*item.find("rating"))};
    const model::Rating* found = vocabulary.find(*rating);
    std::vector<std::string_view> open_ids;
    for (const model::Rating& r : vocabulary.ratings) {
      if (r.marks_open()) open_ids.push_back(r.id);
    }
    if (found == nullptr || !found->marks_open()) {
      reader.diagnostics().error(
          rule.rating.location,
          fmt::format("'{}' is not a rating this register gives open findings{} (expected {})", *rating,
                      found == nullptr ? util::did_you_mean(*rating, open_ids) : std::string(),
                      util::join_alternatives(open_ids)),
          Code::invalid_value);
      return;
    }
    if (catch_all) {
      auto& d = reader.diagnostics().warning(
          rule.location,
          fmt::format("action rule {} can never match: rule {} before it asks nothing, so it rates every finding "
                      "with actions; move it last",
                      rule.number, catch_all->first),
          Code::invalid_value);
      d.notes.push_back({catch_all->second, "that rule is here"});
    }
    if (!catch_all && !rule.below && !rule.up_to && !rule.overdue) catch_all = std::pair{rule.number, rule.location};
    rules.push_back(std::move(rule));
  });
  return rules;
}

std::optional<model::HistoryEntry> decode_history_entry(Reader& reader, const Node& node) {
  if (!reader.fields(node, "a history entry", k_history_fields)) return std::nullopt;
  const Node* dated = node.find("date");
  const Node* known_by = node.find("as_at");
  if ((dated == nullptr) == (known_by == nullptr)) {
    reader.diagnostics().error(reader.at(node),
                               dated == nullptr
                                   ? "a history entry needs 'date' (the day it happened) or 'as_at' (the day by "
                                     "which it was known, as a paper records a state)"
                                   : "a history entry has 'date' or 'as_at', not both: keep 'date' when the day it "
                                     "happened is known",
                               Code::missing_field);
    return std::nullopt;
  }
  // "date: as at 2017-06-08", as a paper words it, is what `as_at` is for.
  if (dated != nullptr && dated->kind == Node::Kind::scalar) {
    for (const std::string_view words : {"as at ", "as of ", "by "}) {
      const std::string_view text = dated->text;
      if (text.starts_with(words) && model::Date::parse(text.substr(words.size()))) {
        reader.diagnostics().error(reader.at(*dated),
                                   fmt::format("'{}' is not a date: for a state known only {}a day, write 'as_at: {}' "
                                               "in place of 'date'",
                                               text, words, text.substr(words.size())),
                                   Code::invalid_date);
        return std::nullopt;
      }
    }
  }
  const auto date =
      dated != nullptr ? reader.date(dated, "date", Precision::day) : reader.date(known_by, "as_at", Precision::day);
  if (!date) return std::nullopt;
  model::HistoryEntry entry;
  entry.date = *date;
  entry.as_at = known_by != nullptr;
  entry.location = reader.at(node);
  entry.status = reader.choice<model::Status>(node.find("status"), "status");
  entry.rag = reader.word_reference(node.find("rag"), "rag");  // a rating of the register's vocabulary, checked later
  entry.note = reader.text(node.find("note"), "note").value_or("");
  entry.by = reader.word_reference(node.find("by"), "by");
  entry.owner = reader.line(node.find("owner"), "owner");
  entry.due = reader.date(node.find("due"), "due", Precision::month_or_day);

  const bool superseded = entry.status == model::Status::superseded;
  if (superseded && entry.by.value.empty() && node.find("by") == nullptr) {
    reader.diagnostics().error(entry.location, "status 'superseded' needs 'by': the finding that replaces this one",
                               Code::superseded_without_by);
  }
  if (!superseded && node.find("by") != nullptr) {
    reader.diagnostics().error(reader.at(*node.find("by")), "'by' belongs only to an entry with status 'superseded'",
                               Code::by_without_superseded);
  }
  return entry;
}

// One dated step of an action. Progress is a whole per cent.
std::optional<model::ActionEntry> decode_action_entry(Reader& reader, const Node& node) {
  if (!reader.fields(node, "an action's history entry", k_action_entry_fields)) return std::nullopt;
  const auto date = reader.date(node.find("date"), "date", Precision::day);
  model::ActionEntry entry;
  entry.status = reader.choice<model::ActionStatus>(node.find("status"), "status");
  entry.percent = reader.integer(node.find("percent"), "percent", 0, 100);
  entry.note = reader.text(node.find("note"), "note").value_or("");
  entry.location = reader.at(node);
  if (!date) return std::nullopt;
  entry.date = *date;
  return entry;
}

// An action under a finding: its entries oldest first; progress that goes back, or an action closed short of
// 100 %, says why in its note.
std::optional<model::Action> decode_action(Reader& reader, const Node& node) {
  if (!reader.fields(node, "an action", k_action_fields)) return std::nullopt;
  const auto id = reader.id(node.find("id"), "action id", IdKind::finding_ref);
  model::Action action;
  action.title = reader.line(node.find("title"), "title").value_or("");
  action.owner = reader.line(node.find("owner"), "owner").value_or("");
  action.due = reader.date(node.find("due"), "due", Precision::month_or_day);
  const Node* history = node.find("history");
  action.history.reserve(item_count(history));
  std::optional<int> percent;  // the progress so far
  for_each_item(reader, history, "history", [&](const Node& item) {
    auto entry = decode_action_entry(reader, item);
    if (!entry) return;
    if (!action.history.empty() && entry->date < action.history.back().date) {
      auto& d = reader.diagnostics().error(entry->location,
                                           fmt::format("action entry dated {} comes after one dated {}: list "
                                                       "entries oldest first",
                                                       entry->date.iso(), action.history.back().date.iso()),
                                           Code::history_order);
      d.notes.push_back({action.history.back().location, "the later-dated entry is here"});
    }
    if (entry->percent && percent && *entry->percent < *percent && entry->note.empty()) {
      reader.diagnostics().error(entry->location,
                                 fmt::format("the action goes back from {} % to {} % complete without a note: say why "
                                             "in 'note'",
                                             *percent, *entry->percent),
                                 Code::action_progress);
    }
    if (entry->percent) percent = *entry->percent;
    if (entry->status == model::ActionStatus::closed && percent.value_or(0) < 100 && entry->note.empty()) {
      reader.diagnostics().error(entry->location,
                                 fmt::format("the action is closed at {} % complete without a note: give the reason "
                                             "in 'note', or 'percent: 100' if it is done",
                                             percent.value_or(0)),
                                 Code::action_progress);
    }
    action.history.push_back(std::move(*entry));
  });
  if (!id) return std::nullopt;
  action.id = *id;
  action.location = reader.at(*node.find("id"));
  return action;
}

std::optional<model::Finding> decode_finding(Reader& reader, const Node& node, const std::string& inspection_id) {
  if (!reader.fields(node, "a finding", k_finding_fields)) return std::nullopt;
  const auto ref = reader.id(node.find("ref"), "ref", IdKind::finding_ref);
  const auto type = reader.choice<model::FindingType>(node.find("type"), "type");
  model::Finding finding;
  finding.title = reader.line(node.find("title"), "title").value_or("");
  finding.text = reader.text(node.find("text"), "text").value_or("");
  finding.scope = reader.choice<model::Scope>(node.find("scope"), "scope").value_or(model::Scope::force);
  finding.cause_of_concern = reader.word_reference(node.find("cause_of_concern"), "cause_of_concern");
  finding.area = reader.word_reference(node.find("area"), "area");
  finding.owner = reader.line(node.find("owner"), "owner").value_or("");
  finding.portfolio = reader.word_reference(node.find("portfolio"), "portfolio");
  finding.priority = reader.word_reference(node.find("priority"), "priority");
  finding.theme = reader.line(node.find("theme"), "theme").value_or("");
  finding.due = reader.date(node.find("due"), "due", Precision::month_or_day);
  finding.inspectorate_due = reader.date(node.find("inspectorate_due"), "inspectorate_due", Precision::month_or_day);
  finding.repeats = reader.word_reference(node.find("repeats"), "repeats");
  for_each_item(reader, node.find("related"), "related", [&](const Node& item) {
    auto related = reader.word_reference(&item, "related");
    if (!related.value.empty()) finding.related.push_back(std::move(related));
  });

  const model::HistoryEntry* previous = nullptr;
  const Node* history = node.find("history");
  finding.history.reserve(item_count(history));
  for_each_item(reader, history, "history", [&](const Node& item) {
    auto entry = decode_history_entry(reader, item);
    if (!entry) return;
    if (previous != nullptr && entry->date < previous->date) {
      auto& d = reader.diagnostics().error(
          entry->location,
          fmt::format("history entry dated {} comes after one dated {}: list entries oldest first", entry->date.iso(),
                      previous->date.iso()),
          Code::history_order);
      d.notes.push_back({previous->location, "the later-dated entry is here"});
    } else if (previous != nullptr && entry->as_at && !previous->as_at && entry->date == previous->date) {
      // Folded in one order, so that a dated change of the day is told whichever way a file was written.
      auto& d = reader.diagnostics().error(
          entry->location,
          fmt::format("an entry as at {} comes after one dated that day: list what was known as at a day before "
                      "what happened on it",
                      entry->date.iso()),
          Code::history_order);
      d.notes.push_back({previous->location, "the dated entry is here"});
    }
    finding.history.push_back(std::move(*entry));
    previous = &finding.history.back();
  });

  const Node* actions = node.find("actions");
  finding.actions.reserve(item_count(actions));
  std::map<std::string_view, diag::Location> action_ids;  // views of interned words, which outlive the finding
  for_each_item(reader, actions, "actions", [&](const Node& item) {
    auto action = decode_action(reader, item);
    if (!action) return;
    const auto [first, added] = action_ids.emplace(action->id.view(), action->location);
    if (!added) {
      auto& d = reader.diagnostics().error(action->location,
                                           fmt::format("duplicate action id '{}' in this finding", action->id.view()),
                                           Code::duplicate_id);
      d.notes.push_back({first->second, "first given here"});
      return;
    }
    finding.actions.push_back(std::move(*action));
  });
  if (!finding.actions.empty() && (type == model::FindingType::cause_of_concern || node.find("repeats") != nullptr)) {
    const bool repeat = node.find("repeats") != nullptr;
    reader.diagnostics().error(
        reader.at(*actions),
        repeat ? "a repeat takes the state of the finding it repeats: give its actions there, not here"
               : "a cause of concern is followed through its recommendations: give their actions, not its own",
        repeat ? Code::repeat_history : Code::invalid_value);
    finding.actions.clear();
  }

  // Kept without a valid type, so that its references are still checked.
  if (!ref) return std::nullopt;
  finding.ref = *ref;
  finding.id = inspection_id + "/" + *ref;
  finding.type = type.value_or(model::FindingType::recommendation);
  finding.location = reader.at(*node.find("ref"));
  return finding;
}

}  // namespace

std::optional<model::Config> decode_config(const Node& root, diag::SourceName path, diag::Diagnostics& diagnostics) {
  Reader reader(path, diagnostics);
  if (!has_content(reader, root, "the register's configuration") ||
      !reader.fields(root, "the configuration", k_config_fields)) {
    return std::nullopt;
  }
  model::Config config;
  config.location = reader.at(root);

  if (const Node* version = root.find("schema_version")) {
    const auto value = reader.integer(version, "schema_version", 0, 1'000'000);
    if (value && *value != k_schema_version) {
      diagnostics.error(
          reader.at(*version),
          fmt::format("schema_version {} is not one this hmicfrs-track reads (it reads {})", *value, k_schema_version),
          Code::schema_version);
    }
  }
  read_texts(reader, root.find("force"), "force", k_force_fields, [&](std::string_view field, std::string value) {
    (field == "name" ? config.force_name : config.force_short_name) = std::move(value);
  });
  read_texts(reader, root.find("committee"), "committee", k_committee_fields,
             [&](std::string_view field, std::string value) {
               (field == "name" ? config.committee_name : config.committee_short_name) = std::move(value);
             });
  if (const Node* paper = root.find("paper"); paper != nullptr && reader.fields(*paper, "paper", k_paper_fields)) {
    for (const auto& [field, target] : {std::pair{"title", &config.paper_title},
                                        {"purpose", &config.purpose},
                                        {"decision", &config.decision},
                                        {"inspectorate", &config.inspectorate}}) {
      const Node* value = paper->find(field);
      const bool paragraph = std::string_view(field) == "purpose" || std::string_view(field) == "decision";
      if (auto text = paragraph ? reader.text(value, field) : reader.line(value, field)) *target = std::move(*text);
    }
    config.sections = decode_sections(reader, paper->find("sections"));
    config.background = decode_background(reader, paper->find("background"));
    config.peel_narratives = reader.choice<model::Narratives>(paper->find("peel_narratives"), "peel_narratives")
                                 .value_or(model::Narratives::first_paper);
    config.paper_dates =
        reader.choice<model::PaperDates>(paper->find("dates"), "dates").value_or(model::PaperDates::words);
    if (const Node* word_template = paper->find("word_template")) {
      if (auto path = reader.line(word_template, "word_template")) {
        config.word_template = {std::move(*path), reader.at(*word_template)};
      }
    }
  }
  if (auto contact = decode_contact(reader, root.find("contact"))) config.contact = std::move(*contact);
  if (auto marking = decode_marking(reader, root.find("marking"))) config.marking = std::move(*marking);
  const auto ratings = std::find_if(root.entries.begin(), root.entries.end(),
                                    [](const MapEntry& entry) { return entry.key == "ratings"; });
  if (ratings != root.entries.end()) {
    decode_ratings(reader, *ratings, config.vocabulary);
    if (const Node* rag = root.find("rag")) {
      reader.diagnostics().error(reader.at(*rag),
                                 "'rag' gives meanings to the default ratings, but this register declares its own "
                                 "'ratings': give each rating its 'meaning' there instead",
                                 Code::rating_vocabulary);
    }
  } else {
    read_texts(reader, root.find("rag"), "rag", k_rag_fields, [&](std::string_view field, std::string value) {
      for (model::Rating& rating : config.vocabulary.ratings) {
        if (rating.id == field) rating.meaning = std::move(value);
      }
    });
  }
  read_texts(reader, root.find("statuses"), "statuses", k_status_label_fields,
             [&](std::string_view field, std::string value) {
               config.vocabulary.status_labels[static_cast<std::size_t>(*model::value_named<model::Status>(field))] =
                   std::move(value);
             });
  if (const Node* thresholds = root.find("thresholds");
      thresholds != nullptr && reader.fields(*thresholds, "thresholds", k_threshold_fields)) {
    if (auto days = reader.integer(thresholds->find("stale_after_days"), "stale_after_days", 1, 3650)) {
      config.stale_after_days = *days;
    }
    // Days, not the meeting day: a reply on the day of the cut-off comes too late to write into the paper.
    if (auto days = reader.integer(thresholds->find("reply_days_before_meeting"), "reply_days_before_meeting", 1, 90)) {
      config.reply_days_before_meeting = *days;
    }
  }
  for_each_item(reader, root.find("portfolios"), "portfolios", [&](const Node& item) {
    if (!reader.fields(item, "a portfolio", k_portfolio_fields)) return;
    const auto id = reader.id(item.find("id"), "portfolio id", IdKind::slug);
    const auto name = reader.line(item.find("name"), "name");
    if (!id || !name) return;
    config.portfolios.push_back(
        model::Portfolio{*id, *name, reader.line(item.find("lead"), "lead").value_or(""), reader.at(*item.find("id"))});
  });
  if (const Node* priorities = root.find("priorities")) config.priorities = decode_priorities(reader, *priorities);
  for_each_item(reader, root.find("owners"), "owners", [&](const Node& item) {
    if (!reader.fields(item, "an owner", k_owner_fields)) return;
    const auto role = reader.line(item.find("role"), "role");
    const auto email = address(reader, item.find("email"), "email");
    if (!role || !email) return;
    // Roles are matched ignoring case, so a second entry for one would never be used.
    const model::OwnerAddress* first = config.find_owner(*role);
    if (first != nullptr) {
      auto& d = diagnostics.error(reader.at(*item.find("role")),
                                  fmt::format("owner '{}' is given twice (roles are matched ignoring case): keep one "
                                              "address per role",
                                              *role),
                                  Code::duplicate_id);
      d.notes.push_back({first->location, "first given here"});
      return;
    }
    config.owners.push_back(model::OwnerAddress{*role, *email, reader.at(*item.find("role"))});
  });
  if (const Node* responses = root.find("responses");
      responses != nullptr && reader.fields(*responses, "responses", k_responses_fields)) {
    if (const auto from = reader.date(responses->find("from"), "from", Precision::day)) {
      config.responses_from = model::Located<model::Date>{*from, reader.at(*responses->find("from"))};
    }
  }
  config.commissioner = decode_contact(reader, root.find("commissioner"), "commissioner");
  config.monitoring = decode_monitoring(reader, root.find("monitoring"));
  config.action_ratings = decode_action_rules(reader, root.find("action_ratings"), config.vocabulary);
  return config;
}

std::vector<model::Meeting> decode_committees(const Node& root, diag::SourceName path, diag::Diagnostics& diagnostics) {
  Reader reader(path, diagnostics);
  std::vector<model::Meeting> meetings;
  if (!has_content(reader, root, "the committee's meetings") ||
      !reader.fields(root, "the committees file", k_committees_fields)) {
    return meetings;
  }
  for_each_item(reader, root.find("meetings"), "meetings", [&](const Node& item) {
    if (!reader.fields(item, "a meeting", k_meeting_fields)) return;
    const auto id = reader.id(item.find("id"), "meeting id", IdKind::slug);
    const auto date = reader.date(item.find("date"), "date", Precision::day);
    model::Meeting meeting;
    meeting.agenda_item = reader.line(item.find("agenda_item"), "agenda_item").value_or("");
    meeting.as_of = reader.date(item.find("as_of"), "as_of", Precision::day);
    meeting.previous_cut_off = reader.date(item.find("previous_cut_off"), "previous_cut_off", Precision::day);
    meeting.contact = decode_contact(reader, item.find("contact"));
    if (const Node* notes = item.find("notes"); notes != nullptr && notes->kind != Node::Kind::mapping) {
      reader.wrong_type(*notes, "notes", "a mapping of paper section to text");
    } else if (notes != nullptr) {
      for (const MapEntry& entry : notes->entries) {
        const auto section = reader.choice_named<model::Section>(entry.key, reader.at(entry));
        auto text = reader.text(&entry.value, entry.key);
        if (section && text) meeting.notes[*section] = std::move(*text);
      }
    }
    for_each_item(reader, item.find("review"), "review", [&](const Node& report) {
      auto reference = reader.reference(&report, "review");
      if (!reference.value.empty()) meeting.review.push_back(std::move(reference));
    });
    meeting.sections = decode_sections(reader, item.find("sections"));
    meeting.background = decode_background(reader, item.find("background"));
    if (!id || !date) return;
    meeting.id = *id;
    meeting.date = *date;
    meeting.location = reader.at(*item.find("id"));
    if (meeting.as_of && meeting.date < *meeting.as_of) {
      diagnostics.warning(
          reader.at(*item.find("as_of")),
          fmt::format("the paper's cut-off {} is after the meeting on {}", meeting.as_of->iso(), meeting.date.iso()),
          Code::date_order);
    }
    if (meeting.previous_cut_off && meeting.cut_off() <= *meeting.previous_cut_off) {
      diagnostics.error(reader.at(*item.find("previous_cut_off")),
                        fmt::format("previous_cut_off {} is not before this paper's cut-off {}",
                                    meeting.previous_cut_off->iso(), meeting.cut_off().iso()),
                        Code::date_order);
    }
    meetings.push_back(std::move(meeting));
  });
  return meetings;
}

std::optional<model::Inspection> decode_inspection(const Node& root, diag::SourceName path,
                                                   diag::Diagnostics& diagnostics) {
  Reader reader(path, diagnostics);
  if (!has_content(reader, root, "an inspection") || !reader.fields(root, "an inspection", k_inspection_fields)) {
    return std::nullopt;
  }
  const auto id = reader.id(root.find("id"), "inspection id", IdKind::slug);
  const auto type = reader.choice<model::InspectionType>(root.find("type"), "type");
  model::Inspection inspection;
  inspection.title = reader.line(root.find("title"), "title").value_or("");
  inspection.short_name = reader.line(root.find("short_name"), "short_name").value_or("");
  inspection.inspectorates =
      reader.text_list(root.find("inspectorates"), "inspectorates").value_or(std::vector<std::string>{});
  inspection.involvement = reader.choice<model::Involvement>(root.find("involvement"), "involvement")
                               .value_or(model::Involvement::inspected);
  inspection.other_forces =
      reader.text_list(root.find("other_forces"), "other_forces").value_or(std::vector<std::string>{});
  inspection.notified = reader.date(root.find("notified"), "notified", Precision::year_month_or_day);
  if (const Node* fieldwork = root.find("fieldwork")) {
    if (fieldwork->kind == Node::Kind::sequence) {
      decode_phases(reader, *fieldwork, inspection);
    } else {
      inspection.fieldwork = decode_fieldwork(reader, *fieldwork);
    }
  }
  inspection.events = decode_events(reader, root.find("events"));
  inspection.draft_expected =
      reader.occasion(root.find("draft_expected"), "draft_expected", Precision::year_month_or_day);
  inspection.draft_received =
      reader.occasion(root.find("draft_received"), "draft_received", Precision::year_month_or_day);
  inspection.publication_expected =
      reader.date(root.find("publication_expected"), "publication_expected", Precision::year_month_or_day);
  inspection.published = reader.date(root.find("published"), "published", Precision::year_month_or_day);
  inspection.url = reader.web_address(root.find("url"), "url").value_or("");
  inspection.summary = reader.text(root.find("summary"), "summary").value_or("");
  if (const Node* gradings = root.find("gradings")) {
    if (type && *type != model::InspectionType::peel) {
      diagnostics.error(reader.at(*gradings),
                        fmt::format("only a PEEL inspection has gradings, not a '{}'", model::name_of(*type)),
                        Code::gradings_not_peel);
    } else {
      inspection.gradings = decode_gradings(reader, *gradings);
    }
  }

  if (const Node* counts = root.find("counts")) inspection.counts = decode_counts(reader, *counts);
  if (const Node* superseded = root.find("superseded");
      superseded != nullptr && reader.fields(*superseded, "superseded", k_supersession_fields)) {
    auto by = reader.reference(superseded->find("by"), "by");
    const auto date = reader.date(superseded->find("date"), "date", Precision::day);
    if (!by.value.empty() && date)
      inspection.superseded = model::ReportSupersession{std::move(by), *date, reader.at(*superseded)};
  }
  // `response:` with nothing after it tracks the response as `response: {}` does.
  if (const Node* response = root.find("response")) {
    inspection.response = response->kind == Node::Kind::null
                              ? model::ReportResponse{true, {}, {}, {}, reader.at(*response)}
                              : decode_response(reader, *response);
  }
  const std::string finding_prefix = id.value_or("?");
  const Node* findings = root.find("findings");
  inspection.findings.reserve(item_count(findings));
  for_each_item(reader, findings, "findings", [&](const Node& item) {
    if (auto finding = decode_finding(reader, item, finding_prefix)) inspection.findings.push_back(std::move(*finding));
  });

  // Kept without a valid type, so that its findings are still checked.
  if (!id) return std::nullopt;
  inspection.id = *id;
  inspection.type = type.value_or(model::InspectionType::other);
  inspection.location = reader.at(*root.find("id"));
  return inspection;
}

void resolve_ratings(model::Dataset& dataset, diag::Diagnostics& diagnostics) {
  const model::Vocabulary& vocabulary = dataset.config.vocabulary;
  std::vector<std::string_view> ids;
  for (const model::Rating& rating : vocabulary.ratings) ids.push_back(rating.id);
  const std::string_view what = vocabulary.customised ? "rating" : "RAG rating";
  for (model::Inspection& inspection : dataset.inspections) {
    for (model::Finding& finding : inspection.findings) {
      for (model::HistoryEntry& entry : finding.history) {
        if (entry.rag.location.line == 0) continue;  // none written
        const auto at = std::find(ids.begin(), ids.end(), entry.rag.value);
        if (at == ids.end()) {
          diagnostics.error(entry.rag.location,
                            fmt::format("unknown {} '{}'{} (expected {})", what, entry.rag.value,
                                        util::did_you_mean(entry.rag.value, ids), util::join_alternatives(ids)),
                            Code::invalid_value);
          continue;
        }
        entry.rating = static_cast<std::uint8_t>(at - ids.begin());  // at most k_max_ratings
        const model::Rating& rating = vocabulary.ratings[*entry.rating];
        const bool closed_status = entry.status && !model::is_open(*entry.status);
        if (!rating.marks_closed() && closed_status) {
          diagnostics.warning(entry.rag.location,
                              vocabulary.customised
                                  ? fmt::format("rating '{}' is given to open findings, not to status '{}'", rating.id,
                                                model::name_of(*entry.status))
                                  : fmt::format("a RAG rating applies only to open findings, not to status '{}'",
                                                model::name_of(*entry.status)),
                              Code::rag_when_closed);
        } else if (!rating.marks_open() && !closed_status) {
          diagnostics.error(entry.rag.location,
                            fmt::format("rating '{}' is given to closed findings: write the closing status in the "
                                        "same entry (status: closed, achieved, declined ...)",
                                        rating.id),
                            Code::rating_needs_closed_status);
          entry.rating.reset();
        }
      }
    }
  }
}

std::vector<CycleDefinition> decode_peel_cycles(const Node& root, diag::SourceName path,
                                                diag::Diagnostics& diagnostics) {
  Reader reader(path, diagnostics);
  std::vector<CycleDefinition> cycles;
  if (!has_content(reader, root, "PEEL cycles") || !reader.fields(root, "a PEEL cycles file", k_catalogue_fields)) {
    return cycles;
  }
  for_each_item(reader, root.find("cycles"), "cycles", [&](const Node& item) {
    if (!reader.fields(item, "a PEEL cycle", k_cycle_fields)) return;
    const auto id = reader.id(item.find("id"), "cycle id", IdKind::slug);
    if (!id) return;
    CycleDefinition definition;
    model::PeelCycle& cycle = definition.cycle;
    cycle.id = *id;
    cycle.location = reader.at(*item.find("id"));
    if (auto name = reader.line(item.find("name"), "name")) {
      cycle.name = std::move(*name);
      definition.has_name = true;
    }
    if (auto scale = reader.choice<model::Scale>(item.find("scale"), "scale")) {
      cycle.scale = *scale;
      definition.has_scale = true;
    }
    cycle.source = reader.text(item.find("source"), "source").value_or("");
    cycle.note = reader.text(item.find("note"), "note").value_or("");
    if (const auto confirmed = reader.boolean(item.find("areas_confirmed"), "areas_confirmed")) {
      cycle.areas_confirmed = *confirmed;
      definition.has_areas_confirmed = true;
    }
    for_each_item(reader, item.find("areas"), "areas", [&](const Node& area_node) {
      if (!reader.fields(area_node, "a PEEL area", k_area_fields)) return;
      const auto area_id = reader.id(area_node.find("id"), "area id", IdKind::slug);
      const auto short_label = reader.line(area_node.find("short"), "short");
      if (!area_id || !short_label) return;
      model::PeelArea area;
      area.id = *area_id;
      area.short_label = *short_label;
      area.long_label = reader.line(area_node.find("long"), "long").value_or(*short_label);
      area.pillar = reader.line(area_node.find("pillar"), "pillar").value_or("");
      area.graded = reader.boolean(area_node.find("graded"), "graded").value_or(true);
      area.location = reader.at(*area_node.find("id"));
      cycle.areas.push_back(std::move(area));
    });
    cycles.push_back(std::move(definition));
  });
  return cycles;
}

}  // namespace hmicfrs::load
