#pragma once
// The network server's ADR (radio.adr): per device, the best gateway's RSSI of each of its last
// `history` uplinks; when the history is full, the reference algorithm (models/lora_adr.hpp) decides
// the device's SF and TX power, and a change goes out as a configuration command (hw/downlink_codec.hpp)
// in the payload of the next downlink the server sends that device — the ACK of a confirmed uplink,
// since a class A device hears the network only after it transmits.
//
// What the server knows of a device's settings: the SF from each uplink's metadata, the power from
// what it last commanded (LoRaWAN's LinkADRAns has no counterpart in the uplink format). After a
// command the history restarts, so the next decision rests on uplinks made at the new settings; the
// repeats of the commanded frame (its ACK was lost: the device may not have the command) are left out.
// A command whose ACK never arrives is decided again once a new history has filled.
#include <cstdint>
#include <deque>
#include <vector>

#include "hw/types.hpp"
#include "sim/scenario/scenario.hpp"

namespace fleet::sim {

class AdrController {
 public:
  explicit AdrController(const RadioSpec& radio) : radio_(radio) {}

  // Every gateway copy of every decoded uplink (copies of one transmission share its end time).
  void on_copy(std::uint32_t device_id, hw::TimeUs uplink_end_us, std::uint16_t frame_counter, float rssi_dbm);
  // The command to put in the downlink answering `frame_counter` (sent at `uplink_sf`), or empty when
  // ADR is off, the history is not full or the decision changes nothing.
  std::vector<std::uint8_t> command_for(std::uint32_t device_id, std::uint16_t frame_counter, int uplink_sf);

 private:
  struct DeviceHistory {
    std::deque<float> best_rssi_dbm;  // one per uplink, oldest first
    hw::TimeUs last_uplink_end_us = 0;
    int tx_power_dbm = 0;             // as last commanded (the scenario's power until then)
    bool commanded = false;
    std::uint16_t commanded_frame_counter = 0;
  };
  DeviceHistory& history_of(std::uint32_t device_id);

  const RadioSpec& radio_;
  std::vector<DeviceHistory> devices_;
};

}  // namespace fleet::sim
