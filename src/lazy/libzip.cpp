// libzip's functions that render/ (Word files) and import/ (Excel trackers) call, opened on first use.

#include <zip.h>

#include <hmicfrs/lazy/shared_library.hpp>

#include "forward.hpp"

namespace {

const hmicfrs::lazy::SharedLibrary& libzip() {
  static const hmicfrs::lazy::SharedLibrary library(HMICFRS_LIBZIP_SONAME, HMICFRS_LIBZIP_PACKAGE,
                                                    "reading and writing Word and Excel files");
  return library;
}

}  // namespace

// clang-format off
HMICFRS_FORWARD(libzip, int, zip_close, (zip_t* a), (a))
HMICFRS_FORWARD(libzip, void, zip_discard, (zip_t* a), (a))
HMICFRS_FORWARD(libzip, zip_int64_t, zip_get_num_entries, (zip_t* a, zip_flags_t b), (a, b))
HMICFRS_FORWARD(libzip, zip_int64_t, zip_name_locate, (zip_t* a, const char* b, zip_flags_t c), (a, b, c))
HMICFRS_FORWARD(libzip, void, zip_error_fini, (zip_error_t* a), (a))
HMICFRS_FORWARD(libzip, void, zip_error_init, (zip_error_t* a), (a))
HMICFRS_FORWARD(libzip, const char*, zip_error_strerror, (zip_error_t* a), (a))
HMICFRS_FORWARD(libzip, int, zip_fclose, (zip_file_t* a), (a))
HMICFRS_FORWARD(libzip, zip_int64_t, zip_file_add, (zip_t* a, const char* b, zip_source_t* c, zip_flags_t d), (a, b, c, d))
HMICFRS_FORWARD(libzip, int, zip_file_set_dostime, (zip_t* a, zip_uint64_t b, zip_uint16_t c, zip_uint16_t d, zip_flags_t e), (a, b, c, d, e))
HMICFRS_FORWARD(libzip, zip_file_t*, zip_fopen, (zip_t* a, const char* b, zip_flags_t c), (a, b, c))
HMICFRS_FORWARD(libzip, zip_int64_t, zip_fread, (zip_file_t* a, void* b, zip_uint64_t c), (a, b, c))
HMICFRS_FORWARD(libzip, zip_t*, zip_open_from_source, (zip_source_t* a, int b, zip_error_t* c), (a, b, c))
HMICFRS_FORWARD(libzip, int, zip_set_file_compression, (zip_t* a, zip_uint64_t b, zip_int32_t c, zip_uint32_t d), (a, b, c, d))
HMICFRS_FORWARD(libzip, zip_source_t*, zip_source_buffer, (zip_t* a, const void* b, zip_uint64_t c, int d), (a, b, c, d))
HMICFRS_FORWARD(libzip, zip_source_t*, zip_source_buffer_create, (const void* a, zip_uint64_t b, int c, zip_error_t* d), (a, b, c, d))
HMICFRS_FORWARD(libzip, int, zip_source_close, (zip_source_t* a), (a))
HMICFRS_FORWARD(libzip, zip_error_t*, zip_source_error, (zip_source_t* a), (a))
HMICFRS_FORWARD(libzip, void, zip_source_free, (zip_source_t* a), (a))
HMICFRS_FORWARD(libzip, void, zip_source_keep, (zip_source_t* a), (a))
HMICFRS_FORWARD(libzip, int, zip_source_open, (zip_source_t* a), (a))
HMICFRS_FORWARD(libzip, zip_int64_t, zip_source_read, (zip_source_t* a, void* b, zip_uint64_t c), (a, b, c))
HMICFRS_FORWARD(libzip, int, zip_source_stat, (zip_source_t* a, zip_stat_t* b), (a, b))
HMICFRS_FORWARD(libzip, int, zip_stat, (zip_t* a, const char* b, zip_flags_t c, zip_stat_t* d), (a, b, c, d))
HMICFRS_FORWARD(libzip, void, zip_stat_init, (zip_stat_t* a), (a))
HMICFRS_FORWARD(libzip, const char*, zip_strerror, (zip_t* a), (a))
// clang-format on
