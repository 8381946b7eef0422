#include "sim/network/adr_controller.hpp"

#include <algorithm>
#include <cmath>

#include "hw/downlink_codec.hpp"
#include "models/lora_adr.hpp"

namespace fleet::sim {
namespace {
// hw/downlink_codec.hpp parameter ids.
constexpr std::uint8_t SPREADING_FACTOR_PARAM = 26;
constexpr std::uint8_t TX_POWER_PARAM = 27;
}  // namespace

AdrController::DeviceHistory& AdrController::history_of(std::uint32_t device_id) {
  if (device_id >= devices_.size()) {
    DeviceHistory fresh;
    fresh.tx_power_dbm = static_cast<int>(std::lround(radio_.tx_power_dbm));
    devices_.resize(device_id + 1, fresh);
  }
  return devices_[device_id];
}

void AdrController::on_copy(std::uint32_t device_id, hw::TimeUs uplink_end_us, std::uint16_t frame_counter,
                            float rssi_dbm) {
  if (!radio_.adr.enabled) return;
  DeviceHistory& device = history_of(device_id);
  if (device.commanded && frame_counter == device.commanded_frame_counter) return;  // maybe at the old settings
  if (!device.best_rssi_dbm.empty() && device.last_uplink_end_us == uplink_end_us) {
    device.best_rssi_dbm.back() = std::max(device.best_rssi_dbm.back(), rssi_dbm);
    return;
  }
  device.last_uplink_end_us = uplink_end_us;
  device.best_rssi_dbm.push_back(rssi_dbm);
  if (device.best_rssi_dbm.size() > static_cast<std::size_t>(radio_.adr.history)) device.best_rssi_dbm.pop_front();
}

std::vector<std::uint8_t> AdrController::command_for(std::uint32_t device_id, std::uint16_t frame_counter,
                                                     int uplink_sf) {
  if (!radio_.adr.enabled) return {};
  DeviceHistory& device = history_of(device_id);
  if (device.best_rssi_dbm.size() < static_cast<std::size_t>(radio_.adr.history)) return {};
  const float max_rssi_dbm = *std::max_element(device.best_rssi_dbm.begin(), device.best_rssi_dbm.end());
  const models::AdrSettings now{uplink_sf, device.tx_power_dbm};
  const models::AdrLimits limits{radio_.adr.margin_db, static_cast<int>(std::lround(radio_.adr.min_tx_power_dbm)),
                                 static_cast<int>(std::lround(radio_.tx_power_dbm))};
  const models::AdrSettings next = models::reference_adr(max_rssi_dbm, now, radio_.bandwidth_hz, limits);
  if (next == now) return {};

  hw::DownlinkParam params[2];
  std::size_t count = 0;
  if (next.spreading_factor != now.spreading_factor)
    params[count++] = {SPREADING_FACTOR_PARAM, static_cast<std::uint32_t>(next.spreading_factor)};
  if (next.tx_power_dbm != now.tx_power_dbm)  // two's complement on the wire
    params[count++] = {TX_POWER_PARAM, static_cast<std::uint8_t>(static_cast<std::int8_t>(next.tx_power_dbm))};
  std::vector<std::uint8_t> payload(hw::DOWNLINK_HEADER_BYTES + 2 * (1 + 1));
  payload.resize(hw::encode_downlink(params, count, payload.data(), payload.size()));

  device.tx_power_dbm = next.tx_power_dbm;
  device.best_rssi_dbm.clear();
  device.commanded = true;
  device.commanded_frame_counter = frame_counter;
  return payload;
}

}  // namespace fleet::sim
