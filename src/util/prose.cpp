#include <hmicfrs/util/prose.hpp>

namespace hmicfrs::util {

std::string sentence_case(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string in_prose(std::string label) {
  // "Meeting the strategic..." reads "meeting the strategic..." mid-sentence; "PEEL" stays as it is.
  if (label.size() > 1 && label[0] >= 'A' && label[0] <= 'Z' && label[1] >= 'a' && label[1] <= 'z') {
    label[0] = static_cast<char>(label[0] - 'A' + 'a');
  }
  return label;
}

}  // namespace hmicfrs::util
