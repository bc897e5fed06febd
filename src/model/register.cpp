#include <hmicfrs/model/register.hpp>

#include <algorithm>

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

const Portfolio* Config::find_portfolio(std::string_view id) const {
  return find_by(portfolios, portfolio_index, &Portfolio::id, id);
}

const Finding* Inspection::find_finding(std::string_view ref) const {
  return find_by(findings, finding_index, &Finding::ref, ref);
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

void Dataset::index() {
  config.portfolio_index.build(config.portfolios, [](const Portfolio& p) -> const std::string& { return p.id; });
  inspection_index.build(inspections, [](const Inspection& i) -> const std::string& { return i.id; });
  for (Inspection& inspection : inspections) {
    inspection.finding_index.build(inspection.findings, [](const Finding& f) -> const std::string& { return f.ref; });
  }
  catalogue.cycle_index.build(catalogue.cycles, [](const PeelCycle& c) -> const std::string& { return c.id; });
  for (PeelCycle& cycle : catalogue.cycles) {
    cycle.area_index.build(cycle.areas, [](const PeelArea& a) -> const std::string& { return a.id; });
  }
}

}  // namespace hmicfrs::model
