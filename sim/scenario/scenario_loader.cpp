#include "sim/scenario/scenario_loader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "hw/firmware_config.hpp"
#include "models/battery_params.hpp"
#include "models/cable_catalogue.hpp"
#include "models/ship_schedule.hpp"
#include "models/eu868_channel_plan.hpp"
#include "models/satellite_link.hpp"
#include "sim/scenario/battery_setup.hpp"
#include "sim/scenario/device_schema.hpp"
#include "sim/base/did_you_mean.hpp"
#include "sim/scenario/firmware_setup.hpp"
#include "sim/scenario/gateway_grid.hpp"
#include "sim/base/input_file.hpp"
#include "sim/scenario/quantity.hpp"
#include "sim/scenario/firmware_fields.hpp"
#include "sim/scenario/scenario_fields.hpp"
#include "sim/scenario/scenario_limits.hpp"
#include "sim/scenario/scenario_text_check.hpp"
#include "sim/scenario/voyage_services.hpp"

// The sections of the scenario, each read on the Field/Section mechanism of scenario_fields.hpp
// (errors at file:line:col, did-you-mean) and, for the firmware's settings, firmware_fields.hpp.

namespace fleet::sim {
namespace {

using namespace loader;

const std::initializer_list<std::string_view> REGIONS{"EU868"};
const std::initializer_list<std::string_view> YARD_SHAPES{"rectangle", "disc"};
const std::initializer_list<std::string_view> PATH_LOSS_MODELS{"log_distance", "okumura_hata", "free_space"};
const std::initializer_list<std::string_view> HATA_ENVIRONMENTS{"urban_large_city", "urban_small_city", "suburban",
                                                                "open"};
const std::initializer_list<std::string_view> INTER_SF_MODELS{"goursaud", "orthogonal"};
const std::initializer_list<std::string_view> SF_REFERENCES{"gateway", "device"};
const std::initializer_list<std::string_view> TRAFFIC_MODELS{"firmware", "exponential"};
const std::initializer_list<std::string_view> BOOLEANS{"true", "false"};

// ---- the schema: one function per section, key names as in scenarios/README.md ----

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

// `seen` maps the names of the gateways read so far to where they are written: names are unique over
// every port (a map: a port of 100,000 gateways loads in n log n).
// A port of the voyage world may have none (`gateways: []` or no key): its LTE-M network still covers
// the ships that pass it; the single port of the yard world needs one.
std::vector<GatewaySpec> read_gateways(const Context& ctx, const Section& port, std::map<std::string, std::string>& seen,
                                       bool required) {
  const auto field = port.find("gateways");
  if (!required && (!field || (field->node.IsSequence() && field->node.size() == 0))) return {};
  if (!field)
    ctx.fail(port.field().key_spot, join_path(port.field().path, "gateways"),
             "at least one gateway is required");
  std::vector<GatewaySpec> gateways;
  for (const Field& element :
       port.list(*field, "a list of gateways such as [{name: gw-1, lat: 43.4, lon: 4.9}]", "gateway")) {
    const Section section(ctx, element, {"name", "lat", "lon"});
    const Field name = section.require("name");
    GatewaySpec gateway{read_text(ctx, name), {}};
    if (gateway.name.empty()) ctx.fail_value(name, "a gateway name must not be empty");
    if (const auto [earlier, added] = seen.emplace(gateway.name, name.path); !added) {
      ctx.fail_value(name, "duplicate gateway name '" + gateway.name + "' (already used by " + earlier->second + ")");
    }
    section.require("lat");
    section.require("lon");
    gateway.position = read_position(section, {});
    gateways.push_back(std::move(gateway));
  }
  return gateways;
}

// What `port` and each entry of `ports` share: gateways, yard and gateway link.
void read_port_site(const Context& ctx, const Section& section, std::map<std::string, std::string>& seen_gateways, PortSpec& port,
                    bool gateways_required) {
  port.gateways = read_gateways(ctx, section, seen_gateways, gateways_required);
  const Section yard = section.section("yard", {"center", "shape", "east_extent", "north_extent", "radius"});
  port.yard.center = read_position(yard.section("center", {"lat", "lon"}), port.yard.center);
  if (auto field = yard.find("shape")) port.yard.shape = read_choice(ctx, *field, "yard shape", YARD_SHAPES);
  port.yard.radius_m = yard.quantity("radius", Dimension::DISTANCE, port.yard.radius_m, Check::POSITIVE);
  port.yard.east_extent_m =
      yard.quantity("east_extent", Dimension::DISTANCE, port.yard.east_extent_m, Check::NON_NEGATIVE);
  port.yard.north_extent_m =
      yard.quantity("north_extent", Dimension::DISTANCE, port.yard.north_extent_m, Check::NON_NEGATIVE);
  port.gateway_link = read_link(section.section("gateway_link", {"latency", "bandwidth"}), port.gateway_link);
}

// port.gateway_grid (sim/scenario/gateway_grid.hpp has the placement rule): {columns: C, rows: R} or {count: N}.
std::vector<GatewaySpec> read_gateway_grid(const Context& ctx, const Section& port, const YardSpec& yard) {
  const Section grid = port.section("gateway_grid", {"columns", "rows", "count"});
  const auto count = grid.find("count");
  if (count && (grid.find("columns") || grid.find("rows")))
    grid.fail("give either count or columns and rows, not both");
  if (count) return place_gateway_grid(yard, grid_shape_for_count(yard, static_cast<std::uint32_t>(read_integer(ctx, *count, 1, 1024))));
  const auto columns = static_cast<std::uint32_t>(read_integer(ctx, grid.require("columns"), 1, 1024));
  const auto rows = static_cast<std::uint32_t>(read_integer(ctx, grid.require("rows"), 1, 1024));
  if (columns * rows > 1024) grid.fail("columns x rows must be at most 1024 gateways");
  return place_gateway_grid(yard, grid_shape_columns_rows(columns, rows));
}

PortSpec read_port(const Context& ctx, const Section& top) {
  PortSpec port;
  const Section section = top.section("port", {"name", "gateways", "gateway_grid", "yard", "gateway_link"});
  port.name = section.text("name", port.name);
  std::map<std::string, std::string> seen_gateways;
  // A grid replaces the list: `gateways` must then be absent or [] (so a sweep over a scenario that
  // lists gateways sets port.gateways=[] beside port.gateway_grid).
  const auto grid = section.find("gateway_grid");
  const auto listed = section.find("gateways");
  if (grid && listed && !(listed->node.IsSequence() && listed->node.size() == 0)) {
    ctx.fail(grid->key_spot, grid->path,
             "port.gateways and port.gateway_grid are mutually exclusive: list the gateways or place them "
             "on a grid (set port.gateways=[] to replace a scenario's list by a grid)");
  }
  read_port_site(ctx, section, seen_gateways, port, !grid);
  if (grid) port.gateways = read_gateway_grid(ctx, section, port.yard);
  return port;
}

// ---- the voyage world (issue #6): `ports` and `voyage` (scenarios/README.md) ----

const std::initializer_list<std::string_view> ORBITS{"geo", "leo"};

// Names the voyage sections give that only the network section can check: they name its nodes.
struct NodeReferences {
  std::vector<Field> port_routers;   // ports[i].router
  std::vector<Field> ground_nodes;   // voyage.services[i].ships.hub.ground_node
};

std::vector<PortSpec> read_ports(const Context& ctx, const Section& top, const Field& voyage, NodeReferences& refs) {
  const auto field = top.find("ports");
  if (!field) {
    ctx.fail(voyage.key_spot, "ports",
             "the voyage world needs ports: a list of the ports with their gateways, yard and router");
  }
  std::vector<PortSpec> ports;
  std::vector<Field> names;
  std::map<std::string, std::string> seen_gateways;
  for (const Field& element : top.list(*field,
                                       "a list of ports such as [{name: Shanghai, router: sha-router, "
                                       "gateways: [{name: sha-gw-1, lat: 30.63, lon: 122.06}]}]",
                                       "port")) {
    const Section section(ctx, element, {"name", "router", "gateways", "yard", "gateway_link"});
    const Field name = section.require("name");
    PortSpec port;
    port.name = read_text(ctx, name);
    if (port.name.empty()) ctx.fail_value(name, "a port name must not be empty");
    for (const Field& earlier : names) {
      if (earlier.node.Scalar() == port.name)
        ctx.fail_value(name, "duplicate port name '" + port.name + "' (already used by " + earlier.path + ")");
    }
    names.push_back(name);
    const Field router = section.require("router");
    port.router = read_text(ctx, router);
    refs.port_routers.push_back(router);
    read_port_site(ctx, section, seen_gateways, port, false);
    ports.push_back(std::move(port));
  }
  return ports;
}

ShipHubSpec read_hub(const Context& ctx, const Section& ships, NodeReferences& refs) {
  ShipHubSpec hub;
  const Section s = ships.section("hub", {"orbit", "rtt", "bandwidth", "price_per_mb", "ground_node", "buffer",
                                          "first_obstruction", "per_further_obstruction", "below_deck",
                                          "above_deck_share", "beacon_interval"});
  if (auto field = s.find("orbit")) hub.orbit = read_choice(ctx, *field, "orbit", ORBITS);
  // The orbit sets the defaults of the link's figures (models/satellite_link.hpp, docs/sources.md section 5).
  const models::SatelliteLinkParams link =
      models::default_satellite_link(hub.orbit == "leo" ? models::Orbit::LEO : models::Orbit::GEO);
  hub.rtt_s = s.quantity("rtt", Dimension::TIME, link.rtt_s, Check::POSITIVE);
  hub.bandwidth_bps = s.quantity("bandwidth", Dimension::DATA_RATE, link.bandwidth_bps, Check::POSITIVE);
  hub.price_usd_per_mb = s.quantity("price_per_mb", Dimension::DIMENSIONLESS, link.price_usd_per_mb, Check::NON_NEGATIVE);
  const Field ground_node = s.require("ground_node");
  hub.ground_node = read_text(ctx, ground_node);
  refs.ground_nodes.push_back(ground_node);
  hub.buffer = static_cast<std::uint32_t>(s.integer("buffer", 1, 100'000'000, hub.buffer));
  hub.first_obstruction_db =
      s.quantity("first_obstruction", Dimension::DECIBEL, hub.first_obstruction_db, Check::NON_NEGATIVE);
  hub.per_further_obstruction_db =
      s.quantity("per_further_obstruction", Dimension::DECIBEL, hub.per_further_obstruction_db, Check::NON_NEGATIVE);
  hub.below_deck_db = s.quantity("below_deck", Dimension::DECIBEL, hub.below_deck_db, Check::NON_NEGATIVE);
  hub.above_deck_share =
      s.quantity("above_deck_share", Dimension::FRACTION, hub.above_deck_share, Check::FRACTION);
  hub.beacon_interval_s = s.quantity("beacon_interval", Dimension::TIME, hub.beacon_interval_s, Check::NON_NEGATIVE);
  return hub;
}

ShipsSpec read_ships(const Context& ctx, const Section& voyage, NodeReferences& refs) {
  ShipsSpec ships;
  const Section s =
      voyage.section("ships", {"count", "first_arrival", "headway", "speed", "name_prefix", "hub"});
  ships.count = static_cast<int>(s.integer("count", 1, 10'000, ships.count));
  // Negative: the first ship is already under way when the run starts.
  ships.first_arrival_s = s.quantity("first_arrival", Dimension::TIME, ships.first_arrival_s);
  ships.headway_s = s.quantity("headway", Dimension::TIME, ships.headway_s, Check::POSITIVE);
  ships.speed_m_per_s = s.quantity("speed", Dimension::SPEED, ships.speed_m_per_s, Check::POSITIVE);
  if (auto field = s.find("name_prefix")) {
    ships.name_prefix = read_text(ctx, *field);
    if (ships.name_prefix.empty()) ctx.fail_value(*field, "a name prefix must not be empty");
  }
  ships.hub = read_hub(ctx, s, refs);
  return ships;
}

CellularSpec read_cellular(const Section& voyage) {
  CellularSpec cellular;
  const Section s = voyage.section("cellular", {"coastal_range", "latency", "bandwidth"});
  cellular.coastal_range_m =
      s.quantity("coastal_range", Dimension::DISTANCE, cellular.coastal_range_m, Check::NON_NEGATIVE);
  const LinkSpec link = read_link(s, {cellular.latency_s, cellular.bandwidth_bps});
  cellular.latency_s = link.latency_s;
  cellular.bandwidth_bps = link.bandwidth_bps;
  return cellular;
}

PlaceSpec read_place(const Context& ctx, const Section& itinerary, std::string_view key, PlaceSpec place) {
  const Section s = itinerary.section(key, {"name", "lat", "lon"});
  if (auto field = s.find("name")) {
    place.name = read_text(ctx, *field);
    if (place.name.empty()) ctx.fail_value(*field, "a place name must not be empty");
  }
  place.position = read_position(s, place.position);
  return place;
}

DwellSpec read_dwell(const Context& ctx, const Section& itinerary, std::string_view key, DwellSpec dwell) {
  const Section s = itinerary.section(key, {"min", "median", "sigma_ln"});
  dwell.min_s = s.quantity("min", Dimension::TIME, dwell.min_s, Check::NON_NEGATIVE);
  dwell.median_s = s.quantity("median", Dimension::TIME, dwell.median_s, Check::POSITIVE);
  dwell.sigma_ln = s.quantity("sigma_ln", Dimension::DIMENSIONLESS, dwell.sigma_ln, Check::NON_NEGATIVE);
  // The shifted log-normal needs median − min > 0 (models/itinerary.hpp).
  if (!(dwell.median_s > dwell.min_s)) {
    const auto min = s.find("min");
    const auto median = s.find("median");
    const auto text = [](const std::optional<Field>& field, double value_s) {
      return field ? field->node.Scalar() : format_quantity(value_s, Dimension::TIME) + ", the default";
    };
    if (median) ctx.fail_value(*median, "must be above min (" + text(min, dwell.min_s) + "), got " + median->node.Scalar());
    if (min) ctx.fail_value(*min, "must be below median (" + text(median, dwell.median_s) + "), got " + min->node.Scalar());
    s.fail("median must be above min");  // not reached: the defaults are in order
  }
  return dwell;
}

bool has_port(const std::vector<PortSpec>& ports, const std::string& name) {
  return std::any_of(ports.begin(), ports.end(), [&](const PortSpec& port) { return port.name == name; });
}

#include "sim/scenario/route_loader.inc"

// The per-km delay is the natural unit to write (4.9us); the structs keep it per metre. The 1/1000
// is a decimal shift before rounding, so "4.9us" gives exactly the 4.9e-9 of scenario.hpp.
double read_fibre_delay_per_km(const Context& ctx, const Section& s, double fallback_s_per_m) {
  const auto field = s.find("fibre_delay_per_km");
  if (!field) return fallback_s_per_m;
  const std::string& text = scalar_text(ctx, *field, describe_dimension(Dimension::TIME));
  const QuantityResult per_m = parse_scaled_quantity(text, Dimension::TIME, -3);
  if (!per_m.ok) ctx.fail_value(*field, per_m.error);
  if (per_m.value_si < 0) ctx.fail_value(*field, "must not be negative, got " + text);
  return per_m.value_si;
}

BackboneSpec read_backbone(const Context& ctx, const Section& top) {
  BackboneSpec backbone;
  const Section s =
      top.section("backbone", {"length", "fibre_delay_per_km", "equipment_latency", "bandwidth"});
  backbone.length_m = s.quantity("length", Dimension::DISTANCE, backbone.length_m, Check::NON_NEGATIVE);
  backbone.fibre_delay_s_per_m = read_fibre_delay_per_km(ctx, s, backbone.fibre_delay_s_per_m);
  backbone.equipment_latency_s =
      s.quantity("equipment_latency", Dimension::TIME, backbone.equipment_latency_s, Check::NON_NEGATIVE);
  backbone.bandwidth_bps =
      s.quantity("bandwidth", Dimension::DATA_RATE, backbone.bandwidth_bps, Check::POSITIVE);
  return backbone;
}

// ---- network: the WAN from the port router to the data centre (scenarios/README.md `network`) ----

// Node kinds a scenario may write (gateways come from port.gateways).
const std::initializer_list<std::string_view> NODE_KINDS{"port_router",    "landing_station", "internet_exchange",
                                                         "ship_hub",       "ground_station",  "data_centre"};
const std::initializer_list<std::string_view> LINK_KINDS{"port_network", "cable", "metro"};

NetworkNodeKind node_kind_named(std::string_view name) {
  for (std::size_t k = 0; k < NETWORK_NODE_KIND_COUNT; ++k) {
    if (node_kind_name(static_cast<NetworkNodeKind>(k)) == name) return static_cast<NetworkNodeKind>(k);
  }
  throw std::logic_error("unknown node kind " + std::string(name));  // read_choice has checked it
}

LinkKind link_kind_named(std::string_view name) {
  for (std::size_t k = 0; k < LINK_KIND_COUNT; ++k) {
    if (link_kind_name(static_cast<LinkKind>(k)) == name) return static_cast<LinkKind>(k);
  }
  throw std::logic_error("unknown link kind " + std::string(name));
}

// Names share one space: gateways, nodes and links are named in faults and outputs. A map, as the
// voyage world adds two names per ship and per port.
class NameRegistry {
 public:
  void add(const Context& ctx, const Field& field, const std::string& name, const std::string& where) {
    if (name.empty()) ctx.fail_value(field, "a name must not be empty");
    const auto [known, added] = names_.emplace(name, where);
    if (!added) ctx.fail_value(field, "duplicate name '" + name + "' (already used by " + known->second + ")");
  }

 private:
  std::map<std::string, std::string> names_;  // name -> where it was given
};

std::vector<NetworkNode> read_network_nodes(const Context& ctx, const Section& s, NameRegistry& names) {
  std::vector<NetworkNode> nodes;
  const Field list_field = *s.find("nodes");
  for (const Field& element :
       s.list(list_field, "a list of nodes such as [{name: mrs-ls, kind: landing_station}]", "node")) {
    const Section n(ctx, element, {"name", "kind"});
    const Field name = n.require("name");
    NetworkNode node{read_text(ctx, name), {}};
    names.add(ctx, name, node.name, element.path);
    node.kind = node_kind_named(read_choice(ctx, n.require("kind"), "node kind", NODE_KINDS));
    nodes.push_back(std::move(node));
  }
  const auto centres = std::count_if(nodes.begin(), nodes.end(),
                                     [](const NetworkNode& n) { return n.kind == NetworkNodeKind::DATA_CENTRE; });
  if (centres != 1)
    ctx.fail_value(list_field, "exactly one node of kind data_centre is required, got " + std::to_string(centres));
  return nodes;
}

const NetworkNode* find_node(const std::vector<NetworkNode>& nodes, const std::string& name) {
  const auto found = std::find_if(nodes.begin(), nodes.end(), [&](const NetworkNode& n) { return n.name == name; });
  return found == nodes.end() ? nullptr : &*found;
}

std::vector<std::string> node_names(const std::vector<NetworkNode>& nodes) {
  std::vector<std::string> names;
  for (const NetworkNode& node : nodes) names.push_back(node.name);
  return names;
}

// A node named in the network; gateways are not (they attach to the port router by themselves).
const NetworkNode& read_node_reference(const Context& ctx, const Field& field, const std::vector<NetworkNode>& nodes,
                                       const std::vector<GatewaySpec>& gateways) {
  const std::string name = read_text(ctx, field);
  if (const NetworkNode* node = find_node(nodes, name)) return *node;
  for (const GatewaySpec& gateway : gateways) {
    if (gateway.name == name)
      ctx.fail_value(field, "'" + name + "' is a gateway, not a node: gateways attach to their port's router by its gateway_link");
  }
  fail_unknown_name(ctx, field, "node", node_names(nodes));
}

// What a hop is when the scenario does not say: a catalogue cable or a link between two landing stations
// is a cable; a link that reaches the data centre is metro fibre; the rest is the port's network.
LinkKind default_link_kind(const NetworkLink& link, NetworkNodeKind a, NetworkNodeKind b) {
  using K = NetworkNodeKind;
  if (!link.cable.empty() || (a == K::LANDING_STATION && b == K::LANDING_STATION)) return LinkKind::CABLE;
  if (a == K::DATA_CENTRE || b == K::DATA_CENTRE) return LinkKind::METRO;
  return LinkKind::PORT;
}

NetworkLink read_network_link(const Context& ctx, const Field& element, const std::vector<NetworkNode>& nodes,
                              const std::vector<GatewaySpec>& gateways, NameRegistry& names) {
  const Section l(ctx, element,
                  {"name", "ends", "cable", "length", "fibre_delay_per_km", "equipment_latency", "bandwidth", "kind"});
  NetworkLink link;
  const auto cable_field = l.find("cable");
  if (cable_field) {
    link.cable = read_text(ctx, *cable_field);
    std::vector<std::string> known;
    for (const models::CableSystem& cable : models::cable_catalogue()) known.push_back(cable.name);
    if (std::find(known.begin(), known.end(), link.cable) == known.end())
      fail_unknown_name(ctx, *cable_field, "cable system", known);
    const models::CableSystem& cable = models::cable_by_name(link.cable);
    if (auto length = l.find("length")) {
      ctx.fail_value(*length, "a catalogue cable's length is its published system length (" +
                                  format_quantity(cable.length_m, Dimension::DISTANCE) +
                                  "): remove length, or cable to give your own");
    }
    link.fibre_length_m = cable.length_m;
    if (cable.design_capacity_bps > 0) {
      link.bandwidth_bps = cable.design_capacity_bps;
    } else if (!l.find("bandwidth")) {
      l.fail("the cable catalogue has no capacity for '" + cable.name + "': give its bandwidth");
    }
  } else {
    link.fibre_length_m = read_quantity(ctx, l.require("length"), Dimension::DISTANCE, Check::NON_NEGATIVE);
  }
  const auto name_field = cable_field && !l.find("name") ? *cable_field : l.require("name");
  link.name = read_text(ctx, name_field);
  names.add(ctx, name_field, link.name, element.path);

  const Field ends = l.require("ends");
  if (!ends.node.IsSequence() || ends.node.size() != 2)
    ctx.fail_value(ends, "expected the two nodes the link joins, such as [sin-ls, mrs-ls], got " + describe(ends.node));
  const NetworkNode& a = read_node_reference(ctx, ctx.element(ends, 0, ends.node[0]), nodes, gateways);
  const NetworkNode& b = read_node_reference(ctx, ctx.element(ends, 1, ends.node[1]), nodes, gateways);
  if (a.name == b.name) ctx.fail_value(ends, "a link must join two different nodes, got '" + a.name + "' twice");
  link.end_a = a.name;
  link.end_b = b.name;

  link.fibre_delay_s_per_m = read_fibre_delay_per_km(ctx, l, link.fibre_delay_s_per_m);
  link.equipment_latency_s = l.quantity("equipment_latency", Dimension::TIME, 0.0, Check::NON_NEGATIVE);
  link.bandwidth_bps = l.quantity("bandwidth", Dimension::DATA_RATE, link.bandwidth_bps, Check::POSITIVE);
  link.kind = default_link_kind(link, a.kind, b.kind);
  if (auto kind = l.find("kind")) link.kind = link_kind_named(read_choice(ctx, *kind, "link kind", LINK_KINDS));
  return link;
}

// Fault dates must fall inside the run: a fault that starts after the end would be silently unused.
struct FaultWindow {
  double down_at_s;
  double up_at_s;
};

FaultWindow read_fault_window(const Context& ctx, const Section& f, double duration_s) {
  const Field down = f.require("down");
  FaultWindow window{read_quantity(ctx, down, Dimension::TIME, Check::NON_NEGATIVE),
                     std::numeric_limits<double>::infinity()};
  const std::string run_end = format_quantity(duration_s, Dimension::TIME);
  if (!(window.down_at_s < duration_s))
    ctx.fail_value(down, "must be within the run (before its duration, " + run_end + "), got " + down.node.Scalar());
  if (auto up = f.find("up")) {
    window.up_at_s = read_quantity(ctx, *up, Dimension::TIME, Check::NON_NEGATIVE);
    if (!(window.up_at_s > window.down_at_s))
      ctx.fail_value(*up, "must come after down (" + down.node.Scalar() + "), got " + up->node.Scalar());
    if (!(window.up_at_s <= duration_s))
      ctx.fail_value(*up, "must be within the run (at most its duration, " + run_end +
                              "; leave up out for a fault that lasts), got " + up->node.Scalar());
  }
  return window;
}

void read_network_faults(const Context& ctx, const Section& s, const std::vector<std::string>& link_names,
                         const std::vector<std::string>& gateway_names, double duration_s, NetworkSpec& network) {
  const auto list_field = s.find("faults");
  if (!list_field) return;
  // Per link or gateway, the windows so far and where they were written: overlapping faults would
  // bring the element back up while another fault still holds it down.
  std::map<std::string, std::vector<std::pair<FaultWindow, std::string>>> windows;
  for (const Field& element : s.list(*list_field,
                                     "a list of faults such as [{link: SEA-ME-WE 6, down: 2d, up: 4d}] or "
                                     "[{gateway: gw-1, down: 1d, up: 26h}]",
                                     "fault")) {
    const Section f(ctx, element, {"link", "gateway", "down", "up"});
    const auto link = f.find("link");
    const auto gateway = f.find("gateway");
    if (link.has_value() == gateway.has_value())
      ctx.fail_value(element, "a fault names either a link or a gateway, not " + std::string(link ? "both" : "neither"));
    const Field& target = link ? *link : *gateway;
    const std::string name = read_text(ctx, target);
    const std::vector<std::string>& known = link ? link_names : gateway_names;
    const std::vector<std::string>& other_kind = link ? gateway_names : link_names;
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      if (std::find(other_kind.begin(), other_kind.end(), name) != other_kind.end()) {
        ctx.fail_value(target, "'" + name + "' is a " + (link ? "gateway" : "link") + ": write {" +
                                   (link ? "gateway" : "link") + ": " + name + ", ...}");
      }
      fail_unknown_name(ctx, target, link ? "link" : "gateway", known);
    }
    const FaultWindow window = read_fault_window(ctx, f, duration_s);
    for (const auto& [other, where] : windows[name]) {
      if (window.down_at_s < other.up_at_s && other.down_at_s < window.up_at_s)
        ctx.fail_value(element, "overlaps the fault on '" + name + "' at " + where);
    }
    windows[name].emplace_back(window, element.path);
    if (link) {
      network.link_faults.push_back(LinkFault{name, window.down_at_s, window.up_at_s});
    } else {
      network.gateway_outages.push_back(GatewayOutage{name, window.down_at_s, window.up_at_s});
    }
  }
}

// The gateways of the run: the port's, or in the voyage world every port's; with where each is written.
std::vector<std::pair<GatewaySpec, std::string>> world_gateways(const Scenario& scenario) {
  std::vector<std::pair<GatewaySpec, std::string>> gateways;
  const auto add = [&](const PortSpec& port, const std::string& path) {
    for (std::size_t g = 0; g < port.gateways.size(); ++g)
      gateways.emplace_back(port.gateways[g], path + ".gateways[" + std::to_string(g) + "]");
  };
  if (!scenario.voyage.enabled) add(scenario.port, "port");
  for (std::size_t p = 0; p < scenario.ports.size(); ++p) add(scenario.ports[p], "ports[" + std::to_string(p) + "]");
  return gateways;
}

// The names the voyage world gives its ships' hubs, satellite links and the ports' LTE-M networks
// (sim/scenario/network_spec.hpp): they share the name space, and faults may name the hubs and links.
void add_voyage_names(const Context& ctx, const Field& at, const Scenario& scenario, NameRegistry& names,
                      std::vector<std::string>& gateway_names, std::vector<std::string>& link_names) {
  for (const VoyageShip& voyage_ship : voyage_ships(scenario.voyage)) {
    const std::string& ship = voyage_ship.name;
    names.add(ctx, at, hub_name(ship), "the hub of ship " + ship);
    names.add(ctx, at, satellite_link_name(ship), "the satellite link of ship " + ship);
    gateway_names.push_back(hub_name(ship));
    link_names.push_back(satellite_link_name(ship));
  }
  for (const PortSpec& port : scenario.ports) {
    names.add(ctx, at, cellular_node_name(port.name), "the LTE-M network of port " + port.name);
    names.add(ctx, at, cellular_link_name(port.name), "the LTE-M link of port " + port.name);
    link_names.push_back(cellular_link_name(port.name));
  }
}

// Voyage world: each port's router and the hubs' ground node are nodes of network.nodes.
void check_node_references(const Context& ctx, const NodeReferences& refs, const std::vector<NetworkNode>& nodes,
                           const std::vector<GatewaySpec>& gateways) {
  for (const Field& router : refs.port_routers) {
    const NetworkNode& node = read_node_reference(ctx, router, nodes, gateways);
    if (node.kind != NetworkNodeKind::PORT_ROUTER && node.kind != NetworkNodeKind::INTERNET_EXCHANGE) {
      ctx.fail_value(router, "'" + node.name + "' is a " + std::string(node_kind_name(node.kind)) +
                                 ", not a port_router or internet_exchange");
    }
  }
  for (const Field& ground_node : refs.ground_nodes) read_node_reference(ctx, ground_node, nodes, gateways);
}

NetworkSpec read_network(const Context& ctx, const Section& top, const Scenario& scenario, const NodeReferences& refs) {
  NetworkSpec network;
  const Section s =
      top.section("network", {"port_router", "nodes", "links", "faults", "gateway_buffer", "load_interval"});
  network.gateway_buffer = static_cast<std::uint32_t>(s.integer("gateway_buffer", 0, 100'000'000, network.gateway_buffer));
  network.load_interval_s = s.quantity("load_interval", Dimension::TIME, network.load_interval_s, Check::POSITIVE);

  const bool voyage = scenario.voyage.enabled;
  NameRegistry names;
  std::vector<std::string> link_names;
  std::vector<std::string> gateway_names;
  std::vector<GatewaySpec> gateways;
  for (const auto& [gateway, where] : world_gateways(scenario)) {
    names.add(ctx, s.field(), gateway.name, where);
    link_names.push_back(access_link_name(gateway.name));
    gateway_names.push_back(gateway.name);
    gateways.push_back(gateway);
  }
  if (voyage) add_voyage_names(ctx, s.field(), scenario, names, gateway_names, link_names);
  if (auto nodes = s.find("nodes")) {
    if (auto backbone = top.find("backbone")) {
      ctx.fail(backbone->key_spot, backbone->path,
               "backbone and network.nodes both describe the way to the data centre: keep one "
               "(write the metro fibre as a link of network.links)");
    }
    network.nodes = read_network_nodes(ctx, s, names);
    if (voyage) {
      if (auto router = s.find("port_router")) {
        ctx.fail(router->key_spot, router->path,
                 "in the voyage world each port attaches to its own router (ports[i].router): remove network.port_router");
      }
      check_node_references(ctx, refs, network.nodes, gateways);
    } else {
      const Field router = s.require("port_router");
      const NetworkNode& node = read_node_reference(ctx, router, network.nodes, gateways);
      if (node.kind != NetworkNodeKind::PORT_ROUTER)
        ctx.fail_value(router, "'" + node.name + "' is a " + std::string(node_kind_name(node.kind)) + ", not a port_router");
      network.port_router = node.name;
    }
    for (const auto& [gateway, where] : world_gateways(scenario))
      names.add(ctx, s.field(), access_link_name(gateway.name), "the access link of " + where);
    const Field links = s.require("links");
    for (const Field& element :
         s.list(links, "a list of links such as [{name: metro, ends: [mrs-ls, mrs-dc], length: 8km}]", "link")) {
      network.links.push_back(read_network_link(ctx, element, network.nodes, gateways, names));
      link_names.push_back(network.links.back().name);
    }
  } else {
    if (voyage) {
      const Field voyage_field = *top.find("voyage");
      ctx.fail(voyage_field.key_spot, "network.nodes",
               "the voyage world needs network.nodes: the ports' routers and the hubs' ground node are nodes of it");
    }
    for (const char* key : {"port_router", "links"}) {
      if (auto field = s.find(key))
        ctx.fail(field->key_spot, field->path, std::string(key) + " needs network.nodes (without them the network is the backbone)");
    }
    link_names.push_back(BACKBONE_LINK);
  }
  read_network_faults(ctx, s, link_names, gateway_names, scenario.duration_s, network);
  return network;
}

DataCentreSpec read_data_centre(const Section& top) {
  DataCentreSpec centre;
  const Section s = top.section("data_centre", {"name", "lat", "lon"});
  centre.name = s.text("name", centre.name);
  centre.position = read_position(s, centre.position);
  return centre;
}

int read_spreading_factor(const Context& ctx, const Field& field) {
  const std::string expected = "an integer from 7 to 12 or \"auto\"";
  const std::string& text = scalar_text(ctx, field, expected);
  if (text == "auto") return 0;
  const auto value = parse_integer(text);
  if (!value || *value < 7 || *value > 12) ctx.fail_value(field, "expected " + expected + ", got " + text);
  return static_cast<int>(*value);
}

// LoRa coding rate 4/5..4/8, stored as 1..4 like the SX127x register; either spelling is accepted.
int read_coding_rate(const Context& ctx, const Field& field) {
  const std::string expected = "a coding rate from 4/5 to 4/8 (or 1 to 4)";
  const std::string& text = scalar_text(ctx, field, expected);
  for (int rate = 1; rate <= 4; ++rate) {
    if (text == "4/" + std::to_string(rate + 4) || text == std::to_string(rate)) return rate;
  }
  ctx.fail_value(field, "expected " + expected + ", got " + text);
}

PathLossSpec read_path_loss(const Context& ctx, const Section& radio) {
  PathLossSpec loss;
  const Section s = radio.section("path_loss", {"model", "exponent", "reference_loss", "reference_distance",
                                                "environment", "gateway_height", "device_height",
                                                "shadowing_sigma"});
  if (auto field = s.find("model")) loss.model = read_choice(ctx, *field, "path-loss model", PATH_LOSS_MODELS);
  if (auto field = s.find("environment"))
    loss.environment = read_choice(ctx, *field, "Okumura-Hata environment", HATA_ENVIRONMENTS);
  loss.gateway_height_m =
      s.quantity("gateway_height", Dimension::DISTANCE, loss.gateway_height_m, Check::POSITIVE);
  loss.device_height_m = s.quantity("device_height", Dimension::DISTANCE, loss.device_height_m, Check::POSITIVE);
  loss.exponent = s.quantity("exponent", Dimension::DIMENSIONLESS, loss.exponent, Check::POSITIVE);
  loss.reference_loss_db = s.quantity("reference_loss", Dimension::DECIBEL, loss.reference_loss_db);
  loss.reference_distance_m =
      s.quantity("reference_distance", Dimension::DISTANCE, loss.reference_distance_m, Check::POSITIVE);
  loss.shadowing_sigma_db =
      s.quantity("shadowing_sigma", Dimension::DECIBEL, loss.shadowing_sigma_db, Check::NON_NEGATIVE);
  return loss;
}

TrafficSpec read_traffic(const Context& ctx, const Section& radio) {
  TrafficSpec traffic;
  const Section s = radio.section("traffic", {"model", "mean_gap", "phy_payload"});
  if (auto field = s.find("model")) traffic.model = read_choice(ctx, *field, "traffic model", TRAFFIC_MODELS);
  traffic.mean_gap_s = s.quantity("mean_gap", Dimension::TIME, traffic.mean_gap_s, Check::POSITIVE);
  if (auto field = s.find("phy_payload")) {
    // One record must travel in it: the network server decodes every frame it delivers.
    const double bytes = read_quantity(ctx, *field, Dimension::DATA_SIZE, Check::POSITIVE);
    if (bytes != static_cast<int>(bytes) || bytes > 255) {
      ctx.fail_value(*field, "expected a whole number of bytes from 1B to 255B, got " + field->node.Scalar());
    }
    traffic.phy_payload_bytes = static_cast<int>(bytes);
  }
  return traffic;
}

ClassASpec read_class_a(const Context& ctx, const Section& radio, double bandwidth_hz) {
  ClassASpec c;
  const Section s = radio.section("class_a", {"rx1_delay", "rx2_frequency", "rx2_spreading_factor", "window_symbols",
                                              "rx1_gateway_tx_power", "rx2_gateway_tx_power", "dedup_window"});
  if (auto field = s.find("rx1_delay")) {
    // LoRaWAN RxTimingSetupReq: RECEIVE_DELAY1 is a whole number of seconds from 1 to 15.
    c.rx1_delay_s = read_quantity(ctx, *field, Dimension::TIME, Check::POSITIVE);
    if (c.rx1_delay_s != std::round(c.rx1_delay_s) || c.rx1_delay_s < 1 || c.rx1_delay_s > 15)
      ctx.fail_value(*field, "expected a whole number of seconds from 1s to 15s (LoRaWAN RxTimingSetupReq), got " +
                                 field->node.Scalar());
  }
  if (auto field = s.find("rx2_frequency")) {
    c.rx2_frequency_hz = read_quantity(ctx, *field, Dimension::FREQUENCY, Check::POSITIVE);
    if (!models::eu868_sub_band_of(c.rx2_frequency_hz, bandwidth_hz))
      ctx.fail_value(*field, "RX2 frequency " + field->node.Scalar() + " is not inside an EU868 sub-band");
  }
  if (auto field = s.find("rx2_spreading_factor")) {
    c.rx2_spreading_factor = read_spreading_factor(ctx, *field);
    if (c.rx2_spreading_factor == 0) ctx.fail_value(*field, "expected an integer from 7 to 12, got auto");
  }
  c.window_symbols = static_cast<int>(s.integer("window_symbols", 5, 255, c.window_symbols));
  c.rx1_gateway_tx_power_dbm = s.quantity("rx1_gateway_tx_power", Dimension::POWER_DBM, c.rx1_gateway_tx_power_dbm);
  c.rx2_gateway_tx_power_dbm = s.quantity("rx2_gateway_tx_power", Dimension::POWER_DBM, c.rx2_gateway_tx_power_dbm);
  c.dedup_window_s = s.quantity("dedup_window", Dimension::TIME, c.dedup_window_s, Check::NON_NEGATIVE);
  return c;
}

AdrSpec read_adr(const Context& ctx, const Section& radio, double tx_power_dbm) {
  AdrSpec adr;
  const Section s = radio.section("adr", {"enabled", "margin", "history", "min_tx_power"});
  if (auto field = s.find("enabled")) adr.enabled = read_choice(ctx, *field, "ADR switch", BOOLEANS) == "true";
  adr.margin_db = s.quantity("margin", Dimension::DECIBEL, adr.margin_db, Check::NON_NEGATIVE);
  adr.history = static_cast<int>(s.integer("history", 1, 255, adr.history));
  // The firmware takes the power ADR sets: its range and whole-dB resolution apply.
  adr.min_tx_power_dbm =
      firmware_quantity(ctx, s, "min_tx_power", Dimension::POWER_DBM, 1, hw::ConfigField::TX_POWER, adr.min_tx_power_dbm);
  // With ADR on, a minimum above the start power could never be reached: refused rather than ignored.
  if (auto field = s.find("min_tx_power"); field && adr.enabled && adr.min_tx_power_dbm > tx_power_dbm)
    ctx.fail_value(*field, "ADR's minimum TX power " + field->node.Scalar() + " is above radio.tx_power (" +
                               format_quantity(tx_power_dbm, Dimension::POWER_DBM) + "), the power devices start at");
  return adr;
}

// Every channel must lie whole inside one of the region's regulated sub-bands (docs/sources.md §4).
void check_channels_in_plan(const Context& ctx, const std::vector<Field>& channels, const RadioSpec& radio) {
  for (std::size_t i = 0; i < channels.size(); ++i) {
    if (!models::eu868_sub_band_of(radio.channels_hz[i], radio.bandwidth_hz)) {
      ctx.fail_value(channels[i], "channel " + channels[i].node.Scalar() + " with " +
                                      format_quantity(radio.bandwidth_hz, Dimension::FREQUENCY) +
                                      " bandwidth is not inside an EU868 sub-band (868.0-868.6MHz, "
                                      "868.7-869.2MHz, 869.4-869.65MHz)");
    }
  }
}

RadioSpec read_radio(const Context& ctx, const Section& top) {
  RadioSpec radio;
  const Section s = top.section("radio", {"region", "channels", "spreading_factor", "sf_margin", "bandwidth",
                                          "coding_rate", "preamble_symbols", "tx_power", "duty_cycle",
                                          "mac_overhead", "capture_threshold", "capture", "inter_sf",
                                          "demodulators", "sf_reference", "path_loss", "traffic", "class_a", "adr"});
  if (auto field = s.find("region")) radio.region = read_choice(ctx, *field, "region", REGIONS);
  radio.bandwidth_hz = s.quantity("bandwidth", Dimension::FREQUENCY, radio.bandwidth_hz, Check::POSITIVE);
  if (auto field = s.find("channels")) {
    radio.channels_hz.clear();
    const std::vector<Field> channels =
        s.list(*field, "a list of channels such as [868.1MHz, 868.3MHz]", "channel");
    for (const Field& channel : channels) {
      if (radio.channels_hz.size() == hw::MAX_CHANNELS)
        ctx.fail_value(channel, "the firmware keeps at most " + std::to_string(hw::MAX_CHANNELS) + " channels");
      radio.channels_hz.push_back(read_quantity(ctx, channel, Dimension::FREQUENCY, Check::POSITIVE));
    }
    check_channels_in_plan(ctx, channels, radio);
  } else if (auto field = s.find("bandwidth")) {
    // The default channels must fit a written bandwidth too: the resolved scenario writes them out,
    // and it must load back (found by the scenario fuzzer: 250kHz with the default 868.1MHz).
    for (const double channel_hz : radio.channels_hz) {
      if (!models::eu868_sub_band_of(channel_hz, radio.bandwidth_hz)) {
        ctx.fail_value(*field, field->node.Scalar() + " puts the default channel " +
                                   format_quantity(channel_hz, Dimension::FREQUENCY) +
                                   " outside every EU868 sub-band (868.0-868.6MHz, 868.7-869.2MHz, "
                                   "869.4-869.65MHz): write radio.channels for it");
      }
    }
  }
  if (auto field = s.find("spreading_factor")) radio.spreading_factor = read_spreading_factor(ctx, *field);
  radio.sf_margin_db = s.quantity("sf_margin", Dimension::DECIBEL, radio.sf_margin_db, Check::NON_NEGATIVE);
  if (auto field = s.find("coding_rate")) radio.coding_rate = read_coding_rate(ctx, *field);
  // The firmware's MAC takes these settings: its ranges and resolutions apply (hw::config_field_range).
  radio.preamble_symbols = firmware_integer(s, "preamble_symbols", hw::ConfigField::PREAMBLE, radio.preamble_symbols);
  radio.tx_power_dbm =
      firmware_quantity(ctx, s, "tx_power", Dimension::POWER_DBM, 1, hw::ConfigField::TX_POWER, radio.tx_power_dbm);
  radio.duty_cycle =
      firmware_quantity(ctx, s, "duty_cycle", Dimension::FRACTION, PERMILLE, hw::ConfigField::DUTY_CYCLE, radio.duty_cycle);
  radio.mac_overhead_bytes = static_cast<int>(firmware_quantity(ctx, s, "mac_overhead", Dimension::DATA_SIZE, 1,
                                                                hw::ConfigField::MAC_OVERHEAD, radio.mac_overhead_bytes));
  radio.capture_threshold_db =
      s.quantity("capture_threshold", Dimension::DECIBEL, radio.capture_threshold_db);
  if (auto field = s.find("capture")) radio.capture = read_choice(ctx, *field, "capture switch", BOOLEANS) == "true";
  if (auto field = s.find("inter_sf")) radio.inter_sf = read_choice(ctx, *field, "inter-SF model", INTER_SF_MODELS);
  radio.demodulators = static_cast<int>(s.integer("demodulators", 1, 64, radio.demodulators));
  if (auto field = s.find("sf_reference"))
    radio.sf_reference = read_choice(ctx, *field, "SF sensitivity reference", SF_REFERENCES);
  radio.path_loss = read_path_loss(ctx, s);
  radio.traffic = read_traffic(ctx, s);
  radio.class_a = read_class_a(ctx, s, radio.bandwidth_hz);
  radio.adr = read_adr(ctx, s, radio.tx_power_dbm);
  return radio;
}

// ---- the device profile: fleet.profile (a file) and fleet.device (inline, overrides the file) ----

// The keys of a table-driven section: its flags, its quantities, then any keys read by hand.
template <class Spec>
std::vector<std::string_view> table_keys(std::span<const FlagField<Spec>> flags,
                                         std::span<const QuantityField<Spec>> quantities,
                                         std::initializer_list<std::string_view> by_hand = {}) {
  std::vector<std::string_view> keys(by_hand);
  for (const auto& f : flags) keys.push_back(f.key);
  for (const auto& f : quantities) keys.push_back(f.key);
  return keys;
}

// Reads every key of the tables that is present; absent ones keep the value already in `spec`.
template <class Spec>
void read_table_fields(const Section& s, std::span<const FlagField<Spec>> flags,
                       std::span<const QuantityField<Spec>> quantities, Spec& spec) {
  for (const auto& f : flags) spec.*f.member = s.flag(f.key, spec.*f.member);
  for (const auto& f : quantities) spec.*f.member = s.quantity(f.key, f.dimension, spec.*f.member, f.check);
}

McuSpec read_mcu(const Section& device, McuSpec m) {
  const auto keys = table_keys<McuSpec>({}, device_schema::MCU);
  read_table_fields<McuSpec>(device.section("mcu", keys), {}, device_schema::MCU, m);
  return m;
}

// tx: [{power: 14dBm, current: 45mA}, ...], strictly increasing in power.
std::vector<TxCurrentPoint> read_tx_currents(const Context& ctx, const Section& radio, const Field& field) {
  std::vector<TxCurrentPoint> points;
  for (const Field& element :
       radio.list(field, "a list of points such as [{power: 14dBm, current: 45mA}]", "point")) {
    const Section point(ctx, element, {"power", "current"});
    point.require("power");
    point.require("current");
    TxCurrentPoint p{point.quantity("power", Dimension::POWER_DBM, 0),
                     point.quantity("current", Dimension::CURRENT, 0, Check::NON_NEGATIVE)};
    if (!points.empty() && !(p.power_dbm > points.back().power_dbm)) {
      ctx.fail_value(*point.find("power"), "points must be in increasing order of power");
    }
    points.push_back(p);
  }
  return points;
}

LoraRadioSpec read_lora_radio(const Context& ctx, const Section& device, LoraRadioSpec r) {
  const auto keys = table_keys<LoraRadioSpec>({}, device_schema::LORA_RADIO, {"tx"});
  const Section s = device.section("lora_radio", keys);
  read_table_fields<LoraRadioSpec>(s, {}, device_schema::LORA_RADIO, r);
  if (auto field = s.find("tx")) r.tx = read_tx_currents(ctx, s, *field);
  return r;
}

GnssSpec read_gnss(const Section& device, GnssSpec g) {
  const auto keys = table_keys<GnssSpec>(device_schema::GNSS_FLAGS, device_schema::GNSS);
  const Section s = device.section("gnss", keys);
  read_table_fields<GnssSpec>(s, device_schema::GNSS_FLAGS, device_schema::GNSS, g);
  if (!(g.ttff_hot_s <= g.ttff_warm_s && g.ttff_warm_s <= g.ttff_cold_s)) {
    s.fail("expected ttff_hot <= ttff_warm <= ttff_cold: a start with less data cannot be faster");
  }
  if (!(g.ephemeris_valid_s <= g.almanac_valid_s)) {
    s.fail("expected ephemeris_valid <= almanac_valid: the ephemeris is the shorter-lived data");
  }
  return g;
}

ModemSpec read_modem(const Section& device, ModemSpec m) {
  const auto keys = table_keys<ModemSpec>(device_schema::MODEM_FLAGS, device_schema::MODEM);
  read_table_fields<ModemSpec>(device.section("modem", keys), device_schema::MODEM_FLAGS, device_schema::MODEM, m);
  return m;
}

SensorSpec read_sensors(const Section& device, SensorSpec x) {
  const auto keys = table_keys<SensorSpec>({}, device_schema::SENSORS);
  read_table_fields<SensorSpec>(device.section("sensors", keys), {}, device_schema::SENSORS, x);
  return x;
}

// A table of points {x_key: .., y_key: ..}, x strictly increasing, at most PiecewiseLinear::MAX_POINTS.
models::PiecewiseLinear read_table(const Context& ctx, const Section& parent, std::string_view key,
                                   models::PiecewiseLinear fallback, std::string_view x_key, Dimension x_dim,
                                   std::string_view y_key, Dimension y_dim, Check y_check, const char* what) {
  const auto field = parent.find(key);
  if (!field) return fallback;
  std::vector<models::PiecewiseLinear::Point> points;
  const std::string example = "a list of points such as [{" + std::string(x_key) + ": .., " + std::string(y_key) + ": ..}]";
  for (const Field& element : parent.list(*field, example, "point")) {
    const Section point(ctx, element, {x_key, y_key});
    point.require(x_key);
    point.require(y_key);
    const models::PiecewiseLinear::Point p{point.quantity(x_key, x_dim, 0), point.quantity(y_key, y_dim, 0, y_check)};
    if (!points.empty() && !(p.x > points.back().x))
      ctx.fail_value(*point.find(x_key), "points must be in increasing order of " + std::string(x_key));
    if (points.size() == models::PiecewiseLinear::MAX_POINTS)
      ctx.fail_value(element, "at most " + std::to_string(models::PiecewiseLinear::MAX_POINTS) + " points");
    points.push_back(p);
  }
  return models::PiecewiseLinear(std::span<const models::PiecewiseLinear::Point>(points), what);
}

// The parameters of one depletion model; `current` is kept when the model stays the same, so a
// profile's KiBaM constants survive an inline override of another key.
models::BatteryModel read_battery_model(const Context& ctx, const Section& s, models::BatteryModel current) {
  std::size_t index = current.index();
  if (auto field = s.find("model")) {
    const std::string name = read_choice(ctx, *field, "battery model",
                                         {BATTERY_MODEL_NAMES[0], BATTERY_MODEL_NAMES[1], BATTERY_MODEL_NAMES[2],
                                          BATTERY_MODEL_NAMES[3]});
    index = static_cast<std::size_t>(std::find(std::begin(BATTERY_MODEL_NAMES), std::end(BATTERY_MODEL_NAMES), name) -
                                     std::begin(BATTERY_MODEL_NAMES));
  }
  // Parameters of a model that is not the chosen one would be silently unused: refuse them.
  for (std::size_t other = 1; other < std::size(BATTERY_MODEL_NAMES); ++other) {
    if (other == index) continue;
    if (auto field = s.find(BATTERY_MODEL_NAMES[other])) {
      ctx.fail(field->key_spot, field->path,
               "parameters for the " + std::string(BATTERY_MODEL_NAMES[other]) + " model, but the model is " +
                   std::string(BATTERY_MODEL_NAMES[index]));
    }
  }
  switch (index) {
    case 1: {
      auto m = std::holds_alternative<models::PeukertModel>(current) ? std::get<models::PeukertModel>(current)
                                                                      : models::PeukertModel{};
      const Section p = s.section("peukert", {"exponent", "reference_current"});
      if (auto field = p.find("exponent")) {
        m.exponent = read_quantity(ctx, *field, Dimension::DIMENSIONLESS, Check::ANY);
        if (!(m.exponent >= 1 && m.exponent <= 2)) ctx.fail_value(*field, "expected an exponent from 1 to 2, got " + field->node.Scalar());
      }
      m.reference_current_a = p.quantity("reference_current", Dimension::CURRENT, m.reference_current_a, Check::POSITIVE);
      return m;
    }
    case 2: {
      auto m = std::holds_alternative<models::KibamModel>(current) ? std::get<models::KibamModel>(current)
                                                                    : models::KibamModel{};
      const Section k = s.section("kibam", {"available_fraction", "rate_constant_per_s"});
      if (auto field = k.find("available_fraction")) {
        m.available_fraction = read_quantity(ctx, *field, Dimension::FRACTION, Check::PROPER_FRACTION);
        if (!(m.available_fraction > 0)) ctx.fail_value(*field, "must be greater than 0 and below 1 (100%), got " + field->node.Scalar());
      }
      m.rate_constant_per_s = k.quantity("rate_constant_per_s", Dimension::DIMENSIONLESS, m.rate_constant_per_s, Check::POSITIVE);
      return m;
    }
    case 3: {
      auto m = std::holds_alternative<models::RvModel>(current) ? std::get<models::RvModel>(current) : models::RvModel{};
      const Section r = s.section("rakhmatov_vrudhula", {"beta_per_sqrt_s", "terms"});
      m.beta_per_sqrt_s = r.quantity("beta_per_sqrt_s", Dimension::DIMENSIONLESS, m.beta_per_sqrt_s, Check::POSITIVE);
      m.terms = static_cast<int>(r.integer("terms", 1, models::RV_MAX_TERMS, m.terms));
      return m;
    }
    default:
      return models::IdealModel{};
  }
}

BatterySpec read_battery(const Context& ctx, const Section& device, BatterySpec b) {
  const Section s = device.section(
      "battery", {"model", "capacity", "nominal_voltage", "usable_fraction", "self_discharge_per_year", "peukert",
                  "kibam", "rakhmatov_vrudhula", "voltage", "temperature", "passivation"});
  constexpr Check NN = Check::NON_NEGATIVE;
  constexpr Check POS = Check::POSITIVE;
  b.model = read_battery_model(ctx, s, b.model);
  b.capacity_c = s.quantity("capacity", Dimension::CHARGE, b.capacity_c, POS);
  b.nominal_voltage_v = s.quantity("nominal_voltage", Dimension::VOLTAGE, b.nominal_voltage_v, POS);
  b.usable_fraction = s.quantity("usable_fraction", Dimension::FRACTION, b.usable_fraction, Check::UNIT_FRACTION);
  b.self_discharge_per_year = s.quantity("self_discharge_per_year", Dimension::FRACTION,
                                         b.self_discharge_per_year, Check::PROPER_FRACTION);

  const Section v = s.section("voltage", {"open_circuit", "internal_resistance", "cutoff"});
  b.voltage.open_circuit_v_by_dod =
      read_table(ctx, v, "open_circuit", b.voltage.open_circuit_v_by_dod, "depth_of_discharge", Dimension::FRACTION,
                 "voltage", Dimension::VOLTAGE, POS, "battery.voltage.open_circuit_v_by_dod");
  b.voltage.internal_resistance_ohm =
      v.quantity("internal_resistance", Dimension::RESISTANCE, b.voltage.internal_resistance_ohm, NN);
  b.voltage.cutoff_v = v.quantity("cutoff", Dimension::VOLTAGE, b.voltage.cutoff_v, POS);

  const Section t = s.section("temperature", {"capacity_factor", "min_operating", "max_operating"});
  b.temperature.capacity_factor_by_c =
      read_table(ctx, t, "capacity_factor", b.temperature.capacity_factor_by_c, "temperature", Dimension::TEMPERATURE,
                 "factor", Dimension::FRACTION, Check::UNIT_FRACTION, "battery.temperature.capacity_factor_by_c");
  b.temperature.min_operating_c = t.quantity("min_operating", Dimension::TEMPERATURE, b.temperature.min_operating_c);
  b.temperature.max_operating_c = t.quantity("max_operating", Dimension::TEMPERATURE, b.temperature.max_operating_c);

  const Section p = s.section("passivation", {"enabled", "film_resistance", "clear_time", "build_time", "rest_current"});
  b.passivation.enabled = p.flag("enabled", b.passivation.enabled);
  b.passivation.film_resistance_ohm = p.quantity("film_resistance", Dimension::RESISTANCE, b.passivation.film_resistance_ohm, NN);
  b.passivation.clear_time_s = p.quantity("clear_time", Dimension::TIME, b.passivation.clear_time_s, POS);
  b.passivation.build_time_s = p.quantity("build_time", Dimension::TIME, b.passivation.build_time_s, POS);
  b.passivation.rest_current_a = p.quantity("rest_current", Dimension::CURRENT, b.passivation.rest_current_a, NN);

  // Rules between fields (OCV table spanning 0..1, cut-off below the fresh OCV, min < max ...) are the
  // model's own; its message names the field, reported here at the battery section.
  try {
    models::validate_battery_params(b);
  } catch (const std::invalid_argument& error) {
    s.fail(error.what());
  }
  return b;
}

const std::initializer_list<std::string_view> DEVICE_KEYS{"name",   "mcu",   "lora_radio", "gnss",
                                                          "modem",  "sensors", "battery"};

// Every key is optional: what is absent keeps the value of `base`, so a profile file and then the
// scenario's inline fleet.device apply in turn on top of the built-in defaults.
DeviceSpec read_device(const Context& ctx, const Section& s, DeviceSpec device) {
  device.profile = s.text("name", device.profile);
  device.mcu = read_mcu(s, device.mcu);
  device.lora_radio = read_lora_radio(ctx, s, device.lora_radio);
  device.gnss = read_gnss(s, device.gnss);
  device.modem = read_modem(s, device.modem);
  device.sensors = read_sensors(s, device.sensors);
  device.battery = read_battery(ctx, s, device.battery);
  return device;
}

// fleet.profile names a YAML file (relative to the scenario's folder) holding a device profile;
// its errors name that file. Returns the built-in defaults when there is no profile.
DeviceSpec read_profile_file(const Context& ctx, const Section& fleet) {
  const auto field = fleet.find("profile");
  if (!field) return DeviceSpec{};
  const std::string& name = scalar_text(ctx, *field, "the path of a device profile file");
  const std::filesystem::path path = ctx.resolve_path(name);
  const InputFile in = read_input_file(path.string());
  if (!in.ok) ctx.fail_value(*field, "cannot read the device profile " + path.string() + ": " + in.error);
  const std::string& text = in.text;
  check_scenario_text(text, path.string());
  const Context profile_ctx(path.string(), text, {});
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& parse_error) {
    profile_ctx.fail(profile_ctx.file_spot(parse_error.mark), "", "YAML syntax error: " + parse_error.msg);
  }
  return read_device(profile_ctx, Section(profile_ctx, profile_ctx.root(root), DEVICE_KEYS), DeviceSpec{});
}

// alerts.enabled: a list of causes (possibly empty: no alerts), each at most once.
std::uint8_t read_alert_causes(const Context& ctx, const Field& field) {
  if (!field.node.IsSequence())
    ctx.fail_value(field, "expected a list of alert causes such as [door_open, shock] (or []), got " + describe(field.node));
  std::uint8_t mask = 0;
  for (std::size_t i = 0; i < field.node.size(); ++i) {
    const Field element = ctx.element(field, i, field.node[i]);
    const std::size_t cause = read_enum(ctx, element, "alert cause", ALERT_CAUSE_NAMES);
    const auto bit = static_cast<std::uint8_t>(1U << cause);
    if (mask & bit) ctx.fail_value(element, "alert cause '" + element.node.Scalar() + "' is listed twice");
    mask |= bit;
  }
  return mask;
}

GeofenceSpec read_geofence(const Context& ctx, const Field& element) {
  const Section s(ctx, element, {"shape", "lat", "lon", "radius", "south", "west", "north", "east"});
  GeofenceSpec fence;
  if (auto field = s.find("shape")) fence.shape = read_choice(ctx, *field, "geofence shape", {"circle", "box"});
  const bool box = fence.shape == "box";
  // Keys of the other shape would be silently unused: refuse them.
  static constexpr std::array<std::string_view, 3> CIRCLE_KEYS{"lat", "lon", "radius"};
  static constexpr std::array<std::string_view, 4> BOX_KEYS{"south", "west", "north", "east"};
  for (std::string_view key : box ? std::span<const std::string_view>(CIRCLE_KEYS) : std::span<const std::string_view>(BOX_KEYS)) {
    if (auto field = s.find(key))
      ctx.fail(field->key_spot, field->path, "'" + std::string(key) + "' does not apply to a " + fence.shape + " geofence");
  }
  if (!box) {
    fence.center = {read_quantity(ctx, s.require("lat"), Dimension::DIMENSIONLESS, Check::LATITUDE),
                    read_quantity(ctx, s.require("lon"), Dimension::DIMENSIONLESS, Check::LONGITUDE)};
    fence.radius_m = read_firmware_quantity(ctx, s.require("radius"), Dimension::DISTANCE, 1, hw::ConfigField::GEOFENCES);
    return fence;
  }
  fence.south_west = {read_quantity(ctx, s.require("south"), Dimension::DIMENSIONLESS, Check::LATITUDE),
                      read_quantity(ctx, s.require("west"), Dimension::DIMENSIONLESS, Check::LONGITUDE)};
  fence.north_east = {read_quantity(ctx, s.require("north"), Dimension::DIMENSIONLESS, Check::LATITUDE),
                      read_quantity(ctx, s.require("east"), Dimension::DIMENSIONLESS, Check::LONGITUDE)};
  if (!(fence.south_west.lat_deg < fence.north_east.lat_deg))
    ctx.fail_value(*s.find("north"), "north must be above south");
  if (!(fence.south_west.lon_deg < fence.north_east.lon_deg))
    ctx.fail_value(*s.find("east"), "east must be above west (a box may not cross the antimeridian)");
  return fence;
}

std::vector<GeofenceSpec> read_geofences(const Context& ctx, const Section& place) {
  const auto field = place.find("geofences");
  if (!field) return {};
  if (field->node.IsSequence() && field->node.size() == 0) return {};
  std::vector<GeofenceSpec> fences;
  for (const Field& element : place.list(*field, "a list of geofences such as [{lat: 43.42, lon: 4.86, radius: 2km}]",
                                         "geofence")) {
    if (fences.size() == hw::MAX_GEOFENCES)
      ctx.fail_value(element, "the firmware keeps at most " + std::to_string(hw::MAX_GEOFENCES) + " geofences");
    fences.push_back(read_geofence(ctx, element));
  }
  return fences;
}

FirmwareSpec read_firmware(const Context& ctx, const Section& fleet) {
  using F = hw::ConfigField;
  FirmwareSpec f;
  const Section s = fleet.section(
      "firmware", {"sample_interval", "report_interval", "report_jitter", "coalesce_window", "queue_capacity",
                   // firmware v2 (issue #3)
                   "policy", "place_report_interval", "overflow_policy", "gnss", "heartbeat_interval",
                   "battery_saving", "alerts", "link_probe_interval", "confirm_every_n_frames", "place", "bearers"});
  f.sample_interval_s = firmware_time(ctx, s, "sample_interval", F::SAMPLE_INTERVAL, f.sample_interval_s);
  f.report_interval_s = firmware_time(ctx, s, "report_interval", F::REPORT_INTERVAL, f.report_interval_s);
  f.report_jitter_s = firmware_time(ctx, s, "report_jitter", F::REPORT_JITTER, f.report_jitter_s);
  f.coalesce_window_s = firmware_time(ctx, s, "coalesce_window", F::COALESCE_WINDOW, f.coalesce_window_s);
  f.queue_capacity = firmware_integer(s, "queue_capacity", F::QUEUE_CAPACITY, f.queue_capacity);

  // ---- firmware v2 (issue #3) ----
  if (auto field = s.find("policy"))
    f.policy = static_cast<hw::ReportPolicy>(read_enum(ctx, *field, "report policy", REPORT_POLICY_NAMES));
  const Section intervals = s.section("place_report_interval", {PLACE_NAMES[0], PLACE_NAMES[1], PLACE_NAMES[2], PLACE_NAMES[3]});
  for (std::size_t place = 0; place < hw::PLACE_COUNT; ++place) {
    f.place_report_interval_s[place] =
        firmware_time(ctx, intervals, PLACE_NAMES[place], F::PLACE_REPORT_INTERVAL, f.place_report_interval_s[place]);
  }
  if (auto field = s.find("overflow_policy"))
    f.overflow_policy = static_cast<hw::OverflowPolicy>(read_enum(ctx, *field, "overflow policy", OVERFLOW_POLICY_NAMES));
  const Section gnss = s.section("gnss", {"interval", "timeout"});
  f.gnss_interval_s = firmware_time(ctx, gnss, "interval", F::GNSS_INTERVAL, f.gnss_interval_s, true);
  f.gnss_timeout_s = firmware_time(ctx, gnss, "timeout", F::GNSS_TIMEOUT, f.gnss_timeout_s);
  f.heartbeat_interval_s = firmware_time(ctx, s, "heartbeat_interval", F::HEARTBEAT_INTERVAL, f.heartbeat_interval_s, true);

  const Section battery = s.section("battery_saving", {"low_below", "low_stretch", "critical_below", "critical_stretch"});
  f.battery_low_fraction = firmware_quantity(ctx, battery, "low_below", Dimension::FRACTION, PERCENT,
                                             F::BATTERY_THRESHOLDS, f.battery_low_fraction);
  f.battery_critical_fraction = firmware_quantity(ctx, battery, "critical_below", Dimension::FRACTION, PERCENT,
                                                  F::BATTERY_THRESHOLDS, f.battery_critical_fraction);
  f.low_battery_stretch = firmware_integer(battery, "low_stretch", F::BATTERY_FACTORS, f.low_battery_stretch);
  f.critical_battery_stretch = firmware_integer(battery, "critical_stretch", F::BATTERY_FACTORS, f.critical_battery_stretch);

  const Section alerts = s.section("alerts", {"enabled", "shock", "temperature_min", "temperature_max", "humidity_min",
                                              "humidity_max", "light", "holdoff", "max_retries", "retry_backoff"});
  if (auto field = alerts.find("enabled")) f.alert_mask = read_alert_causes(ctx, *field);
  f.shock_alert_g = firmware_quantity(ctx, alerts, "shock", Dimension::ACCELERATION, MILLI_G, F::SHOCK_ALERT, f.shock_alert_g);
  f.temperature_alert_min_c = firmware_quantity(ctx, alerts, "temperature_min", Dimension::TEMPERATURE, CENTI_DEGREE_C,
                                                F::TEMPERATURE_RANGE, f.temperature_alert_min_c);
  f.temperature_alert_max_c = firmware_quantity(ctx, alerts, "temperature_max", Dimension::TEMPERATURE, CENTI_DEGREE_C,
                                                F::TEMPERATURE_RANGE, f.temperature_alert_max_c);
  f.humidity_alert_min = firmware_quantity(ctx, alerts, "humidity_min", Dimension::FRACTION, PERMILLE,
                                           F::HUMIDITY_RANGE, f.humidity_alert_min);
  f.humidity_alert_max = firmware_quantity(ctx, alerts, "humidity_max", Dimension::FRACTION, PERMILLE,
                                           F::HUMIDITY_RANGE, f.humidity_alert_max);
  f.light_alert_lx = firmware_quantity(ctx, alerts, "light", Dimension::ILLUMINANCE, 1, F::LIGHT_ALERT, f.light_alert_lx);
  f.alert_holdoff_s = firmware_time(ctx, alerts, "holdoff", F::ALERT_HOLDOFF, f.alert_holdoff_s);
  f.max_retries = firmware_integer(alerts, "max_retries", F::MAX_RETRIES, f.max_retries);
  f.retry_backoff_s = firmware_time(ctx, alerts, "retry_backoff", F::RETRY_BACKOFF, f.retry_backoff_s);
  f.link_probe_interval_s = firmware_time(ctx, s, "link_probe_interval", F::LINK_PROBE_INTERVAL, f.link_probe_interval_s);
  f.confirm_every_n_frames = static_cast<int>(s.integer("confirm_every_n_frames", 0, 255, f.confirm_every_n_frames));

  const Section place = s.section("place", {"geofences", "motion_threshold", "memory"});
  f.geofences = read_geofences(ctx, place);
  f.motion_threshold_g = firmware_quantity(ctx, place, "motion_threshold", Dimension::ACCELERATION, MILLI_G,
                                           F::MOTION_THRESHOLD, f.motion_threshold_g);
  f.place_memory_s = firmware_time(ctx, place, "memory", F::PLACE_MEMORY, f.place_memory_s);

  const Section bearers = s.section("bearers", {BEARER_NAMES[0], BEARER_NAMES[1], BEARER_NAMES[2]});
  for (std::size_t b = 0; b < hw::BEARER_COUNT; ++b) {
    const bool lora = b == static_cast<std::size_t>(hw::Bearer::LORA);
    // LoRa's payload limit follows the device's SF: not a key.
    const Section bearer = lora ? bearers.section(BEARER_NAMES[b], {"cost"})
                                : bearers.section(BEARER_NAMES[b], {"cost", "max_payload"});
    f.bearers[b].cost = static_cast<int>(bearer.integer("cost", 0, 255, f.bearers[b].cost));
    if (!lora) {
      f.bearers[b].max_payload_bytes = firmware_quantity(ctx, bearer, "max_payload", Dimension::DATA_SIZE, 1,
                                                         F::BEARERS, f.bearers[b].max_payload_bytes);
    }
  }
  return f;
}

// The field at a dotted key path, or the nearest ancestor written in the input (and false).
// Recursive, never assigning a Field: YAML::Node's operator= would overwrite the node it refers to.
std::pair<Field, bool> find_path(const Context& ctx, const Field& at, std::string_view dotted) {
  if (dotted.empty()) return {at, true};
  const std::size_t dot = dotted.find('.');
  const std::string key(dotted.substr(0, dot));
  const std::string_view rest = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
  if (at.node.IsMap()) {
    for (auto it = at.node.begin(); it != at.node.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == key)
        return find_path(ctx, ctx.child(at, key, it->first.Mark(), it->second), rest);
    }
  }
  return {at, false};
}

// Rules between keys (each key alone is already in range): where hw::validate_config reports a field,
// the key to point at and what is wrong.
struct FirmwareRule {
  hw::ConfigField field;
  std::string_view key;
  std::string_view message;
};
// When several rules name the same field, the first whose key is written in the input is reported.
constexpr FirmwareRule FIRMWARE_RULES[] = {
    {hw::ConfigField::REPORT_JITTER, "fleet.firmware.report_jitter", "must not be longer than report_interval"},
    {hw::ConfigField::REPORT_JITTER, "fleet.firmware.report_interval", "must not be shorter than report_jitter"},
    {hw::ConfigField::BATTERY_THRESHOLDS, "fleet.firmware.battery_saving.critical_below", "must not be above low_below"},
    {hw::ConfigField::BATTERY_THRESHOLDS, "fleet.firmware.battery_saving.low_below", "must not be below critical_below"},
    {hw::ConfigField::BATTERY_FACTORS, "fleet.firmware.battery_saving.critical_stretch", "must be at least low_stretch"},
    {hw::ConfigField::BATTERY_FACTORS, "fleet.firmware.battery_saving.low_stretch", "must be at most critical_stretch"},
    {hw::ConfigField::TEMPERATURE_RANGE, "fleet.firmware.alerts.temperature_max", "must be above temperature_min"},
    {hw::ConfigField::TEMPERATURE_RANGE, "fleet.firmware.alerts.temperature_min", "must be below temperature_max"},
    {hw::ConfigField::HUMIDITY_RANGE, "fleet.firmware.alerts.humidity_max", "must be above humidity_min"},
    {hw::ConfigField::HUMIDITY_RANGE, "fleet.firmware.alerts.humidity_min", "must be below humidity_max"},
    {hw::ConfigField::BANDWIDTH, "radio.bandwidth", "the firmware's LoRa modem takes 125kHz, 250kHz or 500kHz"},
};

// The last word: hw::validate_config on the configuration every device will get (at each SF that
// "auto" may choose). The keys were checked one by one as they were read, so what fails here is a rule
// between keys, reported at the key that breaks it.
void check_firmware_config(const Context& ctx, const Field& root, const Scenario& scenario) {
  const int fixed_sf = scenario.radio.spreading_factor;
  for (int sf = fixed_sf == 0 ? 7 : fixed_sf; sf <= (fixed_sf == 0 ? 12 : fixed_sf); ++sf) {
    const hw::ConfigField bad = hw::validate_config(firmware_config_for(scenario, 0, sf));
    if (bad == hw::ConfigField::NONE) continue;
    const FirmwareRule* first = nullptr;
    for (const FirmwareRule& rule : FIRMWARE_RULES) {
      if (rule.field != bad) continue;
      if (!first) first = &rule;
      const auto [field, exact] = find_path(ctx, root, rule.key);
      if (exact) ctx.fail_value(field, std::string(rule.message) + ", got " + describe(field.node));
    }
    // Not expected (each key was checked as it was read): report the firmware's own field name.
    const std::string key = first ? std::string(first->key) : "fleet.firmware";
    const std::string message = first ? std::string(first->message) + " (with its default value)"
                                      : std::string("the firmware refuses its ") + hw::config_field_name(bad) + " setting";
    ctx.fail(find_path(ctx, root, key).first.key_spot, key, message);
  }
}

EnvironmentSpec read_environment(const Section& fleet) {
  EnvironmentSpec e;
  const Section s = fleet.section("environment", {"door_openings_per_day", "door_open_duration", "shocks_per_day",
                                                  "shock_peak", "light_breaches_per_day", "light_duration", "light_level"});
  constexpr Check NN = Check::NON_NEGATIVE;
  e.door_openings_per_day = s.quantity("door_openings_per_day", Dimension::DIMENSIONLESS, e.door_openings_per_day, NN);
  e.door_open_duration_s = s.quantity("door_open_duration", Dimension::TIME, e.door_open_duration_s, Check::POSITIVE);
  e.shocks_per_day = s.quantity("shocks_per_day", Dimension::DIMENSIONLESS, e.shocks_per_day, NN);
  e.shock_peak_g = s.quantity("shock_peak", Dimension::ACCELERATION, e.shock_peak_g, NN);
  e.light_breaches_per_day = s.quantity("light_breaches_per_day", Dimension::DIMENSIONLESS, e.light_breaches_per_day, NN);
  e.light_duration_s = s.quantity("light_duration", Dimension::TIME, e.light_duration_s, Check::POSITIVE);
  e.light_level_lx = s.quantity("light_level", Dimension::ILLUMINANCE, e.light_level_lx, NN);
  // The sensors report whole mg and lux in 16 bits: more would be silently saturated.
  if (e.shock_peak_g > 65.535) s.fail("shock_peak above the accelerometer's 65535mg");
  if (e.light_level_lx > 65535) s.fail("light_level above the light sensor's 65535lx");
  return e;
}

FleetSpec read_fleet(const Context& ctx, const Section& top) {
  FleetSpec fleet;
  const Section s = top.section("fleet", {"containers", "profile", "device", "firmware", "environment"});
  fleet.containers = static_cast<std::uint32_t>(s.integer("containers", 1, 1'000'000, fleet.containers));
  fleet.device = read_device(ctx, s.section("device", DEVICE_KEYS), read_profile_file(ctx, s));
  fleet.firmware = read_firmware(ctx, s);
  fleet.environment = read_environment(s);
  return fleet;
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
  const Section output = top.section("output", {"timeseries_interval"});
  scenario.output.timeseries_interval_s = output.quantity(
      "timeseries_interval", Dimension::TIME, scenario.output.timeseries_interval_s, Check::POSITIVE);
  check_limits(ctx, root, scenario);
  return scenario;
}

}  // namespace

Scenario load_scenario_text(const std::string& yaml_text, const std::string& display_name,
                            const std::vector<std::string>& overrides) {
  Context ctx(display_name, yaml_text, overrides);
  try {
    check_scenario_text(yaml_text, display_name);
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
