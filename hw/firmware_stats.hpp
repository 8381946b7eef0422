#pragma once
// What the firmware counts about itself; the simulator reads it for the accounting identity
//   records_generated == records_sent + queued_records() + records_dropped_queue_full
// (records_sent counts a record when it leaves the queue: at start_tx for an unconfirmed frame, at
// the acknowledgement for a confirmed one).
#include "hw/downlink_codec.hpp"
#include "hw/types.hpp"

namespace fleet::hw {

struct FirmwareStats {
  std::uint32_t wakeups = 0;
  std::uint32_t samples_taken = 0;
  std::uint32_t records_generated = 0;  // every record the firmware created for uplink
  // Queue drops by reason (hw/record_queue.hpp QueueDrop); records_dropped_queue_full is their sum.
  std::uint32_t records_dropped_queue_full = 0;
  std::uint32_t dropped_routine_refused = 0;
  std::uint32_t dropped_routine_thinned = 0;
  std::uint32_t dropped_routine_for_alert = 0;
  std::uint32_t dropped_alert_refused = 0;
  std::uint32_t records_sent = 0;            // records that left the queue inside a frame
  std::uint32_t frames_sent = 0;             // frames put on a bearer, retransmissions included
  std::uint32_t retransmissions = 0;         // repeats of an unacknowledged confirmed frame
  std::uint32_t frames_acked = 0;
  std::uint32_t confirmed_given_up = 0;      // confirmed frames not acked after max_retries
  std::uint32_t alerts_raised = 0;           // ALERT records created
  std::uint32_t alerts_held_off = 0;         // alerts not raised: same cause within alert_holdoff_us
  std::uint32_t heartbeats = 0;
  std::uint32_t link_probes = 0;             // confirmed frames sent on a link believed down
  std::uint32_t tx_deferred_duty_cycle = 0;  // times a ready frame waited for a sub-band's off-time
  std::uint32_t tx_refused = 0;              // start_tx() did not return STARTED
  std::uint32_t downlinks_applied = 0;
  std::uint32_t downlinks_rejected = 0;      // malformed or out of range: nothing applied
  DownlinkError last_downlink_error = DownlinkError::NONE;
  ConfigField last_downlink_field = ConfigField::NONE;
  std::uint32_t sensor_events = 0;           // on_sensor_event() calls
  std::uint32_t gnss_fixes_started = 0;
  std::uint32_t gnss_fixes_failed = 0;       // on_gnss_done() without a fix (timeout)
  std::uint32_t place_changes = 0;
};

}  // namespace fleet::hw
