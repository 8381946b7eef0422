#include "models/energy_ledger.hpp"

#include <cmath>
#include <stdexcept>

namespace fleet::models {

EnergyLedger::EnergyLedger(std::uint64_t start_us, std::size_t component_count)
    : settled_us_(start_us), component_count_(component_count) {
  if (component_count == 0 || component_count > MAX_COMPONENTS) {
    throw std::invalid_argument("EnergyLedger: component count must be 1..MAX_COMPONENTS");
  }
}

std::size_t EnergyLedger::checked(std::size_t component) const {
  if (component >= component_count_)
    throw std::invalid_argument("EnergyLedger: component index out of range");
  return component;
}

EnergyLedger::Interval EnergyLedger::settle(std::uint64_t now_us) {
  if (now_us < settled_us_) throw std::invalid_argument("EnergyLedger: time went backwards");
  const double dt_s = static_cast<double>(now_us - settled_us_) * 1e-6;
  for (std::size_t i = 0; i < component_count_; ++i) charge_c_[i] += current_a_[i] * dt_s;
  settled_us_ = now_us;
  return {dt_s, total_current_a_};
}

EnergyLedger::Interval EnergyLedger::set_current(std::size_t component, double current_a,
                                                 std::uint64_t now_us) {
  const std::size_t c = checked(component);
  if (!(current_a >= 0.0) || !std::isfinite(current_a)) {
    throw std::invalid_argument("EnergyLedger: current must be finite and non-negative");
  }
  const Interval closed = settle(now_us);
  current_a_[c] = current_a;
  // Re-summed rather than adjusted by the difference, so rounding never accumulates over millions of
  // state changes (a device back to all-sleep reads exactly its sleep current again).
  double total_a = 0.0;
  for (std::size_t i = 0; i < component_count_; ++i) total_a += current_a_[i];
  total_current_a_ = total_a;
  return closed;
}

void EnergyLedger::add_charge(std::size_t component, double charge_c) {
  if (!(charge_c >= 0.0) || !std::isfinite(charge_c)) {
    throw std::invalid_argument("EnergyLedger: charge must be finite and non-negative");
  }
  charge_c_[checked(component)] += charge_c;
}

double EnergyLedger::component_charge_c(std::size_t component) const {
  return charge_c_[checked(component)];
}

double EnergyLedger::total_charge_c() const {
  double total_c = 0.0;
  for (std::size_t i = 0; i < component_count_; ++i) total_c += charge_c_[i];
  return total_c;
}

double EnergyLedger::current_a(std::size_t component) const {
  return current_a_[checked(component)];
}

}  // namespace fleet::models
