#include "sim/scenario/scenario_text_check.hpp"

#include <cstdio>
#include <sstream>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "sim/scenario/scenario_error.hpp"

namespace fleet::sim {
namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 if it is not well formed (overlong forms,
// surrogates and code points above U+10FFFF are not UTF-8).
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned low = 0x80, high = 0xBF;  // the allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead == 0xE0) length = 3, low = 0xA0;
  else if (lead >= 0xE1 && lead <= 0xEC) length = 3;
  else if (lead == 0xED) length = 3, high = 0x9F;
  else if (lead >= 0xEE && lead <= 0xEF) length = 3;
  else if (lead == 0xF0) length = 4, low = 0x90;
  else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
  else if (lead == 0xF4) length = 4, high = 0x8F;
  else return 0;
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

std::string hex_byte(unsigned char c) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", c);
  return text;
}

// The line holding `offset` (1-based number, its text, the column of `offset`), with anything that is
// not printable ASCII or valid UTF-8 shown as '?', so the excerpt is itself clean text.
struct LineAt {
  int line = 1;
  int column = 1;
  std::string text;
};

LineAt line_at(std::string_view text, std::size_t offset) {
  LineAt at;
  std::size_t start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') ++at.line, start = i + 1;
  }
  at.column = static_cast<int>(offset - start) + 1;
  std::size_t end = start;
  while (end < text.size() && text[end] != '\n') ++end;
  for (std::size_t i = start; i < end;) {
    const std::size_t length = utf8_length(text, i);
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (length == 0 || (length == 1 && c < 0x20 && c != '\t')) {
      at.text += '?';
      ++i;
    } else {
      at.text.append(text.substr(i, length));
      i += length;
    }
  }
  if (!at.text.empty() && end > start && text[end - 1] == '\r') at.text.pop_back();
  return at;
}

[[noreturn]] void fail_at(std::string_view text, const std::string& file, std::size_t offset, const std::string& message) {
  const LineAt at = line_at(text, offset);
  throw ScenarioError({file, at.line, at.column}, "", message, at.text);
}

// Walks yaml-cpp's events (the parser streams them, so nothing is built) to find structure the loader
// refuses, before YAML::Load builds a tree of it.
class StructureCheck : public YAML::EventHandler {
 public:
  StructureCheck(const std::string& text, const std::string& file, std::string_view kind)
      : text_(text), file_(file), kind_(kind) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) fail(mark, "a second YAML document ('---'): a " + kind_ + " is a single document");
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { node(mark, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    fail(mark, "YAML aliases (*name) are not accepted in a " + kind_ + ": write the value out");
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string&) override {
    node(mark, anchor);
    check_quote_closed(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { --depth_; }

 private:
  // An anchor alone is harmless; only its use (an alias) is refused, where it is written.
  void node(const YAML::Mark& mark, YAML::anchor_t) {
    if (++nodes_ > MAX_YAML_NODES)
      fail(mark, "more than " + std::to_string(MAX_YAML_NODES) + " YAML nodes: larger than any " + kind_ + " can be");
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    node(mark, anchor);
    if (++depth_ > MAX_YAML_DEPTH)
      fail(mark, "nested more than " + std::to_string(MAX_YAML_DEPTH) + " levels deep, far deeper than any section of a " + kind_);
  }
  // yaml-cpp ends a quoted scalar whose quote never closes at the end of the file, swallowing every
  // line after it into one value (the error then pointed at 1:1: "gateways required").
  void check_quote_closed(const YAML::Mark& mark) const {
    const std::size_t at = offset_of(mark);
    if (at >= text_.size() || (text_[at] != '"' && text_[at] != '\'')) return;
    const char quote = text_[at];
    for (std::size_t i = at + 1; i < text_.size(); ++i) {
      if (quote == '"' && text_[i] == '\\') {
        ++i;  // an escape: the next character is never the closing quote
      } else if (text_[i] == quote) {
        if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;  // '' is a quote inside a single-quoted scalar
        } else {
          return;
        }
      }
    }
    fail(mark, std::string("this quote (") + quote + ") is never closed");
  }
  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
    fail_at(text_, file_, offset_of(mark), message);
  }
  // yaml-cpp's marks count lines and columns; the offset it also keeps is what line_at needs.
  static std::size_t offset_of(const YAML::Mark& mark) { return mark.pos < 0 ? 0 : static_cast<std::size_t>(mark.pos); }

  const std::string& text_;
  const std::string& file_;
  const std::string kind_;
  int documents_ = 0;
  int depth_ = 0;
  std::size_t nodes_ = 0;
};

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

std::optional<TextProblem> first_text_problem(std::string_view text, std::string_view kind) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_length(text, i);
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (length == 0) return TextProblem{i, "invalid UTF-8 (byte " + hex_byte(c) + "): a " + std::string(kind) + " is UTF-8 text"};
    if (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))
      return TextProblem{i, "a carriage return without a line feed: write lines ending in LF (or CRLF)"};
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
      return TextProblem{i, "control character " + hex_byte(c) + " in the text: YAML allows only tab, LF and CR"};
    i += length;
  }
  return std::nullopt;
}

void check_yaml_text(const std::string& text, const std::string& display_name, std::string_view kind) {
  if (const auto problem = first_text_problem(text, kind)) fail_at(text, display_name, problem->offset, problem->message);
  std::istringstream stream(text);
  StructureCheck check(text, display_name, kind);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(check)) {
    }
  } catch (const YAML::ParserException&) {
    // A syntax error: YAML::Load meets it again and the loader reports it with its hints.
  }
}

}  // namespace fleet::sim
