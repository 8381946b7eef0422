// Li-SOCl2 terminal voltage (docs/sources.md §2): plateau, cut-off, passivation dip and recovery; temperature
// derating and operating range.
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

#include "models/battery.hpp"
#include "models/cell_voltage.hpp"
#include "models/piecewise_linear.hpp"

using namespace fleet::models;

namespace {
const BatteryParams LS33600{};  // the defaults are the LS33600 profile of docs/sources.md §9
constexpr double RATED_CURRENT_A = 5e-3;  // 17 Ah @ 5 mA [S]
}  // namespace

TEST_CASE("piecewise-linear tables interpolate and stay flat outside", "[voltage]") {
  const PiecewiseLinear table{{{0.0, 1.0}, {2.0, 3.0}, {4.0, 3.0}}};
  CHECK(table.at(-1.0) == 1.0);
  CHECK(table.at(1.0) == 2.0);
  CHECK(table.at(3.0) == 3.0);
  CHECK(table.at(9.0) == 3.0);
  CHECK_THROWS_AS((PiecewiseLinear{{{1.0, 0.0}, {1.0, 2.0}}}), std::invalid_argument);
}

TEST_CASE("Li-SOCl2 voltage holds its plateau at the rated current, then reaches the cut-off", "[voltage]") {
  Battery battery(LS33600);
  CHECK(battery.open_circuit_voltage_v() == Approx(3.67));  // [S] OCV at +20 °C
  const double step_s = battery.time_to_depletion_s(RATED_CURRENT_A) / 100;
  for (int percent = 0; percent < 90; ++percent) {
    // [S] between the 3.60 V operating voltage (Tadiran LTC) and the 3.67 V OCV for 90 % of the capacity.
    const double loaded_v = battery.voltage_under_load_v(RATED_CURRENT_A);
    CHECK(loaded_v >= 3.60);
    CHECK(loaded_v <= 3.67);
    CHECK(battery.can_deliver(RATED_CURRENT_A));
    battery.draw(RATED_CURRENT_A, step_s);
  }
  // Past the knee a 400 mA pulse (the rated maximum, docs/sources.md §2) fails before the cell is empty.
  bool pulse_failed_first = false;
  while (!battery.depleted()) {
    if (!battery.can_deliver(0.4) && battery.can_deliver(RATED_CURRENT_A)) pulse_failed_first = true;
    battery.draw(RATED_CURRENT_A, step_s / 10);
  }
  CHECK(pulse_failed_first);
  CHECK(battery.open_circuit_voltage_v() == Approx(2.0));  // [S] the capacity is rated to 2.0 V
  CHECK_FALSE(battery.can_deliver(RATED_CURRENT_A));
  CHECK_FALSE(battery.can_deliver(0.0));
}

TEST_CASE("a fresh LS33600 delivers its rated 400 mA pulse above the cut-off", "[voltage]") {
  const Battery battery(LS33600);
  CHECK(battery.voltage_under_load_v(0.4) == Approx(3.67 - 0.4 * 1.5));
  CHECK(battery.can_deliver(0.4));
}

TEST_CASE("passivation: the first pulse after storage dips, the dip clears in seconds, rest regrows it",
          "[voltage]") {
  BatteryParams params = LS33600;
  params.passivation.enabled = true;
  Battery battery(params);
  const double pulse_a = 0.05;
  const double clean_v = 3.67 - pulse_a * 1.5;
  CHECK(battery.film_fraction() == 1.0);  // stored before deployment
  CHECK(battery.voltage_under_load_v(pulse_a) == Approx(clean_v - pulse_a * 20.0));
  battery.draw(pulse_a, 5.0);  // one clear time: the film falls to 1/e
  CHECK(battery.film_fraction() == Approx(std::exp(-1.0)));
  battery.draw(pulse_a, 25.0);  // 30 s in all: within 10 mV of the unpassivated voltage (3–10 s, §2)
  CHECK(battery.voltage_under_load_v(pulse_a) == Approx(clean_v).margin(0.01));
  battery.draw(2e-6, 30 * 86'400.0);  // a month asleep at 2 µA: 1 − e^-1 of the film back
  CHECK(battery.film_fraction() == Approx(1 - (1 - std::exp(-6.0)) * std::exp(-1.0)));
  // Disabled (the default), the film never shows.
  Battery plain(LS33600);
  CHECK(plain.voltage_under_load_v(pulse_a) == Approx(clean_v));
}

TEST_CASE("temperature derating scales the capacity; outside the operating range nothing is delivered",
          "[temperature]") {
  BatteryParams params = LS33600;
  params.self_discharge_per_year = 0.0;
  params.temperature.capacity_factor_by_c = PiecewiseLinear{{{-40.0, 0.5}, {20.0, 1.0}}};
  Battery battery(params);
  const double warm_s = battery.time_to_depletion_s(1e-3);
  CHECK(warm_s == Approx(17'000 * 3.6 * 0.8 / 1e-3));
  battery.set_temperature_c(-10.0);  // halfway along the table: factor 0.75
  CHECK(battery.capacity_threshold_c() == Approx(0.75 * 17'000 * 3.6 * 0.8));
  CHECK(battery.time_to_depletion_s(1e-3) == Approx(0.75 * warm_s));
  CHECK(projected_lifetime_s(params, 1e-3, -40.0) == Approx(0.5 * warm_s));
  battery.set_temperature_c(-61.0);  // [S] operating range −60 to +85 °C
  CHECK_FALSE(battery.can_deliver(1e-3));
  battery.set_temperature_c(86.0);
  CHECK_FALSE(battery.can_deliver(1e-3));
  battery.set_temperature_c(85.0);
  CHECK(battery.can_deliver(1e-3));
}
