#include "models/battery.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace fleet::models {
namespace {

void check_params(const BatteryParams& p) {
  if (!(p.capacity_c > 0.0) || !std::isfinite(p.capacity_c)) {
    throw std::invalid_argument("Battery: capacity_c must be positive and finite");
  }
  if (!(p.usable_fraction > 0.0 && p.usable_fraction <= 1.0)) {
    throw std::invalid_argument("Battery: usable_fraction must be in (0, 1]");
  }
  if (!(p.self_discharge_per_year >= 0.0)) {
    throw std::invalid_argument("Battery: self_discharge_per_year must be non-negative");
  }
}

void check_non_negative(double value, const char* what) {
  if (!(value >= 0.0) || !std::isfinite(value)) throw std::invalid_argument(what);
}

}  // namespace

double usable_capacity_c(const BatteryParams& params) {
  return params.capacity_c * params.usable_fraction;
}

double self_discharge_current_a(const BatteryParams& params) {
  return params.self_discharge_per_year * params.capacity_c / SECONDS_PER_YEAR;
}

Battery::Battery(const BatteryParams& params) : params_(params), usable_c_(usable_capacity_c(params)) {
  check_params(params);
}

void Battery::draw(double current_a, double duration_s) {
  check_non_negative(current_a, "Battery: current must be finite and non-negative (a primary cell)");
  check_non_negative(duration_s, "Battery: duration must be finite and non-negative");
  charge_drawn_c_ += current_a * duration_s;
}

void Battery::draw_charge(double charge_c) {
  check_non_negative(charge_c, "Battery: charge must be finite and non-negative");
  charge_drawn_c_ += charge_c;
}

void Battery::age(double duration_s) {
  check_non_negative(duration_s, "Battery: duration must be finite and non-negative");
  self_discharged_c_ += self_discharge_current_a(params_) * duration_s;
}

double Battery::remaining_c() const {
  return std::max(0.0, usable_c_ - charge_drawn_c_ - self_discharged_c_);
}

double Battery::state_of_charge() const {
  return remaining_c() / usable_c_;
}

bool Battery::depleted() const {
  return charge_drawn_c_ + self_discharged_c_ >= usable_c_;
}

double Battery::time_to_depletion_s(double load_current_a) const {
  const double drain_a = load_current_a + self_discharge_current_a(params_);
  if (!(drain_a > 0.0)) return std::numeric_limits<double>::infinity();
  return remaining_c() / drain_a;
}

double projected_lifetime_s(const BatteryParams& params, double mean_current_a) {
  return Battery(params).time_to_depletion_s(mean_current_a);
}

}  // namespace fleet::models
