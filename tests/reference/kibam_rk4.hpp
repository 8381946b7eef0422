#pragma once
// A reference for the KiBaM closed form: the two ODEs of docs/sources.md §3 integrated with classical RK4 in
// the wells' own variables (y1, y2), written independently of models/kibam.cpp.
#include <array>
#include <cmath>

namespace fleet::reference {

struct KibamOde {
  double c;         // available fraction
  double k_per_s;   // rate constant
};

using Wells = std::array<double, 2>;  // y1 (available), y2 (bound), in C

inline Wells kibam_derivative(const KibamOde& m, const Wells& y, double current_a) {
  const double flow_a = m.k_per_s * (y[1] / (1.0 - m.c) - y[0] / m.c);  // k·(h2 − h1)
  return {-current_a + flow_a, -flow_a};
}

inline Wells rk4_step(const KibamOde& m, const Wells& y, double current_a, double h_s) {
  const auto at = [&](const Wells& base, const Wells& slope, double f) {
    return Wells{base[0] + f * slope[0], base[1] + f * slope[1]};
  };
  const Wells k1 = kibam_derivative(m, y, current_a);
  const Wells k2 = kibam_derivative(m, at(y, k1, h_s / 2), current_a);
  const Wells k3 = kibam_derivative(m, at(y, k2, h_s / 2), current_a);
  const Wells k4 = kibam_derivative(m, at(y, k3, h_s), current_a);
  return {y[0] + h_s / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]),
          y[1] + h_s / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1])};
}

// Integrates a constant current over `duration_s` in steps no longer than `max_step_s`.
inline Wells rk4_integrate(const KibamOde& m, Wells y, double current_a, double duration_s, double max_step_s) {
  const int steps = static_cast<int>(std::ceil(duration_s / max_step_s));
  for (int i = 0; i < steps; ++i) y = rk4_step(m, y, current_a, duration_s / steps);
  return y;
}

}  // namespace fleet::reference
