#include <hmicfrs/model/register.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace hmicfrs::model {
namespace {

// The first item whose `member` is `key`: through the index when it covers
// the items, else by looking at each.
template <class Range>
auto find_by(const Range& items, const IdIndex& index, auto member, std::string_view key)
    -> decltype(&*std::begin(items)) {
  if (index.covers(items.size())) {
    const auto position = index.find(key);
    return position ? &items[*position] : nullptr;
  }
  const auto it =
      std::find_if(std::begin(items), std::end(items), [&](const auto& item) { return item.*member == key; });
  return it == std::end(items) ? nullptr : &*it;
}

}  // namespace

Date response_duty_from() { return Date::from_ymd(std::chrono::year{2017} / std::chrono::May / 2); }

std::string action_rule_condition(const ActionRule& rule) {
  std::string out = rule.below   ? "actions under " + std::to_string(*rule.below) + "% complete"
                    : rule.up_to ? "actions at most " + std::to_string(*rule.up_to) + "% complete"
                                 : std::string();
  if (rule.overdue) out += out.empty() ? "past its target" : " and past its target";
  return out.empty() ? "any other finding with actions" : out;
}

bool is_slug(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool is_finding_ref(std::string_view text) {
  if (text.empty() || std::isalnum(static_cast<unsigned char>(text.front())) == 0) return false;
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isalnum(c) != 0 || c == '.' || c == '-'; });
}

bool is_plain_address(std::string_view email) {
  const std::size_t at = email.find('@');
  return at != std::string_view::npos && at > 0 && at <= 64 && at + 1 < email.size() && email.size() <= 254 &&
         email.find('@', at + 1) == std::string_view::npos &&
         email.find_first_of(" \t\r\n<>,;:\"()[]\\") == std::string_view::npos;
}

std::span<const NamedColour> named_colours() {
  // Printed in grey, red, green, blue, amber, white and black are six greys at least 40 apart (58, 103, 150, 192,
  // 255, 0), and so are red, orange, yellow and green (58, 147, 199, 103): a force's usual sets stay apart.
  static constexpr std::array<NamedColour, 12> k_colours{{{"red", "#c00000"},
                                                          {"amber", "#ffc20e"},
                                                          {"green", "#2e8b3e"},
                                                          {"white", "#ffffff"},
                                                          {"grey", "#969696"},
                                                          {"gray", "#969696"},
                                                          {"black", "#000000"},
                                                          {"blue", "#58a6e8"},
                                                          {"yellow", "#f2d024"},
                                                          {"orange", "#e67e22"},
                                                          {"purple", "#7d3c98"},
                                                          {"brown", "#8d5524"}}};
  return k_colours;
}

int printed_grey(std::string_view hex) {
  const auto channel = [&](std::size_t at) {
    int value = 0;
    for (const char c : hex.substr(at, 2)) {
      value = value * 16 + (c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - 'A' + 10);
    }
    return value;
  };
  if (hex.size() != 7 || hex[0] != '#') return 0;
  return static_cast<int>(std::lround(0.3 * channel(1) + 0.59 * channel(3) + 0.11 * channel(5)));
}

std::string unrated_colour(std::span<const std::string> rating_colours) {
  static constexpr std::array<std::string_view, 6> k_candidates{"#ffffff", "#e0e0e0", "#c0c0c0",
                                                                "#969696", "#787878", "#505050"};
  std::string_view best = k_candidates.front();
  int best_distance = -1;
  for (const std::string_view candidate : k_candidates) {
    int distance = 256;
    for (const std::string& colour : rating_colours) {
      distance = std::min(distance, std::abs(printed_grey(candidate) - printed_grey(colour)));
    }
    if (distance > best_distance) best = candidate, best_distance = distance;
  }
  return std::string(best);
}

namespace {
std::string colour_named(std::string_view name) {
  for (const NamedColour& colour : named_colours()) {
    if (colour.name == name) return std::string(colour.hex);
  }
  return {};
}
}  // namespace

Vocabulary::Vocabulary()
    : ratings{{"red", "Red", "", colour_named("red"), Marks::open, true, {}, {}},
              {"amber", "Amber", "", colour_named("amber"), Marks::open, false, {}, {}},
              {"green", "Green", "", colour_named("green"), Marks::open, false, {}, {}}},
      status_labels{"Open", "Awaiting sign-off", "Closed", "Achieved", "Superseded", "Declined", "Not monitored"} {}

const Rating* Vocabulary::find(std::string_view id) const {
  const auto it = std::find_if(ratings.begin(), ratings.end(), [&](const Rating& r) { return r.id == id; });
  return it == ratings.end() ? nullptr : &*it;
}

const std::string& Vocabulary::label(Status status) const { return status_labels[static_cast<std::size_t>(status)]; }

std::vector<std::string> Vocabulary::attention_labels() const {
  std::vector<std::string> labels;
  for (const Rating& rating : ratings) {
    if (rating.attention) labels.push_back(rating.label);
  }
  return labels;
}

const Portfolio* Config::find_portfolio(std::string_view id) const {
  return find_by(portfolios, portfolio_index, &Portfolio::id, id);
}

const Priority* Priorities::find(std::string_view id) const {
  // A handful of values: a search is as quick as an index.
  const auto it = std::find_if(values.begin(), values.end(), [&](const Priority& p) { return p.id == id; });
  return it == values.end() ? nullptr : &*it;
}

const OwnerAddress* Config::find_owner(std::string_view role) const {
  const auto same = [&](const OwnerAddress& owner) {
    return std::equal(owner.role.begin(), owner.role.end(), role.begin(), role.end(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
  };
  const auto it = std::find_if(owners.begin(), owners.end(), same);
  return it == owners.end() ? nullptr : &*it;
}

const Finding* Inspection::find_finding(std::string_view ref) const {
  return find_by(findings, finding_index, &Finding::ref, ref);
}

std::vector<std::size_t> Inspection::answering(std::string_view ref) const {
  std::vector<std::size_t> out;
  const auto [first, last] = answering_index.equal_range(ref);
  for (auto it = first; it != last; ++it) out.push_back(it->second);
  return out;
}

const Inspection* Dataset::find_inspection(std::string_view id) const {
  return find_by(inspections, inspection_index, &Inspection::id, id);
}

const PeelArea* PeelCycle::find_area(std::string_view area_id) const {
  return find_by(areas, area_index, &PeelArea::id, area_id);
}

const PeelCycle* Catalogue::find(std::string_view cycle_id) const {
  return find_by(cycles, cycle_index, &PeelCycle::id, cycle_id);
}

std::size_t Dataset::finding_count() const {
  std::size_t count = 0;
  for (const Inspection& inspection : inspections) count += inspection.findings.size();
  return count;
}

void Dataset::index() {
  config.portfolio_index.build(config.portfolios, [](const Portfolio& p) -> std::string_view { return p.id; });
  inspection_index.build(inspections, [](const Inspection& i) -> std::string_view { return i.id; });
  for (Inspection& inspection : inspections) {
    inspection.finding_index.build(inspection.findings, [](const Finding& f) -> std::string_view { return f.ref; });
    // A recommendation names its cause of concern by ref, or by id within this inspection.
    inspection.answering_index.clear();
    const std::string prefix = inspection.id + "/";
    for (std::size_t i = 0; i < inspection.findings.size(); ++i) {
      const Finding& f = inspection.findings[i];
      if (f.type != FindingType::recommendation || f.cause_of_concern.value.empty()) continue;
      std::string_view ref = f.cause_of_concern.value;
      if (ref.starts_with(prefix)) ref.remove_prefix(prefix.size());
      inspection.answering_index.emplace(std::string(ref), i);
    }
  }
  // Which findings a later one re-issues ("inspection/ref", or a ref within the same inspection), now that every
  // inspection's findings can be found.
  std::vector<std::pair<std::size_t, std::size_t>> repeated;  // (inspection, finding) positions
  for (const Inspection& inspection : inspections) {
    for (const Finding& f : inspection.findings) {
      const std::string_view named = f.repeats.value;
      if (named.empty()) continue;
      const std::size_t slash = named.find('/');
      const Inspection* earlier =
          slash == std::string_view::npos ? &inspection : find_inspection(named.substr(0, slash));
      if (earlier == nullptr) continue;
      const Finding* found = earlier->find_finding(slash == std::string_view::npos ? named : named.substr(slash + 1));
      if (found == nullptr || found == &f) continue;
      repeated.emplace_back(static_cast<std::size_t>(earlier - inspections.data()),
                            static_cast<std::size_t>(found - earlier->findings.data()));
    }
  }
  for (const auto& [i, f] : repeated) inspections[i].findings[f].repeated_later = true;
  catalogue.cycle_index.build(catalogue.cycles, [](const PeelCycle& c) -> std::string_view { return c.id; });
  for (PeelCycle& cycle : catalogue.cycles) {
    cycle.area_index.build(cycle.areas, [](const PeelArea& a) -> std::string_view { return a.id; });
  }
}

}  // namespace hmicfrs::model
