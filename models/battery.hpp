#pragma once
// Primary-cell battery (domain.md §2 "Li-SOCl2 primary cells", §3 "Battery models").
//
// v1 is the ideal coulomb counter: the cell is empty when the charge drawn plus the charge lost to
// self-discharge reaches the usable capacity. The later models change only *how a draw depletes the
// cell*, so they slot in behind the same interface:
//   - Peukert: draw(I, dt) depletes C_ref·(I/I_ref)^(k−1)·I·dt instead of I·dt;
//   - KiBaM: draw(I, dt) advances the two wells (y1, y2) with the closed form of domain.md §3, empty at
//     y1 = 0 (this is why the primitive takes a current and a duration, not just a charge);
//   - Rakhmatov–Vrudhula: draw(I, dt) appends to the load history, empty at σ(t) ≥ α.
// Whatever the model, charge_drawn_c() stays the plain integral of the current (the accounting that
// the energy ledger must match), and self-discharge stays separate in self_discharged_c().
namespace fleet::models {

inline constexpr double SECONDS_PER_YEAR = 365.25 * 86'400.0;  // Julian year
inline constexpr double COULOMBS_PER_MAH = 3.6;

struct BatteryParams {
  double capacity_c;                      // rated capacity (LS33600: 17 Ah = 61,200 C, domain.md §2)
  double nominal_voltage_v = 3.6;         // [S] Saft LS series
  double usable_fraction = 0.8;           // [A] cut-off, temperature and passivation margin (domain.md §9)
  double self_discharge_per_year = 0.01;  // fraction of capacity_c per year, [S] "< 1 %/yr at +20 °C"
};

// The part of the capacity the device can use: capacity_c · usable_fraction.
double usable_capacity_c(const BatteryParams& params);
// Self-discharge as an equivalent constant current: self_discharge_per_year · capacity_c / year.
double self_discharge_current_a(const BatteryParams& params);

class Battery {
 public:
  // Throws std::invalid_argument unless capacity_c > 0, 0 < usable_fraction ≤ 1, self-discharge ≥ 0.
  explicit Battery(const BatteryParams& params);

  // Load current over a duration (the energy ledger's Interval). Ideal model: exactly draw_charge(I·dt).
  void draw(double current_a, double duration_s);
  // An impulse of charge (a wake-up, an attach): the same in every model.
  void draw_charge(double charge_c);
  // Self-discharge over a span of calendar time, booked apart from the load.
  void age(double duration_s);

  double charge_drawn_c() const { return charge_drawn_c_; }  // exactly the sum of what was drawn
  double self_discharged_c() const { return self_discharged_c_; }
  double energy_drawn_j() const { return charge_drawn_c_ * params_.nominal_voltage_v; }
  // Usable charge left, never negative.
  double remaining_c() const;
  // remaining_c / usable capacity: 1 when new, 0 when depleted (so "5 %" means 5 % of the usable part).
  double state_of_charge() const;
  bool depleted() const;
  // Closed-form query: how long a constant load current (plus self-discharge) takes to empty the cell
  // from its present state; +∞ if nothing drains it. Lets the caller schedule the death of a device
  // instead of polling.
  double time_to_depletion_s(double load_current_a) const;
  const BatteryParams& params() const { return params_; }

 private:
  BatteryParams params_;
  double usable_c_;
  double charge_drawn_c_ = 0.0;
  double self_discharged_c_ = 0.0;
};

// Lifetime of a new cell under a constant mean current. Both drains are linear in time, so the cell is
// empty when (I + I_sd)·t = usable capacity, with I_sd = sd·C / year:
//   t = C·f / (I + sd·C / year)
// (domain.md §9's sanity check: 17 Ah, f = 0.8, 1 %/yr, 3.9 mAh/day → ≈ 8.5 years.)
double projected_lifetime_s(const BatteryParams& params, double mean_current_a);

}  // namespace fleet::models
