#pragma once
// One gateway's copy of a received frame, as it travels over the backhaul to the network server.
#include <cstdint>
#include <vector>

#include "hw/types.hpp"

namespace fleet::sim {

struct UplinkMessage {
  std::uint32_t device_id = 0;  // from the radio's view; the server trusts only the decoded frame
  std::uint16_t gateway = 0;
  hw::TimeUs received_us = 0;  // end of the frame on air, at the gateway
  hw::TimeUs sent_us = 0;      // start of the frame on air (received_us - sent_us is its airtime)
  float rssi_dbm = 0;
  std::vector<std::uint8_t> frame;
};

// Bytes a gateway adds around each frame on the backhaul (packet-forwarder metadata and transport
// headers). [A] The Semtech UDP forwarder's JSON "rxpk" is a few hundred bytes; 200 B is a round figure.
inline constexpr std::uint64_t BACKHAUL_OVERHEAD_BYTES = 200;

}  // namespace fleet::sim
