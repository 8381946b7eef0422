#pragma once
// Bounded-memory, deterministic histogram for latency and age percentiles over tens of millions of
// samples (summary.json: latency p50/p95/p99 per path, docs/architecture.md §6).
//
// Buckets grow geometrically by γ = (1 + α)/(1 − α) and each reports the value 2·hi/(γ + 1), which is
// within a relative α of every value in (hi/γ, hi] (the DDSketch construction, Masson, Rim & Lee,
// VLDB 2019). So a percentile is within α of the exact nearest-rank sample percentile. With the defaults
// (α = 1 %, 1 µs .. 1e8 s) that is 1,612 buckets, 13 KB, whatever the sample count. Values below the
// range (zero included) are kept in one underflow bucket and reported as the exact minimum, values above
// it in one overflow bucket reported as the exact maximum. Count, min, max and mean are exact (the mean up
// to a compensated sum). Merging is exact for everything but the last bits of the mean.
#include <cstdint>
#include <vector>

namespace fleet::models {

class LogHistogram {
 public:
  // Throws std::invalid_argument unless 0 < relative_precision < 1 and 0 < lowest < highest.
  explicit LogHistogram(double relative_precision = 0.01, double lowest = 1e-6, double highest = 1e8);

  void add(double value);  // NaN throws std::invalid_argument
  // Adds another histogram's samples; it must have the same precision and range (else invalid_argument).
  void merge(const LogHistogram& other);

  // Nearest-rank percentile, p in [0, 100]: the sample of rank ⌈p·n/100⌉ (rank 1 for p = 0), within the
  // relative precision; p = 0 and p = 100 return the exact min and max. NaN when empty.
  double percentile(double p) const;

  std::uint64_t count() const { return count_; }
  double min() const;   // NaN when empty
  double max() const;   // NaN when empty
  double mean() const;  // NaN when empty
  double relative_precision() const { return relative_precision_; }
  std::size_t bucket_count() const { return counts_.size(); }

 private:
  std::size_t bucket_of(double value) const;
  double bucket_value(std::size_t index) const;

  double relative_precision_;
  double lowest_;
  double highest_;
  double gamma_;
  double inv_log_gamma_;
  std::vector<std::uint64_t> counts_;  // [0] underflow, [1..n] geometric, [n + 1] overflow
  std::uint64_t count_ = 0;
  double min_ = 0.0;
  double max_ = 0.0;
  double sum_ = 0.0;
  double sum_compensation_ = 0.0;  // Neumaier: exact mean over 1e8 samples of mixed magnitudes
};

}  // namespace fleet::models
