#pragma once
// The mechanism every section reader of the scenario loader stands on: a Field is one node being read
// with its key path and where its key is written (in the file, or in the n-th --set override); the
// Context turns yaml-cpp marks into places and applies the overrides; a Section checks a mapping's keys
// against its schema (unknown keys get a did-you-mean) and hands out fields; read_quantity and its
// siblings turn a scalar into a value or a ScenarioError at file:line:col. Separate from the readers
// so that every section fails the same way and with the same words. yaml-cpp marks are 0-based;
// everything reported is 1-based.
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "sim/scenario/quantity.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/schema_field.hpp"

namespace fleet::sim::loader {

constexpr int FROM_FILE = -1;  // Field::origin for nodes of the scenario file; else the --set index

// A place in the input, with the text of its line for the excerpt.
struct Spot {
  SourceLocation location;
  std::string line;
};

struct Field {
  YAML::Node node;
  std::string path;  // "port.gateways[0].name"
  int origin = FROM_FILE;
  Spot key_spot;  // where its key is written (a list element: the element itself)
};

std::string join_path(const std::string& path, std::string_view key);
std::string join_list(std::span<const std::string_view> items);
bool contains(std::span<const std::string_view> items, std::string_view item);
// What a node is, for "expected ..., got <this>".
std::string describe(const YAML::Node& node);
std::optional<std::int64_t> parse_integer(std::string_view text);

// Turns marks into Spots, knows which key paths the --set overrides wrote, and applies them.
class Context {
 public:
  Context(std::string file, std::string_view text, std::vector<std::string> overrides);

  [[noreturn]] void fail(const Spot& spot, const std::string& path, const std::string& message) const;
  [[noreturn]] void fail_value(const Field& field, const std::string& message) const;

  Spot file_spot(const YAML::Mark& mark) const;
  Spot override_spot(int index, std::size_t column0) const;
  // An override's value is parsed on its own, so its marks are relative to where the value starts.
  Spot spot(int origin, const YAML::Mark& mark, const Spot& fallback) const;
  // A missing value ("duration:" with nothing after it) is reported at its key.
  Spot value_spot(const Field& field) const;

  // A path written in this file, relative to the file's folder.
  std::filesystem::path resolve_path(const std::string& written) const;

  Field root(const YAML::Node& node) const;
  Field child(const Field& parent, std::string_view key, const YAML::Mark& key_mark, const YAML::Node& value) const;
  Field element(const Field& parent, std::size_t index, const YAML::Node& value) const;

  void apply_overrides(YAML::Node& root);

 private:
  struct Segment {
    std::string key;
    std::optional<std::size_t> index;  // "gateways[0]"
    std::size_t column;                // 0-based, in the override text
  };

  Field derive(const Field& parent, std::string path, const YAML::Mark& key_mark, const YAML::Node& value) const;
  std::vector<Segment> split_override_path(int index, std::string_view path_text) const;
  // Records that `path` (and everything that used to be under it) now comes from override `index`.
  void record(const std::string& path, int index, const Spot& key_spot);
  void apply_override(YAML::Node& root, int index);

  std::string file_;
  std::vector<std::string> lines_;
  std::vector<std::string> overrides_;
  std::vector<std::size_t> value_columns_;      // 0-based column where each override's value starts
  std::map<std::string, Spot> override_keys_;   // key paths an override wrote or created -> its key text
  std::map<std::string, int> override_values_;  // key paths whose value an override supplied
};

// A file the scenario names (a device profile, a route), parsed with its syntax errors at their place in it.
YAML::Node parse_yaml(const Context& ctx, const std::string& text);

using Check = FieldCheck;

// The scalar of `field` (refused, as "expected <expected>", when it is not one, or not UTF-8).
const std::string& scalar_text(const Context& ctx, const Field& field, const std::string& expected);
double read_quantity(const Context& ctx, const Field& field, Dimension dimension, Check check);
std::int64_t read_integer(const Context& ctx, const Field& field, std::int64_t low, std::int64_t high);
bool read_flag(const Context& ctx, const Field& field);
std::string read_text(const Context& ctx, const Field& field);
std::string read_choice(const Context& ctx, const Field& field, std::string_view what,
                        std::initializer_list<std::string_view> accepted);

// One of `names` (an enumeration's names by value; an empty name is never accepted): its index.
template <std::size_t N>
std::size_t read_enum(const Context& ctx, const Field& field, std::string_view what,
                      const std::array<std::string_view, N>& names) {
  const std::string list = join_list(names);
  const std::string& text = scalar_text(ctx, field, std::string(what) + " (" + list + ")");
  for (std::size_t i = 0; i < N; ++i) {
    if (!names[i].empty() && text == names[i]) return i;
  }
  ctx.fail_value(field, "unknown " + std::string(what) + " '" + text + "'; accepted: " + list);
}

// "unknown X 'typed'; did you mean 'Y'?" or the list of known names.
[[noreturn]] void fail_unknown_name(const Context& ctx, const Field& field, const std::string& what,
                                    const std::vector<std::string>& known);

// A mapping being read: checks its keys against the schema up front, then hands out fields.
class Section {
 public:
  Section(const Context& ctx, Field field, std::initializer_list<std::string_view> known_keys);
  Section(const Context& ctx, Field field, std::span<const std::string_view> known_keys);

  const Field& field() const { return field_; }

  std::optional<Field> find(std::string_view key) const;
  Field require(std::string_view key) const;

  // An absent section reads as an empty one, so every default applies.
  Section section(std::string_view key, std::initializer_list<std::string_view> known_keys) const;
  Section section(std::string_view key, std::span<const std::string_view> known_keys) const;

  double quantity(std::string_view key, Dimension dimension, double fallback, Check check = Check::ANY) const;
  std::int64_t integer(std::string_view key, std::int64_t low, std::int64_t high, std::int64_t fallback) const;
  bool flag(std::string_view key, bool fallback) const;
  std::string text(std::string_view key, const std::string& fallback) const;

  // A rule between several keys of this section, reported at the section's key.
  [[noreturn]] void fail(const std::string& message) const;

  // A list's elements; fails unless the field is a list with at least one element.
  std::vector<Field> list(const Field& field, const std::string& expected, const std::string& element) const;

 private:
  const Context* ctx_;
  Field field_;
  std::vector<std::pair<std::string, Field>> entries_;
};

// Shapes several sections share: a position {lat, lon} and a link {latency, bandwidth}.
GeoPoint read_position(const Section& section, GeoPoint fallback);
LinkSpec read_link(const Section& section, LinkSpec link);

// The field at a key path with list indices ("ports[1].yard.center.lat"), or the nearest ancestor
// written in the input (its path then differs from `path`).
Field locate(const Context& ctx, const Field& at, std::string_view path);

}  // namespace fleet::sim::loader
