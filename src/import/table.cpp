#include <hmicfrs/import/table.hpp>

#include <algorithm>

namespace hmicfrs::import {

namespace {
constexpr int k_last_column = 16384;  // XFD, Excel's last
}

const Cell* Row::at(int column) const {
  const auto it =
      std::lower_bound(cells.begin(), cells.end(), column, [](const Cell& cell, int c) { return cell.column < c; });
  return it != cells.end() && it->column == column ? &*it : nullptr;
}

std::string column_letters(int column) {
  std::string out;
  for (; column > 0; column = (column - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (column - 1) % 26));
  return out;
}

std::optional<int> column_number(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return std::nullopt;
  int column = 0;
  for (char c : letters) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') return std::nullopt;
    column = column * 26 + (c - 'A' + 1);
  }
  if (column > k_last_column) return std::nullopt;
  return column;
}

std::string cell_name(int row, int column) { return column_letters(column) + std::to_string(row); }

}  // namespace hmicfrs::import
