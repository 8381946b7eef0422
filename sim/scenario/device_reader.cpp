// Reads the device profile (scenarios/README.md `fleet.profile` and `fleet.device`): a profile file,
// then the scenario's inline keys on top of it, for the MCU, the LoRa radio and its TX current table,
// the GNSS receiver, the LTE-M modem, the sensors and the battery with its depletion model. Separate
// because a profile is its own file (its errors name it) and the hardware's figures are many keys.
#include "sim/scenario/device_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <iterator>
#include <span>
#include <stdexcept>
#include <string_view>
#include <variant>

#include "models/battery_params.hpp"
#include "sim/base/input_file.hpp"
#include "sim/scenario/battery_setup.hpp"
#include "sim/scenario/device_schema.hpp"
#include "sim/scenario/scenario_text_check.hpp"

namespace fleet::sim::loader {
namespace {

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

// The parameters `current` holds when it is a `Model`, else that model's defaults.
template <class Model>
Model parameters_kept(const models::BatteryModel& current) {
  return std::holds_alternative<Model>(current) ? std::get<Model>(current) : Model{};
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
      auto m = parameters_kept<models::PeukertModel>(current);
      const Section p = s.section("peukert", {"exponent", "reference_current"});
      if (auto field = p.find("exponent")) {
        m.exponent = read_quantity(ctx, *field, Dimension::DIMENSIONLESS, Check::ANY);
        if (!(m.exponent >= 1 && m.exponent <= 2)) ctx.fail_value(*field, "expected an exponent from 1 to 2, got " + field->node.Scalar());
      }
      m.reference_current_a = p.quantity("reference_current", Dimension::CURRENT, m.reference_current_a, Check::POSITIVE);
      return m;
    }
    case 2: {
      auto m = parameters_kept<models::KibamModel>(current);
      const Section k = s.section("kibam", {"available_fraction", "rate_constant_per_s"});
      if (auto field = k.find("available_fraction")) {
        m.available_fraction = read_quantity(ctx, *field, Dimension::FRACTION, Check::PROPER_FRACTION);
        if (!(m.available_fraction > 0)) ctx.fail_value(*field, "must be greater than 0 and below 1 (100%), got " + field->node.Scalar());
      }
      m.rate_constant_per_s = k.quantity("rate_constant_per_s", Dimension::DIMENSIONLESS, m.rate_constant_per_s, Check::POSITIVE);
      return m;
    }
    case 3: {
      auto m = parameters_kept<models::RvModel>(current);
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
  check_yaml_text(text, path.string(), "device profile");
  const Context profile_ctx(path.string(), text, {});
  const YAML::Node root = parse_yaml(profile_ctx, text);
  return read_device(profile_ctx, Section(profile_ctx, profile_ctx.root(root), DEVICE_KEYS), DeviceSpec{});
}

}  // namespace

// The profile first (or the built-in defaults), then fleet.device on top of it.
DeviceSpec read_fleet_device(const Context& ctx, const Section& fleet) {
  return read_device(ctx, fleet.section("device", DEVICE_KEYS), read_profile_file(ctx, fleet));
}

}  // namespace fleet::sim::loader
