#include "sim/radio/class_a.hpp"

#include <cmath>

#include "hw/lora_airtime.hpp"

namespace fleet::sim {

namespace {
constexpr hw::TimeUs RX2_AFTER_RX1_US = hw::US_PER_S;  // RECEIVE_DELAY2 - RECEIVE_DELAY1
}  // namespace

hw::TimeUs window_listen_us(int symbols, int spreading_factor, double bandwidth_hz) {
  const auto numerator = static_cast<std::uint64_t>(symbols) * (std::uint64_t{1} << spreading_factor) * 1'000'000ULL;
  const auto bandwidth = static_cast<std::uint64_t>(std::llround(bandwidth_hz));
  return (numerator + bandwidth - 1) / bandwidth;
}

WindowPlan window_plan(const RadioSpec& radio, RxWindow window, hw::TimeUs uplink_end_us, std::uint8_t channel,
                       std::uint8_t uplink_sf) {
  const ClassASpec& class_a = radio.class_a;
  WindowPlan plan;
  const hw::TimeUs rx1_us = uplink_end_us + microseconds_of(class_a.rx1_delay_s);
  if (window == RxWindow::RX1) {
    plan.open_us = rx1_us;
    plan.spreading_factor = uplink_sf;
    plan.frequency_hz = radio.channels_hz.at(channel);
  } else {
    plan.open_us = rx1_us + RX2_AFTER_RX1_US;
    plan.spreading_factor = static_cast<std::uint8_t>(class_a.rx2_spreading_factor);
    plan.frequency_hz = class_a.rx2_frequency_hz;
  }
  plan.listen_us = window_listen_us(class_a.window_symbols, plan.spreading_factor, radio.bandwidth_hz);
  return plan;
}

hw::TimeUs class_a_quiet_end_us(const RadioSpec& radio, hw::TimeUs uplink_end_us, std::uint8_t channel,
                                std::uint8_t uplink_sf) {
  const WindowPlan rx2 = window_plan(radio, RxWindow::RX2, uplink_end_us, channel, uplink_sf);
  return rx2.open_us + rx2.listen_us;
}

hw::TimeUs downlink_airtime_us(const RadioSpec& radio, int spreading_factor, std::size_t phy_bytes) {
  hw::LoraPhyParams phy;
  phy.spreading_factor = static_cast<std::uint8_t>(spreading_factor);
  phy.bandwidth_hz = static_cast<std::uint32_t>(std::llround(radio.bandwidth_hz));
  phy.coding_rate = static_cast<std::uint8_t>(radio.coding_rate);
  phy.preamble_symbols = static_cast<std::uint16_t>(radio.preamble_symbols);
  phy.explicit_header = true;
  phy.crc_on = false;
  phy.low_data_rate_optimize = hw::ldro_required(phy.spreading_factor, phy.bandwidth_hz);
  return hw::lora_time_on_air_us(phy, phy_bytes);
}

}  // namespace fleet::sim
