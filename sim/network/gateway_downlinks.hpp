#pragma once
// A gateway's downlink side: when a network server's downlink (an ACK) reaches the gateway across the
// WAN, it books it into the answered uplink's RX1 or RX2 window, as a LoRaWAN gateway's packet
// forwarder does with a "txpk" timed to the uplink:
//   - RX1 if the downlink arrived before RX1 opens, the uplink channel's sub-band duty cycle allows it
//     and the transmitter is free; otherwise RX2 on the same terms (869.525 MHz, g3, 10 %);
//   - otherwise it is dropped and counted: missed_rx_window when it came after RX2 opened (the backhaul
//     was too slow), else gateway_duty_cycle or gateway_busy for what forbade the last window in time.
// A booked downlink occupies the gateway's radio (half-duplex: RadioMedium::gateway_transmits), spends
// its duty-cycle budget (hw::DutyCycle, the firmware's own bookkeeping, per EU868 sub-band), and is
// left for the device, which receives it if it is above its sensitivity when the window opens.
#include <cstdint>

#include "hw/duty_cycle.hpp"
#include "sim/fleet/fleet_runtime.hpp"
#include "sim/radio/uplink_message.hpp"

namespace fleet::sim {

class GatewayDownlinks {
 public:
  GatewayDownlinks(FleetRuntime* fleet, std::uint16_t gateway) : fleet_(fleet), gateway_(gateway) {}

  // The decision for one downlink that reached the gateway at arrived_us.
  void schedule(const DownlinkRequest& request, hw::TimeUs arrived_us);

 private:
  FleetRuntime* fleet_;
  std::uint16_t gateway_;
  hw::DutyCycle duty_cycle_;
};

}  // namespace fleet::sim
