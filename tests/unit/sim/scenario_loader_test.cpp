#include "sim/scenario/scenario_loader.hpp"
#include "tests/unit/sim/scenario_error_text.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/scenario/firmware_setup.hpp"

using namespace fleet::sim;

namespace {

// Every key of the format, each set to something other than its default.
const char* const FULL_SCENARIO = R"(name: full-test
description: "every key set"
seed: 18446744073709551615
duration: 2d
port:
  name: Test Port
  gateways:
    - {name: gw-a, lat: 43.43, lon: 4.86}
    - name: gw-b
      lat: -12.5
      lon: 179.9
  yard: {center: {lat: 43.42, lon: 4.87}, shape: disc, east_extent: 1.5km, north_extent: 600m, radius: 2km}
  gateway_link: {latency: 3ms, bandwidth: 50Mbps}
backbone: {length: 60km, fibre_delay_per_km: 5us, equipment_latency: 2ms, bandwidth: 1Gbps}
data_centre: {name: Paris, lat: 48.85, lon: 2.35}
radio:
  region: EU868
  channels: [868.3MHz, 868.95MHz]
  spreading_factor: 9
  sf_margin: 3dB
  bandwidth: 250kHz
  coding_rate: 4/7
  preamble_symbols: 10
  tx_power: 10dBm
  duty_cycle: 0.1%
  mac_overhead: 20B
  capture_threshold: 4dB
  capture: false
  inter_sf: orthogonal
  demodulators: 16
  sf_reference: device
  path_loss: {model: okumura_hata, exponent: 2.9, reference_loss: 40dB, reference_distance: 10m,
              environment: suburban, gateway_height: 25m, device_height: 2m, shadowing_sigma: 8dB}
  traffic: {model: exponential, mean_gap: 100s, phy_payload: 32B}
fleet:
  containers: 10
  device:
    name: test-tracker
    mcu: {sleep: 2uA, active: 4mA, active_per_wakeup: 6ms, wake_charge: 0.7uC}
    lora_radio:
      sleep: 0.2uA
      standby: 1.5mA
      rx: 5mA
      tx: [{power: 0dBm, current: 20mA}, {power: 10dBm, current: 30mA}, {power: 20dBm, current: 118mA}]
    gnss: {present: true, acquisition: 45mA, tracking: 30mA, backup: 10uA, ttff_hot: 2s, ttff_warm: 20s,
           ttff_cold: 30s, ephemeris_valid: 2h, almanac_valid: 14d, tracking_after_fix: 3s, sky_view_fraction: 60%}
    modem: {present: true, psm_floor: 3uA, edrx_idle: 6uA, connected: 55mA, tx: 115mA, attach_charge: 50mC,
            tau_charge: 30mC, tau_period: 6h}
    sensors: {quiescent: 4uA, sample_charge: 13.9uC}
    battery:
      model: kibam
      capacity: 13Ah
      nominal_voltage: 3.5V
      usable_fraction: 70%
      self_discharge_per_year: 2%
      kibam: {available_fraction: 50%, rate_constant_per_s: 1e-4}
      voltage:
        open_circuit: [{depth_of_discharge: 0, voltage: 3.6V}, {depth_of_discharge: 100%, voltage: 2.1V}]
        internal_resistance: 2Ohm
        cutoff: 2.05V
      temperature:
        capacity_factor: [{temperature: -20degC, factor: 60%}, {temperature: 20degC, factor: 1}]
        min_operating: -40degC
        max_operating: 70degC
      passivation: {enabled: true, film_resistance: 10Ohm, clear_time: 3s, build_time: 10d, rest_current: 50uA}
  firmware:
    sample_interval: 10min
    report_interval: 2h
    report_jitter: 1min
    coalesce_window: 5s
    queue_capacity: 64
    policy: place_aware
    place_report_interval: {unknown: 3h, port: 30min, sea: 12h, road: 4h}
    overflow_policy: thin
    gnss: {interval: 8h, timeout: 90s}
    heartbeat_interval: 1d
    battery_saving: {low_below: 20%, low_stretch: 3, critical_below: 5%, critical_stretch: 8}
    alerts:
      enabled: [door_open, shock, light_in_closed_box]
      shock: 2500mg
      temperature_min: -25.5degC
      temperature_max: 55degC
      humidity_min: 10%
      humidity_max: 90.5%
      light: 50lx
      holdoff: 5min
      max_retries: 2
      retry_backoff: 20s
    link_probe_interval: 2h
    confirm_every_n_frames: 10
    place:
      geofences:
        - {lat: 43.42, lon: 4.86, radius: 2.5km}
        - {shape: box, south: 43.3, west: 4.8, north: 43.5, east: 5.0}
      motion_threshold: 50mg
      memory: 1h
    bearers: {lora: {cost: 3}, ship_hub: {cost: 1, max_payload: 100B}, cellular: {cost: 20, max_payload: 280B}}
  environment: {door_openings_per_day: 0.5, door_open_duration: 20min, shocks_per_day: 2, shock_peak: 3g,
                light_breaches_per_day: 0.1, light_duration: 2min, light_level: 800lx}
output: {timeseries_interval: 30min}
)";

const char* const MINIMAL_SCENARIO = "port:\n  gateways:\n    - {name: gw-1, lat: 43.4, lon: 4.9}\n";

}  // namespace

TEST_CASE("a full scenario maps onto the structs in SI units", "[loader]") {
  const Scenario s = load_scenario_text(FULL_SCENARIO, "full.yaml");
  CHECK(s.name == "full-test");
  CHECK(s.description == "every key set");
  CHECK(s.source_path == "full.yaml");
  CHECK(s.seed == 18446744073709551615ull);
  CHECK(s.duration_s == 172800);
  CHECK(s.port.name == "Test Port");
  REQUIRE(s.port.gateways.size() == 2);
  CHECK(s.port.gateways[0] == GatewaySpec{"gw-a", {43.43, 4.86}});
  CHECK(s.port.gateways[1] == GatewaySpec{"gw-b", {-12.5, 179.9}});
  CHECK(s.port.yard == YardSpec{{43.42, 4.87}, "disc", 1500, 600, 2000});
  CHECK(s.port.gateway_link == LinkSpec{0.003, 50e6});
  CHECK(s.backbone.length_m == 60e3);
  CHECK(s.backbone.fibre_delay_s_per_m == 5e-9);
  CHECK(s.backbone.equipment_latency_s == 0.002);
  CHECK(s.backbone.bandwidth_bps == 1e9);
  CHECK(s.data_centre.name == "Paris");
  CHECK(s.data_centre.position == GeoPoint{48.85, 2.35});
  CHECK(s.radio.region == "EU868");
  CHECK(s.radio.channels_hz == std::vector<double>{868.3e6, 868.95e6});
  CHECK(s.radio.spreading_factor == 9);
  CHECK(s.radio.sf_margin_db == 3);
  CHECK(s.radio.bandwidth_hz == 250e3);
  CHECK(s.radio.coding_rate == 3);
  CHECK(s.radio.preamble_symbols == 10);
  CHECK(s.radio.tx_power_dbm == 10);
  CHECK(s.radio.duty_cycle == 0.001);
  CHECK(s.radio.mac_overhead_bytes == 20);
  CHECK(s.radio.capture_threshold_db == 4);
  CHECK(s.radio.capture == false);
  CHECK(s.radio.inter_sf == "orthogonal");
  CHECK(s.radio.demodulators == 16);
  CHECK(s.radio.sf_reference == "device");
  CHECK(s.radio.path_loss == PathLossSpec{"okumura_hata", 2.9, 40, 10, "suburban", 25, 2, 8});
  CHECK(s.radio.traffic == TrafficSpec{"exponential", 100, 32});
  CHECK(s.fleet.containers == 10);
  const DeviceSpec& d = s.fleet.device;
  CHECK(d.profile == "test-tracker");
  CHECK(d.mcu == McuSpec{2e-6, 4e-3, 6e-3, 0.7e-6});
  CHECK(d.lora_radio == LoraRadioSpec{0.2e-6, 1.5e-3, 5e-3, {{0, 20e-3}, {10, 30e-3}, {20, 118e-3}}});
  CHECK(d.gnss == GnssSpec{true, 45e-3, 30e-3, 10e-6, 2, 20, 30, 7200, 14 * 86400.0, 3, 0.6});
  CHECK(d.modem == ModemSpec{true, 3e-6, 6e-6, 55e-3, 115e-3, 0.05, 0.03, 21600});
  CHECK(d.sensors == SensorSpec{4e-6, 13.9e-6});
  CHECK(d.battery.capacity_c == 13 * 3600.0);
  CHECK(d.battery.nominal_voltage_v == 3.5);
  CHECK(d.battery.usable_fraction == 0.7);
  CHECK(d.battery.self_discharge_per_year == 0.02);
  CHECK(d.battery.model == fleet::models::BatteryModel{fleet::models::KibamModel{0.5, 1e-4}});
  CHECK(d.battery.voltage ==
        fleet::models::CellVoltageParams{fleet::models::PiecewiseLinear{{0, 3.6}, {1, 2.1}}, 2, 2.05});
  CHECK(d.battery.temperature ==
        fleet::models::TemperatureParams{fleet::models::PiecewiseLinear{{-20, 0.6}, {20, 1}}, -40, 70});
  CHECK(d.battery.passivation == fleet::models::PassivationParams{true, 10, 3, 864000, 50e-6});
  const FirmwareSpec& f = s.fleet.firmware;
  CHECK(f.sample_interval_s == 600);
  CHECK(f.report_interval_s == 7200);
  CHECK(f.report_jitter_s == 60);
  CHECK(f.coalesce_window_s == 5);
  CHECK(f.queue_capacity == 64);
  CHECK(f.policy == fleet::hw::ReportPolicy::PLACE_AWARE);
  CHECK(f.place_report_interval_s == std::array<double, 4>{10800, 1800, 43200, 14400});
  CHECK(f.overflow_policy == fleet::hw::OverflowPolicy::THIN);
  CHECK(f.gnss_interval_s == 28800);
  CHECK(f.gnss_timeout_s == 90);
  CHECK(f.heartbeat_interval_s == 86400);
  CHECK(f.battery_low_fraction == 0.2);
  CHECK(f.low_battery_stretch == 3);
  CHECK(f.battery_critical_fraction == 0.05);
  CHECK(f.critical_battery_stretch == 8);
  CHECK(f.alert_mask == ((1 << 1) | (1 << 3) | (1 << 6)));  // AlertCause DOOR_OPEN, SHOCK, LIGHT_IN_CLOSED_BOX
  CHECK(f.shock_alert_g == 2.5);
  CHECK(f.temperature_alert_min_c == -25.5);
  CHECK(f.temperature_alert_max_c == 55);
  CHECK(f.humidity_alert_min == 0.1);
  CHECK(f.humidity_alert_max == 0.905);
  CHECK(f.light_alert_lx == 50);
  CHECK(f.alert_holdoff_s == 300);
  CHECK(f.max_retries == 2);
  CHECK(f.retry_backoff_s == 20);
  CHECK(f.link_probe_interval_s == 7200);
  CHECK(f.confirm_every_n_frames == 10);
  CHECK(f.geofences == std::vector<GeofenceSpec>{GeofenceSpec{"circle", {43.42, 4.86}, 2500, {}, {}},
                                                 GeofenceSpec{"box", {}, 1000, {43.3, 4.8}, {43.5, 5.0}}});
  CHECK(f.motion_threshold_g == 0.05);
  CHECK(f.place_memory_s == 3600);
  CHECK(f.bearers == std::array<BearerSpec, 3>{BearerSpec{3, 51}, BearerSpec{1, 100}, BearerSpec{20, 280}});
  CHECK(s.fleet.environment == EnvironmentSpec{0.5, 1200, 2, 3, 0.1, 120, 800});
  CHECK(s.output.timeseries_interval_s == 1800);
}

TEST_CASE("absent keys take the defaults of scenario.hpp", "[loader]") {
  const Scenario s = load_scenario_text(MINIMAL_SCENARIO, "minimal.yaml");
  Scenario expected;
  expected.source_path = "minimal.yaml";
  expected.port.gateways = {{"gw-1", {43.4, 4.9}}};
  CHECK(s == expected);
  // Empty sections ("radio:" with nothing under it) are the same as absent ones.
  CHECK(load_scenario_text(std::string(MINIMAL_SCENARIO) + "radio:\nfleet: {}\n", "minimal.yaml") ==
        expected);
}

TEST_CASE("spreading factor and coding rate spellings", "[loader]") {
  const auto radio = [](const std::string& line) {
    return load_scenario_text(std::string(MINIMAL_SCENARIO) + "radio:\n  " + line + "\n", "r.yaml").radio;
  };
  CHECK(radio("spreading_factor: auto").spreading_factor == 0);
  CHECK(radio("spreading_factor: 7").spreading_factor == 7);
  CHECK(radio("spreading_factor: 12").spreading_factor == 12);
  CHECK(radio("coding_rate: 4/5").coding_rate == 1);
  CHECK(radio("coding_rate: 4/8").coding_rate == 4);
  CHECK(radio("coding_rate: 2").coding_rate == 2);
  CHECK(radio("duty_cycle: 100%").duty_cycle == 1.0);
}

TEST_CASE("Overrides (--set) replace values before validation", "[loader][set]") {
  const Scenario s = load_scenario_text(
      FULL_SCENARIO, "full.yaml",
      {"fleet.containers=10000", "radio.spreading_factor=auto", "duration=1d", "port.gateways[1].lat=1.5",
       "radio.channels=[869.525MHz]", "output={timeseries_interval: 10min}", "fleet.containers=20000"});
  CHECK(s.fleet.containers == 20000);  // the later override wins
  CHECK(s.radio.spreading_factor == 0);
  CHECK(s.duration_s == 86400);
  CHECK(s.port.gateways[1].position.lat_deg == 1.5);
  CHECK(s.radio.channels_hz == std::vector<double>{869.525e6});
  CHECK(s.output.timeseries_interval_s == 600);
  // A section absent from the file is created.
  CHECK(load_scenario_text(MINIMAL_SCENARIO, "m.yaml", {"fleet.firmware.queue_capacity=8"})
            .fleet.firmware.queue_capacity == 8);
}

namespace {

using fleet::sim::test::error_of;

}  // namespace

TEST_CASE("Override (--set) errors point into the override text", "[loader][set]") {
  CHECK(error_of(MINIMAL_SCENARIO, {"duration=1d", "radio.spreading_factor=13"}) ==
        "--set:2:24: error: radio.spreading_factor: expected an integer from 7 to 12 or \"auto\", got 13\n"
        "    2 | radio.spreading_factor=13\n"
        "      |                        ^\n");
  CHECK(error_of(MINIMAL_SCENARIO, {"radoi.spreading_factor=9"}) ==
        "--set:1:1: error: unknown key 'radoi'; did you mean 'radio'?\n"
        "    1 | radoi.spreading_factor=9\n"
        "      | ^\n");
  CHECK(error_of(MINIMAL_SCENARIO, {"fleet.containers"}) ==
        "--set:1:1: error: expected key.path=value\n"
        "    1 | fleet.containers\n"
        "      | ^\n");
  CHECK(error_of(MINIMAL_SCENARIO, {"duration=1d", "duration.unit=s"}) ==
        "--set:2:10: error: duration: holds a value (1d), not a section: cannot set 'unit' inside it\n"
        "    2 | duration.unit=s\n"
        "      |          ^\n");
  CHECK(error_of(MINIMAL_SCENARIO, {"port.gateways[3].lat=1"}) ==
        "--set:1:6: error: port.gateways: index 3 is out of range: the list has 1 entries\n"
        "    1 | port.gateways[3].lat=1\n"
        "      |      ^\n");
  CHECK(error_of(MINIMAL_SCENARIO, {"radio.channels=[868.1MHz, 868.3Mhz]"}) ==
        "--set:1:27: error: radio.channels[1]: unknown unit 'Mhz' for a frequency; accepted: Hz, kHz, MHz, "
        "GHz\n"
        "    1 | radio.channels=[868.1MHz, 868.3Mhz]\n"
        "      |                           ^\n");
}

TEST_CASE("more bad input, reported at the right place", "[loader]") {
  const std::string base = MINIMAL_SCENARIO;
  CHECK(error_of(base + "duration:\n") ==
        "s.yaml:4:1: error: duration: expected a time such as 15min, 7d or 600ms, got nothing\n"
        "    4 | duration:\n"
        "      | ^\n");
  CHECK(error_of(base + "seed: 18446744073709551616\n") ==
        "s.yaml:4:7: error: seed: expected an integer from 0 to 18446744073709551615 (2^64 - 1), got "
        "18446744073709551616\n"
        "    4 | seed: 18446744073709551616\n"
        "      |       ^\n");
  CHECK(error_of(base + "seed: 1\nseed: 2\n") ==
        "s.yaml:5:1: error: duplicate key 'seed' (first set at line 4)\n"
        "    5 | seed: 2\n"
        "      | ^\n");
  CHECK(error_of(base + "fleet: {containers: 0}\n") ==
        "s.yaml:4:21: error: fleet.containers: expected an integer from 1 to 1000000, got 0\n"
        "    4 | fleet: {containers: 0}\n"
        "      |                     ^\n");
  CHECK(
      error_of(base + "fleet: {containers: 1000001}\n")
          .starts_with(
              "s.yaml:4:21: error: fleet.containers: expected an integer from 1 to 1000000, got 1000001\n"));
  CHECK(
      error_of(base + "radio: {duty_cycle: 0%}\n")
          .starts_with(
              "s.yaml:4:21: error: radio.duty_cycle: expected a fraction from 0.1% to 100% (the firmware's range), got 0%\n"));
  CHECK(error_of(base + "fleet: {device: {battery: {usable_fraction: 1.5}}}\n")
            .starts_with("s.yaml:4:45: error: fleet.device.battery.usable_fraction: must be greater than 0 and at "
                         "most 1 (100%), got 1.5\n"));
  CHECK(error_of(base + "radio: {channels: []}\n")
            .starts_with(
                "s.yaml:4:19: error: radio.channels: at least one channel is required, got an empty list\n"));
  CHECK(error_of(base + "data_centre: {lat: 91}\n")
            .starts_with(
                "s.yaml:4:20: error: data_centre.lat: expected a latitude from -90 to 90 degrees, got 91\n"));
  CHECK(error_of(base + "radio: [1, 2]\n")
            .starts_with("s.yaml:4:8: error: radio: expected a mapping of keys to values, got a list\n"));
  CHECK(error_of("port: {gateways: [{name: a, lat: 1}]}\n")
            .starts_with("s.yaml:1:19: error: port.gateways[0]: missing required key 'lon'\n"));
  CHECK(error_of("").starts_with("s.yaml:1:1: error: port.gateways: at least one gateway is required\n"));
  CHECK(error_of("just text\n")
            .starts_with("s.yaml:1:1: error: expected a mapping of keys to values, got just text\n"));
  CHECK(error_of(base + "name: my run\n")
            .starts_with("s.yaml:4:7: error: name: expected a name made of letters, digits, '.', '-' and '_' "
                         "(it names the results "
                         "folder), got my run\n"));
  CHECK(error_of(base + "fleet: {firmware: {sampel_interval: 1h}}\n")
            .starts_with("s.yaml:4:20: error: fleet.firmware: unknown key 'sampel_interval'; did you mean "
                         "'sample_interval'?\n"));
  CHECK(error_of(base + "output: {colour: red}\n")
            .starts_with("s.yaml:4:10: error: output: unknown key 'colour'; accepted keys in output: "
                         "timeseries_interval\n"));
  CHECK(error_of(base + "duration_s: 3600\n")
            .starts_with("s.yaml:4:1: error: unknown key 'duration_s'; did you mean 'duration'?\n"));
}

TEST_CASE("a missing file is a clear error", "[loader]") {
  try {
    load_scenario("/nonexistent/scenario.yaml");
    FAIL("no error");
  } catch (const ScenarioError& error) {
    CHECK(error.render() ==
          "/nonexistent/scenario.yaml: error: cannot read the scenario file: No such file or directory\n");
  }
  CHECK_THROWS_AS(load_scenario("/tmp"), ScenarioError);
}

TEST_CASE("the files in scenarios/ load", "[loader]") {
  const Scenario s = load_scenario(std::string(FLEETSIM_FIXTURES_DIR) + "/../../scenarios/quickstart.yaml");
  CHECK(s.name == "quickstart");
  CHECK_FALSE(s.port.gateways.empty());
}

namespace {
std::string profile_fixture(const std::string& name) {
  return std::string(FLEETSIM_FIXTURES_DIR) + "/profiles/" + name;
}
std::string load_error(const std::string& path) {
  try {
    load_scenario(path);
  } catch (const ScenarioError& error) {
    return error.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("a device profile file applies first, then the scenario's inline device keys", "[loader]") {
  const DeviceSpec d = load_scenario(profile_fixture("uses_profile.yaml")).fleet.device;
  CHECK(d.profile == "test-tracker");
  CHECK(d.mcu.sleep_a == 5e-6);     // inline override wins
  CHECK(d.mcu.active_a == 7e-3);    // from the profile
  CHECK(d.gnss.ttff_cold_s == 40);  // from the profile
  CHECK(d.modem.present);
  CHECK(d.gnss.ttff_hot_s == DeviceSpec{}.gnss.ttff_hot_s);  // neither: the default
}

TEST_CASE("errors inside a profile name the profile file, line and column", "[loader]") {
  CHECK(load_error(profile_fixture("uses_broken_profile.yaml"))
            .starts_with(profile_fixture("broken-tracker.yaml") +
                         ":4:14: error: gnss.ttff_cold: unknown unit 'mA' for a time"));
  CHECK(load_error(profile_fixture("uses_missing_profile.yaml"))
            .starts_with(profile_fixture("uses_missing_profile.yaml") +
                         ":6:12: error: fleet.profile: cannot read the device profile " +
                         profile_fixture("no-such-profile.yaml")));
}

TEST_CASE("device profile rules between keys", "[loader]") {
  const std::string base = MINIMAL_SCENARIO;
  const auto error_of = [&](const std::string& text) {
    try {
      load_scenario_text(base + text, "s.yaml");
    } catch (const ScenarioError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("fleet: {device: {gnss: {ttff_hot: 30s}}}\n")
            .starts_with("s.yaml:4:18: error: fleet.device.gnss: expected ttff_hot <= ttff_warm <= ttff_cold"));
  CHECK(error_of("fleet: {device: {lora_radio: {tx: [{power: 14dBm, current: 45mA}, {power: 10dBm, current: 30mA}]}}}\n")
            .starts_with("s.yaml:4:75: error: fleet.device.lora_radio.tx[1].power: points must be in increasing "
                         "order of power"));
  CHECK(error_of("radio: {tx_power: 20dBm}\nfleet: {device: {lora_radio: {tx: [{power: 14dBm, current: 45mA}]}}}\n")
            .starts_with("s.yaml:4:1: error: radio.tx_power: tx_power 20dBm is above the device profile's TX current "
                         "table (fleet.device.lora_radio.tx ends at 14dBm)"));
  CHECK(error_of("fleet: {device: {modem: {present: yes}}}\n")
            .starts_with("s.yaml:4:35: error: fleet.device.modem.present: expected true or false, got yes"));
  CHECK(error_of("fleet: {device: {gnss: {sky_view_fraction: 120%}}}\n")
            .starts_with("s.yaml:4:44: error: fleet.device.gnss.sky_view_fraction: must be from 0 to 1"));
}

TEST_CASE("every shipped device profile loads, and names itself after its file", "[loader]") {
  const std::filesystem::path dir = std::filesystem::path(FLEETSIM_FIXTURES_DIR) / "../../scenarios/profiles";
  int profiles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    ++profiles;
    const std::string text = std::string(MINIMAL_SCENARIO) + "fleet: {profile: " + entry.path().string() + "}\n";
    const DeviceSpec device = load_scenario_text(text, "profiles-test.yaml").fleet.device;
    CHECK(device.profile == entry.path().stem().string());
  }
  CHECK(profiles >= 2);
}

TEST_CASE("firmware settings the firmware would refuse, round or clamp are errors at their key", "[loader][firmware]") {
  const std::string base = MINIMAL_SCENARIO;
  const auto first_line = [&](const std::string& yaml, const std::vector<std::string>& overrides = {}) {
    const std::string error = error_of(base + yaml, overrides);
    return error.substr(0, error.find('\n'));
  };
  // Ranges are hw::config_field_range's (e.g. report interval 1 s .. 30 d, shock 100 .. 16,000 mg).
  CHECK(first_line("fleet: {firmware: {report_interval: 31d}}\n") ==
        "s.yaml:4:37: error: fleet.firmware.report_interval: expected a time from 1s to 30d (the firmware's range), got 31d");
  CHECK(first_line("fleet: {firmware: {gnss: {interval: 30s}}}\n") ==
        "s.yaml:4:37: error: fleet.firmware.gnss.interval: expected off or a time from 1min to 30d (the firmware's range), got 30s");
  CHECK(first_line("fleet: {firmware: {alerts: {shock: 50mg}}}\n") ==
        "s.yaml:4:36: error: fleet.firmware.alerts.shock: expected an acceleration from 100mg to 16000mg (the firmware's "
        "range), got 50mg");
  CHECK(first_line("fleet: {firmware: {queue_capacity: 65}}\n") ==
        "s.yaml:4:36: error: fleet.firmware.queue_capacity: expected an integer from 1 to 64, got 65");
  // Resolution: the firmware keeps whole percent, 0.1 % of duty cycle, whole dBm.
  CHECK(first_line("fleet: {firmware: {battery_saving: {low_below: 20.5%}}}\n") ==
        "s.yaml:4:48: error: fleet.firmware.battery_saving.low_below: expected a multiple of 1% (the firmware's resolution), "
        "got 20.5%");
  CHECK(first_line("radio: {tx_power: 14.5dBm}\n") ==
        "s.yaml:4:19: error: radio.tx_power: expected a multiple of 1dBm (the firmware's resolution), got 14.5dBm");
  CHECK(first_line("radio: {preamble_symbols: 300}\n") ==
        "s.yaml:4:27: error: radio.preamble_symbols: expected an integer from 6 to 255, got 300");
  // Rules between keys: reported at the key that breaks them, file or --set.
  CHECK(first_line("fleet: {firmware: {report_interval: 10s}}\n") ==
        "s.yaml:4:37: error: fleet.firmware.report_interval: must not be shorter than report_jitter, got 10s");
  CHECK(first_line("", {"fleet.firmware.alerts.temperature_min=70degC"}) ==
        "--set:1:39: error: fleet.firmware.alerts.temperature_min: must be below temperature_max, got 70degC");
  CHECK(first_line("fleet: {firmware: {battery_saving: {low_below: 10%, critical_below: 20%}}}\n") ==
        "s.yaml:4:69: error: fleet.firmware.battery_saving.critical_below: must not be above low_below, got 20%");
  CHECK(first_line("radio: {bandwidth: 62.5kHz}\n") ==
        "s.yaml:4:20: error: radio.bandwidth: the firmware's LoRa modem takes 125kHz, 250kHz or 500kHz, got 62.5kHz");
  // Names and shapes.
  CHECK(first_line("fleet: {firmware: {policy: adaptive}}\n") ==
        "s.yaml:4:28: error: fleet.firmware.policy: unknown report policy 'adaptive'; accepted: fixed_interval, place_aware");
  CHECK(first_line("fleet: {firmware: {alerts: {enabled: [shock, shock]}}}\n") ==
        "s.yaml:4:46: error: fleet.firmware.alerts.enabled[1]: alert cause 'shock' is listed twice");
  CHECK(first_line("fleet: {firmware: {place: {geofences: [{shape: box, lat: 1, south: 0, west: 0, north: 1, east: 1}]}}}\n") ==
        "s.yaml:4:53: error: fleet.firmware.place.geofences[0].lat: 'lat' does not apply to a box geofence");
  CHECK(first_line("fleet: {firmware: {bearers: {lora: {max_payload: 51B}}}}\n") ==
        "s.yaml:4:37: error: fleet.firmware.bearers.lora: unknown key 'max_payload'; accepted keys in fleet.firmware.bearers.lora: cost");
}

TEST_CASE("every accepted firmware setting passes hw::validate_config unchanged", "[loader][firmware]") {
  // The loader's per-key checks and the firmware's own validation agree: the full scenario's
  // configuration is valid at every SF, with every key away from its default.
  const Scenario s = load_scenario_text(FULL_SCENARIO, "full.yaml");
  for (int sf = 7; sf <= 12; ++sf) {
    const fleet::hw::FirmwareConfig config = firmware_config_for(s, 3, sf);
    CHECK(fleet::hw::validate_config(config) == fleet::hw::ConfigField::NONE);
    CHECK(config.humidity_max_permille == 905);
    CHECK(config.temperature_min_cdeg == -2550);
    CHECK(config.shock_alert_mg == 2500);
    CHECK(config.geofence_count == 2);
    CHECK(config.geofences[1].lat2_e7 == 435'000'000);
    CHECK(config.bearers[2].present);  // the profile has a modem
  }
}
