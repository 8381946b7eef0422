#pragma once
// The two battery models whose depletion is a running sum (docs/sources.md §3): the ideal coulomb counter and
// Peukert's law. Both are linear in time at constant current, so their lifetime has a closed form; the
// Battery uses spend_rate_a() for it.
//
// Every cell model in fleetsim (these two, KibamCell, RvCell) exposes the same four members and nothing
// else, so the Battery treats them alike:
//   draw(params, current_a, duration_s)  constant current over an interval, O(1) whatever the duration;
//   draw_charge(params, charge_c)        an impulse (a wake-up, a network attach);
//   lose_charge(params, charge_c)        self-discharge: charge gone with no rate effect;
//   spent_c(params)                      how far the cell is from full, in coulombs of rated capacity: it
//                                        is empty when spent_c reaches its capacity.
namespace fleet::models {

// Ideal coulomb counter: spent = ∫ I dt. No parameters.
struct IdealModel {
  bool operator==(const IdealModel&) const = default;
};

// Peukert's law, t = H·(C/(I·H))^k (docs/sources.md §2 "Li-SOCl2 primary cells"), with the rated current
// I_ref = C/H as the reference at which t·I = C. Per interval the cell spends I·dt·(I/I_ref)^(k−1), which
// at constant I empties capacity C at exactly t = H·(C/(I·H))^k.
// Below I_ref the factor is 1, not (I/I_ref)^(k−1) < 1: the rating is already a low-rate figure, and the
// law extrapolated to µA sleep currents would promise charge the cell does not hold.
struct PeukertModel {
  // k, dimensionless, valid range [1, 2]. [U] No sourced value for Li-SOCl2 (docs/sources.md §10): the profile
  // must give one; the default 1 is the ideal cell.
  double exponent = 1.0;
  // I_ref in A, > 0. [S] 5 mA for the LS33600 (17 Ah @ 5 mA, docs/sources.md §2).
  double reference_current_a = 5e-3;
  bool operator==(const PeukertModel&) const = default;
};

// The Peukert multiplier max(1, (I/I_ref)^(k−1)).
double peukert_rate_factor(const PeukertModel& model, double current_a);

struct IdealCell {
  using Params = IdealModel;
  double spent_charge_c = 0.0;

  void draw(const IdealModel&, double current_a, double duration_s) { spent_charge_c += current_a * duration_s; }
  void draw_charge(const IdealModel&, double charge_c) { spent_charge_c += charge_c; }
  void lose_charge(const IdealModel&, double charge_c) { spent_charge_c += charge_c; }
  double spent_c(const IdealModel&) const { return spent_charge_c; }
  double spend_rate_a(const IdealModel&, double current_a) const { return current_a; }
};

struct PeukertCell {
  using Params = PeukertModel;
  double spent_charge_c = 0.0;

  void draw(const PeukertModel& model, double current_a, double duration_s) {
    spent_charge_c += spend_rate_a(model, current_a) * duration_s;
  }
  // An impulse has no duration, hence no rate: it counts at face value.
  void draw_charge(const PeukertModel&, double charge_c) { spent_charge_c += charge_c; }
  void lose_charge(const PeukertModel&, double charge_c) { spent_charge_c += charge_c; }
  double spent_c(const PeukertModel&) const { return spent_charge_c; }
  double spend_rate_a(const PeukertModel& model, double current_a) const {
    return current_a * peukert_rate_factor(model, current_a);
  }
};

}  // namespace fleet::models
