#pragma once
// The one error type for bad scenario input, rendered the way compilers (and Cantera) do:
//
//   scenarios/bad.yaml:12:21: error: radio.spreading_factor: expected an integer from 7 to 12 or "auto", got
//   13
//      12 |   spreading_factor: 13
//         |                     ^
//
// For a --set override the "file" is "--set", the line number is the override's position on the
// command line (1-based) and the quoted line is the override text itself.
#include <stdexcept>
#include <string>

namespace fleet::sim {

struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based; 0 when the error is about the whole file (e.g. it cannot be read)
  int column = 0;  // 1-based; 0 when unknown
};

class ScenarioError : public std::runtime_error {
 public:
  // `source_line` is the text of line `location.line` (without its newline), quoted under the
  // message; empty means no excerpt. `key_path` ("radio.spreading_factor") may be empty.
  ScenarioError(SourceLocation location, std::string key_path, std::string message,
                std::string source_line = {});

  const SourceLocation& location() const { return location_; }
  const std::string& key_path() const { return key_path_; }
  const std::string& message() const { return message_; }
  const std::string& source_line() const { return source_line_; }

  // The header line, then the excerpt and caret when there is a source line. Ends with a newline.
  std::string render() const;

 private:
  SourceLocation location_;
  std::string key_path_;
  std::string message_;
  std::string source_line_;
};

}  // namespace fleet::sim
