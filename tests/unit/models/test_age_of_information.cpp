// Age of information against the closed forms of docs/sources.md §7: periodic updates, and the M/M/1 FCFS
// queue simulated with RandomStream.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "models/age_of_information.hpp"
#include "models/random_stream.hpp"

using fleet::models::AgeOfInformation;
using fleet::models::derive_stream_seed;
using fleet::models::RandomStream;

namespace {
// Kaul, Yates & Gruteser 2012, docs/sources.md §7 [S]: μ·Δ̄ = 1 + 1/ρ + ρ²/(1 − ρ).
double mm1_fcfs_age(double rho) {
  return 1.0 + 1.0 / rho + rho * rho / (1.0 - rho);
}

struct Mm1Result {
  double average_age;
  double peak_age;
};

// FCFS M/M/1 with μ = 1: update k arrives (is generated) at a_k, leaves (is delivered) at
// d_k = max(a_k, d_{k−1}) + S_k.
Mm1Result simulate_mm1(double rho, int updates, std::uint64_t seed) {
  RandomStream arrivals(derive_stream_seed(seed, 0, 1));
  RandomStream services(derive_stream_seed(seed, 0, 2));
  AgeOfInformation aoi;
  double arrival_s = 0.0;
  double departure_s = 0.0;
  for (int k = 0; k < updates; ++k) {
    arrival_s += arrivals.exponential(1.0 / rho);
    departure_s = std::max(arrival_s, departure_s) + services.exponential(1.0);
    aoi.on_delivery(arrival_s, departure_s);
  }
  return {aoi.time_average_s(departure_s), aoi.peak_mean_s()};
}
}  // namespace

TEST_CASE("a hand-computed sawtooth", "[aoi]") {
  AgeOfInformation aoi;
  CHECK(std::isnan(aoi.time_average_s(0.0)));
  aoi.on_delivery(0.0, 1.0);  // age 1 at t = 1
  CHECK(aoi.time_average_s(1.0) == 1.0);
  aoi.on_delivery(2.0, 5.0);  // ramp 1 → 5 over [1, 5]: area 12; then age 3
  CHECK(aoi.time_average_s(5.0) == Approx(12.0 / 4.0));
  CHECK(aoi.time_average_s(7.0) == Approx((12.0 + 8.0) / 6.0));  // ramp 3 → 5 over [5, 7]: area 8
  CHECK(aoi.peak_mean_s() == 5.0);
  CHECK(aoi.age_s(7.0) == 5.0);
  CHECK_THROWS_AS(aoi.time_average_s(4.0), std::invalid_argument);
  CHECK_THROWS_AS(aoi.on_delivery(3.0, 4.0), std::invalid_argument);  // delivered before the last one
  CHECK_THROWS_AS(aoi.on_delivery(9.0, 8.0), std::invalid_argument);  // delivered before generated
}

TEST_CASE("periodic updates with constant delay: D + P/2 (docs/sources.md §7)", "[aoi]") {
  constexpr double P = 3600.0;  // hourly reports
  constexpr double D = 2.7;
  AgeOfInformation aoi;
  for (int k = 0; k <= 1000; ++k) aoi.on_delivery(k * P, k * P + D);
  CHECK(aoi.time_average_s(1000 * P + D) == Approx(D + P / 2).epsilon(1e-12));
  CHECK(aoi.peak_mean_s() == Approx(D + P).epsilon(1e-12));
  CHECK(aoi.deliveries() == 1001);
}

TEST_CASE("stale updates do not lower the age", "[aoi]") {
  AgeOfInformation with_stale;
  AgeOfInformation without;
  for (AgeOfInformation* aoi : {&with_stale, &without}) {
    aoi->on_delivery(0.0, 1.0);
    aoi->on_delivery(10.0, 12.0);
  }
  with_stale.on_delivery(5.0, 13.0);   // generated before the update already delivered at 12
  with_stale.on_delivery(10.0, 14.0);  // a duplicate over a second path
  for (AgeOfInformation* aoi : {&with_stale, &without}) aoi->on_delivery(20.0, 21.0);
  CHECK(with_stale.time_average_s(30.0) == without.time_average_s(30.0));
  CHECK(with_stale.peak_mean_s() == without.peak_mean_s());
  CHECK(with_stale.stale_deliveries() == 2);
  CHECK(with_stale.deliveries() == 5);
}

TEST_CASE("M/M/1 FCFS: simulation reproduces the closed form within 2 %", "[aoi]") {
  for (double rho : {0.3, 0.5, 0.531, 0.8}) {
    INFO("rho = " << rho);
    const Mm1Result r = simulate_mm1(rho, 400'000, 2024);
    CHECK(r.average_age == Approx(mm1_fcfs_age(rho)).epsilon(0.02));
    // Peak age of FCFS M/M/1: E[Y] + E[T] = 1/λ + 1/(μ − λ) (Costa, Codreanu, Ephremides 2016).
    CHECK(r.peak_age == Approx(1.0 / rho + 1.0 / (1.0 - rho)).epsilon(0.02));
  }
}

TEST_CASE("M/M/1 FCFS optimum: rho* = 0.531 with mu·age = 3.484 (docs/sources.md §7)", "[aoi]") {
  // Golden-section search on the closed form.
  double lo = 0.05;
  double hi = 0.95;
  const double g = (std::sqrt(5.0) - 1.0) / 2.0;
  while (hi - lo > 1e-9) {
    const double a = hi - g * (hi - lo);
    const double b = lo + g * (hi - lo);
    if (mm1_fcfs_age(a) < mm1_fcfs_age(b)) {
      hi = b;
    } else {
      lo = a;
    }
  }
  CHECK(lo == Approx(0.531).margin(0.0005));
  CHECK(mm1_fcfs_age(lo) == Approx(3.484).margin(0.0005));
  // The simulated accumulator finds the same optimum: ρ = 0.531 beats both neighbours by far more than noise.
  const double at_opt = simulate_mm1(0.531, 400'000, 7).average_age;
  CHECK(at_opt == Approx(3.484).epsilon(0.02));
  CHECK(simulate_mm1(0.35, 400'000, 7).average_age > at_opt * 1.04);  // closed form: 4.0456, +16.1 %
  CHECK(simulate_mm1(0.75, 400'000, 7).average_age > at_opt * 1.04);  // closed form: 4.5833, +31.5 %
}
