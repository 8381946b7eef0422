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
  // The gateway's metadata of the reception (what a packet forwarder reports) and the MHDR's MType.
  std::uint8_t channel = 0;
  std::uint8_t spreading_factor = 0;
  bool confirmed = false;
  // How the frame left the device: LoRa (to a port gateway or a ship's hub) or LTE-M (voyage world),
  // which the network server neither answers nor feeds to ADR.
  hw::Bearer bearer = hw::Bearer::LORA;
  // Sim bookkeeping, not a protocol field: bit i set when record i was not yet delivered when the
  // frame left the device (accounting.hpp). A real application deduplicates by record sequence number.
  std::uint16_t fresh_records_mask = 0xFFFF;
  std::vector<std::uint8_t> frame;
};

// The network server's answer to a confirmed uplink, sent to the gateway that heard it best, which
// transmits it in RX1 or RX2 after that uplink (sim/network/gateway_downlinks.hpp).
struct DownlinkRequest {
  std::uint32_t device_id = 0;
  hw::TimeUs uplink_end_us = 0;  // the uplink it answers: its windows open relative to this
  std::uint8_t uplink_channel = 0;
  std::uint8_t uplink_sf = 0;
  bool ack = true;
  std::vector<std::uint8_t> payload;  // a configuration command (hw/downlink_codec.hpp), or empty
};

// Bytes a gateway adds around each frame on the backhaul (packet-forwarder metadata and transport
// headers). [A] The Semtech UDP forwarder's JSON "rxpk" is a few hundred bytes; 200 B is a round figure.
inline constexpr std::uint64_t BACKHAUL_OVERHEAD_BYTES = 200;

}  // namespace fleet::sim
