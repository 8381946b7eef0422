#include "sim/scenario/scenario_error.hpp"

#include <algorithm>
#include <string>

namespace fleet::sim {
namespace {

std::string header(const SourceLocation& location, const std::string& key_path, const std::string& message) {
  std::string text = location.file;
  if (location.line > 0) {
    text += ":" + std::to_string(location.line);
    if (location.column > 0) text += ":" + std::to_string(location.column);
  }
  text += ": error: ";
  if (!key_path.empty()) text += key_path + ": ";
  return text + message;
}

}  // namespace

ScenarioError::ScenarioError(SourceLocation location, std::string key_path, std::string message,
                             std::string source_line)
    : std::runtime_error(header(location, key_path, message)),
      location_(std::move(location)),
      key_path_(std::move(key_path)),
      message_(std::move(message)),
      source_line_(std::move(source_line)) {}

std::string ScenarioError::render() const {
  std::string text = what();
  if (location_.line <= 0 || source_line_.empty()) return text + "\n";
  // Line numbers right-aligned in a gutter at least 5 wide, as clang does.
  const std::string number = std::to_string(location_.line);
  const std::size_t gutter = std::max<std::size_t>(5, number.size() + 1);
  text += "\n" + std::string(gutter - number.size(), ' ') + number + " | " + source_line_;
  if (location_.column > 0) {
    // Copy tabs from the source so the caret lines up whatever the terminal's tab width.
    std::string pad;
    for (int i = 0; i + 1 < location_.column; ++i) {
      const bool tab = static_cast<std::size_t>(i) < source_line_.size() && source_line_[i] == '\t';
      pad += tab ? '\t' : ' ';
    }
    text += "\n" + std::string(gutter, ' ') + " | " + pad + "^";
  }
  return text + "\n";
}

}  // namespace fleet::sim
