#pragma once
// EU868 data rates at 125 kHz: the largest application payload each spreading factor may carry. The
// firmware's LoRa payload limit follows its SF (at boot, and when a downlink changes the SF), so a
// frame packed for SF7 is never sent at SF12.
#include <cstdint>

namespace fleet::hw {

// DR5..DR0 = SF7..SF12. [S] LoRaMac-node RegionEU868.h MaxPayloadOfDatarateEU868 (docs/sources.md section 4).
// 0 for a spreading factor outside 7..12.
constexpr std::uint16_t eu868_max_payload_bytes(int spreading_factor) {
  constexpr std::uint16_t BY_SF[] = {242, 242, 115, 51, 51, 51};  // SF7..SF12
  return spreading_factor < 7 || spreading_factor > 12 ? 0 : BY_SF[spreading_factor - 7];
}

}  // namespace fleet::hw
