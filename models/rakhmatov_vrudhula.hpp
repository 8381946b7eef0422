#pragma once
// Rakhmatov–Vrudhula diffusion model (docs/sources.md §3; as in ns-3 src/energy/model/rv-battery-model.cc):
//   σ(t) = Σ_k I_k·[(s_k − s_{k−1}) + 2·Σ_{m=1..M} (e^{−β²m²(t−s_k)} − e^{−β²m²(t−s_{k−1})}) / (β²m²)],
// the cell is empty when σ(t) ≥ α (α is the capacity: the Battery's usable capacity in coulombs).
//
// History is not kept. Split σ = l + 2·Σ_m u_m with l = Σ I_k·Δ_k (charge drawn) and
//   u_m(t) = Σ_k I_k·(e^{−b_m(t−s_k)} − e^{−b_m(t−s_{k−1})}) / b_m,   b_m = β²m²
// (the charge not yet available, per diffusion mode). Every past interval's term decays by e^{−b_m·Δ}
// when time moves on by Δ, and a new interval at current I adds I·(1 − e^{−b_m·Δ})/b_m, so
//   u_m ← u_m·e^{−b_m·Δ} + I·(1 − e^{−b_m·Δ})/b_m
// is the closed-form sum over all past intervals, exactly, in M numbers: O(M) per interval, whatever the
// number of intervals or their lengths. No cap, no merging of old intervals, no approximation beyond the
// truncation at M terms that the model itself makes. e^{−b_m·Δ} = x^{m²} with x = e^{−β²Δ}, built by
// products (x^{(m+1)²} = x^{m²}·x^{2m+1}): one exp per interval.
//
// Emptiness is checked at the end of each interval. Within an interval σ rises monotonically unless the
// current is below the recent history's (then σ first falls: recovery). An interior maximum needs a long
// heavy load, then rest, then a medium load; a tracker that sleeps between short pulses never makes one.
#include <array>

namespace fleet::models {

// Number of series terms M kept per cell. [S] ns-3 uses 10, "value used in paper" (docs/sources.md §3). The
// m-th mode relaxes as e^{−β²m²t}: with the Itsy β, mode 10 is gone in 2.5 s (e^{−100·β²·t} < 1e-3), so
// more terms change σ only during the first seconds after a load change.
inline constexpr int RV_MAX_TERMS = 10;

struct RvModel {
  // β in s^(−1/2), > 0. [S] ns-3's default (Itsy pocket computer's Li-ion cell) is 0.637 min^(−1/2)
  // = 0.637/√60 s^(−1/2); it is not a Li-SOCl2 figure (docs/sources.md §9).
  double beta_per_sqrt_s = 0.637 / 7.745966692414834;  // √60 = 7.7459666924148338
  // M, 1..RV_MAX_TERMS. [S] 10 (ns-3, "value used in paper").
  int terms = RV_MAX_TERMS;
  bool operator==(const RvModel&) const = default;
};

// α in the paper's units → coulombs: 1 mA·min = 1e-3 A · 60 s = 0.06 C. ns-3's Itsy α = 35220 mA·min.
inline constexpr double COULOMBS_PER_MA_MIN = 0.06;

struct RvCell {
  using Params = RvModel;
  double drawn_c = 0.0;                                // l: every coulomb drawn or lost
  std::array<double, RV_MAX_TERMS> unavailable_c{};    // u_m, m = 1..M

  void draw(const RvModel& model, double current_a, double duration_s);
  // An impulse is the limit of a short interval: l and every u_m grow by the charge.
  void draw_charge(const RvModel& model, double charge_c);
  // Self-discharge reaches no electrode surface through the electrolyte: it adds to l only.
  void lose_charge(const RvModel&, double charge_c) { drawn_c += charge_c; }
  // σ = l + 2·Σ u_m.
  double spent_c(const RvModel& model) const;
  // An upper bound on how fast σ can grow at a current: dl/dt = I and du_m/dt = I − b_m·u_m ≤ I.
  double max_spend_rate_a(const RvModel& model, double current_a) const { return current_a * (1 + 2 * model.terms); }
};

}  // namespace fleet::models
