#pragma once
// LoRaWAN class A timing on the device side and the downlinks' shape: when RX1 and RX2 open after an
// uplink, how long a window listens when nothing comes, how long a downlink is on air, and what a
// window costs the radio. Pure functions of the scenario, so the board, the gateways and the tests
// agree on one definition.
//
// LoRaWAN 1.0.x class A (docs/sources.md section 4 for EU868): RX1 opens RECEIVE_DELAY1 after the end of the
// uplink, on the uplink's channel at its data rate (EU868 RX1DROffset 0); RX2 opens one second later
// (RECEIVE_DELAY2 = RECEIVE_DELAY1 + 1 s) on 869.525 MHz at DR0 (SF12/125 kHz). A device that receives
// a downlink in RX1 does not open RX2.
#include <cstddef>
#include <cstdint>

#include "hw/types.hpp"
#include "sim/scenario/scenario.hpp"

namespace fleet::sim {

// MHDR (1) + FHDR (DevAddr 4, FCtrl 1, FCnt 2) + MIC (4): an ACK with no payload and no FOpts
// (LoRaWAN 1.0.x section 4). A payload adds FPort (1) and its bytes.
inline constexpr std::size_t DOWNLINK_HEADER_PHY_BYTES = 12;
constexpr std::size_t downlink_phy_bytes(std::size_t payload_bytes) {
  return DOWNLINK_HEADER_PHY_BYTES + (payload_bytes > 0 ? 1 + payload_bytes : 0);
}

enum class RxWindow : std::uint8_t { RX1 = 1, RX2 = 2 };

// One window after a given uplink.
struct WindowPlan {
  hw::TimeUs open_us = 0;     // absolute
  std::uint8_t spreading_factor = 12;
  double frequency_hz = 0;
  hw::TimeUs listen_us = 0;   // open with nothing to receive: window_symbols symbols at that SF
};

// The two windows after an uplink that ended at uplink_end_us on `channel` at `uplink_sf`.
WindowPlan window_plan(const RadioSpec& radio, RxWindow window, hw::TimeUs uplink_end_us, std::uint8_t channel,
                       std::uint8_t uplink_sf);

// Time a window stays open when no preamble comes: `symbols` symbols of 2^sf / bandwidth, rounded up
// to the microsecond.
hw::TimeUs window_listen_us(int symbols, int spreading_factor, double bandwidth_hz);

// When a class A cycle with nothing received ends: RX2's open time plus its listen time.
hw::TimeUs class_a_quiet_end_us(const RadioSpec& radio, hw::TimeUs uplink_end_us, std::uint8_t channel,
                                std::uint8_t uplink_sf);

// Time on air of a downlink of `phy_bytes` at `spreading_factor`: explicit header, no payload CRC
// (LoRaWAN downlinks carry none, LoRaWAN 1.0.x section 3.1), the scenario's preamble and coding rate.
hw::TimeUs downlink_airtime_us(const RadioSpec& radio, int spreading_factor, std::size_t phy_bytes);

}  // namespace fleet::sim
