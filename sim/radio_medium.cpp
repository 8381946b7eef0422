#include "sim/radio_medium.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/lora_link.hpp"
#include "sim/random_purpose.hpp"

namespace fleet::sim {

namespace {
// Links weaker than the best gateway sensitivity minus this margin can neither be decoded nor
// disturb a decodable frame by more than a fraction of a dB; they are not kept.
constexpr double IRRELEVANT_BELOW_SENSITIVITY_DB = 30.0;
constexpr float NOT_AUDIBLE_DBM = -std::numeric_limits<float>::infinity();
}  // namespace

RadioMedium::RadioMedium(const RadioSpec& radio, std::vector<models::LocalPoint> gateway_positions,
                         std::uint64_t seed)
    : radio_(radio),
      path_loss_{radio.path_loss.exponent, radio.path_loss.reference_loss_db,
                 radio.path_loss.reference_distance_m},
      gateway_positions_(std::move(gateway_positions)),
      seed_(seed),
      channels_(radio.channels_hz.size()),
      gateway_stats_(gateway_positions_.size()) {}

void RadioMedium::add_device(models::LocalPoint position) {
  const auto device_id = static_cast<std::uint32_t>(link_offsets_.size() - 1);
  const double floor_dbm =
      models::gateway_sensitivity_dbm(12, radio_.bandwidth_hz) - IRRELEVANT_BELOW_SENSITIVITY_DB;
  for (std::size_t g = 0; g < gateway_positions_.size(); ++g) {
    const double distance_m = std::hypot(position.east_m - gateway_positions_[g].east_m,
                                         position.north_m - gateway_positions_[g].north_m);
    double shadowing_db = 0;
    if (radio_.path_loss.shadowing_sigma_db > 0) {
      shadowing_db = make_stream(seed_, device_id, RandomPurpose::SHADOWING, g)
                         .normal(0.0, radio_.path_loss.shadowing_sigma_db);
    }
    const double rssi_dbm = radio_.tx_power_dbm - path_loss_.path_loss_db(distance_m) - shadowing_db;
    if (rssi_dbm >= floor_dbm) links_.push_back(Link{static_cast<std::uint16_t>(g), static_cast<float>(rssi_dbm)});
  }
  link_offsets_.push_back(static_cast<std::uint32_t>(links_.size()));
}

float RadioMedium::rssi_at(std::uint32_t device_id, std::uint16_t gateway) const {
  for (auto i = link_offsets_[device_id]; i < link_offsets_[device_id + 1]; ++i)
    if (links_[i].gateway == gateway) return links_[i].rssi_dbm;
  return NOT_AUDIBLE_DBM;
}

float RadioMedium::best_rssi_dbm(std::uint32_t device_id) const {
  float best = NOT_AUDIBLE_DBM;
  for (auto i = link_offsets_[device_id]; i < link_offsets_[device_id + 1]; ++i)
    best = std::max(best, links_[i].rssi_dbm);
  return best;
}

std::uint16_t RadioMedium::best_gateway(std::uint32_t device_id) const {
  std::uint16_t best = 0;
  float best_rssi = NOT_AUDIBLE_DBM;
  for (auto i = link_offsets_[device_id]; i < link_offsets_[device_id + 1]; ++i) {
    if (links_[i].rssi_dbm > best_rssi) {
      best_rssi = links_[i].rssi_dbm;
      best = links_[i].gateway;
    }
  }
  return best;
}

void RadioMedium::forget_old(hw::TimeUs now_us) {
  // A transmission that ended more than the longest airtime ago cannot overlap any frame still on air.
  for (auto& channel : channels_) {
    while (!channel.empty() && channel.front().end_us + longest_airtime_us_ < now_us) channel.pop_front();
  }
}

void RadioMedium::begin(const Transmission& tx) {
  longest_airtime_us_ = std::max(longest_airtime_us_, tx.end_us - tx.start_us);
  forget_old(tx.start_us);
  channels_.at(tx.channel).push_back(tx);
}

const RadioOutcome& RadioMedium::end(const Transmission& tx) {
  outcome_.received.clear();
  outcome_.loss = RadioLoss::UNDER_SENSITIVITY;
  const auto& channel = channels_.at(tx.channel);
  const double duration_s = static_cast<double>(tx.end_us - tx.start_us) * 1e-6;
  const double sensitivity_dbm = models::gateway_sensitivity_dbm(tx.spreading_factor, radio_.bandwidth_hz);

  for (auto i = link_offsets_[tx.device_id]; i < link_offsets_[tx.device_id + 1]; ++i) {
    const Link link = links_[i];
    GatewayRadioStats& stats = gateway_stats_[link.gateway];
    if (link.rssi_dbm < sensitivity_dbm) {
      ++stats.frames_under_sensitivity;
      continue;
    }
    // Same-SF interference energy, averaged over the wanted frame (as ns-3's LoraInterferenceHelper).
    // Other SFs are treated as orthogonal here; the Goursaud isolation matrix comes with issue #4.
    double interference_mw_s = 0;
    for (const Transmission& other : channel) {
      if (other.start_us >= tx.end_us) break;  // ordered by start: nothing later can overlap
      ++overlap_checks_;
      if (other.end_us <= tx.start_us || other.spreading_factor != tx.spreading_factor ||
          (other.device_id == tx.device_id && other.start_us == tx.start_us))
        continue;
      const float other_rssi_dbm = rssi_at(other.device_id, link.gateway);
      if (other_rssi_dbm == NOT_AUDIBLE_DBM) continue;
      const hw::TimeUs overlap_us = std::min(other.end_us, tx.end_us) - std::max(other.start_us, tx.start_us);
      interference_mw_s += models::dbm_to_mw(other_rssi_dbm) * static_cast<double>(overlap_us) * 1e-6;
    }
    const bool survives =
        interference_mw_s == 0 ||
        models::survives_same_sf(link.rssi_dbm, models::mw_to_dbm(interference_mw_s / duration_s),
                                 radio_.capture_threshold_db);
    if (survives) {
      ++stats.frames_received;
      stats.airtime_received_s += duration_s;
      outcome_.received.push_back(Reception{link.gateway, link.rssi_dbm});
    } else {
      ++stats.frames_lost_interference;
      outcome_.loss = RadioLoss::INTERFERENCE;
    }
  }
  return outcome_;
}

}  // namespace fleet::sim
