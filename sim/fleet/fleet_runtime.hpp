#pragma once
// Everything the fleet scheduler drives: the devices (firmware + board), the shared radio medium,
// the gateways' inboxes, and the books of where every record went.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "hw/firmware.hpp"
#include "sim/base/huge_page_memory.hpp"
#include "sim/books/accounting.hpp"
#include "sim/books/delivery_book.hpp"
#include "sim/fleet/event_queue.hpp"
#include "sim/radio/gateway_inbox.hpp"
#include "sim/books/pending_answers.hpp"
#include "sim/voyage/phase_book.hpp"
#include "sim/radio/radio_medium.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/fleet/sim_board.hpp"
#include "sim/fleet/validation_traffic.hpp"

namespace fleet::sim {

// A downlink a gateway has scheduled for a device's receive window (written by the gateway's
// downlink actor, read by the fleet scheduler when the window opens).
struct ScheduledDownlink {
  hw::TimeUs uplink_end_us = NO_WAKEUP;  // the uplink it answers; NO_WAKEUP: none
  std::uint8_t window = 0;                // 1 or 2 (RxWindow)
  bool ack = false;
  std::uint16_t gateway = 0;
  float rssi_at_device_dbm = 0;
  hw::TimeUs airtime_us = 0;
  std::vector<std::uint8_t> payload;
};

struct Device {
  Device(FleetRuntime& fleet, std::uint32_t id, models::LocalPoint position, const hw::FirmwareConfig& config)
      : board(fleet, id, position), firmware(board, config) {}
  SimBoard board;
  hw::Firmware firmware;  // holds a reference to `board`: devices never move (a PinnedArray)
  // Set for radio.traffic.model "exponential": this source, not the firmware, makes the uplinks.
  std::optional<ExponentialTraffic> validation_traffic;
  std::array<std::uint32_t, RADIO_LOSS_COUNT> records_lost{};
  std::uint32_t frames_lost = 0;
  // Class A: the downlink scheduled for the current uplink's windows, and whether it arrived.
  ScheduledDownlink downlink;
  bool downlink_received = false;
  std::uint32_t frames_acked = 0;
  std::uint32_t downlinks_sent = 0;      // transmitted by a gateway for this device
  std::uint32_t downlinks_received = 0;
  std::uint32_t adr_commands_sent = 0;   // ADR commands the server put in a downlink for this device
  std::array<std::uint32_t, DOWNLINK_LOSS_COUNT> downlinks_lost{};
  // Records the server has that the firmware still holds (accounting.hpp, sim/fleet/record_fates.hpp), and
  // how many of those the firmware's full queue discarded afterwards (not a loss: they were delivered).
  std::vector<std::uint16_t> delivered_held_seqs;
  std::uint32_t dropped_after_delivery = 0;
  bool browned_out = false;
  hw::TimeUs browned_out_at_us = 0;
  std::size_t journey_step = 0;  // voyage world: index into its journey's steps
  // A confirmed LTE-M frame's records: they left with the frame (the network has them, accounting.hpp)
  // but the firmware keeps them until the network's confirmation ends the cycle (hal.hpp).
  std::uint32_t records_in_cellular_frame = 0;
  bool listening_for_beacons = false;  // on board: a HUB_BEACON event is pending

  // Whoever made the uplinks, firmware or validation source.
  std::uint32_t records_generated() const {
    return firmware.stats().records_generated + (validation_traffic ? validation_traffic->records_generated() : 0);
  }
  std::uint32_t frames_sent() const {
    return firmware.stats().frames_sent + (validation_traffic ? validation_traffic->frames_sent() : 0);
  }
  // The books' view (accounting.hpp): the server's records the firmware still holds are delivered.
  std::uint32_t records_queued() const {
    return static_cast<std::uint32_t>(firmware.queued_records() - delivered_held_seqs.size() - records_in_cellular_frame);
  }
  std::uint32_t records_dropped() const { return firmware.stats().records_dropped_queue_full - dropped_after_delivery; }
};

struct FleetRuntime {
  FleetRuntime(const Scenario& scenario, models::LocalTangentPlane frame, RadioMedium medium,
               std::size_t device_count)
      : scenario(scenario),
        frame(frame),
        battery_params(std::make_shared<const models::BatteryParams>(scenario.fleet.device.battery)),
        medium(std::move(medium)),
        deliveries(device_count),
        devices(device_count) {}

  const Scenario& scenario;
  models::LocalTangentPlane frame;  // device positions are local east/north metres in this frame
  std::shared_ptr<const models::BatteryParams> battery_params;  // one set for every device
  hw::TimeUs now_us = 0;
  hw::TimeUs synced_us = 0;  // SimGrid's clock, as far as the fleet scheduler has let it run (simgrid_sync.hpp)
  EventQueue events;
  RadioMedium medium;
  BackhaulTracker backhaul;
  DeliveryBook deliveries;
  std::vector<std::shared_ptr<GatewayInbox>> gateway_inboxes;
  std::vector<std::string> gateway_names;  // every gateway's, as gateway_inboxes (radio ones first)
  PinnedArray<Device> devices;  // device_count places, filled in id order
  std::uint64_t device_events = 0;
  PendingAnswers answers_pending;  // confirmed transmissions the server still owes an answer
  // The voyage world's ships, ports and journeys (null in the single-port world), and its books per phase.
  const VoyageWorld* voyage = nullptr;
  std::optional<PhaseBook> phases;
};

}  // namespace fleet::sim
