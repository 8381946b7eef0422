// Ideal battery: closed forms derived by hand, docs/sources.md §9's lifetime sanity check, depletion.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>
#include <stdexcept>

#include "models/battery.hpp"

using namespace fleet::models;

namespace {
constexpr double MAH = COULOMBS_PER_MAH;
const BatteryParams LS33600{17'000 * MAH};  // 17 Ah, 3.6 V, 80 % usable, 1 %/yr (docs/sources.md §2, §9)
}  // namespace

TEST_CASE("projected lifetime: 17 Ah, 80 %, 1 %/yr, 50 µA", "[battery]") {
  // By hand, in mAh and hours: usable 13,600 mAh; load 0.05 mA × 8,766 h/yr = 438.3 mAh/yr; self-discharge
  // 1 % × 17,000 = 170 mAh/yr; t = 13,600 / 608.3 = 22.3574 years.
  const double years = projected_lifetime_s(LS33600, 50e-6) / SECONDS_PER_YEAR;
  CHECK(years == Approx(13'600.0 / 608.3).epsilon(1e-12));
  CHECK(years == Approx(22.3574).epsilon(1e-5));
  CHECK(self_discharge_current_a(LS33600) == Approx(612.0 / 31'557'600.0));  // 19.39 µA
  CHECK(usable_capacity_c(LS33600) == Approx(48'960.0));
}

TEST_CASE("projected lifetime reproduces docs/sources.md §9's sanity check", "[battery]") {
  // [C] 96 reports/day ≈ 3.9 mAh/day → ≈ 8.5 years on one LS33600 (80 % usable, 1 %/yr).
  const double mean_current_a = 3.9e-3 / 24;  // 3.9 mAh/day = 0.1625 mA
  CHECK(projected_lifetime_s(LS33600, mean_current_a) / SECONDS_PER_YEAR == Approx(8.5).epsilon(0.01));
  // Self-discharge alone: 80 % of the capacity at 1 %/yr lasts 80 years.
  CHECK(projected_lifetime_s(LS33600, 0.0) / SECONDS_PER_YEAR == Approx(80.0));
  // No drain at all: forever.
  CHECK(std::isinf(projected_lifetime_s(BatteryParams{1.0, 3.6, 0.8, 0.0}, 0.0)));
}

TEST_CASE("draw and draw_charge are the same thing for the ideal cell", "[battery]") {
  Battery by_current(LS33600);
  Battery by_charge(LS33600);
  double sum_c = 0.0;
  for (int i = 1; i <= 1000; ++i) {
    const double current_a = 1e-6 * i;
    const double duration_s = 0.37 * i;
    by_current.draw(current_a, duration_s);
    by_charge.draw_charge(current_a * duration_s);
    sum_c += current_a * duration_s;
  }
  CHECK(by_current.charge_drawn_c() == by_charge.charge_drawn_c());
  CHECK(by_current.charge_drawn_c() == sum_c);  // exactly the sum of what was drawn
  CHECK(by_current.state_of_charge() == by_charge.state_of_charge());
  CHECK(by_current.energy_drawn_j() == Approx(sum_c * 3.6));
}

TEST_CASE("self-discharge is booked apart from the load", "[battery]") {
  Battery b(LS33600);
  b.age(SECONDS_PER_YEAR);
  CHECK(b.self_discharged_c() == Approx(0.01 * 61'200));
  CHECK(b.charge_drawn_c() == 0.0);
  CHECK(b.remaining_c() == Approx(48'960 - 612.0));
  CHECK(b.state_of_charge() == Approx(1.0 - 612.0 / 48'960));
}

TEST_CASE("depletion", "[battery]") {
  Battery b(BatteryParams{100.0, 3.6, 0.5, 0.0});  // 50 C usable
  CHECK(b.state_of_charge() == 1.0);
  CHECK(b.time_to_depletion_s(0.01) == Approx(5000.0));
  b.draw(0.01, 2500.0);
  CHECK(b.state_of_charge() == Approx(0.5));
  CHECK(b.time_to_depletion_s(0.01) == Approx(2500.0));
  b.draw_charge(25.0 - 1e-9);
  CHECK_FALSE(b.depleted());
  b.draw_charge(2e-9);
  CHECK(b.depleted());
  CHECK(b.remaining_c() == 0.0);
  CHECK(b.state_of_charge() == 0.0);
  CHECK(b.time_to_depletion_s(1.0) == 0.0);
  b.draw(1.0, 10.0);  // a dead cell still counts what was asked of it
  CHECK(b.charge_drawn_c() == Approx(60.0));
}

TEST_CASE("time_to_depletion then draw empties the cell exactly", "[battery]") {
  Battery b(LS33600);
  b.draw(1e-3, 86'400.0);
  b.age(86'400.0);
  const double t_s = b.time_to_depletion_s(50e-6);
  b.draw(50e-6, t_s);
  b.age(t_s);
  CHECK(b.remaining_c() == Approx(0.0).margin(1e-9 * 48'960));
}

TEST_CASE("invalid battery parameters and draws are rejected", "[battery]") {
  CHECK_THROWS_AS(Battery(BatteryParams{0.0}), std::invalid_argument);
  CHECK_THROWS_AS(Battery(BatteryParams{1.0, 3.6, 1.5}), std::invalid_argument);
  CHECK_THROWS_AS(Battery(BatteryParams{1.0, 3.6, 0.8, -0.1}), std::invalid_argument);
  Battery b(LS33600);
  CHECK_THROWS_AS(b.draw(-1e-3, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(b.draw(1e-3, -1.0), std::invalid_argument);
  CHECK_THROWS_AS(b.draw_charge(std::nan("")), std::invalid_argument);
}

TEST_CASE("every model: time_to_depletion then draw empties the cell", "[battery]") {
  for (const BatteryModel& model : {BatteryModel{IdealModel{}}, BatteryModel{PeukertModel{1.2, 5e-3}},
                                    BatteryModel{KibamModel{}}, BatteryModel{RvModel{}}}) {
    BatteryParams params = LS33600;
    params.model = model;
    Battery b(params);
    b.draw(0.1, 3600.0);  // an hour at 100 mA, then a steady 20 mA
    b.age(3600.0);
    const double t_s = b.time_to_depletion_s(20e-3);
    INFO("model " << model.index() << ", t = " << t_s);
    Battery just_before = b;
    just_before.draw(20e-3, t_s * (1 - 1e-9));
    just_before.age(t_s * (1 - 1e-9));
    CHECK_FALSE(just_before.depleted());
    b.draw(20e-3, t_s * (1 + 1e-9));
    b.age(t_s * (1 + 1e-9));
    CHECK(b.depleted());
    CHECK(b.remaining_c() == 0.0);
    CHECK(b.state_of_charge() == 0.0);
  }
}

TEST_CASE("self-discharge adds exactly its charge to every model's spent charge", "[battery]") {
  for (const BatteryModel& model : {BatteryModel{IdealModel{}}, BatteryModel{PeukertModel{1.2, 5e-3}},
                                    BatteryModel{KibamModel{}}, BatteryModel{RvModel{}}}) {
    BatteryParams params = LS33600;
    params.model = model;
    Battery b(params);
    b.draw(0.05, 600.0);
    const double before_c = b.spent_c();
    b.age(SECONDS_PER_YEAR);  // [S] ≤ 1 % of 17 Ah per year at +20 °C
    CHECK(b.spent_c() - before_c == Approx(0.01 * 61'200).epsilon(1e-12));
    CHECK(b.self_discharged_c() == Approx(612.0));
  }
}

TEST_CASE("a battery stays a small value; one parameter set serves a whole profile", "[battery]") {
  CHECK(sizeof(Battery) <= 152);  // g++ 12 / x86-64; the RV cell's 10 modes are 80 of them
  const auto shared = std::make_shared<const BatteryParams>(LS33600);
  const Battery a(shared), b(shared);
  CHECK(&a.params() == &b.params());
}

TEST_CASE("out-of-range model parameters are rejected, naming the field", "[battery]") {
  const auto message_for = [](BatteryParams params) -> std::string {
    try {
      Battery b(params);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "";
  };
  BatteryParams p = LS33600;
  p.model = KibamModel{1.2, 4.5e-5};
  CHECK(message_for(p) == "battery.kibam.available_fraction must be in (0, 1), got 1.2");
  p.model = PeukertModel{0.9, 5e-3};
  CHECK(message_for(p).starts_with("battery.peukert.exponent"));
  p.model = RvModel{0.08, 11};
  CHECK(message_for(p).starts_with("battery.rakhmatov_vrudhula.terms"));
  p.model = IdealModel{};
  p.voltage.cutoff_v = 4.0;
  CHECK(message_for(p).starts_with("battery.voltage.cutoff"));
  p = LS33600;
  p.passivation = {true, 20.0, 0.0};
  CHECK(message_for(p).starts_with("battery.passivation.clear_time"));
  p = LS33600;
  p.temperature.capacity_factor_by_c = PiecewiseLinear{{{0.0, 1.2}}};
  CHECK(message_for(p).starts_with("battery.temperature.capacity_factor_by_c"));
}

TEST_CASE("The depletion lower bound never exceeds the exact time to depletion", "[battery]") {
  using namespace fleet::models;
  for (const BatteryModel& model : {BatteryModel{IdealModel{}}, BatteryModel{PeukertModel{1.2, 5e-3}},
                                    BatteryModel{KibamModel{}}, BatteryModel{RvModel{}}}) {
    BatteryParams params;
    params.capacity_c = 100.0;  // small, so the loads below reach it
    params.model = model;
    Battery battery(params);
    // A tracker-like history: pulses and rests, then every current from sleep to TX.
    for (int i = 0; i < 20; ++i) {
      battery.draw(0.045, 0.2);
      battery.draw(2e-5, 60);
    }
    for (const double current_a : {1e-5, 1e-3, 0.045, 0.4}) {
      const double bound_s = battery.depletion_lower_bound_s(current_a);
      const double exact_s = battery.time_to_depletion_s(current_a);
      CHECK(bound_s > 0);
      CHECK(bound_s <= exact_s * (1 + 1e-12));
      if (model.index() <= 1) CHECK(bound_s == Approx(exact_s).epsilon(1e-12));  // exact for linear models
    }
  }
}
