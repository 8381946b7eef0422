// Peukert's law against its formula t = H·(C/(I·H))^k (docs/sources.md §2), worked by hand for an LS33600.
#include <catch2/catch.hpp>

#include <cmath>

#include "models/battery.hpp"

using namespace fleet::models;

namespace {
BatteryParams ls33600_peukert(double exponent) {
  BatteryParams params;  // 17 Ah rated at I_ref = 5 mA, so H = 3400 h
  params.usable_fraction = 1.0;
  params.self_discharge_per_year = 0.0;
  params.model = PeukertModel{exponent, 5e-3};
  return params;
}
constexpr double HOUR_S = 3600.0;
}  // namespace

TEST_CASE("Peukert lifetime is H·(C/(I·H))^k", "[peukert]") {
  // By hand: 50 mA, k = 1.2 → 3400 h · (17 Ah / (0.05 A · 3400 h))^1.2 = 3400 · 0.0630957 = 214.5255 h.
  CHECK(projected_lifetime_s(ls33600_peukert(1.2), 0.05) / HOUR_S == Approx(214.5255).epsilon(1e-6));
  for (const double k : {1.0, 1.05, 1.3}) {
    for (const double current_a : {5e-3, 0.02, 0.25}) {
      const double h_h = 3400.0;
      const double expected_h = h_h * std::pow(17.0 / (current_a * h_h), k);
      CHECK(projected_lifetime_s(ls33600_peukert(k), current_a) / HOUR_S == Approx(expected_h).epsilon(1e-12));
    }
  }
}

TEST_CASE("Peukert: drawing in pieces empties the cell at the formula's time", "[peukert]") {
  Battery battery(ls33600_peukert(1.2));
  const double lifetime_s = battery.time_to_depletion_s(0.05);
  for (int i = 0; i < 999; ++i) battery.draw(0.05, lifetime_s / 1000);
  CHECK_FALSE(battery.depleted());
  battery.draw(0.05, lifetime_s / 1000 * 1.000001);
  CHECK(battery.depleted());
  // The ledger view is unchanged: what was drawn is ∫ I dt, not the Peukert-weighted charge.
  CHECK(battery.charge_drawn_c() == Approx(0.05 * lifetime_s * 1.000000001));
}

TEST_CASE("Peukert: no credit below the rated current", "[peukert]") {
  // At 1 mA the law alone would give 3400·(17/3.4)^1.2 = 22,359 h; the cell holds 17 Ah, i.e. 17,000 h.
  CHECK(projected_lifetime_s(ls33600_peukert(1.2), 1e-3) / HOUR_S == Approx(17'000.0));
  CHECK(peukert_rate_factor(PeukertModel{1.2, 5e-3}, 2e-6) == 1.0);
}
