#pragma once
// What the firmware counts about itself; the simulator reads it for the accounting identity.
#include "hw/types.hpp"

namespace fleet::hw {

struct FirmwareStats {
  std::uint32_t wakeups = 0;
  std::uint32_t samples_taken = 0;
  std::uint32_t records_generated = 0;       // every record the firmware created for uplink
  std::uint32_t records_dropped_queue_full = 0;
  std::uint32_t records_sent = 0;            // records handed to a bearer inside a frame
  std::uint32_t frames_sent = 0;
  std::uint32_t tx_deferred_duty_cycle = 0;  // times a ready frame waited for the sub-band's off-time
  std::uint32_t tx_refused = 0;              // start_tx() did not return STARTED
  std::uint32_t downlinks_ignored = 0;       // on_rx() frames; v1 has no downlink codec yet (issue #3)
  std::uint32_t sensor_events = 0;           // on_sensor_event() calls folded into the next record
};

}  // namespace fleet::hw
