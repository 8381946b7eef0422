#include "sim/network/gateway_downlinks.hpp"

#include <cmath>

#include "models/eu868_channel_plan.hpp"
#include "sim/radio/class_a.hpp"

namespace fleet::sim {

namespace {
// The regulatory duty cycle of the sub-band holding `frequency_hz`, in permille (docs/sources.md section 4).
struct SubBand {
  std::size_t index;
  std::uint16_t duty_permille;
};
SubBand sub_band_at(double frequency_hz, double bandwidth_hz) {
  const std::size_t index = models::eu868_sub_band_of(frequency_hz, bandwidth_hz).value();  // the loader checked
  const double duty = models::eu868_sub_bands()[index].duty_cycle;
  return SubBand{index, static_cast<std::uint16_t>(std::lround(duty * 1000))};
}
}  // namespace

void GatewayDownlinks::schedule(const DownlinkRequest& request, hw::TimeUs arrived_us) {
  const RadioSpec& radio = fleet_->scenario.radio;
  Device& device = fleet_->devices[request.device_id];
  const std::size_t phy_bytes = downlink_phy_bytes(request.payload.size());
  DownlinkLoss reason = DownlinkLoss::MISSED_RX_WINDOW;
  for (const RxWindow window : {RxWindow::RX1, RxWindow::RX2}) {
    const WindowPlan plan = window_plan(radio, window, request.uplink_end_us, request.uplink_channel, request.uplink_sf);
    if (arrived_us >= plan.open_us) continue;  // too late for this window
    const hw::TimeUs airtime_us = downlink_airtime_us(radio, plan.spreading_factor, phy_bytes);
    const SubBand band = sub_band_at(plan.frequency_hz, radio.bandwidth_hz);
    if (!duty_cycle_.is_open(band.index, plan.open_us)) {
      reason = DownlinkLoss::GATEWAY_DUTY_CYCLE;
      continue;
    }
    if (fleet_->medium.gateway_transmitting(gateway_, plan.open_us, plan.open_us + airtime_us)) {
      reason = DownlinkLoss::GATEWAY_BUSY;
      continue;
    }
    duty_cycle_.record_tx(band.index, plan.open_us, airtime_us, band.duty_permille);
    fleet_->medium.gateway_transmits(gateway_, plan.open_us, plan.open_us + airtime_us);
    const double power_dbm = window == RxWindow::RX1 ? radio.class_a.rx1_gateway_tx_power_dbm
                                                     : radio.class_a.rx2_gateway_tx_power_dbm;
    device.downlink = ScheduledDownlink{request.uplink_end_us,
                                        static_cast<std::uint8_t>(window),
                                        request.ack,
                                        gateway_,
                                        fleet_->medium.downlink_rssi_dbm(request.device_id, gateway_, power_dbm),
                                        airtime_us,
                                        request.payload};
    ++device.downlinks_sent;
    return;
  }
  ++device.downlinks_lost[static_cast<std::size_t>(reason)];
}

}  // namespace fleet::sim
