#include "models/log_histogram.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace fleet::models {
namespace {

constexpr double NOT_A_NUMBER = std::numeric_limits<double>::quiet_NaN();

}  // namespace

LogHistogram::LogHistogram(double relative_precision, double lowest, double highest)
    : relative_precision_(relative_precision), lowest_(lowest), highest_(highest) {
  if (!(relative_precision > 0.0 && relative_precision < 1.0)) {
    throw std::invalid_argument("LogHistogram: relative precision must be in (0, 1)");
  }
  if (!(lowest > 0.0 && highest > lowest) || !std::isfinite(highest)) {
    throw std::invalid_argument("LogHistogram: need 0 < lowest < highest");
  }
  gamma_ = (1.0 + relative_precision) / (1.0 - relative_precision);
  inv_log_gamma_ = 1.0 / std::log(gamma_);
  const auto geometric = static_cast<std::size_t>(std::ceil(std::log(highest / lowest) * inv_log_gamma_));
  counts_.assign(geometric + 2, 0);
}

std::size_t LogHistogram::bucket_of(double value) const {
  if (value < lowest_) return 0;
  if (value > highest_) return counts_.size() - 1;
  // Bucket i ≥ 1 covers (lowest·γ^(i−1), lowest·γ^i]; clamping absorbs the rounding of log() at the edges.
  const double i = std::ceil(std::log(value / lowest_) * inv_log_gamma_);
  return std::clamp(static_cast<std::size_t>(std::max(i, 1.0)), std::size_t{1}, counts_.size() - 2);
}

double LogHistogram::bucket_value(std::size_t index) const {
  if (index == 0) return min_;
  if (index == counts_.size() - 1) return max_;
  const double upper = lowest_ * std::pow(gamma_, static_cast<double>(index));
  return 2.0 * upper / (gamma_ + 1.0);
}

void LogHistogram::add(double value) {
  if (std::isnan(value)) throw std::invalid_argument("LogHistogram: NaN sample");
  ++counts_[bucket_of(value)];
  if (count_ == 0) {
    min_ = max_ = value;
  } else {
    min_ = std::min(min_, value);
    max_ = std::max(max_, value);
  }
  ++count_;
  // Neumaier's compensated summation.
  const double t = sum_ + value;
  sum_compensation_ += std::abs(sum_) >= std::abs(value) ? (sum_ - t) + value : (value - t) + sum_;
  sum_ = t;
}

void LogHistogram::merge(const LogHistogram& other) {
  if (other.relative_precision_ != relative_precision_ || other.lowest_ != lowest_ ||
      other.highest_ != highest_) {
    throw std::invalid_argument("LogHistogram: merging histograms with different layouts");
  }
  if (other.count_ == 0) return;
  for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  min_ = count_ == 0 ? other.min_ : std::min(min_, other.min_);
  max_ = count_ == 0 ? other.max_ : std::max(max_, other.max_);
  count_ += other.count_;
  const double t = sum_ + other.sum_;
  sum_compensation_ +=
      (std::abs(sum_) >= std::abs(other.sum_) ? (sum_ - t) + other.sum_ : (other.sum_ - t) + sum_) +
      other.sum_compensation_;
  sum_ = t;
}

double LogHistogram::percentile(double p) const {
  if (!(p >= 0.0 && p <= 100.0)) throw std::invalid_argument("LogHistogram: percentile outside [0, 100]");
  if (count_ == 0) return NOT_A_NUMBER;
  const auto n = static_cast<double>(count_);
  const auto rank = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::ceil(p / 100.0 * n)));
  if (rank == 1) return min_;
  if (rank >= count_) return max_;
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) return std::clamp(bucket_value(i), min_, max_);
  }
  return max_;  // unreachable: the counts sum to count_
}

double LogHistogram::min() const {
  return count_ == 0 ? NOT_A_NUMBER : min_;
}
double LogHistogram::max() const {
  return count_ == 0 ? NOT_A_NUMBER : max_;
}
double LogHistogram::mean() const {
  return count_ == 0 ? NOT_A_NUMBER : (sum_ + sum_compensation_) / static_cast<double>(count_);
}

}  // namespace fleet::models
