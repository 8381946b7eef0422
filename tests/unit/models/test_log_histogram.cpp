// LogHistogram: percentiles within the stated 1 % of the exact sample percentiles; merge equals adding all.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "models/log_histogram.hpp"
#include "models/random_stream.hpp"

using fleet::models::derive_stream_seed;
using fleet::models::LogHistogram;
using fleet::models::RandomStream;

namespace {
// Exact nearest-rank percentile of a sorted sample: rank ⌈p·n/100⌉, at least 1.
double nearest_rank(const std::vector<double>& sorted, double p) {
  const auto n = static_cast<double>(sorted.size());
  const auto rank = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(p / 100.0 * n)));
  return sorted[rank - 1];
}

const double PERCENTILES[] = {0, 0.1, 1, 5, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100};

void check_against_exact(const std::vector<double>& samples, const LogHistogram& h) {
  std::vector<double> sorted = samples;
  std::sort(sorted.begin(), sorted.end());
  for (double p : PERCENTILES) {
    INFO("p = " << p);
    CHECK(h.percentile(p) == Approx(nearest_rank(sorted, p)).epsilon(h.relative_precision()));
  }
}
}  // namespace

TEST_CASE("bounded memory: the default layout has 1,612 geometric buckets", "[histogram]") {
  // ⌈ln(1e8 / 1e-6) / ln(1.01/0.99)⌉ = ⌈1611.76⌉, plus underflow and overflow.
  CHECK(LogHistogram().bucket_count() == 1614);
}

TEST_CASE("exponential latencies: percentiles within 1 %", "[histogram]") {
  RandomStream r(derive_stream_seed(11, 0, 0));
  LogHistogram h;
  std::vector<double> samples;
  for (int i = 0; i < 500'000; ++i) {
    samples.push_back(r.exponential(0.8));
    h.add(samples.back());
  }
  check_against_exact(samples, h);
  // And close to the distribution's own quantiles, −μ·ln(1 − p) (sampling error ≤ 1 %).
  CHECK(h.percentile(50) == Approx(0.8 * std::log(2.0)).epsilon(0.02));
  CHECK(h.percentile(99) == Approx(0.8 * std::log(100.0)).epsilon(0.02));
  CHECK(h.count() == 500'000);
  CHECK(h.mean() == Approx(0.8).epsilon(0.01));
}

TEST_CASE("log-normal over twelve decades: percentiles within 1 %", "[histogram]") {
  RandomStream r(derive_stream_seed(11, 0, 1));
  LogHistogram h;
  std::vector<double> samples;
  for (int i = 0; i < 300'000; ++i) {
    samples.push_back(std::exp(r.normal(0.0, 4.0)));  // e^±16: 1e-7 .. 1e7
    h.add(samples.back());
  }
  check_against_exact(samples, h);
}

TEST_CASE("uniform integers: percentiles within 1 %", "[histogram]") {
  LogHistogram h;
  std::vector<double> samples;
  for (int v = 1; v <= 10'000; ++v) {
    samples.push_back(v);
    h.add(v);
  }
  check_against_exact(samples, h);
  CHECK(h.mean() == 5000.5);
  CHECK(h.min() == 1.0);
  CHECK(h.max() == 10'000.0);
}

TEST_CASE("merge equals adding everything to one histogram", "[histogram]") {
  RandomStream r(derive_stream_seed(11, 0, 2));
  LogHistogram all;
  LogHistogram parts[3];
  for (int i = 0; i < 90'000; ++i) {
    const double v = r.exponential(i % 3 == 0 ? 0.01 : 50.0);
    all.add(v);
    parts[i % 3].add(v);
  }
  LogHistogram merged;
  for (const LogHistogram& part : parts) merged.merge(part);
  CHECK(merged.count() == all.count());
  CHECK(merged.min() == all.min());
  CHECK(merged.max() == all.max());
  CHECK(merged.mean() == Approx(all.mean()).epsilon(1e-14));
  for (double p : PERCENTILES) CHECK(merged.percentile(p) == all.percentile(p));
  CHECK_THROWS_AS(merged.merge(LogHistogram(0.02)), std::invalid_argument);
}

TEST_CASE("out-of-range values, empty histograms and bad arguments", "[histogram]") {
  LogHistogram h;
  CHECK(std::isnan(h.percentile(50)));
  CHECK(std::isnan(h.mean()));
  h.add(0.0);
  h.add(0.0);
  h.add(2e9);  // above 1e8 s
  CHECK(h.percentile(50) == 0.0);
  CHECK(h.percentile(100) == 2e9);
  CHECK(h.max() == 2e9);
  CHECK_THROWS_AS(h.percentile(101), std::invalid_argument);
  CHECK_THROWS_AS(h.add(std::nan("")), std::invalid_argument);
  CHECK_THROWS_AS(LogHistogram(0.0), std::invalid_argument);
  CHECK_THROWS_AS(LogHistogram(0.01, 1.0, 1.0), std::invalid_argument);
}
