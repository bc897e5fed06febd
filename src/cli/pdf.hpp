#pragma once

// The paper as PDF: its HTML printed by headless Chromium, as pandoc prints
// through an external PDF engine, with no clock reaching the file. Private
// to cli/.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <hmicfrs/cli/run.hpp>
#include <hmicfrs/model/date.hpp>
#include <hmicfrs/util/result.hpp>

namespace hmicfrs::cli {

// The Chromium that prints PDFs: the first of chromium, chromium-browser and google-chrome found in the
// directories of `path` (as $PATH lists them), as a path to run; none when none is installed.
std::optional<std::string> find_chromium(std::string_view path);

// How a print is run: the browser, where its temporary files go, and how long it may take.
struct PdfPrinter {
  std::string chromium;               // as find_chromium gives it
  std::string temporary_directory;    // $TMPDIR, else /tmp
  std::chrono::seconds timeout{120};  // then it is stopped, and the print fails
  std::string output;                 // what the PDF is written as, as messages name it: "'paper.pdf'"
};

// The printer for `output` in `environment`: the Chromium on its PATH (else an IoError, exit 3, naming the package
// to install), its TMPDIR, and the timeout.
PdfPrinter pdf_printer(const Environment& environment, const std::string& output);

// `html` (a whole page, which names nothing outside itself) printed to PDF by `printer.chromium` in a profile of its
// own that is removed afterwards, with the network out of its reach, and dated `date` (`dated_pdf`). An IoError
// (exit 3) when Chromium fails, is stopped after the timeout, or writes no PDF.
std::string print_pdf(std::string_view html, const model::Date& date, const PdfPrinter& printer);

// `pdf` with the creation and modification dates of its Info dictionary (and of its XMP metadata, if any) set to
// midnight UTC on `date`, each written in as many bytes as it had, so that every offset of the file holds; an
// error when a date is written in a form that cannot be replaced byte for byte.
util::Result<std::string> dated_pdf(std::string pdf, const model::Date& date);

}  // namespace hmicfrs::cli
