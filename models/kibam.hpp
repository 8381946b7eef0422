#pragma once
// Kinetic battery model (Manwell & McGowan 1993, in the notation of Jongerden & Haverkort 2009;
// docs/sources.md §3). Two wells: y1 available charge (height h1 = y1/c), y2 bound charge (h2 = y2/(1−c)),
//   dy1/dt = −I + k·(h2 − h1),   dy2/dt = −k·(h2 − h1),
// full at y1 = c·C, y2 = (1−c)·C, empty when y1 = 0.
//
// The state is kept as the charge *missing* from each well, d = y_full − y. The full state is an
// equilibrium of the unloaded system, so d obeys the same linear ODE started at zero, and the cell needs
// no capacity to advance: spent_c = d1/c = C − h1, empty when it reaches C. Over a constant-current
// interval of length t the closed form of docs/sources.md §3 is, with k' = k/(c(1−c)) and e = exp(−k't),
//   d(t) = A·d(0) + I·w,
//   A = [[e + c(1−e), c(1−e)], [(1−c)(1−e), e + (1−c)(1−e)]],
//   w = [(1−e)/k' + c·(k't − 1 + e)/k',  (1−c)·(k't − 1 + e)/k'],
// (A's columns sum to 1 and w1 + w2 = t: the wells together lose exactly I·t). O(1) per interval.
//
// Within a constant-current interval h2 − h1 moves monotonically towards I/(c·k'), so dy1/dt changes sign
// at most once, from + (recovery) to −: y1's minimum over an interval is at one of its ends, and checking
// emptiness at the end of every interval is exact.
#include <Eigen/Core>

namespace fleet::models {

struct KibamModel {
  // c, dimensionless, valid range (0, 1). [S] 0.625, the value used in Newton1026/BatteryProject
  // (Octave/kibam.m, "as described in Jongerden & Haverkort"); not fitted to any Li-SOCl2 cell.
  double available_fraction = 0.625;
  // k in 1/s, > 0. [S] 4.5e-5 ("original value" there; docs/sources.md §9 `k_per_s`); not cell-specific.
  double rate_constant_per_s = 4.5e-5;
  bool operator==(const KibamModel&) const = default;
};

struct KibamCell {
  using Params = KibamModel;
  // Unaligned: 16-byte alignment would pad every device's battery by 16 bytes for no measurable gain.
  using Vector = Eigen::Matrix<double, 2, 1, Eigen::DontAlign>;
  Vector deficit_c = Vector::Zero();  // (c·C − y1, (1−c)·C − y2)

  void draw(const KibamModel& model, double current_a, double duration_s);
  // An impulse leaves from the available well (too short for any charge to flow between the wells).
  void draw_charge(const KibamModel&, double charge_c) { deficit_c[0] += charge_c; }
  // Self-discharge lowers both wells by the same height: it moves no charge from one well to the other.
  void lose_charge(const KibamModel& model, double charge_c);
  double spent_c(const KibamModel& model) const { return deficit_c[0] / model.available_fraction; }
  // An upper bound on how fast spent_c can grow at a current: all of it from the available well,
  // none flowing back in (the flow from the bound well only ever slows it).
  double max_spend_rate_a(const KibamModel& model, double current_a) const { return current_a / model.available_fraction; }
};

}  // namespace fleet::models
