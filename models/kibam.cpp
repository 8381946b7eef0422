#include "models/kibam.hpp"

#include <cmath>

#include <Eigen/Dense>

namespace fleet::models {
namespace {

// x − 1 + e^(−x) without cancellation for small x (ms pulses: k't ≈ 1e-5): its Taylor series there,
// truncated after x⁴/24 (next term x⁵/120, relative error below x³/60 < 2e-14 for x < 1e-4).
double ramp_term(double x, double one_minus_e) {
  if (x < 1e-4) return x * x * (0.5 - x * (1.0 / 6.0 - x / 24.0));
  return x - one_minus_e;
}

}  // namespace

void KibamCell::draw(const KibamModel& model, double current_a, double duration_s) {
  const double c = model.available_fraction;
  const double k_prime = model.rate_constant_per_s / (c * (1.0 - c));
  const double x = k_prime * duration_s;
  const double e = std::exp(-x);
  const double one_minus_e = -std::expm1(-x);
  const double ramp = ramp_term(x, one_minus_e);
  Eigen::Matrix2d transition;
  transition << e + c * one_minus_e, c * one_minus_e,
                (1.0 - c) * one_minus_e, e + (1.0 - c) * one_minus_e;
  const Vector load_response((one_minus_e + c * ramp) / k_prime, (1.0 - c) * ramp / k_prime);
  deficit_c = transition * deficit_c + current_a * load_response;
}

void KibamCell::lose_charge(const KibamModel& model, double charge_c) {
  const double c = model.available_fraction;
  deficit_c += charge_c * Vector(c, 1.0 - c);
}

}  // namespace fleet::models
