#include "sim/scenario/scenario_writer.hpp"

#include <cmath>
#include <cstdio>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "sim/scenario/battery_setup.hpp"
#include "sim/scenario/device_schema.hpp"
#include "sim/scenario/firmware_setup.hpp"
#include "sim/scenario/quantity.hpp"

namespace fleet::sim {
namespace {

// A YAML double-quoted scalar: safe for any text (colons, '#', leading spaces, newlines).
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\x%02x", byte);
      out += escape;
    } else {
      out += c;  // UTF-8 passes through unchanged
    }
  }
  return out + "\"";
}

std::string q(double value, Dimension dimension) {
  return format_quantity(value, dimension);
}

std::string position(const GeoPoint& point) {
  return "lat: " + q(point.lat_deg, Dimension::DIMENSIONLESS) +
         ", lon: " + q(point.lon_deg, Dimension::DIMENSIONLESS);
}

class Writer {
 public:
  void line(int indent, const std::string& key, const std::string& value) {
    text_ += std::string(static_cast<std::size_t>(indent) * 2, ' ') + key + ":" +
             (value.empty() ? "" : " " + value) + "\n";
  }
  void raw(const std::string& text) { text_ += text; }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

std::string fibre_delay_per_km(double s_per_m) { return format_scaled_quantity(s_per_m, Dimension::TIME, -3); }

// A fault's window; an endless one has no `up`.
std::string fault_window(double down_at_s, double up_at_s) {
  return "down: " + q(down_at_s, Dimension::TIME) + (std::isinf(up_at_s) ? "" : ", up: " + q(up_at_s, Dimension::TIME));
}

// A catalogue cable is written by name: its length comes from the catalogue when read back.
void write_network(Writer& w, const NetworkSpec& network) {
  w.line(0, "network", "");
  w.line(1, "gateway_buffer", std::to_string(network.gateway_buffer));
  w.line(1, "load_interval", q(network.load_interval_s, Dimension::TIME));
  if (network.forward_window_s > 0) w.line(1, "forward_window", q(network.forward_window_s, Dimension::TIME));
  if (!network.uses_backbone()) {
    // The voyage world has none: each port names its own router.
    if (!network.port_router.empty()) w.line(1, "port_router", quoted(network.port_router));
    w.line(1, "nodes", "");
    for (const NetworkNode& node : network.nodes)
      w.raw("    - {name: " + quoted(node.name) + ", kind: " + std::string(node_kind_name(node.kind)) + "}\n");
    w.line(1, "links", "");
    for (const NetworkLink& link : network.links) {
      w.raw("    - {name: " + quoted(link.name) + ", ends: [" + quoted(link.end_a) + ", " + quoted(link.end_b) + "], " +
            (link.cable.empty() ? "length: " + q(link.fibre_length_m, Dimension::DISTANCE) : "cable: " + quoted(link.cable)) +
            ", fibre_delay_per_km: " + fibre_delay_per_km(link.fibre_delay_s_per_m) +
            ", equipment_latency: " + q(link.equipment_latency_s, Dimension::TIME) +
            ", bandwidth: " + q(link.bandwidth_bps, Dimension::DATA_RATE) +
            ", kind: " + std::string(link_kind_name(link.kind)) + "}\n");
    }
  }
  if (network.link_faults.empty() && network.gateway_outages.empty()) return;
  w.line(1, "faults", "");
  for (const LinkFault& fault : network.link_faults)
    w.raw("    - {link: " + quoted(fault.link) + ", " + fault_window(fault.down_at_s, fault.up_at_s) + "}\n");
  for (const GatewayOutage& outage : network.gateway_outages)
    w.raw("    - {gateway: " + quoted(outage.gateway) + ", " + fault_window(outage.down_at_s, outage.up_at_s) + "}\n");
}

// What `port` and each entry of `ports` share, `indent` levels in.
void write_port_site(Writer& w, int indent, const PortSpec& port) {
  w.line(indent, "gateways", port.gateways.empty() ? "[]" : "");  // a voyage port may have none
  for (const GatewaySpec& gateway : port.gateways) {
    w.raw(std::string(static_cast<std::size_t>(indent) * 2 + 2, ' ') + "- {name: " + quoted(gateway.name) + ", " +
          position(gateway.position) + "}\n");
  }
  w.line(indent, "yard", "");
  w.line(indent + 1, "center", "{" + position(port.yard.center) + "}");
  w.line(indent + 1, "shape", quoted(port.yard.shape));
  w.line(indent + 1, "east_extent", q(port.yard.east_extent_m, Dimension::DISTANCE));
  w.line(indent + 1, "north_extent", q(port.yard.north_extent_m, Dimension::DISTANCE));
  w.line(indent + 1, "radius", q(port.yard.radius_m, Dimension::DISTANCE));
  w.line(indent, "gateway_link", "");
  w.line(indent + 1, "latency", q(port.gateway_link.latency_s, Dimension::TIME));
  w.line(indent + 1, "bandwidth", q(port.gateway_link.bandwidth_bps, Dimension::DATA_RATE));
}

void write_ports(Writer& w, const std::vector<PortSpec>& ports) {
  w.line(0, "ports", "");
  for (const PortSpec& port : ports) {
    w.raw("  - name: " + quoted(port.name) + "\n");
    w.line(2, "router", quoted(port.router));
    write_port_site(w, 2, port);
  }
}

std::string place(const PlaceSpec& p) { return "{name: " + quoted(p.name) + ", " + position(p.position) + "}"; }

std::string dwell(const DwellSpec& d) {
  return "{min: " + q(d.min_s, Dimension::TIME) + ", median: " + q(d.median_s, Dimension::TIME) +
         ", sigma_ln: " + q(d.sigma_ln, Dimension::DIMENSIONLESS) + "}";
}

// Routes are written inline with every waypoint, so the resolved scenario needs no route file.
void write_route(Writer& w, const RouteSpec& route) {
  w.line(2, "- name", quoted(route.name));
  w.line(3, "waypoints", "");
  for (const WaypointSpec& point : route.waypoints) {
    std::string leg;
    if (point.sailed_length_m > 0 || point.transit_s > 0) {
      std::string keys;
      if (point.sailed_length_m > 0) keys += "length: " + q(point.sailed_length_m, Dimension::DISTANCE);
      if (point.transit_s > 0) keys += std::string(keys.empty() ? "" : ", ") + "transit: " + q(point.transit_s, Dimension::TIME);
      leg = ", next_leg: {" + keys + "}";
    }
    w.line(4, "- {name", quoted(point.name) + ", " + position(point.position) + leg + "}");
  }
}

void write_service(Writer& w, const ServiceSpec& service) {
  w.line(2, "- name", quoted(service.name));
  w.line(3, "route", quoted(service.route));
  std::string calls;
  for (const PortCallSpec& call : service.calls)
    calls += std::string(calls.empty() ? "" : ", ") + "{port: " + quoted(call.port) + ", dwell: " + q(call.dwell_s, Dimension::TIME) + "}";
  w.line(3, "calls", "[" + calls + "]");
  const ShipsSpec& ships = service.ships;
  w.line(3, "ships", "");
  w.line(4, "count", std::to_string(ships.count));
  w.line(4, "first_arrival", q(ships.first_arrival_s, Dimension::TIME));
  w.line(4, "headway", q(ships.headway_s, Dimension::TIME));
  w.line(4, "speed", q(ships.speed_m_per_s, Dimension::SPEED));
  w.line(4, "name_prefix", quoted(ships.name_prefix));
  // Every figure is written, so the orbit's defaults play no part when it is read back.
  const ShipHubSpec& hub = ships.hub;
  w.line(4, "hub", "");
  w.line(5, "orbit", quoted(hub.orbit));
  w.line(5, "rtt", q(hub.rtt_s, Dimension::TIME));
  w.line(5, "bandwidth", q(hub.bandwidth_bps, Dimension::DATA_RATE));
  w.line(5, "price_per_mb", q(hub.price_usd_per_mb, Dimension::DIMENSIONLESS));
  w.line(5, "ground_node", quoted(hub.ground_node));
  w.line(5, "buffer", std::to_string(hub.buffer));
  w.line(5, "first_obstruction", q(hub.first_obstruction_db, Dimension::DECIBEL));
  w.line(5, "per_further_obstruction", q(hub.per_further_obstruction_db, Dimension::DECIBEL));
  w.line(5, "below_deck", q(hub.below_deck_db, Dimension::DECIBEL));
  w.line(5, "above_deck_share", q(hub.above_deck_share, Dimension::FRACTION));
  w.line(5, "beacon_interval", q(hub.beacon_interval_s, Dimension::TIME));
}

void write_voyage(Writer& w, const VoyageSpec& v) {
  w.line(0, "voyage", "");
  w.line(1, "routes", "");
  for (const RouteSpec& route : v.routes) write_route(w, route);
  w.line(1, "services", "");
  for (const ServiceSpec& service : v.services) write_service(w, service);
  w.line(1, "cellular", "");
  w.line(2, "coastal_range", q(v.cellular.coastal_range_m, Dimension::DISTANCE));
  w.line(2, "latency", q(v.cellular.latency_s, Dimension::TIME));
  w.line(2, "bandwidth", q(v.cellular.bandwidth_bps, Dimension::DATA_RATE));
  const ItinerarySpec& it = v.itinerary;
  w.line(1, "itinerary", "");
  w.line(2, "origin", place(it.origin));
  w.line(2, "destination", place(it.destination));
  w.line(2, "legs", "");
  for (const ItineraryLegSpec& leg : it.legs) {
    std::string board;
    for (const std::string& port : leg.board_ports) board += (board.empty() ? "" : ", ") + quoted(port);
    w.line(3, "- {service", quoted(leg.service) + ", board: [" + board + "], alight: " + quoted(leg.alight_port) + "}");
  }
  w.line(2, "truck_speed", q(it.truck_speed_m_per_s, Dimension::SPEED));
  w.line(2, "road_detour", q(it.road_detour_factor, Dimension::DIMENSIONLESS));
  w.line(2, "min_connection", q(it.min_connection_s, Dimension::TIME));
  w.line(2, "export_dwell", dwell(it.export_dwell));
  w.line(2, "import_dwell", dwell(it.import_dwell));
}

void write_radio(Writer& w, const RadioSpec& radio) {
  w.line(0, "radio", "");
  w.line(1, "region", quoted(radio.region));
  std::string channels;
  for (const double channel : radio.channels_hz) {
    channels += (channels.empty() ? "" : ", ") + q(channel, Dimension::FREQUENCY);
  }
  w.line(1, "channels", "[" + channels + "]");
  w.line(1, "spreading_factor",
         radio.spreading_factor == 0 ? "auto" : std::to_string(radio.spreading_factor));
  w.line(1, "sf_margin", q(radio.sf_margin_db, Dimension::DECIBEL));
  w.line(1, "bandwidth", q(radio.bandwidth_hz, Dimension::FREQUENCY));
  w.line(1, "coding_rate", "4/" + std::to_string(radio.coding_rate + 4));
  w.line(1, "preamble_symbols", std::to_string(radio.preamble_symbols));
  w.line(1, "tx_power", q(radio.tx_power_dbm, Dimension::POWER_DBM));
  w.line(1, "duty_cycle", q(radio.duty_cycle, Dimension::FRACTION));
  w.line(1, "mac_overhead", q(radio.mac_overhead_bytes, Dimension::DATA_SIZE));
  w.line(1, "capture_threshold", q(radio.capture_threshold_db, Dimension::DECIBEL));
  w.line(1, "capture", radio.capture ? "true" : "false");
  w.line(1, "inter_sf", quoted(radio.inter_sf));
  w.line(1, "demodulators", std::to_string(radio.demodulators));
  w.line(1, "sf_reference", quoted(radio.sf_reference));
  w.line(1, "path_loss", "");
  w.line(2, "model", quoted(radio.path_loss.model));
  w.line(2, "exponent", q(radio.path_loss.exponent, Dimension::DIMENSIONLESS));
  w.line(2, "reference_loss", q(radio.path_loss.reference_loss_db, Dimension::DECIBEL));
  w.line(2, "reference_distance", q(radio.path_loss.reference_distance_m, Dimension::DISTANCE));
  w.line(2, "environment", quoted(radio.path_loss.environment));
  w.line(2, "gateway_height", q(radio.path_loss.gateway_height_m, Dimension::DISTANCE));
  w.line(2, "device_height", q(radio.path_loss.device_height_m, Dimension::DISTANCE));
  w.line(2, "shadowing_sigma", q(radio.path_loss.shadowing_sigma_db, Dimension::DECIBEL));
  w.line(1, "traffic", "");
  w.line(2, "model", quoted(radio.traffic.model));
  w.line(2, "mean_gap", q(radio.traffic.mean_gap_s, Dimension::TIME));
  w.line(2, "phy_payload", q(radio.traffic.phy_payload_bytes, Dimension::DATA_SIZE));
  const ClassASpec& c = radio.class_a;
  w.line(1, "class_a", "");
  w.line(2, "rx1_delay", q(c.rx1_delay_s, Dimension::TIME));
  w.line(2, "rx2_frequency", q(c.rx2_frequency_hz, Dimension::FREQUENCY));
  w.line(2, "rx2_spreading_factor", std::to_string(c.rx2_spreading_factor));
  w.line(2, "window_symbols", std::to_string(c.window_symbols));
  w.line(2, "rx1_gateway_tx_power", q(c.rx1_gateway_tx_power_dbm, Dimension::POWER_DBM));
  w.line(2, "rx2_gateway_tx_power", q(c.rx2_gateway_tx_power_dbm, Dimension::POWER_DBM));
  w.line(2, "dedup_window", q(c.dedup_window_s, Dimension::TIME));
  const AdrSpec& adr = radio.adr;
  w.line(1, "adr", "");
  w.line(2, "enabled", adr.enabled ? "true" : "false");
  w.line(2, "margin", q(adr.margin_db, Dimension::DECIBEL));
  w.line(2, "history", std::to_string(adr.history));
  w.line(2, "min_tx_power", q(adr.min_tx_power_dbm, Dimension::POWER_DBM));
}

// A table-driven section (sim/scenario/schema_field.hpp): its key, then every flag and quantity one level in.
template <class Spec>
void write_table_fields(Writer& w, int indent, const std::string& key, std::span<const FlagField<Spec>> flags,
                        std::span<const QuantityField<Spec>> quantities, const Spec& spec) {
  w.line(indent, key, "");
  for (const auto& f : flags) w.line(indent + 1, std::string(f.key), spec.*f.member ? "true" : "false");
  for (const auto& f : quantities) w.line(indent + 1, std::string(f.key), q(spec.*f.member, f.dimension));
}

void write_table(Writer& w, int indent, const std::string& key, const models::PiecewiseLinear& table,
                 const std::string& x_key, Dimension x_dim, const std::string& y_key, Dimension y_dim) {
  w.line(indent, key, "");
  for (std::size_t i = 0; i < table.size(); ++i) {
    w.raw(std::string(static_cast<std::size_t>(indent) * 2 + 2, ' ') + "- {" + x_key + ": " + q(table[i].x, x_dim) +
          ", " + y_key + ": " + q(table[i].y, y_dim) + "}\n");
  }
}

void write_battery(Writer& w, const BatterySpec& b) {
  w.line(2, "battery", "");
  w.line(3, "model", quoted(std::string(battery_model_name(b))));
  w.line(3, "capacity", q(b.capacity_c, Dimension::CHARGE));
  w.line(3, "nominal_voltage", q(b.nominal_voltage_v, Dimension::VOLTAGE));
  w.line(3, "usable_fraction", q(b.usable_fraction, Dimension::FRACTION));
  w.line(3, "self_discharge_per_year", q(b.self_discharge_per_year, Dimension::FRACTION));
  if (const auto* m = std::get_if<models::PeukertModel>(&b.model)) {
    w.line(3, "peukert", "");
    w.line(4, "exponent", q(m->exponent, Dimension::DIMENSIONLESS));
    w.line(4, "reference_current", q(m->reference_current_a, Dimension::CURRENT));
  } else if (const auto* k = std::get_if<models::KibamModel>(&b.model)) {
    w.line(3, "kibam", "");
    w.line(4, "available_fraction", q(k->available_fraction, Dimension::FRACTION));
    w.line(4, "rate_constant_per_s", q(k->rate_constant_per_s, Dimension::DIMENSIONLESS));
  } else if (const auto* r = std::get_if<models::RvModel>(&b.model)) {
    w.line(3, "rakhmatov_vrudhula", "");
    w.line(4, "beta_per_sqrt_s", q(r->beta_per_sqrt_s, Dimension::DIMENSIONLESS));
    w.line(4, "terms", std::to_string(r->terms));
  }
  w.line(3, "voltage", "");
  write_table(w, 4, "open_circuit", b.voltage.open_circuit_v_by_dod, "depth_of_discharge", Dimension::FRACTION,
              "voltage", Dimension::VOLTAGE);
  w.line(4, "internal_resistance", q(b.voltage.internal_resistance_ohm, Dimension::RESISTANCE));
  w.line(4, "cutoff", q(b.voltage.cutoff_v, Dimension::VOLTAGE));
  w.line(3, "temperature", "");
  write_table(w, 4, "capacity_factor", b.temperature.capacity_factor_by_c, "temperature", Dimension::TEMPERATURE,
              "factor", Dimension::FRACTION);
  w.line(4, "min_operating", q(b.temperature.min_operating_c, Dimension::TEMPERATURE));
  w.line(4, "max_operating", q(b.temperature.max_operating_c, Dimension::TEMPERATURE));
  w.line(3, "passivation", "");
  w.line(4, "enabled", b.passivation.enabled ? "true" : "false");
  w.line(4, "film_resistance", q(b.passivation.film_resistance_ohm, Dimension::RESISTANCE));
  w.line(4, "clear_time", q(b.passivation.clear_time_s, Dimension::TIME));
  w.line(4, "build_time", q(b.passivation.build_time_s, Dimension::TIME));
  w.line(4, "rest_current", q(b.passivation.rest_current_a, Dimension::CURRENT));
}

std::string optional_period(double seconds) { return seconds == 0 ? "off" : q(seconds, Dimension::TIME); }

// fleet.firmware keys of firmware v2 (issue #3), in the order of scenarios/README.md.
void write_firmware_v2(Writer& w, const FirmwareSpec& f) {
  w.line(2, "policy", quoted(std::string(REPORT_POLICY_NAMES[static_cast<std::size_t>(f.policy)])));
  std::string intervals;
  for (std::size_t place = 0; place < hw::PLACE_COUNT; ++place) {
    intervals += (place == 0 ? "" : ", ") + std::string(PLACE_NAMES[place]) + ": " +
                 q(f.place_report_interval_s[place], Dimension::TIME);
  }
  w.line(2, "place_report_interval", "{" + intervals + "}");
  w.line(2, "overflow_policy", quoted(std::string(OVERFLOW_POLICY_NAMES[static_cast<std::size_t>(f.overflow_policy)])));
  w.line(2, "gnss", "{interval: " + optional_period(f.gnss_interval_s) + ", timeout: " + q(f.gnss_timeout_s, Dimension::TIME) + "}");
  w.line(2, "heartbeat_interval", optional_period(f.heartbeat_interval_s));
  w.line(2, "battery_saving", "");
  w.line(3, "low_below", q(f.battery_low_fraction, Dimension::FRACTION));
  w.line(3, "low_stretch", std::to_string(f.low_battery_stretch));
  w.line(3, "critical_below", q(f.battery_critical_fraction, Dimension::FRACTION));
  w.line(3, "critical_stretch", std::to_string(f.critical_battery_stretch));
  w.line(2, "alerts", "");
  std::string causes;
  for (std::size_t cause = 1; cause < hw::ALERT_CAUSE_COUNT; ++cause) {
    if (f.alert_mask & (1U << cause)) causes += (causes.empty() ? "" : ", ") + std::string(ALERT_CAUSE_NAMES[cause]);
  }
  w.line(3, "enabled", "[" + causes + "]");
  w.line(3, "shock", q(f.shock_alert_g, Dimension::ACCELERATION));
  w.line(3, "temperature_min", q(f.temperature_alert_min_c, Dimension::TEMPERATURE));
  w.line(3, "temperature_max", q(f.temperature_alert_max_c, Dimension::TEMPERATURE));
  w.line(3, "humidity_min", q(f.humidity_alert_min, Dimension::FRACTION));
  w.line(3, "humidity_max", q(f.humidity_alert_max, Dimension::FRACTION));
  w.line(3, "light", q(f.light_alert_lx, Dimension::ILLUMINANCE));
  w.line(3, "holdoff", q(f.alert_holdoff_s, Dimension::TIME));
  w.line(3, "max_retries", std::to_string(f.max_retries));
  w.line(3, "retry_backoff", q(f.retry_backoff_s, Dimension::TIME));
  w.line(2, "link_probe_interval", q(f.link_probe_interval_s, Dimension::TIME));
  w.line(2, "confirm_every_n_frames", std::to_string(f.confirm_every_n_frames));
  w.line(2, "place", "");
  w.line(3, "geofences", f.geofences.empty() ? "[]" : "");
  for (const GeofenceSpec& fence : f.geofences) {
    const std::string text = fence.shape == "box"
                                 ? "south: " + q(fence.south_west.lat_deg, Dimension::DIMENSIONLESS) +
                                       ", west: " + q(fence.south_west.lon_deg, Dimension::DIMENSIONLESS) +
                                       ", north: " + q(fence.north_east.lat_deg, Dimension::DIMENSIONLESS) +
                                       ", east: " + q(fence.north_east.lon_deg, Dimension::DIMENSIONLESS)
                                 : position(fence.center) + ", radius: " + q(fence.radius_m, Dimension::DISTANCE);
    w.raw("        - {shape: " + quoted(fence.shape) + ", " + text + "}\n");
  }
  w.line(3, "motion_threshold", q(f.motion_threshold_g, Dimension::ACCELERATION));
  w.line(3, "memory", q(f.place_memory_s, Dimension::TIME));
  w.line(2, "bearers", "");
  for (std::size_t b = 0; b < hw::BEARER_COUNT; ++b) {
    const bool lora = b == static_cast<std::size_t>(hw::Bearer::LORA);
    w.line(3, std::string(BEARER_NAMES[b]),
           "{cost: " + std::to_string(f.bearers[b].cost) +
               (lora ? "" : ", max_payload: " + q(f.bearers[b].max_payload_bytes, Dimension::DATA_SIZE)) + "}");
  }
}

void write_fleet(Writer& w, const FleetSpec& fleet) {
  w.line(0, "fleet", "");
  w.line(1, "containers", std::to_string(fleet.containers));
  const DeviceSpec& d = fleet.device;
  w.line(1, "device", "");
  w.line(2, "name", quoted(d.profile));
  write_table_fields<McuSpec>(w, 2, "mcu", {}, device_schema::MCU, d.mcu);
  write_table_fields<LoraRadioSpec>(w, 2, "lora_radio", {}, device_schema::LORA_RADIO, d.lora_radio);
  w.line(3, "tx", "");
  for (const TxCurrentPoint& point : d.lora_radio.tx) {
    w.raw("        - {power: " + q(point.power_dbm, Dimension::POWER_DBM) +
          ", current: " + q(point.current_a, Dimension::CURRENT) + "}\n");
  }
  write_table_fields<GnssSpec>(w, 2, "gnss", device_schema::GNSS_FLAGS, device_schema::GNSS, d.gnss);
  write_table_fields<ModemSpec>(w, 2, "modem", device_schema::MODEM_FLAGS, device_schema::MODEM, d.modem);
  write_table_fields<SensorSpec>(w, 2, "sensors", {}, device_schema::SENSORS, d.sensors);
  write_battery(w, d.battery);
  const FirmwareSpec& f = fleet.firmware;
  w.line(1, "firmware", "");
  w.line(2, "sample_interval", q(f.sample_interval_s, Dimension::TIME));
  w.line(2, "report_interval", q(f.report_interval_s, Dimension::TIME));
  w.line(2, "report_jitter", q(f.report_jitter_s, Dimension::TIME));
  w.line(2, "coalesce_window", q(f.coalesce_window_s, Dimension::TIME));
  w.line(2, "queue_capacity", std::to_string(f.queue_capacity));
  write_firmware_v2(w, f);
  const EnvironmentSpec& e = fleet.environment;
  w.line(1, "environment", "");
  w.line(2, "door_openings_per_day", q(e.door_openings_per_day, Dimension::DIMENSIONLESS));
  w.line(2, "door_open_duration", q(e.door_open_duration_s, Dimension::TIME));
  w.line(2, "shocks_per_day", q(e.shocks_per_day, Dimension::DIMENSIONLESS));
  w.line(2, "shock_peak", q(e.shock_peak_g, Dimension::ACCELERATION));
  w.line(2, "light_breaches_per_day", q(e.light_breaches_per_day, Dimension::DIMENSIONLESS));
  w.line(2, "light_duration", q(e.light_duration_s, Dimension::TIME));
  w.line(2, "light_level", q(e.light_level_lx, Dimension::ILLUMINANCE));
}

}  // namespace

std::string to_resolved_yaml(const Scenario& s) {
  Writer w;
  w.raw(
      "# fleetsim resolved scenario: every parameter, SI units (s, m, Hz, A, C, V, bps, B, dB, dBm;\n"
      "# fractions as plain numbers). Loading this file gives the same scenario. Format: "
      "scenarios/README.md\n");
  if (!s.source_path.empty()) w.raw("# resolved from: " + s.source_path + "\n");
  w.line(0, "name", quoted(s.name));
  w.line(0, "description", quoted(s.description));
  w.line(0, "seed", std::to_string(s.seed));
  w.line(0, "duration", q(s.duration_s, Dimension::TIME));

  if (s.voyage.enabled) {
    write_ports(w, s.ports);
    write_voyage(w, s.voyage);
  } else {
    w.line(0, "port", "");
    w.line(1, "name", quoted(s.port.name));
    write_port_site(w, 1, s.port);
  }

  if (s.network.uses_backbone()) {
    w.line(0, "backbone", "");
    w.line(1, "length", q(s.backbone.length_m, Dimension::DISTANCE));
    w.line(1, "fibre_delay_per_km", fibre_delay_per_km(s.backbone.fibre_delay_s_per_m));
    w.line(1, "equipment_latency", q(s.backbone.equipment_latency_s, Dimension::TIME));
    w.line(1, "bandwidth", q(s.backbone.bandwidth_bps, Dimension::DATA_RATE));
  }
  write_network(w, s.network);

  w.line(0, "data_centre", "");
  w.line(1, "name", quoted(s.data_centre.name));
  w.line(1, "lat", q(s.data_centre.position.lat_deg, Dimension::DIMENSIONLESS));
  w.line(1, "lon", q(s.data_centre.position.lon_deg, Dimension::DIMENSIONLESS));

  write_radio(w, s.radio);
  write_fleet(w, s.fleet);

  w.line(0, "output", "");
  w.line(1, "timeseries_interval", q(s.output.timeseries_interval_s, Dimension::TIME));
  return w.take();
}

}  // namespace fleet::sim
