#include "sim/scenario/scenario_writer.hpp"

#include <string>

#include <catch2/catch.hpp>

#include "sim/scenario/scenario_loader.hpp"

using namespace fleet::sim;

namespace {

// Values chosen to be awkward: not representable in binary, tiny, huge, negative, odd text.
Scenario awkward_scenario() {
  Scenario s;
  s.name = "round-trip_1.0";
  s.description = "quotes \" and \\ backslash, colon: hash # tab\t newline\n unicode µ°, bell \x07";
  s.source_path = "memory.yaml";
  s.seed = 18446744073709551615ull;
  s.duration_s = 1e5 / 3;  // awkward, and above the one-minute floor of sim/scenario/scenario_limits.hpp
  s.port.name = "- port: with [brackets]";
  s.port.gateways = {
      {"gw 1", {-89.999999999, 179.12345678901234}}, {"'quoted'", {0.1, -0.2}}, {"yes", {0, -0.0}}};
  s.port.yard = {{43.42015, 4.86}, "disc", 1234.5678, 0.1, 77.7};
  s.port.gateway_link = {1e-7, 123456789.123};
  s.backbone = {12345.678, 4.9e-9 * 1.1, 0.0013, 2.5e10};
  s.data_centre = {"null", {43.3106, 5.373}};
  s.radio.region = "EU868";
  s.radio.channels_hz = {868.1e6, 868.3e6, 868.5e6, 869.525e6};
  s.radio.spreading_factor = 11;
  s.radio.sf_margin_db = 2.2;
  s.radio.bandwidth_hz = 125e3;  // the firmware's modem takes 125, 250 or 500 kHz
  s.radio.coding_rate = 4;
  s.radio.preamble_symbols = 12;
  s.radio.tx_power_dbm = -3;  // whole dBm: the firmware's resolution
  s.radio.duty_cycle = 0.001;
  s.radio.mac_overhead_bytes = 0;
  s.radio.capture_threshold_db = -1.5;
  s.radio.capture = false;
  s.radio.inter_sf = "orthogonal";
  s.radio.demodulators = 64;
  s.radio.sf_reference = "device";
  s.radio.path_loss = {"free_space", 2.7, 127.41, 1000, "urban_large_city", 31.5, 1.25, 7.3};
  s.radio.traffic = {"exponential", 125.125, 255};  // 1e6 devices: within the event limit of sim/scenario/scenario_limits.hpp
  s.fleet.containers = 1'000'000;
  s.fleet.device.profile = "a: b # c";
  s.fleet.device.mcu = {0.3e-6, 7e-3, 0.0123, 0.55e-6};
  s.fleet.device.lora_radio = {0.16e-6, 1.1e-3, 4.6e-3, {{-9, 1e-3 / 3}, {0.5, 20e-3}, {22, 118e-3}}};
  s.fleet.device.gnss = {false, 36e-3, 28.5e-3, 1e-7, 0.3, 0.3, 100.25, 0, 0, 1e-3, 1.0 / 3};
  s.fleet.device.modem = {true, 2.7e-6, 18e-6, 50e-3, 110e-3, 0.105 / 3.6, 0.55 / 3.6, 1.0 / 7};
  s.fleet.device.sensors = {2.2e-6, 50e-6 / 3.3};
  s.fleet.device.battery.capacity_c = 2.6 * 3600;
  s.fleet.device.battery.nominal_voltage_v = 3.67;
  s.fleet.device.battery.usable_fraction = 0.85;
  s.fleet.device.battery.self_discharge_per_year = 0.0099;
  s.fleet.device.battery.model = fleet::models::RvModel{0.637 / 7.745966692414834, 7};
  s.fleet.device.battery.voltage.internal_resistance_ohm = 1.0 / 3;
  s.fleet.device.battery.temperature.capacity_factor_by_c = {{-40.5, 0.25}, {0, 0.9}, {25, 1}};
  s.fleet.device.battery.passivation = {true, 20.5, 4.25, 1e7, 1e-4 / 3};
  FirmwareSpec& f = s.fleet.firmware;
  f.sample_interval_s = 1.5;
  f.report_interval_s = 86400 * 29.75;
  f.report_jitter_s = 0.001;
  f.coalesce_window_s = 0;
  f.queue_capacity = 1;
  f.policy = fleet::hw::ReportPolicy::PLACE_AWARE;
  f.place_report_interval_s = {1 + 1.0 / 3, 1, 86400 * 30.0, 7777.777};
  f.overflow_policy = fleet::hw::OverflowPolicy::THIN;
  f.gnss_interval_s = 60;
  f.gnss_timeout_s = 600;
  f.heartbeat_interval_s = 86400 * 30.0;
  f.battery_low_fraction = 0.07;
  f.battery_critical_fraction = 0.07;
  f.low_battery_stretch = 1;
  f.critical_battery_stretch = 64;
  f.alert_mask = 0;
  f.shock_alert_g = 0.1;
  f.temperature_alert_min_c = -40;
  f.temperature_alert_max_c = 84.99;
  f.humidity_alert_min = 0.333;
  f.humidity_alert_max = 1;
  f.light_alert_lx = 65535;
  f.alert_holdoff_s = 0;
  f.max_retries = 8;
  f.retry_backoff_s = 3599.999999;
  f.link_probe_interval_s = 60;
  f.confirm_every_n_frames = 255;
  f.geofences = {GeofenceSpec{"box", {}, 1000, {-89.9, -179.99}, {-0.1, 179.99}},
                 GeofenceSpec{"circle", {0.1, -0.2}, 1, {}, {}}, GeofenceSpec{"circle", {-0.0, 0.0}, 100000, {}, {}}};
  f.motion_threshold_g = 2;
  f.place_memory_s = 7 * 86400;
  f.bearers = {BearerSpec{0, 51}, BearerSpec{255, 25}, BearerSpec{7, 280}};
  s.fleet.environment = {1.0 / 3, 0.001, 1e3, 0.0125, 0.3, 7.5, 65535};  // within sim/scenario/scenario_limits.hpp
  s.output.timeseries_interval_s = 1.25;  // at least 1 s (sim/scenario/scenario_limits.hpp)
  return s;
}

}  // namespace

TEST_CASE("the resolved YAML loads back to the same scenario", "[writer]") {
  SECTION("defaults") {
    Scenario s;
    s.source_path = "defaults.yaml";
    s.port.gateways = {{"gw-1", {43.4, 4.9}}};
    const std::string text = to_resolved_yaml(s);
    const Scenario back = load_scenario_text(text, "defaults.yaml");
    CHECK(to_resolved_yaml(back) == text);
    CHECK(back == s);
  }
  SECTION("awkward values") {
    const Scenario s = awkward_scenario();
    const std::string text = to_resolved_yaml(s);
    INFO(text);
    const Scenario back = load_scenario_text(text, "memory.yaml");
    CHECK(to_resolved_yaml(back) == text);
    // Section by section first, so a failure names the part that did not survive.
    CHECK(back.port == s.port);
    CHECK(back.network == s.network);
    CHECK(back.radio == s.radio);
    CHECK(back.fleet.device == s.fleet.device);
    CHECK(back.fleet.firmware == s.fleet.firmware);
    CHECK(back.fleet.environment == s.fleet.environment);
    CHECK(back == s);
  }
  SECTION("the voyage world: ports and voyage, with awkward numbers") {
    Scenario s = load_scenario(std::string(FLEETSIM_FIXTURES_DIR) + "/voyage/asia-med.yaml");
    REQUIRE(s.voyage.enabled);
    const std::string fixture_text = to_resolved_yaml(s);
    CHECK(load_scenario_text(fixture_text, s.source_path) == s);
    VoyageSpec& v = s.voyage;
    ShipsSpec& ships = v.services[0].ships;
    ships.first_arrival_s = -86400.0 / 3;  // under way before the start, not a whole second
    ships.speed_m_per_s = 16.3 * 1852.0 / 3600.0;
    ships.hub.orbit = "geo";  // with LEO figures: nothing may be re-defaulted from the orbit on reading
    ships.hub.price_usd_per_mb = 1.0 / 7;
    ships.hub.above_deck_share = 1.0 / 3;
    ships.hub.buffer = 1;
    v.routes[1].waypoints[1].transit_s = 3 * 3600.0 + 1.0 / 3;  // a passage's figures survive the round trip
    v.routes[1].waypoints[1].sailed_length_m = 60e3 + 1.0 / 7;
    v.services[1].calls[0].dwell_s = 1e-6;
    v.itinerary.min_connection_s = 0;
    v.cellular.coastal_range_m = 0;
    v.itinerary.origin = {"Suzhou \"industrial\" park: #3", {-0.1, 179.99}};
    v.itinerary.road_detour_factor = 1;
    v.itinerary.truck_speed_m_per_s = 50 / 3.6;
    v.itinerary.import_dwell = {0, 1e-6, 0};
    s.ports[1].yard.radius_m = 0.1;
    const std::string text = to_resolved_yaml(s);
    INFO(text);
    const Scenario back = load_scenario_text(text, s.source_path);
    CHECK(to_resolved_yaml(back) == text);
    CHECK(back.ports == s.ports);
    CHECK(back.voyage.routes == s.voyage.routes);
    CHECK(back.voyage.services == s.voyage.services);
    CHECK(back.voyage.cellular == s.voyage.cellular);
    CHECK(back.voyage.itinerary == s.voyage.itinerary);
    CHECK(back.network == s.network);
    CHECK(back == s);
    // The single-port world's sections are not written: `port` and `ports` exclude each other.
    CHECK(text.find("\nport:") == std::string::npos);
    CHECK(text.find("\n  port_router:") == std::string::npos);
    CHECK(text.find("\nports:\n  - name: \"Shanghai\"\n    router: \"sha-router\"\n    gateways:\n"
                    "      - {name: \"sha-gw-1\", lat: 30.63, lon: 122.06}\n") != std::string::npos);
  }
  SECTION("the quickstart, written twice, gives the same text") {
    const Scenario s = load_scenario(std::string(FLEETSIM_FIXTURES_DIR) + "/../../scenarios/quickstart.yaml");
    const std::string text = to_resolved_yaml(s);
    const Scenario back = load_scenario_text(text, s.source_path);
    CHECK(back == s);
    CHECK(to_resolved_yaml(back) == text);
  }
}

TEST_CASE("the resolved YAML is plain SI text in a fixed order", "[writer]") {
  Scenario s;
  s.name = "quickstart";
  s.source_path = "scenarios/quickstart.yaml";
  s.port.gateways = {{"gw-north", {43.43, 4.86}}};
  const std::string text = to_resolved_yaml(s);
  CHECK(text.starts_with("# fleetsim resolved scenario"));
  CHECK(text.find(
            "# resolved from: scenarios/quickstart.yaml\nname: \"quickstart\"\ndescription: \"\"\nseed: 1\n"
            "duration: 604800s\nport:\n  name: \"Fos-sur-Mer\"\n  gateways:\n"
            "    - {name: \"gw-north\", lat: 43.43, lon: 4.86}\n") != std::string::npos);
  CHECK(text.find("  channels: [868100000Hz, 868300000Hz, 868500000Hz]\n  spreading_factor: auto\n") !=
        std::string::npos);
  CHECK(text.find("  fibre_delay_per_km: 4.9e-6s\n") != std::string::npos);
  CHECK(text.find("  coding_rate: 4/5\n") != std::string::npos);
  CHECK(text.find("    capacity: 61200C\n") != std::string::npos);
  CHECK(text.find("    usable_fraction: 0.8\n") != std::string::npos);
  CHECK(text.ends_with("output:\n  timeseries_interval: 3600s\n"));
}
