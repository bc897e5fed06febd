#include "pdf.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "errors.hpp"
#include "files.hpp"

extern char** environ;

namespace hmicfrs::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::array<std::string_view, 3> k_browsers{"chromium", "chromium-browser", "google-chrome"};
constexpr std::string_view k_install = "install the chromium package: apt-get install chromium";
// A print without the browser's own header and footer (its date and the file's address), and nothing beside it:
// no extensions, updates, sync or first-run pages, and no name resolves, so that nothing reaches the network.
constexpr std::array<std::string_view, 11> k_chromium_flags{"--headless",
                                                            "--disable-gpu",
                                                            "--no-pdf-header-footer",
                                                            "--disable-extensions",
                                                            "--disable-background-networking",
                                                            "--disable-component-update",
                                                            "--disable-default-apps",
                                                            "--disable-sync",
                                                            "--no-first-run",
                                                            "--no-default-browser-check",
                                                            "--host-resolver-rules=MAP * ~NOTFOUND"};
// The most of a date that cannot be replaced that a message quotes.
constexpr std::size_t k_quoted = 40;

// A directory of its own under `parent`, removed with everything in it when this goes.
class TemporaryDirectory {
 public:
  explicit TemporaryDirectory(const fs::path& parent, const std::string& output) {
    std::string name = (parent / "hmicfrs-track-pdf-XXXXXX").string();
    if (mkdtemp(name.data()) == nullptr) {
      throw IoError(fmt::format("cannot write {}: cannot make a temporary directory in {} to print it in: {}", output,
                                parent.string(), std::strerror(errno)));
    }
    m_path = name;
  }
  ~TemporaryDirectory() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

// A path as a file: URL, every byte but letters, digits, "/" and "-._~" percent-encoded.
std::string file_url(const fs::path& path) {
  std::string url = "file://";
  for (const char c : path.string()) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || std::string_view("/-._~").find(c) != std::string_view::npos) {
      url += c;
    } else {
      url += fmt::format("%{:02X}", byte);
    }
  }
  return url;
}

// Runs `arguments` in a process group of its own, its output thrown away, and waits for it for at most `timeout`;
// whatever is left of the group then (all of it, when the time is up) is killed and the child reaped. Returns how it
// ended, as waitpid's status, or nothing when it was stopped.
std::optional<int> run_bounded(const std::vector<std::string>& arguments, std::chrono::seconds timeout,
                               const std::string& output) {
  std::vector<char*> argv;
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attributes);
  for (const int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0);
  }
  posix_spawnattr_setpgroup(&attributes, 0);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  pid_t pid = 0;
  const int started = posix_spawn(&pid, argv.front(), &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (started != 0) {
    throw IoError(fmt::format("cannot write {}: cannot run {}: {}; {}", output, arguments.front(),
                              std::strerror(started), k_install));
  }
  // Waited for without reaping it, so that its process group cannot be another's when what is left of it is killed.
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool ended = false;
  while (!ended) {
    siginfo_t info{};
    const int waited = waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
    if (waited == 0 && info.si_pid == pid) {
      ended = true;
    } else if (waited != 0 && errno != EINTR) {
      break;
    } else if (std::chrono::steady_clock::now() >= deadline) {
      break;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  kill(-pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!ended) return std::nullopt;
  return status;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A PDF date ("D:YYYYMMDDHHmmSS" and a time zone) for midnight UTC on `date`, in exactly `length` bytes: as many
// of the time's digits as fit, then "Z", "+00'", "+00'00" or "+00'00'" in the bytes left; nothing when none fits.
std::optional<std::string> pdf_date(const model::Date& date, std::size_t length) {
  const std::string full = fmt::format("D:{:04}{:02}{:02}000000", date.year(), date.month(), date.day());
  for (const std::string_view zone : {"", "Z", "+00'", "+00'00", "+00'00'"}) {
    for (std::size_t digits = full.size(); digits >= 10; digits -= 2) {
      if (digits + zone.size() == length) return full.substr(0, digits) + std::string(zone);
    }
  }
  return std::nullopt;
}

// An XMP date (ISO 8601) for midnight UTC on `date` in exactly `length` bytes, as pdf_date does.
std::optional<std::string> xmp_date(const model::Date& date, std::size_t length) {
  const std::string full = fmt::format("{:04}-{:02}-{:02}T00:00:00", date.year(), date.month(), date.day());
  for (const std::string_view zone : {"", "Z", "+00:00"}) {
    for (const std::size_t digits : {full.size(), std::size_t{16}, std::size_t{10}}) {
      if (digits == 10 && !zone.empty()) continue;
      if (digits + zone.size() == length) return full.substr(0, digits) + std::string(zone);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> find_chromium(std::string_view path) {
  for (const std::string_view browser : k_browsers) {
    std::string_view rest = path;
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      const std::string directory(rest.substr(0, colon));
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
      if (directory.empty()) continue;  // not the current directory: no program is run from wherever the user is
      const std::string candidate = directory + "/" + std::string(browser);
      struct stat file {};
      if (stat(candidate.c_str(), &file) == 0 && S_ISREG(file.st_mode) && access(candidate.c_str(), X_OK) == 0) {
        return candidate;
      }
    }
  }
  return std::nullopt;
}

PdfPrinter pdf_printer(const Environment& environment, const std::string& output) {
  const std::optional<std::string> chromium = find_chromium(environment.variable("PATH").value_or(""));
  if (!chromium) {
    throw IoError(fmt::format(
        "cannot write {}: a PDF is printed by Chromium, and none of chromium, chromium-browser or google-chrome "
        "is on PATH: {}",
        output, k_install));
  }
  const std::optional<std::string> temporary = environment.variable("TMPDIR");
  return PdfPrinter{*chromium, temporary && !temporary->empty() ? *temporary : "/tmp", std::chrono::seconds(120),
                    output};
}

std::string print_pdf(std::string_view html, const model::Date& date, const PdfPrinter& printer) {
  const TemporaryDirectory work(fs::absolute(printer.temporary_directory), printer.output);
  const fs::path page = work.path() / "paper.html";
  const fs::path pdf = work.path() / "paper.pdf";
  write_file_atomically(page, html);
  std::vector<std::string> arguments{printer.chromium};
  arguments.insert(arguments.end(), k_chromium_flags.begin(), k_chromium_flags.end());
  arguments.push_back("--user-data-dir=" + (work.path() / "profile").string());
  arguments.push_back("--print-to-pdf=" + pdf.string());
  // Chromium's sandbox refuses to start as root; anyone else keeps it.
  if (geteuid() == 0) arguments.push_back("--no-sandbox");
  arguments.push_back(file_url(page));

  const std::string failed =
      fmt::format("cannot write {}: Chromium ({}) could not print the paper", printer.output, printer.chromium);
  const std::optional<int> status = run_bounded(arguments, printer.timeout, printer.output);
  if (!status) {
    throw IoError(fmt::format("{}: it took more than {} second{} and was stopped; try again, or {}", failed,
                              printer.timeout.count(), printer.timeout.count() == 1 ? "" : "s", k_install));
  }
  if (WIFSIGNALED(*status)) {
    throw IoError(fmt::format("{}: it was killed by signal {}; {}", failed, WTERMSIG(*status), k_install));
  }
  if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
    throw IoError(fmt::format("{}: it exited with status {}; {}", failed, WEXITSTATUS(*status), k_install));
  }
  std::string bytes = read_file(pdf);
  if (!bytes.starts_with("%PDF-")) {
    throw IoError(
        fmt::format("{}: it wrote {}; {}", failed, bytes.empty() ? "no PDF" : "a file that is not a PDF", k_install));
  }
  util::Result<std::string> dated = dated_pdf(std::move(bytes), date);
  if (!dated) throw IoError(fmt::format("{}: {}", failed, dated.error()));
  return std::move(dated).value();
}

namespace {

// Where the Info dictionary's object is: the trailer's "/Info N G R", and the object "N G obj" at the start of a
// line, up to its "endobj". None when the PDF names no Info dictionary.
std::optional<std::pair<std::size_t, std::size_t>> info_object(const std::string& pdf) {
  const std::size_t trailer = pdf.rfind("trailer");
  if (trailer == std::string::npos) return std::nullopt;
  const std::size_t info = pdf.find("/Info", trailer);
  if (info == std::string::npos) return std::nullopt;
  std::size_t at = info + 5;
  const auto number = [&]() -> std::optional<std::string> {
    while (at < pdf.size() && std::string_view(" \t\r\n").find(pdf[at]) != std::string_view::npos) ++at;
    const std::size_t start = at;
    while (at < pdf.size() && pdf[at] >= '0' && pdf[at] <= '9' && at - start < 10) ++at;
    if (at == start) return std::nullopt;
    return pdf.substr(start, at - start);
  };
  const auto object = number(), generation = number();
  if (!object || !generation) return std::nullopt;
  const std::string header = *object + " " + *generation + " obj";
  for (std::size_t start = pdf.find(header); start != std::string::npos; start = pdf.find(header, start + 1)) {
    if (start != 0 && pdf[start - 1] != '\n' && pdf[start - 1] != '\r') continue;
    const std::size_t end = pdf.find("endobj", start);
    return std::pair{start + header.size(), end == std::string::npos ? pdf.size() : end};
  }
  return std::nullopt;
}

// Past the literal string that opens at `open` ("(...)", with escapes and balanced brackets), at most to `end`.
std::size_t after_string(const std::string& pdf, std::size_t open, std::size_t end) {
  int depth = 0;
  for (std::size_t i = open; i < end; ++i) {
    if (pdf[i] == '\\') {
      ++i;
    } else if (pdf[i] == '(') {
      ++depth;
    } else if (pdf[i] == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return end;
}

}  // namespace

util::Result<std::string> dated_pdf(std::string pdf, const model::Date& date) {
  // The Info dictionary's dates, and only its: a register's words (a title, a link) may say "/ModDate" too, inside
  // a string of that dictionary or elsewhere in the file. Each is a key, perhaps white space, and "(D:...)".
  if (const auto info = info_object(pdf)) {
    const auto [start, end] = *info;
    for (std::size_t i = start; i < end;) {
      if (pdf[i] == '(') {
        i = after_string(pdf, i, end);
        continue;
      }
      if (pdf[i] != '/') {
        ++i;
        continue;
      }
      std::size_t name_end = i + 1;
      while (name_end < end && std::string_view(" \t\r\n/<>()[]{}%").find(pdf[name_end]) == std::string_view::npos) {
        ++name_end;
      }
      const std::string key = pdf.substr(i + 1, name_end - i - 1);
      i = name_end;
      if (key != "CreationDate" && key != "ModDate") continue;
      std::size_t open = name_end;
      while (open < end && std::string_view(" \t\r\n").find(pdf[open]) != std::string_view::npos) ++open;
      if (open >= end || pdf[open] != '(') {
        return util::Error{fmt::format("its {} is not written as a date in brackets", key)};
      }
      const std::size_t close = after_string(pdf, open, end);
      if (close >= end || pdf[close - 1] != ')') return util::Error{fmt::format("its {} does not end", key)};
      const std::size_t length = close - open - 2;
      const std::optional<std::string> replacement = pdf_date(date, length);
      if (!replacement || pdf.compare(open + 1, 2, "D:") != 0) {
        return util::Error{fmt::format("its {} ({}) is not a date it can replace", key,
                                       pdf.substr(open + 1, std::min(length, k_quoted)))};
      }
      pdf.replace(open + 1, replacement->size(), *replacement);
      i = close;
    }
  }
  // XMP metadata's dates, as elements (<xmp:CreateDate>...<) or attributes (xmp:CreateDate="...").
  for (const std::string_view name : {"xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"}) {
    for (std::size_t at = pdf.find(name); at != std::string::npos; at = pdf.find(name, at + 1)) {
      std::size_t start = at + name.size();
      char end = '<';
      if (pdf.compare(start, 2, "=\"") == 0 || pdf.compare(start, 2, "='") == 0) {
        end = pdf[start + 1];
        start += 2;
      } else if (start < pdf.size() && pdf[start] == '>' && (at == 0 || pdf[at - 1] == '<')) {
        start += 1;
      } else {
        continue;  // the end tag, or the name inside other text
      }
      const std::size_t stop = pdf.find(end, start);
      if (stop == std::string::npos) return util::Error{fmt::format("its XMP {} does not end", name)};
      const std::optional<std::string> replacement = xmp_date(date, stop - start);
      if (!replacement) {
        return util::Error{fmt::format("its XMP {} ({}) is not a date it can replace", name,
                                       pdf.substr(start, std::min(stop - start, k_quoted)))};
      }
      pdf.replace(start, replacement->size(), *replacement);
    }
  }
  return pdf;
}

}  // namespace hmicfrs::cli
