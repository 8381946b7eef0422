#pragma once
// Every random draw comes from a stream derived from (seed, entity id, purpose), so adding a device,
// a gateway or a new kind of draw never shifts the numbers any other part of a run sees.
#include <cstdint>

#include "models/random_stream.hpp"

namespace fleet::sim {

enum class RandomPurpose : std::uint64_t {
  PLACEMENT = 1,  // where a container stands
  FIRMWARE = 2,   // the firmware's own stream (Hal::random_u32): report offsets, channels, jitter
  SENSORS = 3,    // the environment the sensors measure
  SHADOWING = 4,  // per (device, gateway) log-normal shadowing; the gateway index is folded in
  VALIDATION_TRAFFIC = 5,  // the exponential validation source (radio.traffic): gaps and channel
  GNSS = 6,       // whether the device sees the sky
  ENVIRONMENT = 7,  // door openings, shocks, light breaches (sim/fleet/environment_events.hpp)
  ITINERARY = 8,  // voyage world: boarding port, ship, slot, dwell times (sim/voyage/voyage_world.hpp)
};

inline models::RandomStream make_stream(std::uint64_t seed, std::uint64_t entity_id, RandomPurpose purpose,
                                        std::uint64_t sub_id = 0) {
  return models::RandomStream(
      models::derive_stream_seed(seed, entity_id, static_cast<std::uint64_t>(purpose) | (sub_id << 8)));
}

}  // namespace fleet::sim
