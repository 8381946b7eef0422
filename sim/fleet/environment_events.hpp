#pragma once
// What happens to a container that its sensors notice: door openings (and closings after
// door_open_duration), shocks, and light inside the box while the door is closed (a breach), each a
// Poisson process at the scenario's rate per day (fleet.environment; all rates 0 by default).
// The board keeps one per device, drawn from its own (seed, device id, ENVIRONMENT) stream, delivers
// each event to the firmware through Firmware::on_sensor_event(), and reflects the door and the light
// in read_sensors().
#include <cstdint>

#include "hw/types.hpp"
#include "models/random_stream.hpp"
#include "sim/scenario/scenario.hpp"

namespace fleet::sim {

class EnvironmentEvents {
 public:
  static constexpr hw::TimeUs NEVER = ~hw::TimeUs{0};

  // Draws the first event of each process after `start_us`.
  EnvironmentEvents(const EnvironmentSpec& spec, models::RandomStream stream, hw::TimeUs start_us);

  hw::TimeUs next_us() const;  // NEVER when every rate is 0
  // The event due at next_us(); draws the one after it in the same process.
  hw::SensorEvent take();

  bool door_open() const { return door_open_; }
  std::uint16_t light_lux() const;  // inside the box: daylight while the door is open or during a breach

 private:
  hw::TimeUs after(hw::TimeUs now_us, double per_day);

  const EnvironmentSpec* spec_;
  models::RandomStream stream_;
  hw::TimeUs door_us_ = NEVER;       // next opening (door closed) or closing (door open)
  hw::TimeUs shock_us_ = NEVER;
  hw::TimeUs light_us_ = NEVER;      // next breach start (dark) or end (breach under way)
  bool door_open_ = false;
  bool breach_ = false;
};

}  // namespace fleet::sim
