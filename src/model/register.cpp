#include <hmicfrs/model/register.hpp>

#include <algorithm>

namespace hmicfrs::model {
namespace {

template <class Range>
auto find_by(const Range& items, auto member, std::string_view key) -> decltype(&*std::begin(items)) {
  const auto it =
      std::find_if(std::begin(items), std::end(items), [&](const auto& item) { return item.*member == key; });
  return it == std::end(items) ? nullptr : &*it;
}

}  // namespace

const Portfolio* Config::find_portfolio(std::string_view id) const { return find_by(portfolios, &Portfolio::id, id); }

const Finding* Inspection::find_finding(std::string_view ref) const { return find_by(findings, &Finding::ref, ref); }

const Inspection* Dataset::find_inspection(std::string_view id) const {
  return find_by(inspections, &Inspection::id, id);
}

const PeelArea* PeelCycle::find_area(std::string_view area_id) const { return find_by(areas, &PeelArea::id, area_id); }

const PeelCycle* Catalogue::find(std::string_view cycle_id) const { return find_by(cycles, &PeelCycle::id, cycle_id); }

}  // namespace hmicfrs::model
