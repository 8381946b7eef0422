// Sensor events of a container: Poisson processes at the configured rates (sim/fleet/environment_events.hpp).
#include "sim/fleet/environment_events.hpp"

#include <cmath>

#include <catch2/catch.hpp>

#include "sim/base/random_purpose.hpp"

using namespace fleet::sim;
using fleet::hw::SensorEventKind;
using fleet::hw::TimeUs;

namespace {
constexpr TimeUs DAY_US = 86'400'000'000ULL;

EnvironmentEvents events_for(const EnvironmentSpec& spec, std::uint64_t device_id = 1) {
  return EnvironmentEvents(spec, make_stream(42, device_id, RandomPurpose::ENVIRONMENT), 0);
}
}  // namespace

TEST_CASE("with every rate 0 nothing ever happens", "[environment]") {
  const EnvironmentSpec spec;
  const EnvironmentEvents events = events_for(spec);
  CHECK(events.next_us() == EnvironmentEvents::NEVER);
  CHECK_FALSE(events.door_open());
  CHECK(events.light_lux() == 0);
}

TEST_CASE("event counts follow the Poisson rates; a door closes door_open_duration after it opens", "[environment]") {
  EnvironmentSpec spec;
  spec.door_openings_per_day = 0.5;
  spec.door_open_duration_s = 600;
  spec.shocks_per_day = 3;
  spec.shock_peak_g = 2.5;
  spec.light_breaches_per_day = 0.2;
  spec.light_duration_s = 60;
  spec.light_level_lx = 300;
  EnvironmentEvents events = events_for(spec);
  const double days = 4000;
  int opens = 0, closes = 0, shocks = 0, breaches = 0;
  TimeUs opened_at_us = 0;
  TimeUs previous_us = 0;
  while (events.next_us() < static_cast<TimeUs>(days) * DAY_US) {
    const TimeUs at_us = events.next_us();
    REQUIRE(at_us >= previous_us);  // events come in time order
    previous_us = at_us;
    const fleet::hw::SensorEvent event = events.take();
    switch (event.kind) {
      case SensorEventKind::DOOR_OPEN:
        ++opens;
        opened_at_us = at_us;
        CHECK(events.door_open());
        CHECK(events.light_lux() == 300);  // daylight through the open door
        break;
      case SensorEventKind::DOOR_CLOSE:
        ++closes;
        CHECK(at_us - opened_at_us == 600'000'000ULL);
        break;
      case SensorEventKind::SHOCK:
        ++shocks;
        CHECK(event.value == 2500);
        break;
      case SensorEventKind::LIGHT:
        if (event.value > 0) ++breaches;
        break;
    }
  }
  // Poisson counts: mean rate x time (the door's own open time is negligible), sd = sqrt(mean); 5 sd.
  const auto within = [](int count, double mean) { return std::abs(count - mean) < 5 * std::sqrt(mean); };
  CHECK(within(opens, 0.5 * days));
  CHECK(std::abs(opens - closes) <= 1);
  CHECK(within(shocks, 3 * days));
  CHECK(within(breaches, 0.2 * days));
}

TEST_CASE("each container has its own events, the same for the same seed", "[environment]") {
  EnvironmentSpec spec;
  spec.shocks_per_day = 1;
  CHECK(events_for(spec, 1).next_us() == events_for(spec, 1).next_us());
  CHECK(events_for(spec, 1).next_us() != events_for(spec, 2).next_us());
}
