#pragma once
// LoRa time on air: THE one implementation for the whole project. The firmware's duty-cycle
// bookkeeping, the simulated radio medium and the energy ledger all call it, so they agree to the
// microsecond. Formula: Semtech SX127x datasheet §4.1.1.6–7, as in ns-3 LoraPhy::GetOnAirTime
// (docs: docs/sources.md §4; test vectors §8).
//
//   Tsym          = 2^SF / BW
//   Tpreamble     = (Npreamble + 4.25) · Tsym
//   payloadSymbNb = 8 + max(ceil((8·PL − 4·SF + 28 + 16·CRC − 20·IH) / (4·(SF − 2·DE))) · (CR + 4), 0)
//   ToA           = Tpreamble + payloadSymbNb · Tsym
//
// Integer arithmetic only (no floating point on the target, no rounding drift on the host): time is
// counted in quarter symbols, which makes the 4.25-symbol preamble tail exact.
#include <cstddef>
#include <cstdint>

#include "hw/types.hpp"

namespace fleet::hw {

struct LoraPhyParams {
  std::uint8_t spreading_factor = 9;  // 6..12
  std::uint32_t bandwidth_hz = 125000;
  std::uint8_t coding_rate = 1;        // 1..4 for 4/5..4/8
  std::uint16_t preamble_symbols = 8;  // programmed preamble length, without the 4.25 sync symbols
  bool explicit_header = true;
  bool crc_on = true;
  bool low_data_rate_optimize = false;  // DE in the formula
};

// LoRaWAN Regional Parameters switch low-data-rate optimisation on for SF11 and SF12 at 125 kHz
// (symbols of 16 ms and more). Semtech's own ">= 16 ms" rule would also cover SF12 at 250 kHz, a
// combination no LoRaWAN data rate uses.
constexpr bool ldro_required(std::uint8_t sf, std::uint32_t bandwidth_hz) {
  return sf >= 11 && bandwidth_hz <= 125000;
}

// Symbols after the preamble (header + payload + CRC), including the 8 fixed symbols.
// phy_payload_bytes is the whole PHY payload (for LoRaWAN: MHDR..MIC), at most 255 on real radios.
constexpr std::uint32_t lora_payload_symbols(const LoraPhyParams& phy, std::size_t phy_payload_bytes) {
  const std::int64_t sf = phy.spreading_factor;
  const std::int64_t de = phy.low_data_rate_optimize ? 1 : 0;
  const std::int64_t crc = phy.crc_on ? 1 : 0;
  const std::int64_t ih = phy.explicit_header ? 0 : 1;
  const std::int64_t numerator =
      8 * static_cast<std::int64_t>(phy_payload_bytes) - 4 * sf + 28 + 16 * crc - 20 * ih;
  const std::int64_t denominator = 4 * (sf - 2 * de);
  // A non-positive numerator gives ceil(...) <= 0, which max(..., 0) turns into 0. A non-positive
  // denominator only comes from nonsense parameters (SF < 3 with DE); treat it the same way.
  std::int64_t blocks = 0;
  if (numerator > 0 && denominator > 0) blocks = (numerator + denominator - 1) / denominator;
  return static_cast<std::uint32_t>(8 + blocks * (phy.coding_rate + 4));
}

// Exact for 125/250/500 kHz (where 1e6·2^SF/BW is a whole number of µs, and so is a quarter of it);
// rounded up otherwise, so bookkeeping built on it never under-estimates the air time.
constexpr TimeUs lora_time_on_air_us(const LoraPhyParams& phy, std::size_t phy_payload_bytes) {
  if (phy.bandwidth_hz == 0) return 0;
  const std::uint64_t quarter_symbols = 4ULL * phy.preamble_symbols + 17ULL  // (Npre + 4.25) · 4
                                        + 4ULL * lora_payload_symbols(phy, phy_payload_bytes);
  // quarter_symbols · 2^SF / BW seconds; the product stays below 2^50 for every valid parameter set.
  const std::uint64_t numerator = quarter_symbols * (1ULL << phy.spreading_factor) * 1000000ULL;
  const std::uint64_t denominator = 4ULL * phy.bandwidth_hz;
  return (numerator + denominator - 1) / denominator;
}

}  // namespace fleet::hw
