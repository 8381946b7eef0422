#include "models/rakhmatov_vrudhula.hpp"

#include <cmath>
#include <cstddef>

namespace fleet::models {

void RvCell::draw(const RvModel& model, double current_a, double duration_s) {
  drawn_c += current_a * duration_s;
  const double beta_sq = model.beta_per_sqrt_s * model.beta_per_sqrt_s;
  const double x = std::exp(-beta_sq * duration_s);
  const double x_sq = x * x;
  double decay = 1.0;  // x^(m²)
  double step = x;     // x^(2m+1) for the m about to be reached
  for (int m = 1; m <= model.terms; ++m) {
    decay *= step;
    step *= x_sq;
    // Below 1e-30 the decay is zero for every practical σ; stopping the products there also keeps them
    // out of subnormal numbers, which are slow.
    if (decay < 1e-30) decay = step = 0.0;
    double& u = unavailable_c[static_cast<std::size_t>(m - 1)];
    const double b = beta_sq * m * m;
    u = u * decay + current_a * (1.0 - decay) / b;
  }
}

void RvCell::draw_charge(const RvModel& model, double charge_c) {
  drawn_c += charge_c;
  for (int m = 0; m < model.terms; ++m) unavailable_c[static_cast<std::size_t>(m)] += charge_c;
}

double RvCell::spent_c(const RvModel& model) const {
  double sum_c = 0.0;
  for (int m = 0; m < model.terms; ++m) sum_c += unavailable_c[static_cast<std::size_t>(m)];
  return drawn_c + 2.0 * sum_c;
}

}  // namespace fleet::models
