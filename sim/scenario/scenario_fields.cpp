// The shared Field/Section mechanism of the scenario loader (scenario_fields.hpp): places in the
// input, the --set overrides, the scalar readers with their messages, the key checks of a section
// and the did-you-mean for unknown keys and names. Every section reader goes through these, so
// this is the one place a message about a value's type, unit, range or key is worded.
#include "sim/scenario/scenario_fields.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "sim/base/did_you_mean.hpp"
#include "sim/scenario/scenario_text_check.hpp"

namespace fleet::sim::loader {
namespace {

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    std::string line(
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    if (end == std::string_view::npos) return lines;
    start = end + 1;
  }
}

}  // namespace

std::string join_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string join_list(std::span<const std::string_view> items) {
  std::string text;
  for (std::string_view item : items) text += (text.empty() ? "" : ", ") + std::string(item);
  return text;
}

bool contains(std::span<const std::string_view> items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::string describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return node.Scalar().empty() ? "an empty string" : node.Scalar();
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  if (text.starts_with('+')) text.remove_prefix(1);
  if (text.empty() || text.starts_with('+')) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (status != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// ---- Context: places in the input, and the --set overrides ----

Context::Context(std::string file, std::string_view text, std::vector<std::string> overrides)
    : file_(std::move(file)),
      lines_(split_lines(text)),
      overrides_(std::move(overrides)),
      value_columns_(overrides_.size(), 0) {}

void Context::fail(const Spot& spot, const std::string& path, const std::string& message) const {
  throw ScenarioError(spot.location, path, message, spot.line);
}

void Context::fail_value(const Field& field, const std::string& message) const {
  fail(value_spot(field), field.path, message);
}

Spot Context::file_spot(const YAML::Mark& mark) const {
  if (mark.line < 0) return {{file_, 0, 0}, {}};
  const auto line = static_cast<std::size_t>(mark.line);
  return {{file_, mark.line + 1, mark.column + 1}, line < lines_.size() ? lines_[line] : std::string()};
}

Spot Context::override_spot(int index, std::size_t column0) const {
  return {{"--set", index + 1, static_cast<int>(column0) + 1}, overrides_[static_cast<std::size_t>(index)]};
}

Spot Context::spot(int origin, const YAML::Mark& mark, const Spot& fallback) const {
  if (mark.line < 0) return fallback;
  if (origin == FROM_FILE) return file_spot(mark);
  const std::size_t column = mark.line == 0 ? static_cast<std::size_t>(mark.column) : 0;
  return override_spot(origin, value_columns_[static_cast<std::size_t>(origin)] + column);
}

Spot Context::value_spot(const Field& field) const {
  if (!field.node.IsDefined() || field.node.IsNull()) return field.key_spot;
  return spot(field.origin, field.node.Mark(), field.key_spot);
}

std::filesystem::path Context::resolve_path(const std::string& written) const {
  const std::filesystem::path path(written);
  return path.is_absolute() ? path : std::filesystem::path(file_).parent_path() / path;
}

Field Context::root(const YAML::Node& node) const { return {node, "", FROM_FILE, file_spot(YAML::Mark())}; }

Field Context::child(const Field& parent, std::string_view key, const YAML::Mark& key_mark,
                     const YAML::Node& value) const {
  return derive(parent, join_path(parent.path, key), key_mark, value);
}

Field Context::element(const Field& parent, std::size_t index, const YAML::Node& value) const {
  return derive(parent, parent.path + "[" + std::to_string(index) + "]", value.Mark(), value);
}

void Context::apply_overrides(YAML::Node& root) {
  for (std::size_t i = 0; i < overrides_.size(); ++i) apply_override(root, static_cast<int>(i));
}

Field Context::derive(const Field& parent, std::string path, const YAML::Mark& key_mark,
                      const YAML::Node& value) const {
  const auto written_value = override_values_.find(path);
  const auto written_key = override_keys_.find(path);
  Field field{value, path, written_value == override_values_.end() ? parent.origin : written_value->second,
              written_key == override_keys_.end() ? spot(parent.origin, key_mark, parent.key_spot)
                                                  : written_key->second};
  return field;
}

std::vector<Context::Segment> Context::split_override_path(int index, std::string_view path_text) const {
  std::vector<Segment> segments;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = std::min(path_text.find('.', start), path_text.size());
    std::string_view part = path_text.substr(start, end - start);
    Segment segment{std::string(part), std::nullopt, start};
    if (const std::size_t open = part.find('['); open != std::string_view::npos) {
      const auto number = parse_integer(part.substr(open + 1, part.size() - open - 2));
      if (!part.ends_with(']') || !number || *number < 0) {
        fail(override_spot(index, start + open), "",
             "expected a list index such as gateways[0], got '" + std::string(part) + "'");
      }
      segment.key = std::string(part.substr(0, open));
      segment.index = static_cast<std::size_t>(*number);
    }
    if (segment.key.empty()) {
      fail(override_spot(index, start), "",
           "empty key in '" + std::string(path_text) + "'; expected key.path=value");
    }
    segments.push_back(std::move(segment));
    if (end == path_text.size()) return segments;
    start = end + 1;
  }
}

void Context::record(const std::string& path, int index, const Spot& key_spot) {
  const auto is_below = [&](const auto& entry) {
    return entry.first.starts_with(path + ".") || entry.first.starts_with(path + "[");
  };
  std::erase_if(override_values_, is_below);
  std::erase_if(override_keys_, is_below);
  override_values_[path] = index;
  override_keys_[path] = key_spot;
}

void Context::apply_override(YAML::Node& root, int index) {
  const std::string& text = overrides_[static_cast<std::size_t>(index)];
  const std::size_t equals = text.find('=');
  if (equals == std::string::npos) fail(override_spot(index, 0), "", "expected key.path=value");
  value_columns_[static_cast<std::size_t>(index)] = equals + 1;
  if (const auto problem = first_text_problem(text, "scenario")) fail(override_spot(index, problem->offset), "", problem->message);
  const std::vector<Segment> segments =
      split_override_path(index, std::string_view(text).substr(0, equals));

  YAML::Node value;
  try {
    value = YAML::Load(text.substr(equals + 1));
  } catch (const YAML::ParserException& error) {
    fail(spot(index, error.mark, override_spot(index, equals + 1)), text.substr(0, equals),
         "YAML syntax error: " + error.msg);
  }

  // Walk down, creating missing sections. Node::reset rebinds; Node::operator= would overwrite.
  YAML::Node current = root;
  std::string path;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& segment = segments[i];
    const bool last = i + 1 == segments.size();
    const Spot segment_spot = override_spot(index, segment.column);
    if (current.IsNull()) current = YAML::Node(YAML::NodeType::Map);
    if (!current.IsMap()) {
      fail(segment_spot, path,
           "holds a value (" + describe(current) + "), not a section: cannot set '" + segment.key +
               "' inside it");
    }
    const YAML::Node& lookup = current;
    const bool existed = lookup[segment.key].IsDefined();
    path = join_path(path, segment.key);
    if (!existed) override_keys_[path] = segment_spot;
    if (segment.index) {
      const YAML::Node list = lookup[segment.key];
      if (!existed || !list.IsSequence()) {
        fail(segment_spot, path,
             "holds " + (existed ? describe(list) : std::string("nothing")) + ", not a list: cannot use [" +
                 std::to_string(*segment.index) + "]");
      }
      if (*segment.index >= list.size()) {
        fail(segment_spot, path,
             "index " + std::to_string(*segment.index) + " is out of range: the list has " +
                 std::to_string(list.size()) + " entries");
      }
      YAML::Node writable_list = current[segment.key];
      path += "[" + std::to_string(*segment.index) + "]";
      if (last) {
        writable_list[*segment.index] = value;
        record(path, index, segment_spot);
        return;
      }
      YAML::Node next = writable_list[*segment.index];
      current.reset(next);
      continue;
    }
    if (last) {
      current[segment.key] = value;
      record(path, index, segment_spot);
      return;
    }
    if (!existed) {
      current[segment.key] = YAML::Node(YAML::NodeType::Map);
      override_values_[path] = index;
    }
    YAML::Node next = current[segment.key];
    current.reset(next);
  }
}

YAML::Node parse_yaml(const Context& ctx, const std::string& text) {
  try {
    return YAML::Load(text);
  } catch (const YAML::ParserException& parse_error) {
    ctx.fail(ctx.file_spot(parse_error.mark), "", "YAML syntax error: " + parse_error.msg);
  }
}

// ---- scalars ----

const std::string& scalar_text(const Context& ctx, const Field& field, const std::string& expected) {
  if (!field.node.IsScalar()) ctx.fail_value(field, "expected " + expected + ", got " + describe(field.node));
  const std::string& text = field.node.Scalar();
  if (const auto offset = first_invalid_utf8(text)) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*offset]));
    ctx.fail_value(field, std::string("this value is not UTF-8 once its escapes are decoded (byte ") + byte +
                              ": yaml-cpp decodes the escapes \\N and \\_ to one raw byte): write the character itself or a \\u escape");
  }
  return text;
}

double read_quantity(const Context& ctx, const Field& field, Dimension dimension, Check check) {
  const std::string& text = scalar_text(ctx, field, describe_dimension(dimension));
  const QuantityResult result = parse_quantity(text, dimension);
  if (!result.ok) ctx.fail_value(field, result.error);
  const double v = result.value_si;
  const std::string got = ", got " + text;
  switch (check) {
    case Check::ANY:
      break;
    case Check::POSITIVE:
      if (!(v > 0)) ctx.fail_value(field, "must be greater than 0" + got);
      break;
    case Check::NON_NEGATIVE:
      if (!(v >= 0)) ctx.fail_value(field, "must not be negative" + got);
      break;
    case Check::FRACTION:
      if (!(v >= 0 && v <= 1)) ctx.fail_value(field, "must be from 0 to 1 (100%)" + got);
      break;
    case Check::UNIT_FRACTION:
      if (!(v > 0 && v <= 1)) ctx.fail_value(field, "must be greater than 0 and at most 1 (100%)" + got);
      break;
    case Check::PROPER_FRACTION:
      if (!(v >= 0 && v < 1)) ctx.fail_value(field, "must be at least 0 and below 1 (100%)" + got);
      break;
    case Check::LATITUDE:
      if (!(v >= -90 && v <= 90)) ctx.fail_value(field, "expected a latitude from -90 to 90 degrees" + got);
      break;
    case Check::LONGITUDE:
      if (!(v >= -180 && v <= 180))
        ctx.fail_value(field, "expected a longitude from -180 to 180 degrees" + got);
      break;
  }
  return v;
}

std::int64_t read_integer(const Context& ctx, const Field& field, std::int64_t low, std::int64_t high) {
  const std::string expected = "an integer from " + std::to_string(low) + " to " + std::to_string(high);
  const auto value = parse_integer(scalar_text(ctx, field, expected));
  if (!value || *value < low || *value > high)
    ctx.fail_value(field, "expected " + expected + ", got " + field.node.Scalar());
  return *value;
}

bool read_flag(const Context& ctx, const Field& field) {
  const std::string& text = scalar_text(ctx, field, "true or false");
  if (text == "true") return true;
  if (text == "false") return false;
  ctx.fail_value(field, "expected true or false, got " + text);
}

std::string read_text(const Context& ctx, const Field& field) {
  return scalar_text(ctx, field, "a text");
}

std::string read_choice(const Context& ctx, const Field& field, std::string_view what,
                        std::initializer_list<std::string_view> accepted) {
  const std::string& text = scalar_text(ctx, field, std::string(what) + " (" + join_list(accepted) + ")");
  if (!contains(accepted, text)) {
    ctx.fail_value(field,
                   "unknown " + std::string(what) + " '" + text + "'; accepted: " + join_list(accepted));
  }
  return text;
}

void fail_unknown_name(const Context& ctx, const Field& field, const std::string& what,
                       const std::vector<std::string>& known) {
  const std::vector<std::string_view> views(known.begin(), known.end());
  const std::string guess = did_you_mean(field.node.Scalar(), views);
  ctx.fail_value(field, "unknown " + what + " '" + field.node.Scalar() + "'; " +
                            (guess.empty() ? "known: " + join_list(views) : "did you mean '" + guess + "'?"));
}

// ---- Section: a mapping checked against its keys ----

Section::Section(const Context& ctx, Field field, std::initializer_list<std::string_view> known_keys)
    : Section(ctx, std::move(field), std::span<const std::string_view>(known_keys.begin(), known_keys.size())) {}

Section::Section(const Context& ctx, Field field, std::span<const std::string_view> known_keys)
    : ctx_(&ctx), field_(std::move(field)) {
  const YAML::Node& node = field_.node;
  if (!node.IsDefined() || node.IsNull()) return;  // "radio:" with nothing under it: all defaults
  if (!node.IsMap()) ctx.fail_value(field_, "expected a mapping of keys to values, got " + describe(node));
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) {
      ctx.fail(ctx.spot(field_.origin, it->first.Mark(), field_.key_spot), field_.path,
               "expected a plain key name");
    }
    const std::string key = it->first.Scalar();
    Field child = ctx.child(field_, key, it->first.Mark(), it->second);
    for (const auto& [seen, earlier] : entries_) {
      if (seen == key) {
        ctx.fail(child.key_spot, field_.path,
                 "duplicate key '" + key + "' (first set at line " +
                     std::to_string(earlier.key_spot.location.line) + ")");
      }
    }
    if (!contains(known_keys, key)) {
      const std::string guess = did_you_mean(key, {known_keys.begin(), known_keys.end()});
      const std::string where = field_.path.empty() ? "top-level keys" : "keys in " + field_.path;
      ctx.fail(child.key_spot, field_.path,
               "unknown key '" + key + "'; " +
                   (guess.empty() ? "accepted " + where + ": " + join_list(known_keys)
                                  : "did you mean '" + guess + "'?"));
    }
    entries_.emplace_back(key, std::move(child));
  }
}

std::optional<Field> Section::find(std::string_view key) const {
  for (const auto& [name, field] : entries_) {
    if (name == key) return field;
  }
  return std::nullopt;
}

Field Section::require(std::string_view key) const {
  auto field = find(key);
  if (!field) ctx_->fail(field_.key_spot, field_.path, "missing required key '" + std::string(key) + "'");
  return *field;
}

Section Section::section(std::string_view key, std::initializer_list<std::string_view> known_keys) const {
  return section(key, std::span<const std::string_view>(known_keys.begin(), known_keys.size()));
}

Section Section::section(std::string_view key, std::span<const std::string_view> known_keys) const {
  auto field = find(key);
  if (!field) field = Field{YAML::Node(), join_path(field_.path, key), field_.origin, field_.key_spot};
  return Section(*ctx_, *field, known_keys);
}

double Section::quantity(std::string_view key, Dimension dimension, double fallback, Check check) const {
  const auto field = find(key);
  return field ? read_quantity(*ctx_, *field, dimension, check) : fallback;
}

std::int64_t Section::integer(std::string_view key, std::int64_t low, std::int64_t high,
                              std::int64_t fallback) const {
  const auto field = find(key);
  return field ? read_integer(*ctx_, *field, low, high) : fallback;
}

bool Section::flag(std::string_view key, bool fallback) const {
  const auto field = find(key);
  return field ? read_flag(*ctx_, *field) : fallback;
}

std::string Section::text(std::string_view key, const std::string& fallback) const {
  const auto field = find(key);
  return field ? read_text(*ctx_, *field) : fallback;
}

void Section::fail(const std::string& message) const { ctx_->fail(field_.key_spot, field_.path, message); }

std::vector<Field> Section::list(const Field& field, const std::string& expected, const std::string& element) const {
  if (!field.node.IsSequence())
    ctx_->fail_value(field, "expected " + expected + ", got " + describe(field.node));
  if (field.node.size() == 0)
    ctx_->fail_value(field, "at least one " + element + " is required, got an empty list");
  std::vector<Field> elements;
  for (std::size_t i = 0; i < field.node.size(); ++i)
    elements.push_back(ctx_->element(field, i, field.node[i]));
  return elements;
}

// ---- shapes several sections share ----

GeoPoint read_position(const Section& section, GeoPoint fallback) {
  return {section.quantity("lat", Dimension::DIMENSIONLESS, fallback.lat_deg, Check::LATITUDE),
          section.quantity("lon", Dimension::DIMENSIONLESS, fallback.lon_deg, Check::LONGITUDE)};
}

LinkSpec read_link(const Section& section, LinkSpec link) {
  link.latency_s = section.quantity("latency", Dimension::TIME, link.latency_s, Check::NON_NEGATIVE);
  link.bandwidth_bps =
      section.quantity("bandwidth", Dimension::DATA_RATE, link.bandwidth_bps, Check::POSITIVE);
  return link;
}

// Recursive, never assigning a Field: YAML::Node's operator= would overwrite the node it refers to.
Field locate(const Context& ctx, const Field& at, std::string_view path) {
  if (path.empty()) return at;
  if (path.front() == '.') return locate(ctx, at, path.substr(1));
  if (path.front() == '[') {
    const std::size_t close = std::min(path.find(']'), path.size());
    const auto index = parse_integer(path.substr(1, close - 1));
    if (!at.node.IsSequence() || !index || *index < 0 || static_cast<std::size_t>(*index) >= at.node.size()) return at;
    const auto i = static_cast<std::size_t>(*index);
    return locate(ctx, ctx.element(at, i, at.node[i]), path.substr(std::min(close + 1, path.size())));
  }
  const std::size_t end = std::min(path.find_first_of(".["), path.size());
  const std::string_view key = path.substr(0, end);
  if (at.node.IsMap()) {
    for (auto it = at.node.begin(); it != at.node.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == key)
        return locate(ctx, ctx.child(at, key, it->first.Mark(), it->second), path.substr(end));
    }
  }
  return at;
}

}  // namespace fleet::sim::loader
