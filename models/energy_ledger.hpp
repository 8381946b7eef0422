#pragma once
// Per-component charge accounting over piecewise-constant currents (docs/architecture.md §5 "Energy"; the
// ns-3 pattern of an energy model listening to radio state changes). The board calls set_current() from
// Hal::set_power_state; each call costs O(components) and nothing happens between calls, so a device that
// sleeps for six hours costs one update, not 21,600.
//
// Time is integer microseconds (hw::TimeUs); intervals are exact integer differences, converted to
// seconds once per interval (exact below 2^53 µs ≈ 285 years).
#include <array>
#include <cstddef>
#include <cstdint>

namespace fleet::models {

class EnergyLedger {
 public:
  // Capacity of the fixed per-component arrays; the firmware uses 5 (hw::COMPONENT_COUNT). Fixed storage
  // keeps a ledger a plain value of about 150 bytes, one per device.
  static constexpr std::size_t MAX_COMPONENTS = 8;

  struct Interval {
    double duration_s;
    double current_a;  // total current of all components during the interval
  };

  // `component_count` bounds the valid indices (≤ MAX_COMPONENTS); out-of-range indices, times that go
  // backwards and non-finite or negative currents throw std::invalid_argument (a board bug, not physics).
  explicit EnergyLedger(std::uint64_t start_us = 0, std::size_t component_count = MAX_COMPONENTS);

  // Accrues every component up to now_us, then switches `component` to current_a from now_us on. Returns
  // the interval just closed with the total current that held during it, for the caller to feed the
  // battery: battery.draw(iv.current_a, iv.duration_s).
  Interval set_current(std::size_t component, double current_a, std::uint64_t now_us);
  // Accrues every component up to now_us without a change (before a battery query, at the end of a run).
  Interval settle(std::uint64_t now_us);
  // A discrete charge (a wake-up, a sensor sample, a network attach) booked to a component at once. The
  // caller feeds it to the battery too: battery.draw_charge(charge_c).
  void add_charge(std::size_t component, double charge_c);

  // Charges accrued up to the last settle()/set_current(), in coulombs.
  double component_charge_c(std::size_t component) const;
  double total_charge_c() const;
  double total_current_a() const { return total_current_a_; }
  double current_a(std::size_t component) const;
  std::uint64_t settled_until_us() const { return settled_us_; }
  std::size_t component_count() const { return component_count_; }

 private:
  std::size_t checked(std::size_t component) const;

  std::array<double, MAX_COMPONENTS> current_a_{};
  std::array<double, MAX_COMPONENTS> charge_c_{};
  double total_current_a_ = 0.0;
  std::uint64_t settled_us_;
  std::size_t component_count_;
};

}  // namespace fleet::models
