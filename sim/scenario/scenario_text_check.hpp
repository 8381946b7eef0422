#pragma once
// Checks on the text of a scenario, device profile, route file or campaign file before yaml-cpp builds its tree, each reported
// at the place it occurs: bytes that are not UTF-8 (they would be copied into the run's resolved
// scenario), control characters, a lone carriage return (old Mac line ends: yaml-cpp and the error
// excerpts would disagree on the line), a second YAML document (it would be silently ignored), YAML
// aliases (*name, a use of an earlier &name node: the loader's errors would point at the anchor, and a
// few nested aliases expand to billions of nodes; an anchor alone is accepted), nesting deeper than any
// section needs, and more nodes than any scenario has. Part of the scenario loader (it and this file are the yaml-cpp users).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace fleet::sim {

constexpr int MAX_YAML_DEPTH = 32;                   // the deepest section of the schema is 6 levels down
constexpr std::size_t MAX_YAML_NODES = 2'000'000;    // 100,000 gateways of {name, lat, lon} are 700,000

struct TextProblem {
  std::size_t offset = 0;  // byte offset into the text
  std::string message;
};

// The first byte-level problem (encoding, control characters, line ends) of `text`, if any. `kind`
// names what the text is in the message ("scenario", "route file", "campaign file", ...).
std::optional<TextProblem> first_text_problem(std::string_view text, std::string_view kind);

// The offset of the first byte of `text` that is not part of well-formed UTF-8, if any. The loader
// applies it to every decoded scalar too: yaml-cpp decodes the double-quoted escapes "\N" (U+0085)
// and "\_" (U+00A0) to the lone bytes 0x85 and 0xA0, and such a value would be copied into
// scenario.resolved.yaml, which would then not load back.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Throws ScenarioError (file `display_name`, its line and column, the excerpt) for the first problem of
// `text`, byte-level or structural, naming the file as a `kind` ("scenario", "device profile", "route
// file", "campaign file"). YAML syntax errors are left to the loader, which reports them.
void check_yaml_text(const std::string& text, const std::string& display_name, std::string_view kind);

}  // namespace fleet::sim
