#pragma once
// Age of information of one device's status at the data centre (docs/sources.md §7).
//
// Δ(t) = t − u(t), u(t) the generation time of the newest update delivered by t. The accumulator keeps
// the area under that sawtooth in closed form, O(1) per delivery: between deliveries at t'_k and t'_{k+1}
// the age rises linearly from t'_k − u to t'_{k+1} − u, a trapezoid.
//
// Observation starts at the first delivery: before it the age is undefined (the device has never been
// heard from), which the caller reports separately. Deliveries must come in delivery-time order; an update
// generated no later than the newest one already delivered (a late retry, a duplicate path) does not
// lower the age and is only counted as stale.
#include <cstdint>

namespace fleet::models {

class AgeOfInformation {
 public:
  // Throws std::invalid_argument if delivered_s < generated_s or delivered_s is earlier than the
  // previous delivery.
  void on_delivery(double generated_s, double delivered_s);

  // (1/T)∫Δ(t)dt over [first delivery, until_s]; until_s must not precede the last delivery (else
  // invalid_argument). NaN before any delivery; the age at the first delivery if until_s equals it.
  double time_average_s(double until_s) const;
  // Mean of the peak ages Δ(t'_k⁻) = t'_k − u(t'_{k−1}) just before each informative delivery after the
  // first. NaN until there is one.
  double peak_mean_s() const;
  double age_s(double now_s) const;  // Δ(now); NaN before the first delivery

  std::uint64_t deliveries() const { return informative_ + stale_; }
  std::uint64_t stale_deliveries() const { return stale_; }
  bool has_delivery() const { return informative_ > 0; }

 private:
  double first_delivery_s_ = 0.0;
  double last_delivery_s_ = 0.0;
  double newest_generated_s_ = 0.0;  // u(t)
  double area_s2_ = 0.0;             // ∫Δ dt from the first to the last delivery, s²
  double peak_sum_s_ = 0.0;
  std::uint64_t informative_ = 0;
  std::uint64_t stale_ = 0;
};

}  // namespace fleet::models
