// LoRa time on air against the reference vectors of docs/sources.md §8: the 15 rows of
// ns-3's TimeOnAirTest (exact values, to the microsecond) and the two corroborating C# vectors.
#include "hw/lora_airtime.hpp"

#include <catch2/catch.hpp>

namespace {

using fleet::hw::LoraPhyParams;
using fleet::hw::TimeUs;

struct Vector {
  int row;
  std::size_t payload_bytes;
  std::uint8_t sf;
  std::uint32_t bandwidth_khz;
  std::uint8_t cr;
  std::uint16_t preamble;
  bool explicit_header;
  bool ldro;
  TimeUs toa_us;
  std::uint32_t payload_symbols;
};

constexpr Vector NS3_VECTORS[] = {
    {1, 10, 7, 125, 1, 8, true, false, 41216, 28},    {2, 10, 8, 125, 1, 8, true, false, 72192, 23},
    {3, 10, 8, 125, 1, 8, false, false, 72192, 23},   {4, 10, 8, 125, 2, 8, false, false, 78336, 26},
    {5, 10, 8, 125, 2, 10, false, false, 82432, 26},  {6, 10, 8, 125, 2, 10, false, true, 82432, 26},
    {7, 10, 10, 125, 2, 10, false, true, 280576, 20}, {8, 10, 10, 250, 2, 10, false, true, 140288, 20},
    {9, 10, 10, 500, 2, 10, false, true, 70144, 20},  {10, 10, 10, 500, 2, 10, true, true, 82432, 26},
    {11, 10, 10, 500, 2, 8, true, true, 78336, 26},   {12, 10, 12, 500, 2, 8, true, true, 264192, 20},
    {13, 50, 12, 500, 2, 8, true, true, 657408, 68},  {14, 50, 12, 125, 2, 8, true, true, 2629632, 68},
    {15, 50, 12, 125, 1, 8, true, true, 2301952, 58},
};

constexpr LoraPhyParams phy_of(const Vector& v) {
  LoraPhyParams phy;
  phy.spreading_factor = v.sf;
  phy.bandwidth_hz = v.bandwidth_khz * 1000;
  phy.coding_rate = v.cr;
  phy.preamble_symbols = v.preamble;
  phy.explicit_header = v.explicit_header;
  phy.crc_on = true;
  phy.low_data_rate_optimize = v.ldro;
  return phy;
}

// Usable at compile time: the simulator may build tables from it.
static_assert(fleet::hw::lora_time_on_air_us(phy_of(NS3_VECTORS[0]), 10) == 41216);

}  // namespace

TEST_CASE("time on air matches the 15 ns-3 vectors to the microsecond", "[lora_airtime]") {
  for (const Vector& v : NS3_VECTORS) {
    INFO("row " << v.row);
    CHECK(fleet::hw::lora_payload_symbols(phy_of(v), v.payload_bytes) == v.payload_symbols);
    CHECK(fleet::hw::lora_time_on_air_us(phy_of(v), v.payload_bytes) == v.toa_us);
  }
}

TEST_CASE("time on air matches the corroborating C# vectors (SF7, 500 kHz, CR 4/5)", "[lora_airtime]") {
  LoraPhyParams phy;
  phy.spreading_factor = 7;
  phy.bandwidth_hz = 500000;
  phy.coding_rate = 1;
  CHECK(fleet::hw::lora_payload_symbols(phy, 10) == 28);
  CHECK(fleet::hw::lora_time_on_air_us(phy, 10) == 10304);
  CHECK(fleet::hw::lora_payload_symbols(phy, 22) == 43);
  CHECK(fleet::hw::lora_time_on_air_us(phy, 22) == 14144);
}

TEST_CASE("payload symbols never drop below the 8 fixed symbols", "[lora_airtime]") {
  LoraPhyParams phy;
  phy.spreading_factor = 12;
  phy.explicit_header = false;
  phy.crc_on = false;
  // 8·0 − 48 + 28 − 20 < 0: max(…, 0) keeps the count at 8.
  CHECK(fleet::hw::lora_payload_symbols(phy, 0) == 8);
}

TEST_CASE("a bandwidth that does not divide evenly rounds up", "[lora_airtime]") {
  LoraPhyParams phy;
  phy.spreading_factor = 7;
  phy.bandwidth_hz = 62500 * 3;  // 187.5 kHz: Tsym = 682.67 µs
  // (8 + 4.25 + 28) symbols · 128 / 187500 s = 27477.33… µs.
  CHECK(fleet::hw::lora_time_on_air_us(phy, 10) == 27478);
}

TEST_CASE("LDRO follows the LoRaWAN convention: SF11 and SF12 at 125 kHz", "[lora_airtime]") {
  CHECK_FALSE(fleet::hw::ldro_required(10, 125000));
  CHECK(fleet::hw::ldro_required(11, 125000));
  CHECK(fleet::hw::ldro_required(12, 125000));
  CHECK_FALSE(fleet::hw::ldro_required(12, 250000));
  CHECK_FALSE(fleet::hw::ldro_required(7, 500000));
}
