#pragma once
// A gateway's downlink side: a SimGrid actor on the gateway's host that receives the network server's
// downlinks (ACKs) and books each into the answered uplink's RX1 or RX2 window, as a LoRaWAN gateway's
// packet forwarder does with a "txpk" timed to the uplink:
//   - RX1 if the downlink arrived before RX1 opens, the uplink channel's sub-band duty cycle allows it
//     and the transmitter is free; otherwise RX2 on the same terms (869.525 MHz, g3, 10 %);
//   - otherwise it is dropped and counted: missed_rx_window when it came after RX2 opened (the backhaul
//     was too slow), else gateway_duty_cycle or gateway_busy for what forbade the last window in time.
// A booked downlink occupies the gateway's radio (half-duplex: RadioMedium::gateway_transmits), spends
// its duty-cycle budget (hw::DutyCycle, the firmware's own bookkeeping, per EU868 sub-band), and is
// left for the device, which receives it if it is above its sensitivity when the window opens.
#include <cstdint>
#include <string>

#include "hw/duty_cycle.hpp"
#include "sim/fleet_runtime.hpp"
#include "sim/uplink_message.hpp"

namespace fleet::sim {

class GatewayDownlinks {
 public:
  GatewayDownlinks(FleetRuntime* fleet, std::uint16_t gateway, std::string mailbox)
      : fleet_(fleet), gateway_(gateway), mailbox_(std::move(mailbox)) {}
  void operator()();

  // The decision for one downlink that reached the gateway at arrived_us (exposed for the tests).
  void schedule(const DownlinkRequest& request, hw::TimeUs arrived_us);

 private:
  FleetRuntime* fleet_;
  std::uint16_t gateway_;
  std::string mailbox_;
  hw::DutyCycle duty_cycle_;
};

// The mailbox a gateway's downlink actor listens on.
inline std::string gateway_downlink_mailbox(std::uint16_t gateway) { return "gateway-downlink-" + std::to_string(gateway); }

}  // namespace fleet::sim
