// Radio areas and device sites: a device that stands in several areas over its journey (a port's yard,
// a ship) is heard only by the gateways of the area it stands in, and a frame stays on the site it was
// sent from. Figures: log-distance 3.76 with 7.7 dB at 1 m gives −68.9 dBm at 100 m (as in
// radio_medium_test.cpp); free space is 20·log10(d) + 20·log10(f) − 147.55 dB (Friis, d in m, f in Hz:
// 20·log10(4π/c) = −147.55).
#include "sim/radio/radio_medium.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/base/random_purpose.hpp"

using fleet::models::LocalPoint;
using fleet::sim::DeviceSite;
using fleet::sim::NO_SITE;
using fleet::sim::PathLossSpec;
using fleet::sim::RadioArea;
using fleet::sim::RadioLoss;
using fleet::sim::RadioMedium;
using fleet::sim::RadioSpec;
using fleet::sim::Transmission;

namespace {
constexpr double LOG_DISTANCE_100_M_DBM = 14 - (7.7 + 37.6 * 2);

Transmission tx(std::uint32_t device, std::uint16_t site, std::uint64_t start_us, int channel = 0) {
  return Transmission{device, start_us, start_us + 60'000, 7, static_cast<std::uint8_t>(channel), 0, site};
}

std::vector<std::uint16_t> gateways_of(const fleet::sim::RadioOutcome& outcome) {
  std::vector<std::uint16_t> gateways;
  for (const auto& reception : outcome.received) gateways.push_back(reception.gateway);
  return gateways;
}

// Area 0, a yard: gateways 0 and 1 at (0, 0) and (200, 0). Area 1, a ship: gateway 2 at (0, 0) of the
// ship's own frame. Both log-distance, no shadowing: the frames are separate, so equal local
// coordinates in two areas are not near each other.
RadioMedium yard_and_ship(RadioSpec radio = {}) {
  return RadioMedium(radio, {RadioArea{{{0, 0}, {200, 0}}, radio.path_loss}, RadioArea{{{0, 0}}, radio.path_loss}}, 1);
}

void add(RadioMedium& medium, std::vector<DeviceSite> sites) { medium.add_device(sites); }

// Frames a gateway received or lost, whatever the reason.
std::uint64_t frames_seen(const RadioMedium& medium, std::uint16_t gateway) {
  const auto& stats = medium.gateway_stats()[gateway];
  std::uint64_t frames = stats.frames_received;
  for (const std::uint64_t lost : stats.frames_lost) frames += lost;
  return frames;
}
}  // namespace

TEST_CASE("A frame is heard only by the gateways of the area its site is in", "[medium][sites]") {
  RadioMedium medium = yard_and_ship();
  add(medium, {DeviceSite{0, {100, 0}, 0}, DeviceSite{1, {100, 0}, 0}});
  CHECK(medium.gateway_count() == 3);
  CHECK(medium.site_count(0) == 2);
  REQUIRE(medium.site_of(0) == 0);
  CHECK(medium.links_of(0) == 2);
  CHECK(medium.links_of(0, 1) == 1);

  const Transmission in_yard = tx(0, medium.site_of(0), 0);
  medium.begin(in_yard);
  CHECK(gateways_of(medium.end(in_yard)) == std::vector<std::uint16_t>{0, 1});

  medium.set_site(0, 1);
  CHECK(medium.site_of(0) == 1);
  CHECK(medium.best_gateway(0) == 2);
  CHECK(medium.best_rssi_dbm(0) == Approx(LOG_DISTANCE_100_M_DBM).margin(1e-4));
  const Transmission on_ship = tx(0, medium.site_of(0), 1'000'000);
  medium.begin(on_ship);
  const auto& outcome = medium.end(on_ship);
  REQUIRE(gateways_of(outcome) == std::vector<std::uint16_t>{2});
  CHECK(outcome.received[0].rssi_dbm == Approx(LOG_DISTANCE_100_M_DBM).margin(1e-4));
  CHECK(medium.gateway_stats()[0].frames_received == 1);
  CHECK(medium.gateway_stats()[2].frames_received == 1);
}

TEST_CASE("A frame on air when its device moves resolves, and frees its paths, at the site it was sent from",
          "[medium][sites]") {
  RadioSpec radio;
  radio.demodulators = 1;
  RadioMedium medium = yard_and_ship(radio);
  add(medium, {DeviceSite{0, {100, 0}, 0}, DeviceSite{1, {100, 0}, 0}});
  add(medium, {DeviceSite{0, {0, 100}, 0}});

  const Transmission sent_in_yard = tx(0, 0, 0);
  medium.begin(sent_in_yard);
  medium.set_site(0, 1);  // loaded on the ship mid-frame
  CHECK(gateways_of(medium.end(sent_in_yard)) == std::vector<std::uint16_t>{0, 1});
  CHECK(frames_seen(medium, 2) == 0);

  // A brown-out after the move still frees the yard gateways' only path.
  medium.set_site(0, 0);
  const Transmission cut = tx(0, 0, 1'000'000, 0);
  medium.begin(cut);
  medium.set_site(0, 1);
  medium.abort(cut);
  const Transmission next = tx(1, 0, 1'070'000, 1);
  medium.begin(next);
  CHECK(gateways_of(medium.end(next)) == std::vector<std::uint16_t>{0, 1});
}

TEST_CASE("A device at no site reaches no gateway", "[medium][sites]") {
  RadioMedium medium = yard_and_ship();
  medium.add_device(std::span<const DeviceSite>{});
  add(medium, {DeviceSite{0, {100, 0}, 0}});
  CHECK(medium.site_of(0) == NO_SITE);
  CHECK(medium.links_of(0) == 0);
  CHECK(medium.best_rssi_dbm(0) == -std::numeric_limits<float>::infinity());

  medium.set_site(1, NO_SITE);  // at sea on a ship without a hub
  const Transmission at_sea = tx(1, medium.site_of(1), 0);
  medium.begin(at_sea);
  const auto& outcome = medium.end(at_sea);
  CHECK(outcome.received.empty());
  CHECK(outcome.loss == RadioLoss::OUT_OF_COVERAGE);
  medium.abort(at_sea);
  CHECK(medium.downlink_rssi_dbm(1, 0, 27) == -std::numeric_limits<float>::infinity());
  for (std::uint16_t gateway = 0; gateway < 3; ++gateway) CHECK(frames_seen(medium, gateway) == 0);

  medium.set_site(1, 0);  // back in the yard: heard again
  const Transmission ashore = tx(1, medium.site_of(1), 1'000'000);
  medium.begin(ashore);
  CHECK(medium.end(ashore).received.size() == 2);
}

TEST_CASE("A site's extra loss lowers every link there by exactly that, uplink and downlink", "[medium][sites]") {
  RadioMedium medium = yard_and_ship();
  add(medium, {DeviceSite{1, {100, 0}, 0}, DeviceSite{1, {100, 0}, 21}});  // same spot, behind a stack
  CHECK(medium.best_rssi_dbm(0, 1) == Approx(medium.best_rssi_dbm(0, 0) - 21).margin(1e-4));
  CHECK(medium.best_rssi_dbm(0, 1) == Approx(LOG_DISTANCE_100_M_DBM - 21).margin(1e-4));

  const Transmission behind = tx(0, 1, 0);
  medium.begin(behind);
  const auto& outcome = medium.end(behind);
  REQUIRE(outcome.received.size() == 1);
  CHECK(outcome.received[0].rssi_dbm == Approx(LOG_DISTANCE_100_M_DBM - 21).margin(1e-4));
  // The downlink reaches the device where it stands: behind the stack, then in the open.
  medium.set_site(0, 1);
  CHECK(medium.downlink_rssi_dbm(0, 2, 27) == Approx(27 - (7.7 + 37.6 * 2) - 21).margin(1e-4));
  medium.set_site(0, 0);
  CHECK(medium.downlink_rssi_dbm(0, 2, 27) == Approx(27 - (7.7 + 37.6 * 2)).margin(1e-4));
}

TEST_CASE("Each area uses its own path-loss model and shadowing", "[medium][sites]") {
  RadioSpec radio;  // log-distance, no shadowing: the yard
  PathLossSpec ship;
  ship.model = "free_space";
  ship.shadowing_sigma_db = 8;
  RadioMedium medium(radio, {RadioArea{{{0, 0}}, radio.path_loss}, RadioArea{{{0, 0}}, ship}}, 7);
  add(medium, {DeviceSite{0, {100, 0}, 0}, DeviceSite{1, {1'000, 0}, 0}});
  CHECK(medium.best_rssi_dbm(0, 0) == Approx(LOG_DISTANCE_100_M_DBM).margin(1e-4));

  // Site 1 of device 0 towards global gateway 1: sub id 1 | 1 << 16 (radio_medium.hpp).
  const double shadowing_db =
      fleet::sim::make_stream(7, 0, fleet::sim::RandomPurpose::SHADOWING, 1 | 1 << 16).normal(0.0, 8.0);
  const double free_space_db = 20 * std::log10(1'000.0) + 20 * std::log10(radio.channels_hz[0]) - 147.55;
  CHECK(medium.best_rssi_dbm(0, 1) == Approx(14 - free_space_db - shadowing_db).margin(0.01));
}

TEST_CASE("Frames in different areas do not interfere; the same frames in one area do", "[medium][sites]") {
  RadioMedium medium = yard_and_ship();
  add(medium, {DeviceSite{1, {100, 0}, 0}});                               // on the ship
  add(medium, {DeviceSite{0, {0, 100}, 0}, DeviceSite{1, {0, 100}, 0}});  // yard, then the ship
  // Equal power, same channel and SF, fully overlapping: in one area they destroy each other.
  const Transmission a = tx(0, 0, 0), b = tx(1, 0, 10'000);
  medium.begin(a);
  medium.begin(b);
  CHECK(medium.end(a).received.size() == 1);
  CHECK(medium.end(b).received.size() == 2);

  medium.set_site(1, 1);
  const Transmission c = tx(0, 0, 1'000'000), d = tx(1, medium.site_of(1), 1'010'000);
  medium.begin(c);
  medium.begin(d);
  CHECK(medium.end(c).loss == RadioLoss::INTERFERENCE_SAME_SF);
  CHECK(medium.end(d).loss == RadioLoss::INTERFERENCE_SAME_SF);
}

TEST_CASE("One area and one site draw and decide exactly as the one-port medium", "[medium][sites]") {
  RadioSpec radio;
  radio.path_loss.shadowing_sigma_db = 8;
  const std::vector<LocalPoint> gateways{{0, 0}, {3'000, 0}, {0, 3'000}};
  RadioMedium one_port(radio, gateways, 42);
  RadioMedium areas(radio, {RadioArea{gateways, radio.path_loss}}, 42);
  for (std::uint32_t id = 0; id < 50; ++id) {
    const LocalPoint position{100.0 * id, 60.0 * id};
    one_port.add_device(position);
    // A second site at the same spot: its own shadowing draws, and no effect on site 0's.
    add(areas, {DeviceSite{0, position, 0}, DeviceSite{0, position, 0}});
  }
  bool a_second_site_differs = false;
  for (std::uint32_t id = 0; id < 50; ++id) {
    CHECK(one_port.best_rssi_dbm(id) == areas.best_rssi_dbm(id));
    CHECK(one_port.best_gateway(id) == areas.best_gateway(id));
    CHECK(one_port.links_of(id) == areas.links_of(id));
    for (std::uint16_t g = 0; g < 3; ++g) CHECK(one_port.downlink_rssi_dbm(id, g, 27) == areas.downlink_rssi_dbm(id, g, 27));
    a_second_site_differs |= areas.best_rssi_dbm(id, 1) != areas.best_rssi_dbm(id, 0);
  }
  CHECK(a_second_site_differs);
  // Site 0's shadowing is the stream (seed, device, SHADOWING, gateway) one-port devices always drew.
  const double distance_m = std::hypot(100.0 * 3 - 3'000, 60.0 * 3);
  const double shadowing_db = fleet::sim::make_stream(42, 3, fleet::sim::RandomPurpose::SHADOWING, 1).normal(0.0, 8.0);
  CHECK(areas.downlink_rssi_dbm(3, 1, 14) ==
        Approx(14 - (7.7 + 37.6 * std::log10(distance_m)) - shadowing_db).margin(1e-4));
}

TEST_CASE("Sites and areas a device does not have are refused", "[medium][sites]") {
  RadioMedium medium = yard_and_ship();
  add(medium, {DeviceSite{0, {100, 0}, 0}});
  CHECK_THROWS_AS(medium.set_site(0, 1), std::out_of_range);
  CHECK_THROWS_AS(medium.set_site(1, 0), std::out_of_range);
  CHECK_THROWS_AS(add(medium, {DeviceSite{0, {100, 0}, 0}, DeviceSite{2, {100, 0}, 0}}), std::invalid_argument);
  CHECK(medium.device_count() == 1);  // the refused device left nothing behind
  const Transmission from_nowhere = tx(0, 3, 0);
  CHECK_THROWS_AS(medium.begin(from_nowhere), std::out_of_range);
}
