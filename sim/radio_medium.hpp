#pragma once
// The shared LoRa medium of one port: which gateways hear which device, and which frames survive
// the transmissions that overlap them. Resolving one reception looks only at the transmissions
// on the same channel inside the longest-airtime window, never at the whole fleet.
// Physics (path loss, sensitivity, capture) lives in models/; this file only keeps the books.
#include <cstdint>
#include <deque>
#include <vector>

#include "hw/types.hpp"
#include "models/geo.hpp"
#include "models/path_loss.hpp"
#include "sim/accounting.hpp"
#include "sim/scenario.hpp"

namespace fleet::sim {

struct Transmission {
  std::uint32_t device_id = 0;
  hw::TimeUs start_us = 0;
  hw::TimeUs end_us = 0;
  std::uint8_t spreading_factor = 9;
  std::uint8_t channel = 0;
};

struct Reception {
  std::uint16_t gateway = 0;
  float rssi_dbm = 0;
};

// What happened to one frame at the end of its transmission.
struct RadioOutcome {
  std::vector<Reception> received;  // gateways that decoded it (may be several)
  RadioLoss loss = RadioLoss::UNDER_SENSITIVITY;  // meaningful only when `received` is empty
};

struct GatewayRadioStats {
  std::uint64_t frames_received = 0;
  std::uint64_t frames_lost_interference = 0;  // above sensitivity, destroyed by overlap
  std::uint64_t frames_under_sensitivity = 0;  // from devices it can hear at some SF, too weak at this one
  double airtime_received_s = 0;
};

class RadioMedium {
 public:
  RadioMedium(const RadioSpec& radio, std::vector<models::LocalPoint> gateway_positions, std::uint64_t seed);

  // Computes and keeps the link budget from a device to every gateway (with its fixed shadowing).
  // Devices must be added in id order 0, 1, 2, ...
  void add_device(models::LocalPoint position);

  // Best received power over all gateways, and that gateway (for SF choice and reporting).
  float best_rssi_dbm(std::uint32_t device_id) const;
  std::uint16_t best_gateway(std::uint32_t device_id) const;

  void begin(const Transmission& tx);
  // Resolves the transmission `tx` (begun earlier) at its end time.
  const RadioOutcome& end(const Transmission& tx);

  const std::vector<GatewayRadioStats>& gateway_stats() const { return gateway_stats_; }
  std::size_t gateway_count() const { return gateway_positions_.size(); }
  std::uint64_t overlap_checks() const { return overlap_checks_; }

 private:
  struct Link {
    std::uint16_t gateway;
    float rssi_dbm;
  };
  // Links of a device: entries [link_offsets_[id], link_offsets_[id + 1]) of links_ (compressed rows).
  float rssi_at(std::uint32_t device_id, std::uint16_t gateway) const;  // -inf where not audible
  void forget_old(hw::TimeUs now_us);

  RadioSpec radio_;
  models::LogDistancePathLoss path_loss_;
  std::vector<models::LocalPoint> gateway_positions_;
  std::uint64_t seed_;
  std::vector<std::uint32_t> link_offsets_{0};
  std::vector<Link> links_;
  std::vector<std::deque<Transmission>> channels_;  // per channel, ordered by start time
  hw::TimeUs longest_airtime_us_ = 0;
  RadioOutcome outcome_;
  std::vector<GatewayRadioStats> gateway_stats_;
  std::uint64_t overlap_checks_ = 0;
};

}  // namespace fleet::sim
