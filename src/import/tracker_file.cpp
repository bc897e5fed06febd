#include <hmicfrs/import/tracker_file.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include <hmicfrs/import/csv.hpp>
#include <hmicfrs/import/xlsx.hpp>

namespace hmicfrs::import {

std::variant<Table, TrackerFileProblem> read_tracker(const std::string& path, const std::string& sheet,
                                                     diag::Diagnostics& diagnostics) {
  namespace fs = std::filesystem;
  using Kind = TrackerFileProblem::Kind;
  std::string extension = fs::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool workbook = extension == ".xlsx" || extension == ".xlsm";
  if (extension == ".xls") {
    return TrackerFileProblem{
        Kind::not_a_tracker,
        fmt::format("{}: an Excel 97-2003 workbook: open it in Excel or LibreOffice and save it as .xlsx", path)};
  }
  if (!workbook && extension != ".csv" && extension != ".txt" && extension != ".tsv") {
    return TrackerFileProblem{Kind::not_a_tracker, fmt::format("{}: import reads .csv and .xlsx files", path)};
  }
  // A tracker's file is a few MiB at most; what the import builds from one grows with it, so it is bounded.
  constexpr std::uintmax_t k_limit = 16u << 20;
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return TrackerFileProblem{Kind::unreadable, fmt::format("cannot read {}: {}", path, ec.message())};
  if (size > k_limit) {
    return TrackerFileProblem{Kind::unreadable, fmt::format("{} is over 16 MiB, more than any tracker", path)};
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    return TrackerFileProblem{Kind::unreadable, fmt::format("cannot read {}: {}", path, std::strerror(errno))};
  }
  const std::string shown = fs::path(path).generic_string();
  if (workbook) return read_xlsx(bytes, shown, sheet, diagnostics);
  return read_csv(bytes, diag::source_name(shown), diagnostics);
}

}  // namespace hmicfrs::import
