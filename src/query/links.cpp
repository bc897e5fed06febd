#include <hmicfrs/query/links.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include <fmt/format.h>

namespace hmicfrs::query {
namespace {

using answers::FindingLinks;
using answers::FindingRef;

void add(std::vector<FindingRef>& list, const std::optional<FindingRef>& ref) {
  if (!ref) return;
  const bool listed =
      std::any_of(list.begin(), list.end(), [&](const FindingRef& r) { return r.finding == ref->finding; });
  if (!listed) list.push_back(*ref);
}

void sort_by_id(std::vector<FindingRef>& list) {
  std::sort(list.begin(), list.end(),
            [](const FindingRef& a, const FindingRef& b) { return a.finding->id < b.finding->id; });
}

}  // namespace

std::optional<FindingRef> find_finding(const model::Dataset& dataset, std::string_view id) {
  const std::size_t slash = id.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const model::Inspection* inspection = dataset.find_inspection(id.substr(0, slash));
  if (inspection == nullptr) return std::nullopt;
  const model::Finding* finding = inspection->find_finding(id.substr(slash + 1));
  if (finding == nullptr) return std::nullopt;
  return FindingRef{inspection, finding};
}

std::string id_named(const model::Dataset& dataset, std::string_view text) {
  const auto same = [&](std::string_view id) {
    return id.size() == text.size() && std::equal(id.begin(), id.end(), text.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
  };
  std::vector<std::string_view> matches;
  for (const model::Inspection& inspection : dataset.inspections) {
    if (inspection.id == text) return inspection.id;
    if (same(inspection.id)) matches.push_back(inspection.id);
    for (const model::Finding& finding : inspection.findings) {
      if (finding.id == text) return finding.id.str();
      if (same(finding.id)) matches.push_back(finding.id);
    }
  }
  return matches.size() == 1 ? std::string(matches.front()) : std::string();
}

std::string resolve_reference(std::string_view reference, const model::Inspection& from) {
  if (reference.find('/') != std::string_view::npos) return std::string(reference);
  return fmt::format("{}/{}", from.id, reference);
}

LinkIndex::LinkIndex(const model::Dataset& dataset) : m_dataset(dataset) {
  const auto note = [&](std::map<std::string, std::vector<FindingRef>, std::less<>>& into,
                        const model::Located<model::Interned>& reference, const model::Inspection& from,
                        const FindingRef& ref) {
    if (!reference.value.empty()) into[resolve_reference(reference.value, from)].push_back(ref);
  };
  for (const model::Inspection& inspection : dataset.inspections) {
    for (const model::Finding& other : inspection.findings) {
      const FindingRef ref{&inspection, &other};
      for (const model::HistoryEntry& entry : other.history) note(m_supersedes, entry.by, inspection, ref);
      for (const auto& related : other.related) note(m_related_from, related, inspection, ref);
      note(m_answered_by, other.cause_of_concern, inspection, ref);
      note(m_repeated_in, other.repeats, inspection, ref);
    }
  }
}

FindingLinks LinkIndex::of(const FindingRef& subject) const {
  FindingLinks links;
  const auto named = [&](const model::Located<model::Interned>& reference, const model::Inspection& from) {
    return find_finding(m_dataset, resolve_reference(reference.value, from));
  };
  for (const model::HistoryEntry& entry : subject.finding->history) {
    if (!entry.by.value.empty()) add(links.superseded_by, named(entry.by, *subject.inspection));
  }
  for (const auto& related : subject.finding->related) add(links.related, named(related, *subject.inspection));
  if (!subject.finding->cause_of_concern.value.empty()) {
    add(links.cause_of_concern, named(subject.finding->cause_of_concern, *subject.inspection));
  }
  if (!subject.finding->repeats.value.empty()) add(links.repeats, named(subject.finding->repeats, *subject.inspection));
  const auto naming_subject = [&](const std::map<std::string, std::vector<FindingRef>, std::less<>>& from,
                                  std::vector<FindingRef>& into) {
    const auto it = from.find(subject.finding->id.view());
    if (it == from.end()) return;
    for (const FindingRef& ref : it->second) add(into, ref);
  };
  naming_subject(m_supersedes, links.supersedes);
  naming_subject(m_related_from, links.related_from);
  naming_subject(m_answered_by, links.answered_by);
  naming_subject(m_repeated_in, links.repeated_in);
  for (auto* list : {&links.superseded_by, &links.supersedes, &links.related, &links.related_from,
                     &links.cause_of_concern, &links.answered_by, &links.repeats, &links.repeated_in}) {
    sort_by_id(*list);
  }
  return links;
}

FindingLinks links_of(const model::Dataset& dataset, const FindingRef& subject) {
  return LinkIndex(dataset).of(subject);
}

}  // namespace hmicfrs::query
