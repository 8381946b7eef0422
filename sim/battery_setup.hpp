#pragma once
// From the scenario's battery spec to the battery model's parameters.
#include "models/battery.hpp"
#include "sim/scenario.hpp"

namespace fleet::sim {

inline models::BatteryParams battery_params(const BatterySpec& spec) {
  models::BatteryParams params;
  params.capacity_c = spec.capacity_c;
  params.nominal_voltage_v = spec.nominal_voltage_v;
  params.usable_fraction = spec.usable_fraction;
  params.self_discharge_per_year = spec.self_discharge_per_year;
  return params;
}

}  // namespace fleet::sim
