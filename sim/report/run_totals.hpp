#pragma once
// Fleet totals at the end of a run, and the accounting identity they must satisfy.
#include <array>
#include <cstdint>
#include <vector>

#include "sim/books/accounting.hpp"
#include "sim/fleet/fleet_runtime.hpp"

namespace fleet::sim {

struct RecordTotals {
  std::uint64_t generated = 0;
  std::uint64_t delivered = 0;
  std::array<std::uint64_t, RADIO_LOSS_COUNT> lost_radio{};
  std::uint64_t dropped_queue_full = 0;
  std::uint64_t dropped_gateway_buffer = 0;  // every copy of their frame dropped by a full gateway buffer
  std::uint64_t queued_on_device = 0;
  std::uint64_t on_air = 0;      // in a frame still on air when the run ended
  std::uint64_t in_flight = 0;   // received by a gateway, not yet at the network server (in transit or buffered)

  std::uint64_t lost_total() const;
  std::uint64_t accounted() const;  // everything but `generated`; equals it when the books close
};

// Column and key names of the components, in hw::Component order.
inline constexpr const char* COMPONENT_NAMES[hw::COMPONENT_COUNT] = {"mcu", "lora_radio", "gnss", "sensors", "modem"};

struct EnergyTotals {
  std::array<double, hw::COMPONENT_COUNT> component_charge_c{};
  double ledger_total_c = 0;
  double battery_drawn_c = 0;
};

struct DeviceSummary {
  double mean_current_a = 0;
  double battery_life_years = 0;
};

struct RunTotals {
  RecordTotals records;
  EnergyTotals energy;
  std::uint64_t frames_sent = 0;
  std::uint64_t frames_lost = 0;
  std::uint64_t duplicate_copies = 0;
  std::uint64_t duty_cycle_deferrals = 0;
  std::uint64_t duplicate_records = 0;  // records the server already had (accounting.hpp)
  // Class A: confirmed transmissions (repeats included), those acknowledged, and the downlinks.
  std::uint64_t confirmed_frames_sent = 0;
  std::uint64_t frames_acked = 0;
  std::uint64_t downlinks_sent = 0;
  std::uint64_t downlinks_received = 0;
  // ADR (radio.adr): commands the server put in a downlink, and those the firmware applied (in the
  // simulator ADR is the only sender of configuration commands, so every applied downlink is one).
  std::uint64_t adr_commands_sent = 0;
  std::uint64_t adr_commands_applied = 0;
  std::array<std::uint64_t, DOWNLINK_LOSS_COUNT> downlinks_lost{};
  std::uint64_t browned_out = 0;
  std::vector<DeviceSummary> devices;
};

RunTotals compute_totals(const FleetRuntime& fleet, double duration_s);

}  // namespace fleet::sim
