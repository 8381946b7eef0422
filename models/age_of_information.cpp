#include "models/age_of_information.hpp"

#include <limits>
#include <stdexcept>

namespace fleet::models {
namespace {

constexpr double NOT_A_NUMBER = std::numeric_limits<double>::quiet_NaN();

// ∫ from a to b of (t − u) dt: the trapezoid under the age ramp.
double ramp_area(double from_s, double to_s, double generated_s) {
  return (to_s - from_s) * 0.5 * ((from_s - generated_s) + (to_s - generated_s));
}

}  // namespace

void AgeOfInformation::on_delivery(double generated_s, double delivered_s) {
  if (!(delivered_s >= generated_s)) throw std::invalid_argument("AoI: delivered before generated");
  if (has_delivery() && delivered_s < last_delivery_s_) {
    throw std::invalid_argument("AoI: deliveries must come in delivery-time order");
  }
  if (!has_delivery()) {
    first_delivery_s_ = last_delivery_s_ = delivered_s;
    newest_generated_s_ = generated_s;
    ++informative_;
    return;
  }
  if (generated_s <= newest_generated_s_) {
    ++stale_;  // older news: the age keeps growing
    return;
  }
  area_s2_ += ramp_area(last_delivery_s_, delivered_s, newest_generated_s_);
  peak_sum_s_ += delivered_s - newest_generated_s_;
  last_delivery_s_ = delivered_s;
  newest_generated_s_ = generated_s;
  ++informative_;
}

double AgeOfInformation::time_average_s(double until_s) const {
  if (!has_delivery()) return NOT_A_NUMBER;
  if (until_s < last_delivery_s_) throw std::invalid_argument("AoI: averaging window ends before a delivery");
  const double span_s = until_s - first_delivery_s_;
  if (span_s == 0.0) return last_delivery_s_ - newest_generated_s_;
  return (area_s2_ + ramp_area(last_delivery_s_, until_s, newest_generated_s_)) / span_s;
}

double AgeOfInformation::peak_mean_s() const {
  return informative_ < 2 ? NOT_A_NUMBER : peak_sum_s_ / static_cast<double>(informative_ - 1);
}

double AgeOfInformation::age_s(double now_s) const {
  return has_delivery() ? now_s - newest_generated_s_ : NOT_A_NUMBER;
}

}  // namespace fleet::models
