// Data rate and TX power set by downlink (what a network server's ADR sends): the next uplinks go out
// with the new settings and the payload limit of the new data rate; an out-of-range command changes
// nothing and is counted.
#include <vector>

#include <catch2/catch.hpp>

#include "firmware_harness.hpp"
#include "hw/downlink_codec.hpp"

using namespace fleet::hw;
using namespace fleet::hw::test;

namespace {

constexpr std::uint8_t SPREADING_FACTOR_ID = 26;
constexpr std::uint8_t TX_POWER_ID = 27;

std::vector<TxRecord> started(const FakeHal& hal) {
  std::vector<TxRecord> out;
  for (const TxRecord& tx : hal.txs) {
    if (tx.status == TxStatus::STARTED) out.push_back(tx);
  }
  return out;
}

FirmwareConfig sf12_config() {
  FirmwareConfig config;
  config.report_jitter_us = 0;
  config.spreading_factor = 12;
  config.tx_power_dbm = 14;
  config.bearers[static_cast<std::size_t>(Bearer::LORA)].max_payload_bytes = 51;  // EU868 DR0
  return config;
}

}  // namespace

TEST_CASE("an accepted data-rate and power command sets the next uplink's SF, power and payload limit",
          "[firmware][downlink][adr]") {
  Device device(sf12_config(), 3);
  // SF7 at 8 dBm: what the reference ADR gives a device with 5 steps of margin at SF12 14 dBm
  // (5 SF steps) plus 3 power steps of 2 dB.
  device.hal.downlinks.push_back(downlink({{SPREADING_FACTOR_ID, 7}, {TX_POWER_ID, static_cast<std::uint8_t>(8)}}));
  device.run_to(3 * HOUR_US);
  const auto txs = started(device.hal);
  REQUIRE(txs.size() >= 2);
  CHECK(txs[0].params.spreading_factor == 12);
  CHECK(txs[0].params.tx_power_dbm == 14);
  for (std::size_t i = 1; i < txs.size(); ++i) {
    CHECK(txs[i].params.spreading_factor == 7);
    CHECK(txs[i].params.tx_power_dbm == 8);
  }
  const FirmwareConfig& config = device.firmware.config();
  CHECK(device.firmware.stats().downlinks_applied == 1);
  // EU868 DR5 (SF7) carries 242 bytes (LoRaMac-node MaxPayloadOfDatarateEU868).
  CHECK(config.bearers[static_cast<std::size_t>(Bearer::LORA)].max_payload_bytes == 242);
  check_accounting(device.firmware);
}

TEST_CASE("a negative TX power travels in two's complement", "[downlink_codec][adr]") {
  FirmwareConfig config = sf12_config();
  const auto frame = downlink({{TX_POWER_ID, static_cast<std::uint8_t>(-4)}});
  REQUIRE(apply_downlink(frame.data(), frame.size(), config).accepted());
  CHECK(config.tx_power_dbm == -4);  // the lowest power validate_config() accepts
  CHECK(config.spreading_factor == 12);
}

TEST_CASE("an out-of-range data-rate or power command is rejected whole and counted", "[firmware][downlink][adr]") {
  Device device(sf12_config(), 5);
  const FirmwareConfig before = device.firmware.config();
  device.hal.downlinks.push_back(downlink({{TX_POWER_ID, 10}, {SPREADING_FACTOR_ID, 6}}));  // SF6: not EU868 LoRaWAN
  device.hal.downlinks.push_back(downlink({{SPREADING_FACTOR_ID, 13}}));
  device.hal.downlinks.push_back(downlink({{SPREADING_FACTOR_ID, 8}, {TX_POWER_ID, 28}}));  // above 27 dBm
  device.hal.downlinks.push_back(downlink({{TX_POWER_ID, static_cast<std::uint8_t>(-5)}}));  // below -4 dBm
  device.run_to(6 * HOUR_US);
  const FirmwareStats& s = device.firmware.stats();
  CHECK(s.downlinks_rejected == 4);
  CHECK(s.downlinks_applied == 0);
  CHECK(s.last_downlink_error == DownlinkError::OUT_OF_RANGE);
  CHECK(s.last_downlink_field == ConfigField::TX_POWER);
  CHECK(device.firmware.config() == before);  // the good SF of the third command was not kept either
  for (const TxRecord& tx : started(device.hal)) {
    CHECK(tx.params.spreading_factor == 12);
    CHECK(tx.params.tx_power_dbm == 14);
  }
}
