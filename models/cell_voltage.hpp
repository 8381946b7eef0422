#pragma once
// Terminal voltage of a Li-SOCl2 cell (docs/sources.md §2): open-circuit voltage against depth of discharge,
// the drop across the internal resistance under load, the cut-off, and the optional passivation film
// that dips the voltage on the first load after a long rest.
//
//   V(I) = OCV(DoD) − I·(R_internal + film·R_film)
//
// DoD is the fraction of the cell's usable capacity spent (1 − Battery::state_of_charge()), so the knee
// of the curve sits at the end of the usable capacity, whatever the depletion model.
#include "models/piecewise_linear.hpp"

namespace fleet::models {

struct CellVoltageParams {
  // OCV in V against DoD in [0, 1]; x strictly increasing from 0 to 1, voltages > 0.
  // [S] 3.67 V fresh at +20 °C (Saft LS series, Tadiran LTC; docs/sources.md §2) and the 2.0 V end point to
  // which the capacity is rated. [A] The shape between: the flat plateau of bobbin Li-SOCl2 cells,
  // within 0.1 V of 3.67 V to 90 % DoD, then a steep knee (Saft's discharge curves, not retrieved).
  PiecewiseLinear open_circuit_v_by_dod{
      {{0.0, 3.67}, {0.90, 3.62}, {0.97, 3.45}, {1.0, 2.0}}, "battery.voltage.open_circuit_v_by_dod"};
  // R in Ω, ≥ 0. [A] 1.5 Ω. [C] Upper bound 4.2 Ω: the LS33600's rated 400 mA pulse [S] must stay above
  // the 2.0 V cut-off on a fresh cell, (3.67 − 2.0)/0.4.
  double internal_resistance_ohm = 1.5;
  // V, > 0 and below the fresh OCV. [S] 2.0 V, the end voltage of the capacity rating (docs/sources.md §2).
  double cutoff_v = 2.0;
  bool operator==(const CellVoltageParams&) const = default;
};

// The LiCl film (docs/sources.md §2 "Passivation / voltage delay"): it grows while the cell rests and is broken
// down by load current, so the voltage dips at the start of the first pulse after storage and recovers
// within seconds. Modelled as a series resistance film·R_film with film ∈ [0, 1]:
//   at rest (I ≤ rest_current_a):  film ← 1 − (1 − film)·e^{−dt/build_time_s}
//   under load:                    film ← film·e^{−dt/clear_time_s}
// closed forms per constant-current interval, O(1).
struct PassivationParams {
  bool enabled = false;
  // R_film in Ω, ≥ 0. [A] 20 Ω: a 50 mA pulse on a fully passivated cell dips by 1 V.
  double film_resistance_ohm = 20.0;
  // s, > 0. [A] 5 s (docs/sources.md §9 `voltage_delay_s`; the voltage recovers over 3–10 s, docs/sources.md §2).
  double clear_time_s = 5.0;
  // s, > 0. [A] 30 days: the film grows over weeks to years of storage (docs/sources.md §2).
  double build_time_s = 30.0 * 86'400.0;
  // A, ≥ 0. [A] 100 µA: a sleeping tracker (µA) lets the film grow; a radio or GNSS (mA) clears it.
  double rest_current_a = 100e-6;
  bool operator==(const PassivationParams&) const = default;
};

// The film state after a constant current over an interval (unchanged when passivation is disabled).
double next_film_fraction(const PassivationParams& params, double film_fraction, double current_a,
                          double duration_s);

// V(I) as above; `film_fraction` is ignored when passivation is disabled.
double terminal_voltage_v(const CellVoltageParams& voltage, const PassivationParams& passivation,
                          double depth_of_discharge, double film_fraction, double current_a);

}  // namespace fleet::models
