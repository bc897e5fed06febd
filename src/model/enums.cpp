#include <hmicfrs/model/enums.hpp>

#include <algorithm>

namespace hmicfrs::model {
namespace {

constexpr std::array k_four_point{Grade::outstanding, Grade::good, Grade::requires_improvement, Grade::inadequate};
constexpr std::array k_five_point{Grade::outstanding, Grade::good, Grade::adequate, Grade::requires_improvement,
                                  Grade::inadequate};

}  // namespace

std::span<const Grade> grades_of(Scale scale) {
  if (scale == Scale::four_point) return k_four_point;
  return k_five_point;
}

bool scale_allows(Scale scale, Grade grade) {
  if (grade == Grade::not_graded) return true;
  const auto grades = grades_of(scale);
  return std::find(grades.begin(), grades.end(), grade) != grades.end();
}

}  // namespace hmicfrs::model
