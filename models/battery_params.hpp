#pragma once
// Everything a device profile says about its battery (docs/sources.md §2 "Li-SOCl2 primary cells", §3 "Battery
// models", §9 defaults). SI units throughout; each field gives its unit, its valid range (checked by
// validate_battery_params) and where its default comes from: [S] sourced, [C] computed, [A] assumption,
// [U] unverified, as in docs/sources.md.
//
// YAML shape the loader maps onto this (field names as below, quantities with units):
//   battery:
//     capacity: 17Ah            usable_fraction: 0.8      self_discharge_per_year: 0.01
//     model: kibam              # ideal | peukert | kibam | rakhmatov_vrudhula
//     kibam: {available_fraction: 0.625, rate_constant: 4.5e-5/s}
//     voltage: {...}  temperature: {...}  passivation: {...}
#include <variant>

#include "models/cell_voltage.hpp"
#include "models/coulomb_cells.hpp"
#include "models/kibam.hpp"
#include "models/piecewise_linear.hpp"
#include "models/rakhmatov_vrudhula.hpp"

namespace fleet::models {

inline constexpr double SECONDS_PER_YEAR = 365.25 * 86'400.0;  // Julian year
inline constexpr double COULOMBS_PER_MAH = 3.6;
// The temperature at which capacities and self-discharge are rated: +20 °C (Saft LS series, docs/sources.md §2).
inline constexpr double RATING_TEMPERATURE_C = 20.0;

// How a draw depletes the cell. The alternatives are listed in the order of BatteryCell (battery.hpp).
using BatteryModel = std::variant<IdealModel, PeukertModel, KibamModel, RvModel>;

struct TemperatureParams {
  // Usable capacity multiplier against cell temperature in °C; factors in (0, 1], °C strictly increasing.
  // [U] Flat at 1: Li-SOCl2 capacity against temperature was not found (docs/sources.md §10). Give the
  // datasheet's curve here; the factor scales the capacity at which the model calls the cell empty.
  PiecewiseLinear capacity_factor_by_c{{{RATING_TEMPERATURE_C, 1.0}}, "battery.temperature.capacity_factor_by_c"};
  // °C, min < max. [S] −60 to +85 °C (Saft LS series operating range, docs/sources.md §2): outside it the cell
  // is not rated to deliver, so Battery::can_deliver is false.
  double min_operating_c = -60.0;
  double max_operating_c = 85.0;
  bool operator==(const TemperatureParams&) const = default;
};

struct BatteryParams {
  // Rated capacity in C, > 0. [S] LS33600: 17 Ah = 61,200 C at 5 mA to 2.0 V, +20 °C (docs/sources.md §2).
  // The Rakhmatov–Vrudhula model's α and the KiBaM's C are capacity_c · usable_fraction.
  double capacity_c = 17'000 * COULOMBS_PER_MAH;
  // V, > 0: converts charge into energy for the outputs. [S] 3.6 V (Saft LS series).
  double nominal_voltage_v = 3.6;
  // (0, 1]. [A] 0.8: cut-off, temperature and passivation margin (docs/sources.md §9).
  double usable_fraction = 0.8;
  // Fraction of capacity_c lost per year at +20 °C, [0, 1). [S] "less than 1 % after 1 year of storage at
  // +20 °C" (Saft LS 26500), 0.01 as an upper bound.
  double self_discharge_per_year = 0.01;
  BatteryModel model = IdealModel{};
  CellVoltageParams voltage{};
  TemperatureParams temperature{};
  PassivationParams passivation{};
  bool operator==(const BatteryParams&) const = default;
};

// Throws std::invalid_argument naming the offending field (as in the YAML, e.g. "battery.kibam.
// available_fraction must be in (0, 1), got 1.2") when a value is outside the range documented above.
void validate_battery_params(const BatteryParams& params);

// The part of the capacity the device can use at +20 °C: capacity_c · usable_fraction.
double usable_capacity_c(const BatteryParams& params);
// Self-discharge as an equivalent constant current: self_discharge_per_year · capacity_c / year.
double self_discharge_current_a(const BatteryParams& params);

}  // namespace fleet::models
