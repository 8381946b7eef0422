#include "models/battery_params.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

namespace fleet::models {
namespace {

[[noreturn]] void reject(const std::string& field, const char* range, double value) {
  std::ostringstream message;
  message << "battery." << field << " must be " << range << ", got " << value;
  throw std::invalid_argument(message.str());
}

void require(bool ok, const std::string& field, const char* range, double value) {
  if (!ok || !std::isfinite(value)) reject(field, range, value);
}

void validate_model(const IdealModel&) {}

void validate_model(const PeukertModel& m) {
  require(m.exponent >= 1.0 && m.exponent <= 2.0, "peukert.exponent", "in [1, 2]", m.exponent);
  require(m.reference_current_a > 0.0, "peukert.reference_current", "> 0 A", m.reference_current_a);
}

void validate_model(const KibamModel& m) {
  require(m.available_fraction > 0.0 && m.available_fraction < 1.0, "kibam.available_fraction", "in (0, 1)",
          m.available_fraction);
  require(m.rate_constant_per_s > 0.0, "kibam.rate_constant", "> 0 /s", m.rate_constant_per_s);
}

void validate_model(const RvModel& m) {
  require(m.beta_per_sqrt_s > 0.0, "rakhmatov_vrudhula.beta", "> 0 s^-1/2", m.beta_per_sqrt_s);
  require(m.terms >= 1 && m.terms <= RV_MAX_TERMS, "rakhmatov_vrudhula.terms", "in 1..10",
          static_cast<double>(m.terms));
}

void validate_voltage(const CellVoltageParams& v) {
  const PiecewiseLinear& ocv = v.open_circuit_v_by_dod;
  require(ocv.size() >= 2 && ocv[0].x == 0.0 && ocv[ocv.size() - 1].x == 1.0,
          "voltage.open_circuit_v_by_dod", "a table from depth of discharge 0 to 1", static_cast<double>(ocv.size()));
  for (std::size_t i = 0; i < ocv.size(); ++i) {
    require(ocv[i].y > 0.0, "voltage.open_circuit_v_by_dod", "> 0 V at every point", ocv[i].y);
  }
  require(v.internal_resistance_ohm >= 0.0, "voltage.internal_resistance", ">= 0 ohm", v.internal_resistance_ohm);
  require(v.cutoff_v > 0.0 && v.cutoff_v < ocv[0].y, "voltage.cutoff", "> 0 V and below the fresh open-circuit voltage",
          v.cutoff_v);
}

void validate_temperature(const TemperatureParams& t) {
  const PiecewiseLinear& derating = t.capacity_factor_by_c;
  require(derating.size() >= 1, "temperature.capacity_factor_by_c", "a non-empty table", 0.0);
  for (std::size_t i = 0; i < derating.size(); ++i) {
    require(derating[i].y > 0.0 && derating[i].y <= 1.0, "temperature.capacity_factor_by_c", "in (0, 1] at every point",
            derating[i].y);
  }
  require(t.min_operating_c < t.max_operating_c, "temperature.min_operating", "below max_operating", t.min_operating_c);
}

void validate_passivation(const PassivationParams& p) {
  if (!p.enabled) return;
  require(p.film_resistance_ohm >= 0.0, "passivation.film_resistance", ">= 0 ohm", p.film_resistance_ohm);
  require(p.clear_time_s > 0.0, "passivation.clear_time", "> 0 s", p.clear_time_s);
  require(p.build_time_s > 0.0, "passivation.build_time", "> 0 s", p.build_time_s);
  require(p.rest_current_a >= 0.0, "passivation.rest_current", ">= 0 A", p.rest_current_a);
}

}  // namespace

void validate_battery_params(const BatteryParams& p) {
  require(p.capacity_c > 0.0, "capacity", "> 0 C", p.capacity_c);
  require(p.nominal_voltage_v > 0.0, "nominal_voltage", "> 0 V", p.nominal_voltage_v);
  require(p.usable_fraction > 0.0 && p.usable_fraction <= 1.0, "usable_fraction", "in (0, 1]", p.usable_fraction);
  require(p.self_discharge_per_year >= 0.0 && p.self_discharge_per_year < 1.0, "self_discharge_per_year", "in [0, 1)",
          p.self_discharge_per_year);
  std::visit([](const auto& model) { validate_model(model); }, p.model);
  validate_voltage(p.voltage);
  validate_temperature(p.temperature);
  validate_passivation(p.passivation);
}

double usable_capacity_c(const BatteryParams& params) {
  return params.capacity_c * params.usable_fraction;
}

double self_discharge_current_a(const BatteryParams& params) {
  return params.self_discharge_per_year * params.capacity_c / SECONDS_PER_YEAR;
}

}  // namespace fleet::models
