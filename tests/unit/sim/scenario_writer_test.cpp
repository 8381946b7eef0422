#include "sim/scenario_writer.hpp"

#include <string>

#include <catch2/catch.hpp>

#include "sim/scenario_loader.hpp"

using namespace fleet::sim;

namespace {

// Values chosen to be awkward: not representable in binary, tiny, huge, negative, odd text.
Scenario awkward_scenario() {
  Scenario s;
  s.name = "round-trip_1.0";
  s.description = "quotes \" and \\ backslash, colon: hash # tab\t newline\n unicode µ°, bell \x07";
  s.source_path = "memory.yaml";
  s.seed = 18446744073709551615ull;
  s.duration_s = 1.0 / 3;
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
  s.radio.bandwidth_hz = 62.5e3;
  s.radio.coding_rate = 4;
  s.radio.preamble_symbols = 12;
  s.radio.tx_power_dbm = -3.3;
  s.radio.duty_cycle = 0.001;
  s.radio.mac_overhead_bytes = 0;
  s.radio.capture_threshold_db = -1.5;
  s.radio.capture = false;
  s.radio.inter_sf = "orthogonal";
  s.radio.demodulators = 64;
  s.radio.sf_reference = "device";
  s.radio.path_loss = {"free_space", 2.7, 127.41, 1000, "urban_large_city", 31.5, 1.25, 7.3};
  s.radio.traffic = {"exponential", 0.125, 255};
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
  s.fleet.firmware = {1.5, 86400 * 365.25, 0.001, 0, 1};
  s.output.timeseries_interval_s = 0.25;
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
    CHECK(back == s);
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
