// `chase --format eml`: one RFC 5322 message per owner, ready to open in a
// mail client and send; nothing here sends anything.

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>

#include <fmt/format.h>

#include <hmicfrs/render/labels.hpp>
#include <hmicfrs/render/output.hpp>
#include <hmicfrs/util/slug.hpp>
#include <hmicfrs/util/utf8.hpp>

#include "tables.hpp"

namespace hmicfrs::render {
namespace {

constexpr std::string_view k_crlf = "\r\n";
constexpr std::size_t k_width = 76;

// A header's value on one line: line breaks (which would start a header of
// the data's making) become spaces. Text beyond ASCII, or longer than
// `longest` bytes, is encoded (RFC 2047) in words folded onto lines of their
// own, so that no header line passes the length RFC 5322 allows.
std::string header_text(std::string_view value, std::size_t longest = 900) {
  std::string flat;
  for (const char c : value) flat += (c == '\r' || c == '\n' || c == '\t') ? ' ' : c;
  const bool ascii = std::all_of(flat.begin(), flat.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii && flat.size() <= longest) return flat;
  static constexpr std::string_view k_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const auto base64 = [](std::string_view bytes) {
    std::string out;
    const auto byte = [&](std::size_t i) -> std::uint32_t {
      return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0;
    };
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
      const std::uint32_t n = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
      out += k_alphabet[(n >> 18) & 63];
      out += k_alphabet[(n >> 12) & 63];
      out += i + 1 < bytes.size() ? k_alphabet[(n >> 6) & 63] : '=';
      out += i + 2 < bytes.size() ? k_alphabet[n & 63] : '=';
    }
    return out;
  };
  // Encoded words of at most 45 bytes each, cut between characters, so each stays within 75 characters.
  std::string out;
  for (std::string_view rest = flat; !rest.empty();) {
    const std::size_t take =
        std::max(util::fitting_prefix(rest, 45, util::utf8_bytes), util::character_at(rest, 0).length);
    out += fmt::format("{}=?UTF-8?B?{}?=", out.empty() ? "" : "\r\n ", base64(rest.substr(0, take)));
    rest.remove_prefix(take);
  }
  return out;
}

// A header's line, its value folded before spaces (RFC 5322 2.2.3) so that no line passes the 78 characters the RFC
// recommends unless one word does. Encoded words come from header_text on lines of their own already.
std::string header_line(std::string_view name, std::string_view value) {
  constexpr std::size_t k_recommended = 78;
  const std::string text = header_text(value);
  std::string out = fmt::format("{}:", name);
  if (text.find(k_crlf) != std::string::npos) return fmt::format("{} {}{}", out, text, k_crlf);
  std::size_t line = out.size();
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find(' ', at + 1), text.size());
    const std::string_view word = std::string_view(text).substr(at, end - at);  // with the space before it
    if (at > 0 && line + word.size() > k_recommended) {
      out += k_crlf;
      line = 0;
    } else if (at == 0) {
      out += ' ';
      ++line;
    }
    out += word;
    line += word.size();
    at = end;
  }
  return out + std::string(k_crlf);
}

// "Name" <address>: the name quoted, so that its brackets and commas are read
// as part of it, or, beyond ASCII or 60 bytes, encoded. The address is the
// register's plain address (`model::is_plain_address`: no more than 254
// characters), written as it is, in UTF-8 when it goes beyond ASCII (RFC
// 6532): an encoded word is never an address.
std::string mailbox(std::string_view name, std::string_view address) {
  constexpr std::size_t k_longest_quoted = 60;
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii || name.size() > k_longest_quoted) return fmt::format("{} <{}>", header_text(name, 0), address);
  std::string quoted = "\"";
  for (const char c : header_text(name)) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return fmt::format("{}\" <{}>", quoted, address);
}

// `text` in lines of at most k_width characters, the first starting with
// `first`, the rest with `indent`. A word longer than a line gets a line of
// its own, cut between characters every k_longest_word bytes, and no line
// holds more bytes than that (combining marks take no width), so that none
// passes the 998 bytes RFC 5322 allows.
std::string wrapped(std::string_view text, std::string_view indent, std::string_view first = {}) {
  constexpr std::size_t k_longest_word = 900;
  std::string out, line;
  std::size_t line_width = 0;
  const auto lead = [&] { return out.empty() ? first : indent; };
  const auto flush = [&] {
    if (!line.empty()) out += fmt::format("{}{}{}", lead(), line, k_crlf);
    line.clear();
    line_width = 0;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n' || text[i] == '\r') {
      flush();
      ++i;
      continue;
    }
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
      continue;
    }
    const std::size_t end = std::min(text.find_first_of(" \t\r\n", i), text.size());
    for (std::string_view word = text.substr(i, end - i); !word.empty();) {
      const std::size_t take = std::max<std::size_t>(util::fitting_prefix(word, k_longest_word, util::utf8_bytes),
                                                     util::character_at(word, 0).length);
      const std::string_view piece = word.substr(0, take);
      word.remove_prefix(take);
      const std::size_t width = util::measured(piece, util::terminal_columns);
      // A line ends at the width, or at k_longest_word bytes, whatever the width of its characters.
      if (!line.empty() &&
          (display_width(lead()) + line_width + 1 + width > k_width || line.size() + 1 + take > k_longest_word)) {
        flush();
      }
      if (!line.empty()) {
        line += ' ';
        ++line_width;
      }
      line += piece;
      line_width += width;
      if (!word.empty()) flush();
    }
    i = end;
  }
  flush();
  return out;
}

// "Mon, 21 Mar 2022 09:00:00 +0000", for a date that has a day.
std::string mail_date(const model::Date& date) {
  static constexpr std::array<std::string_view, 7> k_days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  const model::Date day = date.first_day();
  return fmt::format("{}, {:02} {} {} 09:00:00 +0000", k_days[day.weekday().c_encoding()], day.day(),
                     model::month_name(day.month()).substr(0, 3), day.year());
}

// A draft message's headers, then the register's marking first in its body when it has one.
std::string message_head(const answers::Chase& v, const std::string& from, const std::string& to,
                         const std::string& subject, const std::string& stem) {
  const model::Config& config = *v.config;
  std::string m;
  m += fmt::format("Date: {}{}", mail_date(v.as_of), k_crlf);
  m += fmt::format("From: {}{}", from, k_crlf);
  if (!to.empty()) m += fmt::format("To: {}{}", to, k_crlf);
  m += header_line("Subject", subject);
  m += fmt::format("Message-ID: <chase-{}-{}@hmicfrs-track.invalid>{}", v.as_of.iso(), stem, k_crlf);
  m += fmt::format("X-Unsent: 1{}", k_crlf);  // opened as a draft, to check and send
  m += fmt::format(
      "MIME-Version: 1.0{0}Content-Type: text/plain; charset=utf-8{0}"
      "Content-Transfer-Encoding: 8bit{0}{0}",
      k_crlf);
  if (!config.marking.empty()) (m += wrapped(config.marking, "")) += k_crlf;
  return m;
}

// The thanks, who sends it, and the marking last.
std::string signature(const model::Config& config) {
  std::string m(k_crlf);
  m += wrapped("Thank you.", "");
  for (const std::string* line : {&config.contact.name, &config.contact.title, &config.force_name}) {
    if (!line->empty()) m += wrapped(*line, "");
  }
  if (!config.marking.empty()) (m += k_crlf) += wrapped(config.marking, "");
  return m;
}

// The actions a message asks about: how far each has got, by the day replies are asked for.
std::string actions_asked(const answers::Chase& v, const answers::ChaseGroup& group, bool after_findings) {
  const auto day = [&](const model::Date& date) { return chase_date(v, date, DateStyle::words); };
  const bool one = group.actions.size() == 1;
  std::string m;
  if (after_findings) m += k_crlf;
  const bool any_overdue = std::any_of(group.actions.begin(), group.actions.end(),
                                       [](const answers::ChaseAction& a) { return !a.due_soon; });
  const bool any_due_soon =
      std::any_of(group.actions.begin(), group.actions.end(), [](const answers::ChaseAction& a) { return a.due_soon; });
  const std::string why = any_overdue && any_due_soon ? fmt::format("past their due date or due by {}", day(v.until))
                          : any_overdue               ? fmt::format("past {} due date", one ? "its" : "their")
                                                      : fmt::format("due by {}", day(v.until));
  m += wrapped(fmt::format("The {} below {} {}. Please tell us {} how far {} has got (per cent complete), and "
                           "whether {} is done.",
                           one ? "action" : count_phrase(group.actions.size(), "action", "actions"), one ? "is" : "are",
                           why, v.reply_late ? std::string("as soon as possible") : "by " + day(v.reply_by),
                           one ? "it" : "each", one ? "it" : "each"),
               "");
  std::size_t number = 0;
  for (const answers::ChaseAction& a : group.actions) {
    const model::Action& action = *a.action.action;
    m += k_crlf;
    m += wrapped(fmt::format("{}. {} of {}: {}", ++number, action.id.view(), a.finding->id, action.title), "   ", "");
    m += wrapped(fmt::format("Due: {}{}. Complete: {}%.", day(*action.due), a.due_soon ? "" : " (overdue)",
                             a.action.counted_percent()),
                 "   ", "   ");
    if (const model::ActionEntry* noted = a.action.noted) {
      m += wrapped(fmt::format("Latest note ({}): {}", day(noted->date), noted->note), "     ", "   ");
    }
  }
  return m;
}

// The message to the commissioner's office about the responses to reports that are due or overdue, named apart
// from the owners' messages.
EmailMessage responses_message(const answers::Chase& v, const std::string& from, const std::string& marked,
                               const std::string& asked, const std::vector<std::string>& taken) {
  const model::Config& config = *v.config;
  const auto day = [&](const model::Date& date) { return chase_date(v, date, DateStyle::words); };
  std::string stem = "responses-to-reports";
  for (int n = 2; std::find(taken.begin(), taken.end(), stem) != taken.end(); ++n) {
    stem = fmt::format("responses-to-reports-{}", n);
  }
  std::string m =
      message_head(v, from, v.commissioner_email,
                   fmt::format("{}HMICFRS reports: the commissioner's response, please {}", marked, asked), stem);
  m += wrapped(fmt::format("To {},", v.commissioner), "");
  m += k_crlf;
  const bool one = v.responses.size() == 1;
  m += wrapped(
      fmt::format(
          "The commissioner's comments on {}, with the chief officer's, must be published within "
          "{} days of {} publication (section 55 of the Police Act 1996). Please tell us {} when {} "
          "published, and where.",
          one ? "the report below" : "each of the " + count_phrase(v.responses.size(), "report", "reports") + " below",
          model::k_response_days, one ? "its" : "each one's", asked, one ? "it is or will be" : "each is or will be"),
      "");
  std::size_t number = 0;
  for (const answers::ResponseState& response : v.responses) {
    m += k_crlf;
    m += wrapped(fmt::format("{}. {}: {}", ++number, response.inspection->id, response.inspection->title), "   ", "");
    m += wrapped(fmt::format("Report published {}. Response: {}.", day(*response.inspection->published),
                             in_prose(response_text(response, DateStyle::words))),
                 "   ", "   ");
  }
  m += signature(config);
  return {stem + ".eml", std::move(m)};
}

}  // namespace

std::vector<EmailMessage> to_messages(const answers::Chase& v) {
  const model::Config& config = *v.config;
  const model::Vocabulary& vocabulary = config.vocabulary;
  const model::Contact& contact = config.contact;
  const std::string from = contact.email.empty() ? mailbox("hmicfrs-track", "hmicfrs-track@localhost.invalid")
                                                 : mailbox(!contact.name.empty()    ? contact.name
                                                           : !contact.title.empty() ? contact.title
                                                                                    : contact.email,
                                                           contact.email);
  const std::string committee = config.committee_name.empty() ? std::string("committee") : config.committee_name;
  // Every date of a message in words, as its prose writes them.
  const auto day = [&](const model::Date& date) { return chase_date(v, date, DateStyle::words); };
  const std::string asked = v.reply_late ? std::string("as soon as possible") : "by " + day(v.reply_by);
  // A marked register's messages carry its marking before the subject, and first and last in the body.
  const std::string marked = config.marking.empty() ? std::string() : fmt::format("[{}] ", config.marking);
  const std::string subject = v.meeting != nullptr
                                  ? fmt::format("{}HMICFRS findings: an update please {}, for the {} on {}", marked,
                                                asked, committee, day(v.meeting->date))
                                  : fmt::format("{}HMICFRS findings: an update please {}", marked, asked);
  // Which paper the findings are asked about, and how they stand when its register is taken.
  std::string when;
  if (v.ends_at_paper) {
    when = fmt::format(
        "The {}'s paper for its meeting on {} takes the register as it stands on {}. Unless an "
        "update is recorded by then, it will show",
        committee, day(v.meeting->date), day(v.until));
  } else if (v.meeting != nullptr) {
    when = fmt::format(
        "The {}'s next paper, for its meeting on {}, takes the register as it stands on {}. Unless "
        "an update is recorded by {}, the register will show",
        committee, day(v.meeting->date), day(v.meeting->cut_off()), day(v.until));
  } else {
    when = fmt::format("Unless an update is recorded by {}, the register will then show", day(v.until));
  }
  std::vector<EmailMessage> out;
  const std::vector<std::string> stems = group_file_stems(v);
  for (std::size_t g = 0; g < v.groups.size(); ++g) {
    const answers::ChaseGroup& group = v.groups[g];
    const std::string& stem = stems[g];
    std::string m = message_head(v, from, group.email, subject, stem);
    m += wrapped(fmt::format("To {},", group.name), "");
    m += k_crlf;
    if (!group.items.empty()) {
      const bool one = group.items.size() == 1;
      m += wrapped(fmt::format("{} the {} below as described.", when,
                               one ? "finding" : count_phrase(group.items.size(), "finding", "findings")),
                   "");
      m += k_crlf;
      const std::string what = fmt::format(
          "with an update on {}: what has been done since the latest note, the "
          "rating you would give it, and any new target date with the reason.",
          one ? "it" : "each");
      // Late only when the paper's day for replies has passed (the window's end never has): there is a paper.
      m += wrapped(v.reply_late
                       ? fmt::format("Updates for the paper were due by {}, so please reply as soon as possible {}",
                                     day(v.reply_by), what)
                       : fmt::format("Please reply by {} {}", day(v.reply_by), what),
                   "");
      std::size_t number = 0;
      for (const answers::ChaseItem& item : group.items) {
        const answers::FindingRow& row = item.row;
        m += k_crlf;
        m += wrapped(fmt::format("{}. {}: {}", ++number, row.finding->id, row.finding->title), "   ", "");
        m += wrapped(
            fmt::format("Due: {}. {}: {}.", row.state.due ? day(*row.state.due) : "no target date",
                        rating_heading(vocabulary), row.state.rating != nullptr ? row.state.rating->label : "none"),
            "   ", "   ");
        if (const model::HistoryEntry* noted = row.state.noted) {
          m += wrapped(
              fmt::format("Latest note ({}{}): {}", noted->as_at ? "as at " : "", day(noted->date), noted->note),
              "     ", "   ");
        }
        m += wrapped(fmt::format("Asked because: {}.", chase_reasons(v, item, DateStyle::words)), "     ", "   ");
        m += wrapped(fmt::format("{}: {}.", chase_outcome_label(v, DateStyle::words),
                                 chase_paper_shows(v, item, DateStyle::words)),
                     "     ", "   ");
      }
    }
    if (!group.actions.empty()) m += actions_asked(v, group, !group.items.empty());
    m += signature(config);
    out.push_back({stem + ".eml", std::move(m)});
  }
  if (!v.responses.empty()) out.push_back(responses_message(v, from, marked, asked, stems));
  return out;
}

std::string unaddressed_warning(const answers::Chase& v) {
  std::vector<const answers::ChaseGroup*> unaddressed;
  for (const answers::ChaseGroup& group : v.groups) {
    if (group.email.empty()) unaddressed.push_back(&group);
  }
  std::string commissioner;
  if (!v.responses.empty() && v.commissioner_email.empty()) {
    commissioner = fmt::format(
        "warning: the message about responses to reports ({}) has no To: address: give the commissioner's office's "
        "in hmicfrs-track.yaml, as in\n  commissioner:\n    email: name@example.org\n",
        v.commissioner);
  }
  if (unaddressed.empty()) return commissioner;
  std::string out =
      fmt::format("warning: {} of {} {} no To: address: hmicfrs-track.yaml gives none for\n", unaddressed.size(),
                  count_phrase(v.groups.size() + (v.responses.empty() ? 0 : 1), "message", "messages"),
                  unaddressed.size() == 1 ? "has" : "have");
  std::string example;
  for (const answers::ChaseGroup* group : unaddressed) {
    if (group->role.empty()) {
      out += fmt::format("  {}: the portfolio names no lead (give it one with lead:)\n", group->name);
    } else if (v.by_portfolio) {
      out += fmt::format("  {}: its lead, {}\n", group->name, group->role);
    } else {
      out += fmt::format("  {}\n", group->name);
    }
    if (example.empty()) example = group->role;
  }
  if (!example.empty()) {
    std::string quoted;
    for (const char c : example) (c == '"' || c == '\\' ? quoted += '\\' : quoted) += c;
    out += fmt::format("Add each under owners:, as in\n  owners:\n    - role: \"{}\"\n      email: name@example.org\n",
                       quoted);
  }
  return out + commissioner;
}

}  // namespace hmicfrs::render
