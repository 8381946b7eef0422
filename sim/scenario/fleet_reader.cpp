// Reads the rest of the fleet (scenarios/README.md `fleet`): the number of containers, the firmware's
// settings (fleet.firmware: intervals, policies, battery saving, alerts, geofences, bearers) with the
// firmware's own last check of the whole configuration, and the environment's events. Separate from
// the device reader: these are what the firmware is told, not what the hardware is.
#include "sim/scenario/fleet_reader.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "hw/firmware_config.hpp"
#include "sim/scenario/device_reader.hpp"
#include "sim/scenario/firmware_fields.hpp"
#include "sim/scenario/firmware_setup.hpp"

namespace fleet::sim::loader {
namespace {

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

}  // namespace

FleetSpec read_fleet(const Context& ctx, const Section& top) {
  FleetSpec fleet;
  const Section s = top.section("fleet", {"containers", "profile", "device", "firmware", "environment"});
  fleet.containers = static_cast<std::uint32_t>(s.integer("containers", 1, 1'000'000, fleet.containers));
  fleet.device = read_fleet_device(ctx, s);
  fleet.firmware = read_firmware(ctx, s);
  fleet.environment = read_environment(s);
  return fleet;
}

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
      const Field field = locate(ctx, root, rule.key);
      if (field.path == rule.key) ctx.fail_value(field, std::string(rule.message) + ", got " + describe(field.node));
    }
    // Not expected (each key was checked as it was read): report the firmware's own field name.
    const std::string key = first ? std::string(first->key) : "fleet.firmware";
    const std::string message = first ? std::string(first->message) + " (with its default value)"
                                      : std::string("the firmware refuses its ") + hw::config_field_name(bad) + " setting";
    ctx.fail(locate(ctx, root, key).key_spot, key, message);
  }
}

}  // namespace fleet::sim::loader
