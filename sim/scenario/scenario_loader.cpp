// The scenario loader's entry (scenario_loader.hpp): parses the file, applies the --set overrides,
// reads the top-level keys (name, description, seed, duration) and hands each section to its reader,
// in the order their checks depend on (the port or the voyage world before the network that names
// their nodes; everything before the firmware's check and the limits, which look across sections).
// Each section has its reader in its own file (port_reader, voyage_reader with route_reader,
// network_reader with fault_reader, radio_reader, fleet_reader with device_reader, output_reader),
// all on the one Field/Section mechanism of scenario_fields.hpp.
#include "sim/scenario/scenario_loader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "sim/base/input_file.hpp"
#include "sim/scenario/fleet_reader.hpp"
#include "sim/scenario/network_reader.hpp"
#include "sim/scenario/output_reader.hpp"
#include "sim/scenario/port_reader.hpp"
#include "sim/scenario/radio_reader.hpp"
#include "sim/scenario/scenario_fields.hpp"
#include "sim/scenario/scenario_limits.hpp"
#include "sim/scenario/scenario_text_check.hpp"
#include "sim/scenario/voyage_reader.hpp"

namespace fleet::sim {
namespace {

using namespace loader;

std::uint64_t read_seed(const Context& ctx, const Field& field) {
  const std::string expected = "an integer from 0 to 18446744073709551615 (2^64 - 1)";
  std::string_view text = scalar_text(ctx, field, expected);
  if (text.starts_with('+')) text.remove_prefix(1);
  std::uint64_t seed = 0;
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (text.empty() || status != std::errc() || end != text.data() + text.size()) {
    ctx.fail_value(field, "expected " + expected + ", got " + field.node.Scalar());
  }
  return seed;
}

// The name becomes a results folder, so it is kept to characters that are safe in paths.
std::string read_name(const Context& ctx, const Field& field) {
  const std::string expected = "a name made of letters, digits, '.', '-' and '_'";
  const std::string& text = scalar_text(ctx, field, expected);
  const bool safe =
      !text.empty() && text != "." && text != ".." && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
      });
  if (!safe)
    ctx.fail_value(field,
                   "expected " + expected + " (it names the results folder), got " + describe(field.node));
  return text;
}

// The limits of sim/scenario/scenario_limits.hpp, reported at the value that breaks one (or, for a default, at
// the nearest section written).
void check_limits(const Context& ctx, const Field& root, const Scenario& scenario) {
  const auto violation = first_limit_violation(scenario);
  if (!violation) return;
  const Field at = locate(ctx, root, violation->key_path);
  const bool exact = at.path == violation->key_path;
  ctx.fail(exact ? ctx.value_spot(at) : at.key_spot, violation->key_path, violation->message);
}

Scenario read_scenario(const Context& ctx, const Field& root) {
  Scenario scenario;
  const Section top(ctx, root,
                    {"name", "description", "seed", "duration", "port", "ports", "voyage", "backbone", "network",
                     "data_centre", "radio", "fleet", "output"});
  if (auto field = top.find("name")) scenario.name = read_name(ctx, *field);
  scenario.description = top.text("description", scenario.description);
  if (auto field = top.find("seed")) scenario.seed = read_seed(ctx, *field);
  scenario.duration_s = top.quantity("duration", Dimension::TIME, scenario.duration_s, Check::POSITIVE);
  NodeReferences refs;
  if (const auto voyage = top.find("voyage")) {
    // The voyage world: several ports, each with its router, instead of the single port.
    if (const auto port = top.find("port")) {
      ctx.fail(port->key_spot, port->path,
               "the voyage world (voyage) has several ports: write them as a list under ports, not port");
    }
    scenario.ports = read_ports(ctx, top, *voyage, refs);
    scenario.voyage = read_voyage(ctx, *voyage, scenario.ports, refs, scenario.duration_s);
  } else {
    if (const auto ports = top.find("ports")) {
      ctx.fail(ports->key_spot, ports->path,
               "ports belongs to the voyage world and needs a voyage section; a single port is written under port");
    }
    scenario.port = read_port(ctx, top);
  }
  scenario.backbone = read_backbone(ctx, top);
  scenario.network = read_network(ctx, top, scenario, refs);
  scenario.data_centre = read_data_centre(top);
  scenario.radio = read_radio(ctx, top);
  scenario.fleet = read_fleet(ctx, top);
  // The transmitter's current table must reach the configured output power (below it, the first
  // point applies; above it there is no figure to use).
  const double top_power_dbm = scenario.fleet.device.lora_radio.tx.back().power_dbm;
  if (scenario.radio.tx_power_dbm > top_power_dbm) {
    const auto radio = top.find("radio");
    const auto fleet = top.find("fleet");
    ctx.fail(radio ? radio->key_spot : fleet ? fleet->key_spot : top.field().key_spot, "radio.tx_power",
             "tx_power " + format_quantity(scenario.radio.tx_power_dbm, Dimension::POWER_DBM) +
                 " is above the device profile's TX current table (fleet.device.lora_radio.tx ends at " +
                 format_quantity(top_power_dbm, Dimension::POWER_DBM) + ")");
  }
  check_firmware_config(ctx, root, scenario);
  scenario.output = read_output(top);
  check_limits(ctx, root, scenario);
  return scenario;
}

}  // namespace

Scenario load_scenario_text(const std::string& yaml_text, const std::string& display_name,
                            const std::vector<std::string>& overrides) {
  Context ctx(display_name, yaml_text, overrides);
  try {
    check_yaml_text(yaml_text, display_name, "scenario");
    YAML::Node root;
    try {
      root = YAML::Load(yaml_text);
    } catch (const YAML::ParserException& error) {
      const Spot spot = ctx.file_spot(error.mark);
      const std::string indent = spot.line.substr(0, spot.line.find_first_not_of(" \t"));
      const bool tab = indent.find('\t') != std::string::npos;
      ctx.fail(
          spot, "",
          "YAML syntax error: " + error.msg + (tab ? " (YAML indentation must use spaces, not tabs)" : ""));
    }
    ctx.apply_overrides(root);
    Scenario scenario = read_scenario(ctx, ctx.root(root));
    scenario.source_path = display_name;
    return scenario;
  } catch (const YAML::Exception& error) {
    // Not expected once the syntax is valid; still, nothing from yaml-cpp may escape.
    ctx.fail(ctx.file_spot(error.mark), "", "cannot read the scenario: " + error.msg);
  }
}

Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  const InputFile in = read_input_file(path);
  if (!in.ok) throw ScenarioError({path, 0, 0}, "", "cannot read the scenario file: " + in.error);
  return load_scenario_text(in.text, path, overrides);
}

}  // namespace fleet::sim
