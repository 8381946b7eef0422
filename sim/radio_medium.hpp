#pragma once
// The shared LoRa medium of one port: which gateways hear which device, which of their demodulator
// paths a frame takes, and which frames survive the transmissions that overlap them.
//
// Index: every transmission is filed, when it begins, under each gateway that can hear it and under
// its channel, in start order. Resolving a reception at a gateway walks only that (gateway, channel)
// list inside the longest-airtime window: the frames that overlap it in time, on its channel, near
// that receiver. The cost per transmission depends on the local density of devices per gateway and
// their traffic, not on the size of the fleet (tests/bench/bench_sim_radio_medium.cpp).
//
// Physics (path loss, sensitivity, the interference verdict) lives in models/; this file keeps books.
#include <cstdint>
#include <array>
#include <deque>
#include <optional>
#include <variant>
#include <vector>

#include "hw/types.hpp"
#include "models/geo.hpp"
#include "models/lora_interference.hpp"
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
  // The frame's TX power minus radio.tx_power_dbm, which the link budgets assume: a device whose power
  // a network server's ADR lowered is heard that much weaker at every gateway.
  float tx_power_change_db = 0;
};

struct Reception {
  std::uint16_t gateway = 0;
  float rssi_dbm = 0;
};

// What happened to one frame at the end of its transmission.
struct RadioOutcome {
  std::vector<Reception> received;  // gateways that decoded it (may be several)
  RadioLoss loss = RadioLoss::OUT_OF_COVERAGE;  // meaningful only when `received` is empty
};

struct GatewayRadioStats {
  std::uint64_t frames_received = 0;
  // Frames this gateway could have heard and did not, by reason (OUT_OF_COVERAGE and BROWN_OUT stay 0:
  // they belong to the device, not to a gateway).
  std::array<std::uint64_t, RADIO_LOSS_COUNT> frames_lost{};
  double airtime_received_s = 0;
  std::uint64_t downlinks_sent = 0;
  double airtime_transmitted_s = 0;
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

  // A frame goes on air: it is filed under every gateway that hears it, and each gateway that hears
  // it above sensitivity, is not transmitting and has a free demodulator path locks one (ns-3
  // GatewayLoraPhy locks at the frame's start and holds the path to its end, even if interference
  // later destroys the frame). begin() calls must come in time order.
  void begin(const Transmission& tx);
  // Resolves `tx` (begun earlier) at its end time and frees its demodulator paths.
  const RadioOutcome& end(const Transmission& tx);
  // The device died with `tx` on air: its paths are freed; its energy stays filed as interference.
  void abort(const Transmission& tx);

  // Gateway `gateway` transmits (a downlink) over [start_us, end_us): half-duplex, it can neither lock
  // on to a frame that starts then nor finish one that overlaps it. A downlink may be booked ahead of
  // time (a gateway schedules an ACK for a receive window up to seconds later), in any order.
  void gateway_transmits(std::uint16_t gateway, hw::TimeUs start_us, hw::TimeUs end_us);
  // Whether the gateway's transmitter is booked at any instant of [start_us, end_us).
  // Asked ahead of time, so it forgets nothing: frames on air now may still need the older downlinks.
  bool gateway_transmitting(std::uint16_t gateway, hw::TimeUs start_us, hw::TimeUs end_us) const;
  // Power a device receives from `gateway` transmitting at `gateway_tx_power_dbm`: the path loss and
  // shadowing of the uplink link, which are symmetric. Only for a gateway within the device's link range.
  float downlink_rssi_dbm(std::uint32_t device_id, std::uint16_t gateway, double gateway_tx_power_dbm) const;

  // A gateway out of service hears nothing: frames that start while it is down, or are still on air
  // when it goes down, are lost there with GATEWAY_DOWN (network.faults gateway outages).
  // A gateway out of service over [down_us, up_us) hears nothing then. Outages are kept as times,
  // not as a flag toggled when they happen, so a reception resolves the same whenever it is asked.
  void add_gateway_outage(std::uint16_t gateway, hw::TimeUs down_us, hw::TimeUs up_us);
  // True if the gateway is out of service at any instant of [from_us, to_us).
  bool gateway_down_during(std::uint16_t gateway, hw::TimeUs from_us, hw::TimeUs to_us) const;

  const std::vector<GatewayRadioStats>& gateway_stats() const { return gateway_stats_; }
  std::size_t gateway_count() const { return gateway_positions_.size(); }
  std::size_t device_count() const { return link_offsets_.size() - 1; }
  // Gateways within link range of a device: what each of its frames is filed under.
  std::size_t links_of(std::uint32_t device_id) const { return link_offsets_[device_id + 1] - link_offsets_[device_id]; }
  std::uint64_t overlap_checks() const { return overlap_checks_; }

 private:
  // What begin() decided for one (transmission, gateway) link; kept until end().
  enum class LinkState : std::uint8_t { BELOW_SENSITIVITY, GATEWAY_DOWN, GATEWAY_TRANSMITTING, NO_FREE_DEMODULATOR, LOCKED };
  struct Link {
    std::uint16_t gateway;
    LinkState state;  // in the padding: one cache line serves the link and its state
    float rssi_dbm;
  };
  // One transmission as one gateway hears it.
  struct Heard {
    std::uint32_t device_id;
    hw::TimeUs start_us;
    hw::TimeUs end_us;
    float rssi_dbm;
    std::uint8_t spreading_factor;
  };
  struct Interval {
    hw::TimeUs start_us;
    hw::TimeUs end_us;
  };

  double path_loss_db(double distance_m) const;
  std::deque<Heard>& heard_at(std::uint16_t gateway, std::uint8_t channel) {
    return heard_[std::size_t{gateway} * channel_count_ + channel];
  }
  void forget_before(std::deque<Heard>& heard, hw::TimeUs now_us) const;
  bool gateway_busy(std::uint16_t gateway, hw::TimeUs start_us, hw::TimeUs end_us);
  void release(const Transmission& tx);
  // The interference verdict at one gateway that locked on to `tx`: a loss reason, or none if received.
  std::optional<RadioLoss> resolve_at(std::uint16_t gateway, float rssi_dbm, const Transmission& tx, double duration_s);

  RadioSpec radio_;
  std::variant<models::LogDistancePathLoss, models::OkumuraHataPathLoss, models::FreeSpacePathLoss> path_loss_;
  models::InterferenceRule interference_rule_;
  std::vector<models::LocalPoint> gateway_positions_;
  std::uint64_t seed_;
  std::size_t channel_count_;
  double out_of_coverage_below_dbm_;  // gateway sensitivity at SF12: nothing weaker decodes at any SF

  std::vector<std::uint32_t> link_offsets_{0};  // device id → its links: [offsets[id], offsets[id + 1])
  std::vector<Link> links_;

  std::vector<std::deque<Heard>> heard_;        // per (gateway, channel), ordered by start
  std::vector<std::uint8_t> busy_demodulators_;  // per gateway
  std::vector<std::vector<std::pair<hw::TimeUs, hw::TimeUs>>> outages_;  // per gateway: [down, up)
  std::vector<std::deque<Interval>> gateway_tx_;  // per gateway, downlinks in start order
  hw::TimeUs longest_airtime_us_ = 0;
  models::InterferenceEnergy energy_;
  RadioOutcome outcome_;
  std::vector<GatewayRadioStats> gateway_stats_;
  std::uint64_t overlap_checks_ = 0;
};

}  // namespace fleet::sim
