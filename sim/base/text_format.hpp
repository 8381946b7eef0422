#pragma once
// Number and string formatting for the output files. Numbers use the shortest text that reads back
// to the same double (std::to_chars), so outputs are exact and byte-identical across runs.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>

namespace fleet::sim {

inline std::string format_number(double value) {
  if (!std::isfinite(value)) return "null";  // JSON has no inf/nan; CSV readers take an empty-ish token
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

inline std::string format_number(std::uint64_t value) { return std::to_string(value); }
inline std::string format_number(std::int64_t value) { return std::to_string(value); }
inline std::string format_number(std::uint32_t value) { return std::to_string(value); }
inline std::string format_number(int value) { return std::to_string(value); }

// RFC 4180: a field with a comma, a quote or a line break is quoted, inner quotes doubled.
inline std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// One CSV line (fields already formatted and quoted), newline included.
inline std::string csv_line(std::initializer_list<std::string> fields) {
  std::string line;
  for (const std::string& field : fields) {
    if (!line.empty()) line += ',';
    line += field;
  }
  return line + '\n';
}

inline std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace fleet::sim
