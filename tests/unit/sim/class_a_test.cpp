// LoRaWAN class A: window timing (LoRaWAN 1.0.x RECEIVE_DELAY1/2, EU868 RX2 869.525 MHz at SF12,
// docs/sources.md section 4), the windows' listening time (8 symbols, ns-3 m_receiveWindowDurationInSymbols),
// downlink time on air from the Semtech formula (docs/sources.md section 4), and the gateway's choice of window.
#include "sim/radio/class_a.hpp"

#include <catch2/catch.hpp>

#include "sim/scenario/firmware_setup.hpp"
#include "sim/fleet/fleet_runtime.hpp"
#include "sim/network/gateway_downlinks.hpp"

using fleet::hw::TimeUs;
using fleet::models::LocalPoint;
using namespace fleet::sim;

TEST_CASE("RX1 opens 1 s after the uplink on its channel and SF, RX2 1 s later on 869.525 MHz at SF12", "[class_a]") {
  RadioSpec radio;  // EU868 defaults: channels 868.1/868.3/868.5 MHz, 125 kHz
  const TimeUs end_us = 10'000'000;
  const WindowPlan rx1 = window_plan(radio, RxWindow::RX1, end_us, 1, 9);
  CHECK(rx1.open_us == 11'000'000);
  CHECK(rx1.frequency_hz == 868.3e6);
  CHECK(rx1.spreading_factor == 9);
  CHECK(rx1.listen_us == 32'768);  // 8 symbols of 2^9 / 125 kHz = 4.096 ms
  const WindowPlan rx2 = window_plan(radio, RxWindow::RX2, end_us, 1, 9);
  CHECK(rx2.open_us == 12'000'000);
  CHECK(rx2.frequency_hz == 869.525e6);
  CHECK(rx2.spreading_factor == 12);
  CHECK(rx2.listen_us == 262'144);  // 8 symbols of 32.768 ms
  CHECK(class_a_quiet_end_us(radio, end_us, 1, 9) == 12'262'144);

  radio.class_a.rx1_delay_s = 5;  // RxTimingSetupReq: RECEIVE_DELAY2 follows at +1 s
  CHECK(window_plan(radio, RxWindow::RX1, end_us, 0, 7).open_us == 15'000'000);
  CHECK(window_plan(radio, RxWindow::RX2, end_us, 0, 7).open_us == 16'000'000);
}

TEST_CASE("A window's listening time is symbols x 2^SF / BW, rounded up", "[class_a]") {
  CHECK(window_listen_us(8, 7, 125e3) == 8'192);
  CHECK(window_listen_us(8, 12, 125e3) == 262'144);
  CHECK(window_listen_us(5, 7, 250e3) == 2'560);
  CHECK(window_listen_us(1, 7, 3e6) == 43);  // 42.67 us rounds up
}

TEST_CASE("An ACK is 12 PHY bytes; its time on air follows the formula without payload CRC", "[class_a]") {
  CHECK(downlink_phy_bytes(0) == 12);
  CHECK(downlink_phy_bytes(7) == 20);  // + FPort + payload
  const RadioSpec radio;
  // SF12, LDRO: 8 + ceil((96 - 48 + 28) / 40) * 5 = 18 symbols; (8 + 4.25 + 18) * 32.768 ms.
  CHECK(downlink_airtime_us(radio, 12, 12) == 991'232);
  // SF9: 8 + ceil((96 - 36 + 28) / 36) * 5 = 23 symbols; (8 + 4.25 + 23) * 4.096 ms.
  CHECK(downlink_airtime_us(radio, 9, 12) == 144'384);
}

namespace {
// One device 100 m from one gateway (log-distance defaults: -68.9 dBm at 14 dBm).
struct OneGatewayFleet {
  Scenario scenario;
  FleetRuntime fleet;
  explicit OneGatewayFleet(Scenario s = {})
      : scenario(std::move(s)),
        fleet(scenario, fleet::models::LocalTangentPlane({43.4, 4.86}), medium(scenario), 2) {
    for (std::uint32_t id = 0; id < 2; ++id)
      fleet.devices.emplace_back(fleet, id, LocalPoint{100, 0}, firmware_config_for(scenario, id, 9));
  }
  static RadioMedium medium(const Scenario& scenario) {
    RadioMedium m(scenario.radio, {LocalPoint{0, 0}}, 1);
    m.add_device(LocalPoint{100, 0});
    m.add_device(LocalPoint{100, 0});
    return m;
  }
};
DownlinkRequest ack_for(std::uint32_t device, TimeUs uplink_end_us) { return DownlinkRequest{device, uplink_end_us, 0, 9, true, {}}; }
}  // namespace

TEST_CASE("The gateway books RX1 when in time, else RX2, else counts a missed window", "[class_a]") {
  OneGatewayFleet world;
  GatewayDownlinks gateway(&world.fleet, 0);
  Device& device = world.fleet.devices[0];

  gateway.schedule(ack_for(0, 10'000'000), 10'500'000);
  CHECK(device.downlink.window == 1);
  CHECK(device.downlink.uplink_end_us == 10'000'000);
  CHECK(device.downlink.airtime_us == 144'384);
  // Symmetric path loss: 14 dBm in RX1 arrives as the uplink did, -68.9 dBm.
  CHECK(device.downlink.rssi_at_device_dbm == Approx(14 - (7.7 + 37.6 * 2)).margin(1e-4));
  // The downlink occupies the gateway's radio (half-duplex) for its time on air from RX1.
  CHECK(world.fleet.medium.gateway_transmitting(0, 11'000'000, 11'000'001));
  CHECK_FALSE(world.fleet.medium.gateway_transmitting(0, 11'144'384, 11'200'000));

  gateway.schedule(ack_for(0, 100'000'000), 101'000'000);  // RX1 has just opened: too late for it
  CHECK(device.downlink.window == 2);
  CHECK(device.downlink.rssi_at_device_dbm == Approx(27 - (7.7 + 37.6 * 2)).margin(1e-4));
  CHECK(device.downlink.airtime_us == 991'232);

  gateway.schedule(ack_for(0, 200'000'000), 202'000'000);  // RX2 has opened too
  CHECK(device.downlink.uplink_end_us == 100'000'000);     // nothing new booked
  CHECK(device.downlinks_lost[static_cast<std::size_t>(DownlinkLoss::MISSED_RX_WINDOW)] == 1);
  CHECK(device.downlinks_sent == 2);
}

TEST_CASE("The gateway duty cycle pushes a downlink to RX2 then drops it, and a busy transmitter drops it", "[class_a]") {
  OneGatewayFleet world;
  GatewayDownlinks gateway(&world.fleet, 0);
  // RX1 in g1 (1 %): 144.384 ms closes g1 for 100 x that from its start.
  gateway.schedule(ack_for(0, 10'000'000), 10'100'000);
  CHECK(world.fleet.devices[0].downlink.window == 1);
  gateway.schedule(ack_for(1, 12'000'000), 12'100'000);  // g1 closed until 25.44 s: RX2 (g3, 10 %)
  CHECK(world.fleet.devices[1].downlink.window == 2);
  // The next RX2 (g3 closed until 14 s + 9.91 s) and RX1 (g1) are both closed now.
  gateway.schedule(ack_for(1, 15'000'000), 15'100'000);
  CHECK(world.fleet.devices[1].downlinks_lost[static_cast<std::size_t>(DownlinkLoss::GATEWAY_DUTY_CYCLE)] == 1);

  // A transmitter already booked over the window: device 0's RX1 at 31 s overlaps device 1's RX1.
  OneGatewayFleet other;
  GatewayDownlinks busy(&other.fleet, 0);
  other.fleet.medium.gateway_transmits(0, 30'950'000, 31'050'000);  // and RX2 at 32 s is covered too:
  other.fleet.medium.gateway_transmits(0, 31'950'000, 33'050'000);
  busy.schedule(ack_for(0, 30'000'000), 30'100'000);
  CHECK(other.fleet.devices[0].downlinks_lost[static_cast<std::size_t>(DownlinkLoss::GATEWAY_BUSY)] == 1);
}
