#include "sim/fleet/environment_events.hpp"

#include <algorithm>
#include <cmath>

namespace fleet::sim {
namespace {
constexpr double SECONDS_PER_DAY = 86400;
std::uint16_t whole_units(double value) { return static_cast<std::uint16_t>(std::lround(std::min(value, 65535.0))); }
}  // namespace

EnvironmentEvents::EnvironmentEvents(const EnvironmentSpec& spec, models::RandomStream stream, hw::TimeUs start_us)
    : spec_(&spec), stream_(stream) {
  door_us_ = after(start_us, spec.door_openings_per_day);
  shock_us_ = after(start_us, spec.shocks_per_day);
  light_us_ = after(start_us, spec.light_breaches_per_day);
}

// Exponential gaps of mean 1/rate: a Poisson process. One draw per event, in event order, so a run
// with the same seed sees the same events whatever else changes.
hw::TimeUs EnvironmentEvents::after(hw::TimeUs now_us, double per_day) {
  if (per_day <= 0) return NEVER;
  return now_us + std::max<hw::TimeUs>(1, microseconds_of(stream_.exponential(SECONDS_PER_DAY / per_day)));
}

hw::TimeUs EnvironmentEvents::next_us() const { return std::min({door_us_, shock_us_, light_us_}); }

hw::SensorEvent EnvironmentEvents::take() {
  const hw::TimeUs now_us = next_us();
  if (door_us_ == now_us) {
    door_open_ = !door_open_;
    // The next opening is drawn from the closing on: a door is not opened while it is open.
    door_us_ = door_open_ ? now_us + microseconds_of(spec_->door_open_duration_s) : after(now_us, spec_->door_openings_per_day);
    return {door_open_ ? hw::SensorEventKind::DOOR_OPEN : hw::SensorEventKind::DOOR_CLOSE, 0};
  }
  if (shock_us_ == now_us) {
    shock_us_ = after(now_us, spec_->shocks_per_day);
    return {hw::SensorEventKind::SHOCK, whole_units(spec_->shock_peak_g * 1000)};
  }
  breach_ = !breach_;
  light_us_ = breach_ ? now_us + microseconds_of(spec_->light_duration_s) : after(now_us, spec_->light_breaches_per_day);
  return {hw::SensorEventKind::LIGHT, light_lux()};
}

std::uint16_t EnvironmentEvents::light_lux() const {
  return door_open_ || breach_ ? whole_units(spec_->light_level_lx) : 0;
}

}  // namespace fleet::sim
