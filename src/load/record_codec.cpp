#include "record_codec.hpp"

#include <algorithm>
#include <chrono>
#include <climits>
#include <concepts>
#include <map>
#include <type_traits>

namespace hmicfrs::load {
namespace {

// Each record's fields, listed once for writing and reading alike: `a(...)`
// is a Writer or a Reader. A field left out would be lost by every warm run,
// so the sizes below stop the build when a record gains one.
template <class T, class U>
concept either = std::same_as<std::remove_const_t<T>, U>;

template <class T>
constexpr bool is_located = false;
template <class T>
constexpr bool is_located<model::Located<T>> = true;

template <class L>
requires is_located<std::remove_const_t<L>>
void fields(auto& a, L& l) { a(l.value, l.location); }
void fields(auto& a, either<diag::Note> auto& n) { a(n.location, n.message); }
void fields(auto& a, either<model::Contact> auto& c) { a(c.name, c.title, c.email, c.phone); }
void fields(auto& a, either<model::Portfolio> auto& p) { a(p.id, p.name, p.lead, p.location); }
void fields(auto& a, either<model::Priority> auto& p) { a(p.id, p.name, p.location); }
void fields(auto& a, either<model::Priorities> auto& p) { a(p.title, p.values, p.table_each); }
void fields(auto& a, either<model::BackgroundDocument> auto& d) { a(d.title, d.url, d.date, d.location); }
void fields(auto& a, either<model::ReportSupersession> auto& s) { a(s.by, s.date, s.location); }
void fields(auto& a, either<model::OwnerAddress> auto& o) { a(o.role, o.email, o.location); }
void fields(auto& a, either<model::ReportResponse> auto& r) { a(r.required, r.published, r.url, r.note, r.location); }
void fields(auto& a, either<model::MonitoringChange> auto& m) { a(m.date, m.phase, m.reason, m.letter, m.location); }
void fields(auto& a, either<model::RatingRule> auto& r) { a(r.overdue, r.statuses); }
void fields(auto& a, either<model::Rating> auto& r) {
  a(r.id, r.label, r.meaning, r.colour, r.marks, r.attention, r.derived_when, r.location);
}
void fields(auto& a, either<model::Vocabulary> auto& v) { a(v.ratings, v.customised, v.status_labels); }
void fields(auto& a, either<model::PaperSection> auto& s) { a(s.section, s.title, s.location); }
void fields(auto& a, either<model::Config> auto& c) {
  // portfolio_index is built once the register is whole (Dataset::index).
  a(c.force_name, c.force_short_name, c.committee_name, c.committee_short_name, c.paper_title, c.inspectorate,
    c.purpose, c.decision, c.sections, c.peel_narratives, c.paper_dates, c.word_template, c.contact, c.portfolios,
    c.owners, c.vocabulary, c.stale_after_days, c.location, c.background, c.priorities, c.reply_days_before_meeting,
    c.marking, c.responses_from, c.commissioner, c.monitoring, c.action_ratings);
}
void fields(auto& a, either<model::Meeting> auto& m) {
  a(m.id, m.date, m.agenda_item, m.as_of, m.previous_cut_off, m.contact, m.notes, m.review, m.sections, m.location,
    m.background);
}
void fields(auto& a, either<model::HistoryEntry> auto& h) {
  // `rating` is left out: resolve_ratings sets it against the vocabulary once every file is in.
  a(h.date, h.as_at, h.status, h.rag, h.note, h.by, h.owner, h.due, h.location);
}
void fields(auto& a, either<model::Finding> auto& f) {
  // repeated_later is set once the register is whole (Dataset::index).
  a(f.ref, f.id, f.type, f.scope, f.title, f.text, f.owner, f.portfolio, f.cause_of_concern, f.area, f.due,
    f.inspectorate_due, f.repeats, f.related, f.history, f.location, f.priority, f.theme, f.actions);
}
void fields(auto& a, either<model::ActionEntry> auto& e) { a(e.date, e.status, e.percent, e.note, e.location); }
void fields(auto& a, either<model::Action> auto& x) { a(x.id, x.title, x.owner, x.due, x.history, x.location); }
void fields(auto& a, either<model::ActionRule> auto& r) {
  a(r.rating, r.below, r.up_to, r.overdue, r.number, r.location);
}
void fields(auto& a, either<model::Period> auto& p) { a(p.from, p.to); }
void fields(auto& a, either<model::FieldworkPhase> auto& p) { a(p.label, p.period, p.note, p.location); }
void fields(auto& a, either<model::Occasion> auto& o) { a(o.date); }
void fields(auto& a, either<model::InspectionEvent> auto& e) { a(e.kind, e.when, e.note, e.location); }
void fields(auto& a, either<model::Grading> auto& g) { a(g.area, g.grade, g.narrative, g.carried_over_from); }
void fields(auto& a, either<model::Gradings> auto& g) { a(g.cycle, g.areas); }
void fields(auto& a, either<model::FindingCounts::ByType> auto& c) {
  a(c.causes_of_concern, c.recommendations, c.afis);
}
void fields(auto& a, either<model::FindingCounts> auto& c) { a(c.made, c.continuing, c.continuing_from, c.location); }
void fields(auto& a, either<model::Inspection> auto& i) {
  // finding_index and answering_index are built once the register is whole (Dataset::index).
  a(i.id, i.type, i.title, i.inspectorates, i.involvement, i.other_forces, i.notified, i.fieldwork, i.phases, i.events,
    i.draft_expected, i.draft_received, i.publication_expected, i.published, i.url, i.summary, i.gradings, i.counts,
    i.findings, i.location, i.short_name, i.superseded, i.response);
}
void fields(auto& a, either<model::PeelArea> auto& p) {
  a(p.id, p.short_label, p.long_label, p.pillar, p.graded, p.location);
}
void fields(auto& a, either<model::PeelCycle> auto& c) {
  // area_index is built once the catalogue is whole.
  a(c.id, c.name, c.scale, c.source, c.note, c.areas_confirmed, c.areas, c.location);
}
void fields(auto& a, either<CycleDefinition> auto& d) { a(d.cycle, d.has_name, d.has_scale, d.has_areas_confirmed); }

// A record that gains a field must gain it above too; then update its size here.
template <class T, std::size_t size>
constexpr bool sized = sizeof(void*) != 8 || sizeof(T) == size;
static_assert(sized<model::Config, 960> && sized<model::Meeting, 360> && sized<model::HistoryEntry, 104> &&
                  sized<model::Finding, 288> && sized<model::Inspection, 752> && sized<model::PeelCycle, 216> &&
                  sized<model::Rating, 184> && sized<model::Vocabulary, 56> && sized<diag::Diagnostic, 88> &&
                  sized<model::Contact, 128> && sized<model::Portfolio, 112> && sized<model::RatingRule, 32> &&
                  sized<model::PaperSection, 56> && sized<model::Period, 10> && sized<model::FieldworkPhase, 72> &&
                  sized<model::InspectionEvent, 40> && sized<model::Grading, 128> && sized<model::Gradings, 72> &&
                  sized<model::FindingCounts, 112> && sized<model::PeelArea, 152> && sized<CycleDefinition, 224> &&
                  sized<diag::Note, 48> && sized<model::OwnerAddress, 80> && sized<model::Priority, 80> &&
                  sized<model::Priorities, 64> && sized<model::BackgroundDocument, 88> &&
                  sized<model::ReportSupersession, 72> && sized<model::ReportResponse, 64> &&
                  sized<model::MonitoringChange, 88> && sized<model::Action, 72> && sized<model::ActionEntry, 40> &&
                  sized<model::ActionRule, 88>,
              "a record's size changed: list its new field in fields(), then update the size");

// How many values an enum has, which a stored one must be below.
template <class E>
std::size_t values_of() {
  if constexpr (std::is_same_v<E, diag::Code>) {
    return diag::all_codes().size();
  } else if constexpr (std::is_same_v<E, diag::Severity>) {
    return static_cast<std::size_t>(diag::Severity::note) + 1;
  } else {
    return model::names_of<E>().size();
  }
}

class Writer {
 public:
  explicit Writer(diag::SourceName path) : m_path(path) {}

  template <class... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }

  void diagnostics(const diag::Diagnostics& all) { put(all.items()); }

  // Whether every location was in the file the records came from.
  bool ok() const { return m_ok; }
  std::string& bytes() { return m_out; }

 private:
  void varint(std::uint64_t value) {
    while (value >= 0x80) {
      m_out += static_cast<char>((value & 0x7f) | 0x80);
      value >>= 7;
    }
    m_out += static_cast<char>(value);
  }
  void put(bool value) { m_out += static_cast<char>(value ? 1 : 0); }
  void put(int value) { varint((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 31)); }
  void put(const std::string& text) { put(std::string_view(text)); }
  void put(const model::Interned& word) { put(word.view()); }
  void put(const model::Text& text) { put(text.view()); }
  void put(std::string_view text) {
    varint(text.size());
    m_out += text;
  }
  template <class E>
  requires std::is_enum_v<E>
  void put(E value) { varint(static_cast<std::uint64_t>(value)); }
  void put(const diag::Location& location) {
    const bool here = location.file != nullptr;
    m_ok = m_ok && (!here || location.file == m_path);  // names are interned: the same name is the same pointer
    put(here);
    put(location.line);
    put(location.column);
  }
  void put(const model::Date& date) {
    put(date.year());
    varint(date.month());
    varint(date.day());
    put(date.week_commencing());
  }
  template <class T>
  void put(const std::optional<T>& value) {
    put(value.has_value());
    if (value) put(*value);
  }
  template <class T>
  void put(const std::vector<T>& values) {
    varint(values.size());
    for (const T& value : values) put(value);
  }
  template <class K, class V>
  void put(const std::map<K, V>& values) {
    varint(values.size());
    for (const auto& [key, value] : values) {
      put(key);
      put(value);
    }
  }
  void put(const diag::Diagnostic& d) { (*this)(d.severity, d.location, d.message, d.code, d.notes); }
  template <class R>
  requires std::is_class_v<R>
  void put(const R& record) { fields(*this, record); }

  diag::SourceName m_path;
  std::string m_out;
  bool m_ok = true;
};

// The fewest bytes a T can be written in, within a factor of two: a list
// whose count asks for more than the bytes left could hold is refused before
// anything is made, so a list is reserved whole at a bounded cost.
template <class T>
std::size_t least_bytes() {
  static const std::size_t least = [] {
    static const diag::SourceName nowhere = nullptr;
    Writer writer(nowhere);
    writer(T{});
    return std::max<std::size_t>(1, writer.bytes().size() / 2);
  }();
  return least;
}

// Reads what a Writer wrote; at the first thing out of place it stops, and
// `ok` is false.
class Reader {
 public:
  Reader(std::string_view in, diag::SourceName path) : m_in(in), m_path(path) {}

  template <class... T>
  void operator()(T&... values) {
    (get(values), ...);
  }

  void diagnostics(diag::Diagnostics& all) {
    std::vector<diag::Diagnostic> items;
    get(items);
    for (diag::Diagnostic& d : items) {
      all.add(d.severity, std::move(d.location), std::move(d.message), d.code).notes = std::move(d.notes);
    }
  }

  // Whether every value was well formed and every byte was read.
  bool ok() const { return m_ok && m_at == m_in.size(); }

 private:
  std::size_t left() const { return m_in.size() - m_at; }
  bool fail() { return m_ok = false; }

  std::uint64_t varint() {
    // Most values are below 128: one byte.
    if (m_at < m_in.size() && static_cast<unsigned char>(m_in[m_at]) < 0x80) {
      return static_cast<unsigned char>(m_in[m_at++]);
    }
    std::uint64_t value = 0;
    for (int shift = 0; m_ok && shift < 64; shift += 7) {
      if (left() == 0) break;
      const auto b = static_cast<unsigned char>(m_in[m_at++]);
      value |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return value;
    }
    fail();
    return 0;
  }
  // A count of items still to read, each at least `least` bytes.
  std::size_t count(std::size_t least = 1) {
    const std::uint64_t n = varint();
    if (n > left() / least) fail();
    return m_ok ? static_cast<std::size_t>(n) : 0;
  }
  void get(bool& value) {
    const std::uint64_t b = varint();
    if (b > 1) fail();
    value = b == 1;
  }
  void get(int& value) {
    const std::uint64_t z = varint();
    const std::uint64_t v = (z >> 1) ^ (~(z & 1) + 1);
    if (z > std::uint64_t{UINT32_MAX}) fail();
    value = static_cast<int>(static_cast<std::int64_t>(v));
  }
  void get(std::string& text) { text.assign(take_text()); }
  void get(model::Interned& word) { word = model::Interned(take_text()); }
  void get(model::Text& text) { text = model::Text(take_text()); }
  std::string_view take_text() {
    const std::size_t size = count();
    const std::string_view text = m_in.substr(m_at, size);
    m_at += size;
    return text;
  }
  template <class E>
  requires std::is_enum_v<E>
  void get(E& value) {
    const std::uint64_t n = varint();
    if (n >= values_of<E>()) fail();
    value = m_ok ? static_cast<E>(n) : E{};
  }
  void get(diag::Location& location) {
    bool here = false;
    (*this)(here, location.line, location.column);
    if (location.line < 0 || location.column < 0) fail();
    location.file = here ? m_path : nullptr;
  }
  void get(model::Date& date) {
    int year = 0;
    get(year);
    const std::uint64_t month = varint(), day = varint();
    bool week_commencing = false;
    get(week_commencing);
    namespace c = std::chrono;
    const c::year_month_day ymd{c::year(year), c::month(static_cast<unsigned>(month)),
                                c::day(static_cast<unsigned>(day))};
    if (!m_ok || year < 1 || year > 9999 || month > 12 || day > 31 || (month == 0 && day > 0) ||
        (day > 0 && !ymd.ok()) || (week_commencing && day == 0)) {
      fail();
      return;
    }
    date = month == 0 ? model::Date::from_y(ymd.year())
           : day == 0 ? model::Date::from_ym(ymd.year() / ymd.month())
                      : model::Date::from_ymd(ymd);
    if (week_commencing) date = date.with_week_commencing();
  }
  template <class T>
  void get(std::optional<T>& value) {
    bool present = false;
    get(present);
    if (!present || !m_ok) return value.reset();
    get(value.emplace());
  }
  template <class T>
  void get(std::vector<T>& values) {
    const std::size_t n = count(least_bytes<T>());
    values.clear();
    values.reserve(n);
    for (std::size_t i = 0; i < n && m_ok; ++i) get(values.emplace_back());
  }
  template <class K, class V>
  void get(std::map<K, V>& values) {
    const std::size_t n = count(2);
    for (std::size_t i = 0; i < n && m_ok; ++i) {
      K key{};
      get(key);
      const auto [at, added] = values.try_emplace(key);
      if (!added) fail();
      get(at->second);
    }
  }
  void get(diag::Diagnostic& d) { (*this)(d.severity, d.location, d.message, d.code, d.notes); }
  void get(model::Vocabulary& vocabulary) {
    fields(*this, vocabulary);
    // Vocabulary::label indexes status_labels by Status.
    if (vocabulary.status_labels.size() != values_of<model::Status>()) fail();
    // A history entry keeps a rating's position in 16 bits; the loader allows no more than this.
    if (vocabulary.ratings.size() > model::k_max_ratings) fail();
  }
  template <class R>
  requires std::is_class_v<R>
  void get(R& record) {
    if (m_ok) fields(*this, record);
  }

  std::string_view m_in;
  diag::SourceName m_path;
  std::size_t m_at = 0;
  bool m_ok = true;
};

}  // namespace

std::optional<std::string> encode_records(const FileRecords& records, diag::SourceName path) {
  Writer writer(path);
  writer.diagnostics(records.diagnostics);
  writer(records.config, records.meetings, records.inspection, records.cycles);
  if (!writer.ok()) return std::nullopt;
  return std::move(writer.bytes());
}

std::optional<FileRecords> decode_records(std::string_view payload, diag::SourceName path) {
  Reader reader(payload, path);
  FileRecords records;
  reader.diagnostics(records.diagnostics);
  reader(records.config, records.meetings, records.inspection, records.cycles);
  if (!reader.ok()) return std::nullopt;
  return records;
}

}  // namespace hmicfrs::load
