// The exponential validation source: LoRaSim's traffic (docs/sources.md §11) in the firmware's codec.
#include "sim/fleet/validation_traffic.hpp"

#include <catch2/catch.hpp>

#include "hw/uplink_codec.hpp"
#include "unit/hw/fake_hal.hpp"

using fleet::sim::ExponentialTraffic;
using fleet::sim::Scenario;

TEST_CASE("Exponential gaps have the configured mean and are reproducible", "[traffic]") {
  Scenario scenario;
  scenario.radio.traffic.model = "exponential";
  scenario.radio.traffic.mean_gap_s = 1000;
  ExponentialTraffic traffic(scenario, 7, 12);
  ExponentialTraffic again(scenario, 7, 12);
  double sum_s = 0;
  constexpr int DRAWS = 100'000;
  for (int i = 0; i < DRAWS; ++i) {
    const auto gap_us = traffic.next_frame_at(0);
    CHECK(gap_us == again.next_frame_at(0));
    sum_s += static_cast<double>(gap_us) * 1e-6;
  }
  // Exponential: the mean of 100,000 draws has a standard deviation of 1000/sqrt(1e5) = 3.2 s.
  CHECK(sum_s / DRAWS == Approx(1000).margin(15));
}

TEST_CASE("Each frame is one decodable record on the device's fixed channel", "[traffic]") {
  Scenario scenario;
  scenario.radio.traffic.model = "exponential";
  ExponentialTraffic traffic(scenario, 42, 9);
  fleet::hw::test::FakeHal board;
  traffic.send(board);
  traffic.send(board);
  REQUIRE(board.txs.size() == 2);
  fleet::hw::UplinkFrame frame;
  REQUIRE(fleet::hw::decode_uplink(board.txs[1].bytes.data(), board.txs[1].bytes.size(), frame));
  CHECK(frame.device_id == 42);
  CHECK(frame.frame_counter == 1);
  CHECK(frame.record_count == 1);
  CHECK(board.txs[1].params.spreading_factor == 9);
  CHECK(board.txs[0].params.channel_index == board.txs[1].params.channel_index);
  CHECK(board.txs[0].params.channel_index < 3);
  CHECK(traffic.records_generated() == 2);
  CHECK(traffic.frames_sent() == 2);
}

TEST_CASE("PHY payload: MAC overhead for firmware traffic, the fixed size for validation traffic", "[traffic]") {
  fleet::sim::RadioSpec radio;
  CHECK(fleet::sim::uplink_phy_payload_bytes(radio, 25) == 25 + 13);
  radio.traffic.model = "exponential";
  radio.traffic.phy_payload_bytes = 20;
  CHECK(fleet::sim::uplink_phy_payload_bytes(radio, 25) == 20);
}
