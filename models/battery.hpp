#pragma once
// A device's primary cell (docs/sources.md §2, §3): one depletion model chosen by the profile (ideal coulomb
// counter, Peukert, KiBaM, Rakhmatov–Vrudhula), self-discharge, temperature derating, and the Li-SOCl2
// terminal voltage with its cut-off and optional passivation delay.
//
// The simulator feeds it what the energy ledger closes: draw(I, dt) per constant-current interval, O(1)
// whatever dt (no stepping; KiBaM and RV advance by their closed forms), draw_charge(q) for impulses,
// age(dt) for calendar time. A value type: the model is a std::variant, dispatched without virtual calls,
// and the parameters are shared by every device of a profile. sizeof(Battery) is 152 bytes (g++ 12,
// x86-64; tests/unit/models/test_battery.cpp checks the bound).
//
// Whatever the model, charge_drawn_c() stays the plain integral of the current (the accounting that the
// energy ledger must match) and self-discharge stays apart in self_discharged_c(). The model only decides
// *when the cell is empty*: each model measures its "spent" charge (ideal: ∫I dt; Peukert: ∫I·(I/I_ref)^(k−1)
// dt; KiBaM: C − h1; RV: σ) plus the self-discharge, and the cell is empty when that reaches the usable
// capacity times the temperature derating factor.
#include <memory>
#include <variant>

#include "models/battery_params.hpp"

namespace fleet::models {

// Per-model state, in the order of BatteryModel's alternatives.
using BatteryCell = std::variant<IdealCell, PeukertCell, KibamCell, RvCell>;

class Battery {
 public:
  // Both validate the parameters (validate_battery_params throws std::invalid_argument). The first copies
  // them; the second shares one parameter set among the devices of a profile.
  explicit Battery(const BatteryParams& params);
  explicit Battery(std::shared_ptr<const BatteryParams> params);

  // Load current over a duration (the energy ledger's Interval). Negative or non-finite values throw.
  void draw(double current_a, double duration_s);
  // An impulse of charge (a wake-up, an attach): rate-free in every model.
  void draw_charge(double charge_c);
  // Self-discharge over a span of calendar time, booked apart from the load.
  void age(double duration_s);
  // The cell's temperature from now on (the derating and the operating range use it); +20 °C when new.
  void set_temperature_c(double temperature_c);

  double charge_drawn_c() const { return charge_drawn_c_; }  // exactly the sum of what was drawn
  double self_discharged_c() const { return self_discharged_c_; }
  double energy_drawn_j() const { return charge_drawn_c_ * params_->nominal_voltage_v; }
  double temperature_c() const { return temperature_c_; }
  // Usable capacity at the present temperature: capacity_c · usable_fraction · derating(T).
  double capacity_threshold_c() const { return threshold_c_; }
  // The model's spent charge plus self-discharge (see above); the cell is empty when it reaches the
  // capacity threshold.
  double spent_c() const;
  // Charge the model lets the device draw before it is empty, never negative: threshold − spent.
  double remaining_c() const;
  // remaining_c / capacity_threshold_c: 1 when new, 0 exactly when depleted() (KiBaM: the available
  // well's height; RV: 1 − σ/α, as ns-3's battery level).
  double state_of_charge() const;
  bool depleted() const;

  // Open-circuit and loaded terminal voltage at the present depth of discharge (cell_voltage.hpp).
  double open_circuit_voltage_v() const;
  double voltage_under_load_v(double current_a) const;
  // False when depleted, outside the operating temperature range, or when the loaded voltage would fall
  // below the cut-off: the device browns out.
  bool can_deliver(double current_a) const;
  double film_fraction() const { return film_fraction_; }

  // How long a constant load current (plus self-discharge, at the present temperature) takes to empty the
  // cell from its present state; +∞ if nothing drains it. Closed form for the ideal and Peukert models;
  // KiBaM and RV solve spent(t) = threshold by bracketing and bisection on their closed forms (relative
  // precision 1e-12). Lets the caller schedule the death of a device instead of polling.
  double time_to_depletion_s(double load_current_a) const;
  // A cheap lower bound on time_to_depletion_s (exact for the ideal and Peukert models): lets a caller
  // skip the root finding of KiBaM and RV when the cell cannot empty within its horizon anyway.
  double depletion_lower_bound_s(double load_current_a) const;
  const BatteryParams& params() const { return *params_; }

 private:
  template <class Visitor>
  decltype(auto) visit_cell(Visitor&& visitor);
  template <class Visitor>
  decltype(auto) visit_cell(Visitor&& visitor) const;
  template <class Answer>
  double until_empty(double load_current_a, Answer&& answer) const;

  std::shared_ptr<const BatteryParams> params_;
  BatteryCell cell_;
  double threshold_c_ = 0.0;  // capacity_threshold_c(), updated with the temperature
  double temperature_c_ = RATING_TEMPERATURE_C;
  double charge_drawn_c_ = 0.0;
  double self_discharged_c_ = 0.0;
  double film_fraction_ = 1.0;  // a new cell has been stored: its film is fully grown
};

// Lifetime of a new cell under a constant mean current at a constant temperature (the projection: a
// window's mean current extrapolated with the chosen model). Ideal model: t = C·f / (I + sd·C / year)
// (docs/sources.md §9's sanity check: 17 Ah, f = 0.8, 1 %/yr, 3.9 mAh/day → ≈ 8.5 years).
double projected_lifetime_s(const BatteryParams& params, double mean_current_a,
                            double temperature_c = RATING_TEMPERATURE_C);

// A device's battery life extrapolated from a simulated window of `window_s` that started with a new
// cell (so a 7-day run can say "4.2 years"):
//   ideal, Peukert: the window's spend rate continues, life = window · threshold / spent. Peukert's rate
//     factor for the window's pulses is in `spent`, which a mean current would hide.
//   KiBaM, RV: a new cell's closed-form lifetime under the window's mean load current (charge drawn /
//     window) plus self-discharge. Their rate effect at a tracker's µA mean load is a bounded transient
//     (charge not yet diffused), which the first form would extrapolate as if it grew with time.
// +∞ when nothing was spent. The temperature is the battery's present one.
double projected_lifetime_s(const Battery& battery, double window_s);

}  // namespace fleet::models
