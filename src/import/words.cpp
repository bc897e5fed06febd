#include "words.hpp"

#include <array>
#include <utility>

#include "text.hpp"

namespace hmicfrs::import {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

constexpr std::array k_status_words{
    Pair{"open", "open"},
    Pair{"in progress", "open"},
    Pair{"ongoing", "open"},
    Pair{"on track", "open"},
    Pair{"off track", "open"},
    Pair{"at risk", "open"},
    Pair{"delayed", "open"},
    Pair{"not started", "open"},
    Pair{"not yet started", "open"},
    Pair{"partially implemented", "open"},
    Pair{"partially complete", "open"},
    Pair{"new", "open"},
    Pair{"awaiting sign-off", "awaiting-sign-off"},
    Pair{"awaiting sign off", "awaiting-sign-off"},
    Pair{"awaiting signoff", "awaiting-sign-off"},
    Pair{"pending closure", "awaiting-sign-off"},
    Pair{"proposed for closure", "awaiting-sign-off"},
    Pair{"closed", "closed"},
    Pair{"complete", "closed"},
    Pair{"completed", "closed"},
    Pair{"implemented", "closed"},
    Pair{"archived", "closed"},  // what a committee paper of 2017 calls the findings it no longer reports
    Pair{"achieved", "achieved"},
    Pair{"discharged", "achieved"},
    Pair{"superseded", "superseded"},
    Pair{"declined", "declined"},
    Pair{"not accepted", "declined"},
    Pair{"not-monitored", "not-monitored"},
    Pair{"not monitored", "not-monitored"},
    Pair{"no longer monitored", "not-monitored"},
};

constexpr std::array k_type_words{
    Pair{"recommendation", "recommendation"},
    Pair{"rec", "recommendation"},
    Pair{"r", "recommendation"},
    Pair{"afi", "afi"},
    Pair{"area for improvement", "afi"},
    Pair{"areas for improvement", "afi"},
    Pair{"cause of concern", "cause-of-concern"},
    Pair{"cause for concern", "cause-of-concern"},
    Pair{"coc", "cause-of-concern"},
    Pair{"not formal", "not-formal"},
    Pair{"informal", "not-formal"},
};

constexpr std::array k_inspection_type_words{
    Pair{"peel", "peel"},
    Pair{"thematic", "national-thematic"},
    Pair{"national thematic", "national-thematic"},
    Pair{"joint thematic", "joint-thematic"},
    Pair{"jtai", "jtai"},
    Pair{"custody", "custody"},
    Pair{"crime data integrity", "crime-data-integrity"},
    Pair{"cdi", "crime-data-integrity"},
    Pair{"super-complaint", "super-complaint"},
    Pair{"super complaint", "super-complaint"},
    Pair{"child protection", "child-protection"},
};

// Headers, most particular first: "last update" before "update", "rag status" before "status".
constexpr std::array k_headers{
    Pair{"overdue", "ignore"},
    Pair{"finding id", "id"},
    Pair{"cause of concern ref", "cause_of_concern"},
    Pair{"coc ref", "cause_of_concern"},
    Pair{"report type", "inspection_type"},
    Pair{"inspection type", "inspection_type"},
    Pair{"report title", "inspection_title"},
    Pair{"inspection title", "inspection_title"},
    Pair{"published", "published"},
    Pair{"publication date", "published"},
    Pair{"date of publication", "published"},
    Pair{"last update", "updated"},
    Pair{"last updated", "updated"},
    Pair{"date updated", "updated"},
    Pair{"update date", "updated"},
    Pair{"date of update", "updated"},
    Pair{"hmicfrs deadline", "inspectorate_due"},
    Pair{"inspectorate deadline", "inspectorate_due"},
    Pair{"inspectorate due", "inspectorate_due"},
    Pair{"rag", "rating"},
    Pair{"rag status", "rating"},
    Pair{"rag rating", "rating"},
    Pair{"brag", "rating"},
    Pair{"brag status", "rating"},
    Pair{"brag rating", "rating"},
    Pair{"rating", "rating"},
    Pair{"colour", "rating"},
    Pair{"status", "status"},
    Pair{"ref", "ref"},
    Pair{"reference", "ref"},
    Pair{"ref no", "ref"},
    Pair{"rec no", "ref"},
    Pair{"no.", "ref"},
    Pair{"number", "ref"},
    Pair{"#", "ref"},
    Pair{"type", "type"},
    Pair{"category", "type"},
    Pair{"report", "inspection"},
    Pair{"inspection", "inspection"},
    Pair{"source", "inspection"},
    Pair{"full text", "text"},
    Pair{"full wording", "text"},
    Pair{"detail", "text"},
    Pair{"text", "text"},
    Pair{"title", "title"},
    Pair{"recommendation", "title"},
    Pair{"recommendation / afi", "title"},
    Pair{"area for improvement", "title"},
    Pair{"afi", "title"},
    Pair{"finding", "title"},
    Pair{"description", "title"},
    Pair{"action", "title"},
    Pair{"owner email", "owner_email"},
    Pair{"email", "owner_email"},
    Pair{"e-mail", "owner_email"},
    Pair{"owner", "owner"},
    Pair{"lead", "owner"},
    Pair{"responsible", "owner"},
    Pair{"accountable", "owner"},
    Pair{"portfolio", "portfolio"},
    Pair{"directorate", "portfolio"},
    Pair{"department", "portfolio"},
    Pair{"command", "portfolio"},
    Pair{"business area", "portfolio"},
    Pair{"target", "due"},
    Pair{"due", "due"},
    Pair{"deadline", "due"},
    Pair{"completion date", "due"},
    Pair{"updates", "updates"},
    Pair{"update history", "updates"},
    Pair{"latest update", "note"},
    Pair{"latest note", "note"},
    Pair{"update", "note"},
    Pair{"progress", "note"},
    Pair{"comments", "note"},
    Pair{"commentary", "note"},
};

// Whether `keyword` is `header` or a run of its whole words ("target" in "target date").
bool names(std::string_view header, std::string_view keyword) {
  for (std::size_t at = header.find(keyword); at != std::string_view::npos; at = header.find(keyword, at + 1)) {
    const auto apart = [](char c) { return std::string_view(" ()/:-_,.").find(c) != std::string_view::npos; };
    const bool starts = at == 0 || apart(header[at - 1]);
    const std::size_t end = at + keyword.size();
    const bool ends = end == header.size() || apart(header[end]) || (header[end] >= '0' && header[end] <= '9');
    if (starts && ends) return true;
  }
  return false;
}

template <std::size_t N>
std::optional<std::string> look_up(const std::array<Pair, N>& words, std::string_view word) {
  for (const auto& [tracker, value] : words) {
    if (tracker == word) return std::string(value);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> builtin_word(std::string_view field, std::string_view word,
                                        const model::Vocabulary& vocabulary) {
  if (field == "status") {
    const auto names = model::names_of<model::Status>();
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (folded(vocabulary.label(static_cast<model::Status>(i))) == word || names[i] == word) {
        return std::string(names[i]);
      }
    }
    return look_up(k_status_words, word);
  }
  if (field == "type") {
    if (const auto type = model::value_named<model::FindingType>(word)) return std::string(model::name_of(*type));
    return look_up(k_type_words, word);
  }
  if (field == "inspection_type") {
    if (const auto type = model::value_named<model::InspectionType>(word)) return std::string(model::name_of(*type));
    return look_up(k_inspection_type_words, word);
  }
  if (field == "rating") {
    if (word == "unrated" || word == "none" || word == "n/a" || word == "-") return std::string();
    for (const model::Rating& rating : vocabulary.ratings) {
      if (folded(rating.id) == word || folded(rating.label) == word) return rating.id;
      // "R", "A", "G": the first letter, where no other rating shares it.
      if (word.size() == 1 && folded(rating.id).front() == word.front()) {
        std::size_t sharing = 0;
        for (const model::Rating& other : vocabulary.ratings) sharing += folded(other.id).front() == word.front();
        if (sharing == 1) return rating.id;
      }
    }
  }
  return std::nullopt;
}

model::Vocabulary brag_vocabulary() {
  model::Vocabulary brag;
  model::Rating blue{"blue", "Blue", "Complete", {}, model::Marks::closed, false, {}, {}};
  for (const model::NamedColour& colour : model::named_colours()) {
    if (colour.name == "blue") blue.colour = colour.hex;
  }
  brag.ratings.push_back(std::move(blue));
  brag.customised = true;
  return brag;
}

std::vector<std::string_view> builtin_words(std::string_view field) {
  std::vector<std::string_view> out;
  const auto add = [&](const auto& words) {
    for (const auto& [word, value] : words) out.push_back(word);
  };
  if (field == "status") add(k_status_words);
  if (field == "type") add(k_type_words);
  if (field == "inspection_type") add(k_inspection_type_words);
  return out;
}

std::vector<std::string_view> register_values(std::string_view field, const model::Vocabulary& vocabulary) {
  const auto all = [](auto names) { return std::vector<std::string_view>(names.begin(), names.end()); };
  if (field == "status") return all(model::names_of<model::Status>());
  if (field == "type") return all(model::names_of<model::FindingType>());
  if (field == "inspection_type") return all(model::names_of<model::InspectionType>());
  std::vector<std::string_view> out;
  for (const model::Rating& rating : vocabulary.ratings) out.push_back(rating.id);
  return out;
}

std::optional<HeaderGuess> field_for_header(std::string_view header) {
  const std::string word = folded(header);
  for (const auto& [keyword, field] : k_headers) {
    if (word == keyword) return HeaderGuess{field, keyword};
  }
  for (const auto& [keyword, field] : k_headers) {
    if (names(word, keyword)) return HeaderGuess{field, keyword};
  }
  return std::nullopt;
}

std::optional<model::FindingType> type_from_ref(std::string_view ref) {
  const std::string r = folded(ref);
  const auto digit_after = [&](std::size_t n) { return r.size() > n && r[n] >= '0' && r[n] <= '9'; };
  if (r.starts_with("afi")) return model::FindingType::afi;
  if (r.starts_with("coc") || (r.starts_with("c") && digit_after(1))) return model::FindingType::cause_of_concern;
  if (r.starts_with("rec") || (r.starts_with("r") && digit_after(1))) return model::FindingType::recommendation;
  return std::nullopt;
}

std::optional<model::InspectionType> type_from_title(std::string_view title) {
  const std::string t = folded(title);
  const auto has = [&](std::string_view word) { return names(t, word); };
  if (has("peel")) return model::InspectionType::peel;
  if (has("jtai") || has("joint targeted area inspection")) return model::InspectionType::jtai;
  if (has("custody")) return model::InspectionType::custody;
  if (has("crime data integrity")) return model::InspectionType::crime_data_integrity;
  if (has("super-complaint") || has("super complaint")) return model::InspectionType::super_complaint;
  if (has("child protection")) return model::InspectionType::child_protection;
  if (has("joint thematic")) return model::InspectionType::joint_thematic;
  if (has("national thematic") || has("thematic")) return model::InspectionType::national_thematic;
  return std::nullopt;
}

}  // namespace hmicfrs::import
