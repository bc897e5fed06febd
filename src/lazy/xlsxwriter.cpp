// libxlsxwriter's functions that render/ calls to write Excel workbooks, opened on first use.

#include <xlsxwriter.h>

#include <hmicfrs/lazy/shared_library.hpp>

#include "forward.hpp"

namespace {

const hmicfrs::lazy::SharedLibrary& libxlsxwriter() {
  static const hmicfrs::lazy::SharedLibrary library(HMICFRS_XLSXWRITER_SONAME, HMICFRS_XLSXWRITER_PACKAGE,
                                                    "writing Excel workbooks");
  return library;
}

}  // namespace

// clang-format off
HMICFRS_FORWARD(libxlsxwriter, void, format_set_align, (lxw_format* a, uint8_t b), (a, b))
HMICFRS_FORWARD(libxlsxwriter, void, format_set_bg_color, (lxw_format* a, lxw_color_t b), (a, b))
HMICFRS_FORWARD(libxlsxwriter, void, format_set_bold, (lxw_format* a), (a))
HMICFRS_FORWARD(libxlsxwriter, void, format_set_border, (lxw_format* a, uint8_t b), (a, b))
HMICFRS_FORWARD(libxlsxwriter, void, format_set_font_color, (lxw_format* a, lxw_color_t b), (a, b))
HMICFRS_FORWARD(libxlsxwriter, void, format_set_num_format, (lxw_format* a, const char* b), (a, b))
HMICFRS_FORWARD(libxlsxwriter, void, format_set_text_wrap, (lxw_format* a), (a))
HMICFRS_FORWARD(libxlsxwriter, void, format_set_unlocked, (lxw_format* a), (a))
HMICFRS_FORWARD(libxlsxwriter, char*, lxw_strerror, (lxw_error a), (a))
HMICFRS_FORWARD(libxlsxwriter, void, lxw_workbook_free, (lxw_workbook* a), (a))
HMICFRS_FORWARD(libxlsxwriter, lxw_format*, workbook_add_format, (lxw_workbook* a), (a))
HMICFRS_FORWARD(libxlsxwriter, lxw_worksheet*, workbook_add_worksheet, (lxw_workbook* a, const char* b), (a, b))
HMICFRS_FORWARD(libxlsxwriter, lxw_error, workbook_close, (lxw_workbook* a), (a))
HMICFRS_FORWARD(libxlsxwriter, lxw_workbook*, workbook_new_opt, (const char* a, lxw_workbook_options* b), (a, b))
HMICFRS_FORWARD(libxlsxwriter, lxw_error, workbook_set_properties, (lxw_workbook* a, lxw_doc_properties* b), (a, b))
HMICFRS_FORWARD(libxlsxwriter, lxw_error, worksheet_autofilter, (lxw_worksheet* a, lxw_row_t b, lxw_col_t c, lxw_row_t d, lxw_col_t e), (a, b, c, d, e))
HMICFRS_FORWARD(libxlsxwriter, lxw_error, worksheet_data_validation_range, (lxw_worksheet* a, lxw_row_t b, lxw_col_t c, lxw_row_t d, lxw_col_t e, lxw_data_validation* f), (a, b, c, d, e, f))
HMICFRS_FORWARD(libxlsxwriter, void, worksheet_fit_to_pages, (lxw_worksheet* a, uint16_t b, uint16_t c), (a, b, c))
HMICFRS_FORWARD(libxlsxwriter, void, worksheet_freeze_panes, (lxw_worksheet* a, lxw_row_t b, lxw_col_t c), (a, b, c))
HMICFRS_FORWARD(libxlsxwriter, void, worksheet_hide, (lxw_worksheet* a), (a))
HMICFRS_FORWARD(libxlsxwriter, void, worksheet_protect, (lxw_worksheet* a, const char* b, lxw_protection* c), (a, b, c))
HMICFRS_FORWARD(libxlsxwriter, lxw_error, worksheet_repeat_rows, (lxw_worksheet* a, lxw_row_t b, lxw_row_t c), (a, b, c))
HMICFRS_FORWARD(libxlsxwriter, lxw_error, worksheet_set_column, (lxw_worksheet* a, lxw_col_t b, lxw_col_t c, double d, lxw_format* e), (a, b, c, d, e))
HMICFRS_FORWARD(libxlsxwriter, lxw_error, worksheet_set_footer, (lxw_worksheet* a, const char* b), (a, b))
HMICFRS_FORWARD(libxlsxwriter, lxw_error, worksheet_set_header, (lxw_worksheet* a, const char* b), (a, b))
HMICFRS_FORWARD(libxlsxwriter, void, worksheet_set_landscape, (lxw_worksheet* a), (a))
HMICFRS_FORWARD(libxlsxwriter, void, worksheet_set_paper, (lxw_worksheet* a, uint8_t b), (a, b))
HMICFRS_FORWARD(libxlsxwriter, lxw_error, worksheet_set_row, (lxw_worksheet* a, lxw_row_t b, double c, lxw_format* d), (a, b, c, d))
HMICFRS_FORWARD(libxlsxwriter, lxw_error, worksheet_write_blank, (lxw_worksheet* a, lxw_row_t b, lxw_col_t c, lxw_format* d), (a, b, c, d))
HMICFRS_FORWARD(libxlsxwriter, lxw_error, worksheet_write_datetime, (lxw_worksheet* a, lxw_row_t b, lxw_col_t c, lxw_datetime* d, lxw_format* e), (a, b, c, d, e))
HMICFRS_FORWARD(libxlsxwriter, lxw_error, worksheet_write_number, (lxw_worksheet* a, lxw_row_t b, lxw_col_t c, double d, lxw_format* e), (a, b, c, d, e))
HMICFRS_FORWARD(libxlsxwriter, lxw_error, worksheet_write_string, (lxw_worksheet* a, lxw_row_t b, lxw_col_t c, const char* d, lxw_format* e), (a, b, c, d, e))
// clang-format on
