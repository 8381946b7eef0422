#pragma once
// A small streaming JSON writer: nested objects and arrays, two-space indentation, stable key order
// (the order of the calls), so that two runs with the same seed write the same bytes.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "sim/base/text_format.hpp"

namespace fleet::sim {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  JsonWriter& begin_object(std::string_view key = {}) { return open(key, '{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array(std::string_view key = {}) { return open(key, '['); }
  JsonWriter& end_array() { return close(']'); }

  template <typename T>
  JsonWriter& value(std::string_view key, T number) {
    return raw(key, format_number(number));
  }
  JsonWriter& value(std::string_view key, bool flag) { return raw(key, flag ? "true" : "false"); }
  JsonWriter& value(std::string_view key, std::string_view text) { return raw(key, json_string(text)); }
  JsonWriter& value(std::string_view key, const char* text) { return raw(key, json_string(text)); }
  JsonWriter& value(std::string_view key, const std::string& text) { return raw(key, json_string(text)); }

 private:
  JsonWriter& raw(std::string_view key, const std::string& text) {
    item(key);
    out_ << text;
    return *this;
  }
  JsonWriter& open(std::string_view key, char bracket) {
    item(key);
    out_ << bracket;
    first_.push_back(true);
    return *this;
  }
  JsonWriter& close(char bracket) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ << bracket;
    if (first_.empty()) out_ << '\n';
    return *this;
  }
  void item(std::string_view key) {
    if (!first_.empty()) {
      if (!first_.back()) out_ << ',';
      first_.back() = false;
      newline();
    }
    if (!key.empty()) out_ << json_string(key) << ": ";
  }
  void newline() { out_ << '\n' << std::string(2 * first_.size(), ' '); }

  std::ostream& out_;
  std::vector<bool> first_;
};

}  // namespace fleet::sim
