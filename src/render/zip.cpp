// Zip archives in memory with libzip: written for Word, read for a template's parts.

#include "zip.hpp"

#include <charconv>
#include <memory>
#include <stdexcept>

#include <zip.h>

namespace hmicfrs::render {
namespace {

// The MS-DOS date and time zip entries carry: the date given, at midnight.
std::pair<zip_uint16_t, zip_uint16_t> dos_date_time(std::string_view date) {
  int year = 1980, month = 1, day = 1;
  if (date.size() == 10) {
    const auto number = [&](std::size_t at, std::size_t length, int& out) {
      int value = 0;
      const auto [end, error] = std::from_chars(date.data() + at, date.data() + at + length, value);
      if (error == std::errc() && end == date.data() + at + length) out = value;
    };
    number(0, 4, year);
    number(5, 2, month);
    number(8, 2, day);
  }
  if (year < 1980 || year > 2107 || month < 1 || month > 12 || day < 1 || day > 31) year = 1980, month = 1, day = 1;
  return {0, static_cast<zip_uint16_t>(((year - 1980) << 9) | (month << 5) | day)};
}

struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using Source = std::unique_ptr<zip_source_t, SourceFree>;

[[noreturn]] void fail(std::string_view what, zip_error_t* error) {
  throw std::runtime_error(std::string("zip: ") + std::string(what) + ": " + zip_error_strerror(error));
}

}  // namespace

std::string ZipArchive::bytes() const {
  zip_error_t error;
  zip_error_init(&error);
  Source buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) fail("cannot create a buffer", &error);
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) fail("cannot open the buffer", &error);
  zip_source_keep(buffer.get());  // the archive's close would free it otherwise; its bytes are read after
  const auto [time, date] = dos_date_time(m_date);
  for (const auto& [name, content] : m_entries) {
    zip_source_t* data = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index = data == nullptr ? -1 : zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (data != nullptr) zip_source_free(data);
      const std::string why = zip_strerror(archive);
      zip_discard(archive);
      throw std::runtime_error("zip: cannot add " + name + ": " + why);
    }
    zip_file_set_dostime(archive, static_cast<zip_uint64_t>(index), time, date, 0);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(archive) != 0) {
    const std::string why = zip_strerror(archive);
    zip_discard(archive);
    throw std::runtime_error("zip: cannot write the archive: " + why);
  }
  zip_stat_t stat;
  if (zip_source_stat(buffer.get(), &stat) != 0 || zip_source_open(buffer.get()) != 0) {
    fail("cannot read the archive back", zip_source_error(buffer.get()));
  }
  std::string out(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(buffer.get(), out.data(), stat.size);
  zip_source_close(buffer.get());
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) fail("short read", zip_source_error(buffer.get()));
  return out;
}

namespace {

// An archive in memory opened for reading, discarded when it goes; null when `bytes` is not a zip archive.
class ReadArchive {
 public:
  explicit ReadArchive(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    m_source.reset(zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error));
    if (m_source) m_archive = zip_open_from_source(m_source.get(), ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (m_archive != nullptr) zip_source_keep(m_source.get());  // the archive now holds the source too
  }
  ~ReadArchive() {
    if (m_archive != nullptr) zip_discard(m_archive);
  }
  ReadArchive(const ReadArchive&) = delete;
  ReadArchive& operator=(const ReadArchive&) = delete;

  zip_t* get() const { return m_archive; }

 private:
  Source m_source;
  zip_t* m_archive = nullptr;
};

}  // namespace

bool zip_holds(std::string_view bytes, std::string_view name) {
  const ReadArchive archive(bytes);
  return archive.get() != nullptr && zip_name_locate(archive.get(), std::string(name).c_str(), 0) >= 0;
}

std::optional<std::string> zip_entry(std::string_view bytes, std::string_view name, std::size_t limit) {
  const ReadArchive archive(bytes);
  if (archive.get() == nullptr) return std::nullopt;
  std::optional<std::string> out;
  zip_stat_t stat;
  const std::string wanted(name);
  if (zip_stat(archive.get(), wanted.c_str(), 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) != 0 &&
      stat.size <= limit) {
    if (zip_file_t* file = zip_fopen(archive.get(), wanted.c_str(), 0)) {
      std::string content(static_cast<std::size_t>(stat.size), '\0');
      const zip_int64_t read = zip_fread(file, content.data(), stat.size);
      if (read >= 0 && static_cast<zip_uint64_t>(read) == stat.size) out = std::move(content);
      zip_fclose(file);
    }
  }
  return out;
}

}  // namespace hmicfrs::render
