// EnergyLedger: exact interval accounting, and the docs/sources.md §9 energy sanity check run through it.
#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>

#include "models/battery.hpp"
#include "models/energy_ledger.hpp"

using fleet::models::Battery;
using fleet::models::BatteryParams;
using fleet::models::COULOMBS_PER_MAH;
using fleet::models::EnergyLedger;

namespace {
// The firmware's component order (hw::Component), spelled out so this test does not depend on hw/.
constexpr std::size_t MCU = 0, LORA_RADIO = 1, GNSS = 2, SENSORS = 3, MODEM = 4;
constexpr std::uint64_t S = 1'000'000;  // µs per second
}  // namespace

TEST_CASE("set_current closes the interval with the total current that held", "[ledger]") {
  EnergyLedger ledger(5 * S, 5);
  auto iv = ledger.set_current(MCU, 2e-6, 5 * S);
  CHECK(iv.duration_s == 0.0);
  CHECK(iv.current_a == 0.0);
  iv = ledger.set_current(LORA_RADIO, 45e-3, 15 * S);
  CHECK(iv.duration_s == 10.0);
  CHECK(iv.current_a == 2e-6);
  CHECK(ledger.total_current_a() == Approx(45.002e-3));
  iv = ledger.set_current(LORA_RADIO, 0.0, 15 * S + 205'824);  // one SF9 frame
  CHECK(iv.duration_s == Approx(0.205824).epsilon(1e-15));
  CHECK(iv.current_a == Approx(45.002e-3));
  CHECK(ledger.total_current_a() == 2e-6);  // re-summed: exactly the sleep floor again
  CHECK(ledger.component_charge_c(LORA_RADIO) == Approx(45e-3 * 0.205824));
  CHECK(ledger.component_charge_c(MCU) == Approx(2e-6 * 10.205824));
  CHECK(ledger.current_a(MCU) == 2e-6);
  CHECK(ledger.settled_until_us() == 15 * S + 205'824);
}

TEST_CASE("add_charge books discrete events to a component", "[ledger]") {
  EnergyLedger ledger(0, 5);
  ledger.add_charge(MCU, 0.5e-6);  // one STM32L031 wake-up (docs/sources.md §2)
  ledger.add_charge(MODEM, 105e-3 / 3.6);
  CHECK(ledger.component_charge_c(MCU) == 0.5e-6);
  CHECK(ledger.total_charge_c() == Approx(0.5e-6 + 105e-3 / 3.6));
  CHECK(ledger.total_current_a() == 0.0);
}

TEST_CASE("time is exact integer microseconds", "[ledger]") {
  EnergyLedger a(0, 1);
  EnergyLedger b(0, 1);
  a.set_current(0, 1.0, 0);
  b.set_current(0, 1.0, 0);
  for (std::uint64_t t = 1; t <= 1'000'000; ++t) a.settle(t);
  b.settle(1'000'000);
  CHECK(a.component_charge_c(0) == Approx(1.0).epsilon(1e-9));
  CHECK(b.component_charge_c(0) == 1.0);
  // Ten years in one interval, without drift.
  EnergyLedger c(0, 1);
  c.set_current(0, 1e-6, 0);
  c.settle(315'576'000ULL * S);  // 10 Julian years
  CHECK(c.component_charge_c(0) == Approx(315.576).epsilon(1e-12));
}

TEST_CASE("misuse is rejected", "[ledger]") {
  EnergyLedger ledger(100, 5);
  CHECK_THROWS_AS(ledger.settle(99), std::invalid_argument);
  CHECK_THROWS_AS(ledger.set_current(5, 1.0, 200), std::invalid_argument);
  CHECK_THROWS_AS(ledger.set_current(0, -1.0, 200), std::invalid_argument);
  CHECK_THROWS_AS(ledger.add_charge(0, -1.0), std::invalid_argument);
  CHECK_THROWS_AS(EnergyLedger(0, EnergyLedger::MAX_COMPONENTS + 1), std::invalid_argument);
}

TEST_CASE("a day of the docs/sources.md §9 profile costs 3.9 mAh and the battery sees the same charge",
          "[ledger]") {
  // docs/sources.md §9 [C]: 2 µA sleep, 5 s GNSS at 25 mA, SF9 24 B at 45 mA, 2 s RX at 5 mA, 96 reports/day
  // → about 3.9 mAh/day. SF9/125 kHz/CR4/5/24 B/explicit/CRC: 50.25 symbols of 4.096 ms = 205.824 ms
  // (the §4 time-on-air formula).
  constexpr std::uint64_t TOA_US = 205'824;
  EnergyLedger ledger(0, 5);
  Battery battery(BatteryParams{17'000 * COULOMBS_PER_MAH});
  auto feed = [&](EnergyLedger::Interval iv) { battery.draw(iv.current_a, iv.duration_s); };
  feed(ledger.set_current(MCU, 2e-6, 0));
  const std::uint64_t period_us = 86'400 * S / 96;
  for (std::uint64_t k = 0; k < 96; ++k) {
    std::uint64_t t = k * period_us;
    feed(ledger.set_current(GNSS, 25e-3, t));
    feed(ledger.set_current(GNSS, 0.0, t += 5 * S));
    feed(ledger.set_current(LORA_RADIO, 45e-3, t));
    feed(ledger.set_current(LORA_RADIO, 5e-3, t += TOA_US));
    feed(ledger.set_current(LORA_RADIO, 0.0, t += 2 * S));
  }
  feed(ledger.settle(86'400 * S));
  const double day_mah = ledger.total_charge_c() / COULOMBS_PER_MAH;
  CHECK(day_mah == Approx(3.9).epsilon(0.01));
  CHECK(ledger.component_charge_c(GNSS) == Approx(96 * 5 * 25e-3));
  CHECK(ledger.component_charge_c(SENSORS) == 0.0);
  CHECK(battery.charge_drawn_c() == Approx(ledger.total_charge_c()).epsilon(1e-12));
}
