// The shared LoRa medium: link budgets, sensitivity and same-SF capture, resolved only against
// overlapping transmissions. Distances are chosen from the log-distance model (3.76, 7.7 dB at 1 m):
// 100 m -> -68.9 dBm, 200 m -> -80.2 dBm (11.3 dB weaker), 10 km -> -144.1 dBm (below SF12's -142.5).
#include "sim/radio/radio_medium.hpp"

#include <catch2/catch.hpp>

using fleet::models::LocalPoint;
using fleet::sim::RadioLoss;
using fleet::sim::RadioMedium;
using fleet::sim::RadioSpec;
using fleet::sim::Transmission;

namespace {
RadioMedium medium_with(std::vector<LocalPoint> devices, RadioSpec radio = {},
                        std::vector<LocalPoint> gateways = {LocalPoint{0, 0}}) {
  // Defaults: 3 channels, 14 dBm, no shadowing, 6 dB capture, Goursaud across SFs, 8 demodulators.
  RadioMedium medium(radio, std::move(gateways), 1);
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

TEST_CASE("Below sensitivity at every SF is out of coverage; at this SF only, under sensitivity", "[medium]") {
  // 10 km: −144.1 dBm, below SF12's −142.5. 4.9 km: −132.45 dBm, under SF7's −130, above SF8's −132.5.
  RadioMedium medium = medium_with({{10'000, 0}, {4'900, 0}});
  const Transmission far = tx(0, 0, 1'000'000, 12);
  medium.begin(far);
  CHECK(medium.end(far).received.empty());
  CHECK(medium.end(far).loss == RadioLoss::OUT_OF_COVERAGE);
  const Transmission weak = tx(1, 2'000'000, 60'000, 7);
  medium.begin(weak);
  CHECK(medium.end(weak).loss == RadioLoss::UNDER_SENSITIVITY);
  CHECK(medium.gateway_stats()[0].frames_lost[static_cast<std::size_t>(RadioLoss::UNDER_SENSITIVITY)] == 1);
  const Transmission robust = tx(1, 4'000'000, 120'000, 8);
  medium.begin(robust);
  CHECK(medium.end(robust).received.size() == 1);
}

TEST_CASE("Equal-power frames that overlap on one channel and SF destroy each other", "[medium]") {
  RadioMedium medium = medium_with({{100, 0}, {0, 100}});
  const Transmission a = tx(0, 0, 60'000);
  const Transmission b = tx(1, 30'000, 60'000);
  medium.begin(a);
  medium.begin(b);
  CHECK(medium.end(a).loss == RadioLoss::INTERFERENCE_SAME_SF);
  CHECK(medium.end(b).received.empty());
  CHECK(medium.gateway_stats()[0].frames_lost[static_cast<std::size_t>(RadioLoss::INTERFERENCE_SAME_SF)] == 2);
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
  SECTION("other SF at equal power (isolation −18 dB for SF7 against SF9, −27 dB the other way)") {
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

TEST_CASE("Cross-SF interference follows the Goursaud isolation", "[medium]") {
  // SF7 wanted at 200 m (−80.2 dBm) against SF8 at 10 m (−31.9 dBm, 48 dB stronger): beyond −16 dB.
  RadioMedium medium = medium_with({{200, 0}, {10, 0}});
  const Transmission wanted = tx(0, 0, 60'000, 7), blaster = tx(1, 0, 100'000, 8);
  medium.begin(wanted);
  medium.begin(blaster);
  CHECK(medium.end(wanted).loss == RadioLoss::INTERFERENCE_CROSS_SF);
  CHECK(medium.end(blaster).received.size() == 1);
  SECTION("orthogonal SFs (LoRaSim) let it through") {
    RadioSpec radio;
    radio.inter_sf = "orthogonal";
    RadioMedium lorasim = medium_with({{200, 0}, {10, 0}}, radio);
    lorasim.begin(wanted);
    lorasim.begin(blaster);
    CHECK(lorasim.end(wanted).received.size() == 1);
  }
}

TEST_CASE("Capture off: any same-SF overlap destroys both frames (pure ALOHA)", "[medium]") {
  RadioSpec radio;
  radio.capture = false;
  RadioMedium medium = medium_with({{100, 0}, {200, 0}}, radio);
  const Transmission strong = tx(0, 0, 60'000), weak = tx(1, 59'000, 60'000);  // 1 ms of overlap, 11 dB apart
  medium.begin(strong);
  medium.begin(weak);
  CHECK(medium.end(strong).loss == RadioLoss::INTERFERENCE_SAME_SF);
  CHECK(medium.end(weak).loss == RadioLoss::INTERFERENCE_SAME_SF);
}

TEST_CASE("A gateway locks at most its demodulator paths; the next frame is lost for want of one", "[medium]") {
  RadioSpec radio;
  radio.demodulators = 2;
  // Three devices on three channels, so nothing interferes: only the paths limit reception.
  RadioMedium medium = medium_with({{100, 0}, {0, 100}, {-100, 0}}, radio);
  const Transmission a = tx(0, 0, 60'000, 7, 0), b = tx(1, 1'000, 60'000, 7, 1), c = tx(2, 2'000, 60'000, 7, 2);
  medium.begin(a);
  medium.begin(b);
  medium.begin(c);
  CHECK(medium.end(a).received.size() == 1);
  CHECK(medium.end(b).received.size() == 1);
  CHECK(medium.end(c).loss == RadioLoss::NO_FREE_DEMODULATOR);
  // The paths are free again once the frames have ended.
  const Transmission d = tx(2, 100'000, 60'000, 7, 2);
  medium.begin(d);
  CHECK(medium.end(d).received.size() == 1);
}

TEST_CASE("A brown-out mid-frame frees the gateway's paths", "[medium]") {
  RadioSpec radio;
  radio.demodulators = 1;
  RadioMedium medium = medium_with({{100, 0}, {0, 100}}, radio);
  const Transmission cut = tx(0, 0, 60'000, 7, 0);
  medium.begin(cut);
  medium.abort(cut);
  const Transmission next = tx(1, 70'000, 60'000, 7, 1);
  medium.begin(next);
  CHECK(medium.end(next).received.size() == 1);
}

TEST_CASE("Half-duplex: a gateway transmitting a downlink hears nothing", "[medium]") {
  RadioMedium medium = medium_with({{100, 0}});
  medium.gateway_transmits(0, 0, 50'000);
  const Transmission during = tx(0, 10'000, 60'000);
  medium.begin(during);
  CHECK(medium.end(during).loss == RadioLoss::GATEWAY_TRANSMITTING);
  // A downlink that starts while a frame is on air cuts that reception too.
  const Transmission cut = tx(0, 100'000, 60'000);
  medium.begin(cut);
  medium.gateway_transmits(0, 120'000, 130'000);
  CHECK(medium.end(cut).loss == RadioLoss::GATEWAY_TRANSMITTING);
  const Transmission after = tx(0, 200'000, 60'000);
  medium.begin(after);
  CHECK(medium.end(after).received.size() == 1);
}

TEST_CASE("Several gateways: received by each that decodes; lost with the furthest reason", "[medium]") {
  // Gateways 9.8 km apart; device 0 at 100 m from gateway 0 (−68.9 dBm there, out of gateway 1's
  // reach), device 1 halfway (−132.45 dBm at both: under SF7's −130 dBm, above SF8's −132.5 dBm).
  RadioMedium medium =
      medium_with({{100, 0}, {4'900, 0}}, RadioSpec{}, {LocalPoint{0, 0}, LocalPoint{9'800, 0}});
  const Transmission both = tx(1, 0, 100'000, 8);
  medium.begin(both);
  CHECK(medium.end(both).received.size() == 2);
  // Now gateway 0 loses it to device 0's stronger SF8 frame and gateway 1 is transmitting: the frame
  // got furthest at gateway 0, so it is an interference loss.
  const Transmission lost = tx(1, 1'000'000, 100'000, 8), strong = tx(0, 1'000'000, 100'000, 8);
  medium.gateway_transmits(1, 900'000, 1'050'000);
  medium.begin(strong);
  medium.begin(lost);
  CHECK(medium.end(lost).loss == RadioLoss::INTERFERENCE_SAME_SF);
  CHECK(medium.end(strong).received.size() == 1);
  CHECK(medium.gateway_stats()[1].frames_lost[static_cast<std::size_t>(RadioLoss::GATEWAY_TRANSMITTING)] == 1);
}

TEST_CASE("Only gateways within SF12 sensitivity - 10 dB are linked: a frame's cost stays local", "[medium][scaling]") {
  // SF12 gateway sensitivity −142.5 dBm, cut at −152.5 dBm: 10^((14 + 152.5 − 7.7) / 37.6) = 16.7 km.
  RadioMedium medium = medium_with({{16'000, 0}, {17'500, 0}});
  CHECK(medium.links_of(0) == 1);
  CHECK(medium.links_of(1) == 0);
  const Transmission unheard = tx(1, 0, 1'000'000, 12);
  medium.begin(unheard);
  CHECK(medium.end(unheard).loss == RadioLoss::OUT_OF_COVERAGE);
}

TEST_CASE("Half-duplex: downlinks booked ahead, out of start order, block the right frames", "[medium]") {
  RadioMedium medium = medium_with({{100, 0}});
  // An RX2 downlink is booked first, then an RX1 downlink that starts earlier (another device's).
  medium.gateway_transmits(0, 2'000'000, 3'000'000);
  medium.gateway_transmits(0, 1'000'000, 1'100'000);
  CHECK(medium.gateway_stats()[0].downlinks_sent == 2);
  CHECK(medium.gateway_stats()[0].airtime_transmitted_s == Approx(1.1));
  const Transmission in_rx1 = tx(0, 1'050'000, 60'000);
  medium.begin(in_rx1);
  CHECK(medium.end(in_rx1).loss == RadioLoss::GATEWAY_TRANSMITTING);
  const Transmission between = tx(0, 1'500'000, 60'000);
  medium.begin(between);
  CHECK(medium.end(between).received.size() == 1);
  const Transmission in_rx2 = tx(0, 2'500'000, 60'000);
  medium.begin(in_rx2);
  CHECK(medium.end(in_rx2).loss == RadioLoss::GATEWAY_TRANSMITTING);
}

TEST_CASE("Downlink power at the device: the uplink's path loss with the gateway's power", "[medium]") {
  RadioMedium medium = medium_with({{100, 0}});
  CHECK(medium.downlink_rssi_dbm(0, 0, 27) == Approx(27 - (7.7 + 37.6 * 2)).margin(1e-4));
}
