#pragma once
// Place awareness from what a tracker can observe itself — never from the simulator's ground truth:
//   - its last GNSS fix, tested against the configured port/yard geofences;
//   - motion from the accelerometer (SensorSample::accel_rms_mg against motion_threshold_mg);
//   - which bearers it has heard recently (ship hub beacon, cellular cell, LoRa downlink or ack).
// Evidence counts for config.place_memory_us (a fix: at least until the next fix is due). The rules,
// first match wins:
//   1. a current fix inside a geofence                    -> PORT (a ship alongside is in port)
//   2. the ship hub heard                                  -> SEA  (stowed aboard, away from a port fence)
//   3. moving                                              -> ROAD (truck or train; a ship would be heard)
//   4. LoRa heard (this fleet's LoRa gateways are at ports) -> PORT
//   5. otherwise                                           -> UNKNOWN
#include <array>
#include <cstdint>

#include "hw/firmware_config.hpp"
#include "hw/types.hpp"

namespace fleet::hw {

// Whether (lat_e7, lon_e7) lies in the geofence. Distances use an equirectangular projection with an
// integer cosine (Bhaskara I, absolute error < 0.002), far finer than a GNSS fix for fences of 100 m to 100 km.
bool inside_geofence(const Geofence& fence, std::int32_t lat_e7, std::int32_t lon_e7);

class PlaceTracker {
 public:
  void on_fix(const GnssResult& fix, TimeUs now_us, const FirmwareConfig& config);
  void on_motion_sample(std::uint16_t accel_rms_mg, TimeUs now_us, const FirmwareConfig& config);
  void on_bearer_heard(Bearer bearer, TimeUs now_us) { heard_us_[index(bearer)] = now_us; }
  void forget_bearer(Bearer bearer) { heard_us_[index(bearer)] = NEVER; }

  bool heard_recently(Bearer bearer, TimeUs now_us, TimeUs memory_us) const {
    return recent(heard_us_[index(bearer)], now_us, memory_us);
  }
  bool moving(TimeUs now_us, TimeUs memory_us) const { return recent(motion_us_, now_us, memory_us); }
  Place place(TimeUs now_us, const FirmwareConfig& config) const;

 private:
  static constexpr TimeUs NEVER = ~TimeUs{0};
  static constexpr std::size_t index(Bearer bearer) { return static_cast<std::size_t>(bearer); }
  static constexpr bool recent(TimeUs at_us, TimeUs now_us, TimeUs memory_us) {
    return at_us != NEVER && at_us <= now_us && now_us - at_us <= memory_us;
  }

  std::array<TimeUs, BEARER_COUNT> heard_us_ = {NEVER, NEVER, NEVER};
  TimeUs fence_fix_us_ = NEVER;  // last fix that fell inside a geofence
  TimeUs motion_us_ = NEVER;     // last sample at or above the motion threshold
};

}  // namespace fleet::hw
