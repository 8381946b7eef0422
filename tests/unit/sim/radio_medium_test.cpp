// The shared LoRa medium: link budgets, sensitivity and same-SF capture, resolved only against
// overlapping transmissions. Distances are chosen from the log-distance model (3.76, 7.7 dB at 1 m):
// 100 m -> -68.9 dBm, 200 m -> -80.2 dBm (11.3 dB weaker), 10 km -> -144.1 dBm (below SF12's -142.5).
#include "sim/radio_medium.hpp"

#include <catch2/catch.hpp>

using fleet::models::LocalPoint;
using fleet::sim::RadioLoss;
using fleet::sim::RadioMedium;
using fleet::sim::RadioSpec;
using fleet::sim::Transmission;

namespace {
RadioMedium medium_with(std::vector<LocalPoint> devices) {
  RadioSpec radio;  // defaults: 3 channels, 14 dBm, no shadowing, 6 dB capture
  RadioMedium medium(radio, {LocalPoint{0, 0}}, 1);
  for (const LocalPoint& device : devices) medium.add_device(device);
  return medium;
}
Transmission tx(std::uint32_t device, std::uint64_t start_us, std::uint64_t length_us, int sf = 7, int channel = 0) {
  return Transmission{device, start_us, start_us + length_us, static_cast<std::uint8_t>(sf),
                      static_cast<std::uint8_t>(channel)};
}
}  // namespace

TEST_CASE("A lone frame above sensitivity is received with the log-distance power", "[medium]") {
  RadioMedium medium = medium_with({{100, 0}});
  CHECK(medium.best_rssi_dbm(0) == Approx(14 - (7.7 + 37.6 * 2)).margin(1e-4));
  const Transmission frame = tx(0, 0, 60'000);
  medium.begin(frame);
  const auto& outcome = medium.end(frame);
  REQUIRE(outcome.received.size() == 1);
  CHECK(outcome.received[0].gateway == 0);
  CHECK(medium.gateway_stats()[0].frames_received == 1);
}

TEST_CASE("A frame below the gateway's sensitivity at every SF is lost as under_sensitivity", "[medium]") {
  RadioMedium medium = medium_with({{10'000, 0}});
  const Transmission frame = tx(0, 0, 1'000'000, 12);
  medium.begin(frame);
  const auto& outcome = medium.end(frame);
  CHECK(outcome.received.empty());
  CHECK(outcome.loss == RadioLoss::UNDER_SENSITIVITY);
}

TEST_CASE("Equal-power frames that overlap on one channel and SF destroy each other", "[medium]") {
  RadioMedium medium = medium_with({{100, 0}, {0, 100}});
  const Transmission a = tx(0, 0, 60'000);
  const Transmission b = tx(1, 30'000, 60'000);
  medium.begin(a);
  medium.begin(b);
  CHECK(medium.end(a).loss == RadioLoss::INTERFERENCE);
  CHECK(medium.end(a).received.empty());
  CHECK(medium.end(b).received.empty());
  CHECK(medium.gateway_stats()[0].frames_lost_interference >= 2);
}

TEST_CASE("Same-SF capture: the frame 11 dB stronger survives, the weaker one is lost", "[medium]") {
  RadioMedium medium = medium_with({{100, 0}, {200, 0}});
  const Transmission strong = tx(0, 0, 60'000);
  const Transmission weak = tx(1, 0, 60'000);
  medium.begin(strong);
  medium.begin(weak);
  CHECK(medium.end(strong).received.size() == 1);
  CHECK(medium.end(weak).received.empty());
}

TEST_CASE("Interference energy is averaged over the wanted frame", "[medium]") {
  // Equal powers, but the interferer covers only 10 % of the wanted frame: 10 dB of SIR, captured.
  // The interferer itself is fully covered by the wanted frame and is lost.
  RadioMedium medium = medium_with({{100, 0}, {0, 100}});
  const Transmission wanted = tx(0, 0, 100'000);
  const Transmission short_burst = tx(1, 45'000, 10'000);
  medium.begin(wanted);
  medium.begin(short_burst);
  CHECK(medium.end(short_burst).received.empty());
  CHECK(medium.end(wanted).received.size() == 1);
}

TEST_CASE("Frames on other channels, at other SFs or at other times do not interfere", "[medium]") {
  RadioMedium medium = medium_with({{100, 0}, {0, 100}});
  SECTION("other channel") {
    const Transmission a = tx(0, 0, 60'000, 7, 0), b = tx(1, 0, 60'000, 7, 1);
    medium.begin(a);
    medium.begin(b);
    CHECK(medium.end(a).received.size() == 1);
    CHECK(medium.end(b).received.size() == 1);
  }
  SECTION("other SF (orthogonal until the Goursaud matrix of issue #4)") {
    const Transmission a = tx(0, 0, 60'000, 7), b = tx(1, 0, 200'000, 9);
    medium.begin(a);
    medium.begin(b);
    CHECK(medium.end(a).received.size() == 1);
    CHECK(medium.end(b).received.size() == 1);
  }
  SECTION("back to back") {
    const Transmission a = tx(0, 0, 60'000), b = tx(1, 60'000, 60'000);
    medium.begin(a);
    CHECK(medium.end(a).received.size() == 1);
    medium.begin(b);
    CHECK(medium.end(b).received.size() == 1);
  }
}

TEST_CASE("Resolving a frame looks only at transmissions inside the airtime window", "[medium][scaling]") {
  // 1,000 frames spaced 1 s apart: each resolution must look at a handful of neighbours, not at all of them.
  std::vector<LocalPoint> devices(1000, LocalPoint{100, 0});
  RadioMedium medium = medium_with(devices);
  for (std::uint32_t i = 0; i < devices.size(); ++i) {
    const Transmission frame = tx(i, i * 1'000'000ull, 60'000);
    medium.begin(frame);
    REQUIRE(medium.end(frame).received.size() == 1);
  }
  CHECK(medium.overlap_checks() <= 3 * devices.size());
}
