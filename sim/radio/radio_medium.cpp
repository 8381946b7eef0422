#include "sim/radio/radio_medium.hpp"

#include <algorithm>
#include <iterator>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "models/lora_link.hpp"
#include "sim/base/random_purpose.hpp"

namespace fleet::sim {

namespace {
// Links weaker than the gateway's SF12 sensitivity minus this margin are not kept: they can never be
// decoded, and as interference alone they cannot break 6 dB capture of a frame the gateway can decode
// (it is at least at sensitivity, so they stay 10 dB below the threshold). [A] It takes three or more
// of them overlapping at one SF and channel with a wanted frame within 4 dB of sensitivity to matter;
// the cut keeps each device's link list, hence the cost of a transmission, bounded by the gateways
// within this range, whatever the size of the fleet.
constexpr double IRRELEVANT_BELOW_SENSITIVITY_DB = 10.0;
constexpr float NOT_AUDIBLE_DBM = -std::numeric_limits<float>::infinity();

models::HataEnvironment hata_environment(const std::string& name) {
  if (name == "urban_large_city") return models::HataEnvironment::URBAN_LARGE_CITY;
  if (name == "urban_small_city") return models::HataEnvironment::URBAN_SMALL_CITY;
  if (name == "suburban") return models::HataEnvironment::SUBURBAN;
  if (name == "open") return models::HataEnvironment::OPEN;
  throw std::invalid_argument("unknown Okumura-Hata environment '" + name + "'");
}

// The loader has checked the names; an unknown one here is a programming error.
std::variant<models::LogDistancePathLoss, models::OkumuraHataPathLoss, models::FreeSpacePathLoss> make_path_loss(
    const PathLossSpec& spec, const RadioSpec& radio) {
  // Frequency-dependent models use the first uplink channel: the plan spans < 0.1 % of the carrier.
  const double frequency_hz = radio.channels_hz.at(0);
  if (spec.model == "log_distance")
    return models::LogDistancePathLoss{spec.exponent, spec.reference_loss_db, spec.reference_distance_m};
  if (spec.model == "okumura_hata")
    return models::OkumuraHataPathLoss{frequency_hz, spec.gateway_height_m, spec.device_height_m,
                                       hata_environment(spec.environment)};
  if (spec.model == "free_space") return models::FreeSpacePathLoss{frequency_hz};
  throw std::invalid_argument("unknown path-loss model '" + spec.model + "'");
}

models::InterferenceRule interference_rule(const RadioSpec& radio) {
  models::InterferenceRule rule;
  rule.same_sf_capture_db = radio.capture ? radio.capture_threshold_db : std::numeric_limits<double>::infinity();
  rule.inter_sf = radio.inter_sf == "orthogonal" ? models::InterSfModel::ORTHOGONAL : models::InterSfModel::GOURSAUD;
  return rule;
}

std::vector<models::LocalPoint> all_gateway_positions(const std::vector<RadioArea>& areas) {
  std::vector<models::LocalPoint> positions;
  for (const RadioArea& area : areas)
    positions.insert(positions.end(), area.gateway_positions.begin(), area.gateway_positions.end());
  return positions;
}

hw::TimeUs overlap_us(hw::TimeUs a_start, hw::TimeUs a_end, hw::TimeUs b_start, hw::TimeUs b_end) {
  const hw::TimeUs start = std::max(a_start, b_start);
  const hw::TimeUs end = std::min(a_end, b_end);
  return end > start ? end - start : 0;
}
}  // namespace

RadioMedium::RadioMedium(const RadioSpec& radio, std::vector<models::LocalPoint> gateway_positions,
                         std::uint64_t seed)
    : RadioMedium(radio, std::vector<RadioArea>{RadioArea{std::move(gateway_positions), radio.path_loss}}, seed) {}

RadioMedium::RadioMedium(const RadioSpec& radio, std::vector<RadioArea> areas, std::uint64_t seed)
    : radio_(radio),
      interference_rule_(interference_rule(radio)),
      gateway_positions_(all_gateway_positions(areas)),
      seed_(seed),
      channel_count_(radio.channels_hz.size()),
      out_of_coverage_below_dbm_(models::gateway_sensitivity_dbm(models::MAX_SPREADING_FACTOR, radio.bandwidth_hz)),
      heard_(gateway_positions_.size() * channel_count_),
      busy_demodulators_(gateway_positions_.size(), 0),
      outages_(gateway_positions_.size()),
      gateway_tx_(gateway_positions_.size()),
      gateway_stats_(gateway_positions_.size()) {
  if (gateway_positions_.size() > std::numeric_limits<std::uint16_t>::max())
    throw std::invalid_argument("at most 65535 gateways per radio medium");
  if (areas.size() >= NO_SITE) throw std::invalid_argument("at most 65534 radio areas per radio medium");
  std::size_t first_gateway = 0;
  for (const RadioArea& area : areas) {
    areas_.push_back(Area{make_path_loss(area.path_loss, radio), area.path_loss.shadowing_sigma_db,
                          static_cast<std::uint16_t>(first_gateway),
                          static_cast<std::uint16_t>(area.gateway_positions.size())});
    first_gateway += area.gateway_positions.size();
  }
}

void RadioMedium::add_device(models::LocalPoint position) {
  const DeviceSite site{0, position, 0};
  add_device(std::span<const DeviceSite>(&site, 1));
}

void RadioMedium::add_device(std::span<const DeviceSite> sites) {
  // Checked before anything is kept, so a refused device leaves the medium as it was.
  if (sites.size() >= NO_SITE) throw std::invalid_argument("at most 65534 sites per device");
  for (const DeviceSite& site : sites) {
    if (site.area >= areas_.size())
      throw std::invalid_argument("device site in radio area " + std::to_string(site.area) + ", but the medium has " +
                                  std::to_string(areas_.size()));
  }
  const auto device_id = static_cast<std::uint32_t>(device_count());
  for (std::size_t s = 0; s < sites.size(); ++s) {
    add_site_links(device_id, static_cast<std::uint16_t>(s), sites[s]);
    if (links_.size() > std::numeric_limits<std::uint32_t>::max())
      throw std::length_error("more than 2^32 links in one radio medium");
    link_offsets_.push_back(static_cast<std::uint32_t>(links_.size()));
  }
  site_offsets_.push_back(static_cast<std::uint32_t>(link_offsets_.size() - 1));
  current_site_.push_back(sites.empty() ? NO_SITE : 0);
  one_site_each_ = one_site_each_ && sites.size() == 1;
}

void RadioMedium::add_site_links(std::uint32_t device_id, std::uint16_t site_index, const DeviceSite& site) {
  const Area& area = areas_[site.area];
  const double floor_dbm = out_of_coverage_below_dbm_ - IRRELEVANT_BELOW_SENSITIVITY_DB;
  for (std::size_t g = area.first_gateway; g < std::size_t{area.first_gateway} + area.gateway_count; ++g) {
    const double distance_m = std::hypot(site.position.east_m - gateway_positions_[g].east_m,
                                         site.position.north_m - gateway_positions_[g].north_m);
    double shadowing_db = 0;
    if (area.shadowing_sigma_db > 0) {
      const std::uint64_t link_sub_id = g | std::uint64_t{site_index} << 16;
      shadowing_db = make_stream(seed_, device_id, RandomPurpose::SHADOWING, link_sub_id).normal(0.0, area.shadowing_sigma_db);
    }
    const double path_loss_db =
        std::visit([distance_m](const auto& model) { return model.path_loss_db(distance_m); }, area.path_loss);
    const double rssi_dbm = radio_.tx_power_dbm - path_loss_db - shadowing_db - site.extra_loss_db;
    if (rssi_dbm >= floor_dbm) {
      links_.push_back(Link{static_cast<std::uint16_t>(g), LinkState::BELOW_SENSITIVITY, static_cast<float>(rssi_dbm)});
    }
  }
}

std::pair<std::uint32_t, std::uint32_t> RadioMedium::link_range(std::uint32_t device_id, std::uint16_t site) const {
  if (site == NO_SITE) return {0, 0};
  const std::uint32_t index = (one_site_each_ ? device_id : site_offsets_[device_id]) + site;
  if (index >= (one_site_each_ ? device_id + 1 : site_offsets_[device_id + 1]))
    throw std::out_of_range("device " + std::to_string(device_id) + " has no site " + std::to_string(site));
  return {link_offsets_[index], link_offsets_[index + 1]};
}

std::span<const RadioMedium::Link> RadioMedium::site_links(std::uint32_t device_id, std::uint16_t site) const {
  const auto [first, last] = link_range(device_id, site);
  return {links_.data() + first, links_.data() + last};
}

std::span<RadioMedium::Link> RadioMedium::site_links(std::uint32_t device_id, std::uint16_t site) {
  const auto [first, last] = link_range(device_id, site);
  return {links_.data() + first, links_.data() + last};
}

void RadioMedium::set_site(std::uint32_t device_id, std::uint16_t site) {
  if (device_id >= device_count()) throw std::out_of_range("no device " + std::to_string(device_id));
  if (site != NO_SITE && site >= site_count(device_id))
    throw std::out_of_range("device " + std::to_string(device_id) + " has no site " + std::to_string(site));
  current_site_[device_id] = site;
}

float RadioMedium::best_rssi_dbm(std::uint32_t device_id, std::uint16_t site) const {
  float best = NOT_AUDIBLE_DBM;
  for (const Link& link : site_links(device_id, site)) best = std::max(best, link.rssi_dbm);
  return best;
}

std::uint16_t RadioMedium::best_gateway(std::uint32_t device_id, std::uint16_t site) const {
  std::uint16_t best = 0;
  float best_rssi = NOT_AUDIBLE_DBM;
  for (const Link& link : site_links(device_id, site)) {
    if (link.rssi_dbm > best_rssi) {
      best_rssi = link.rssi_dbm;
      best = link.gateway;
    }
  }
  return best;
}

void RadioMedium::forget_before(std::deque<Heard>& heard, hw::TimeUs now_us) const {
  // A transmission that ended more than the longest airtime ago cannot overlap any frame still on air.
  while (!heard.empty() && heard.front().end_us + longest_airtime_us_ < now_us) heard.pop_front();
}

bool RadioMedium::gateway_busy(std::uint16_t gateway, hw::TimeUs start_us, hw::TimeUs end_us) {
  std::deque<Interval>& downlinks = gateway_tx_[gateway];
  while (!downlinks.empty() && downlinks.front().end_us + longest_airtime_us_ < start_us) downlinks.pop_front();
  for (const Interval& downlink : downlinks) {
    if (downlink.start_us >= end_us) break;
    if (overlap_us(downlink.start_us, downlink.end_us, start_us, end_us) > 0) return true;
  }
  return false;
}

bool RadioMedium::gateway_transmitting(std::uint16_t gateway, hw::TimeUs start_us, hw::TimeUs end_us) const {
  for (const Interval& downlink : gateway_tx_.at(gateway)) {
    if (downlink.start_us >= end_us) break;
    if (overlap_us(downlink.start_us, downlink.end_us, start_us, end_us) > 0) return true;
  }
  return false;
}

void RadioMedium::gateway_transmits(std::uint16_t gateway, hw::TimeUs start_us, hw::TimeUs end_us) {
  // Kept in start order (gateway_busy stops at the first later start): booked ahead, a downlink for an
  // RX1 may start before one booked earlier for an RX2. The list holds only the seconds ahead.
  std::deque<Interval>& downlinks = gateway_tx_.at(gateway);
  auto at = downlinks.end();
  while (at != downlinks.begin() && std::prev(at)->start_us > start_us) --at;
  downlinks.insert(at, Interval{start_us, end_us});
  ++gateway_stats_[gateway].downlinks_sent;
  gateway_stats_[gateway].airtime_transmitted_s += static_cast<double>(end_us - start_us) * 1e-6;
}

float RadioMedium::downlink_rssi_dbm(std::uint32_t device_id, std::uint16_t gateway, double gateway_tx_power_dbm) const {
  for (const Link& link : site_links(device_id, site_of(device_id))) {
    if (link.gateway == gateway) return static_cast<float>(link.rssi_dbm - radio_.tx_power_dbm + gateway_tx_power_dbm);
  }
  return NOT_AUDIBLE_DBM;
}

void RadioMedium::add_gateway_outage(std::uint16_t gateway, hw::TimeUs down_us, hw::TimeUs up_us) {
  outages_.at(gateway).emplace_back(down_us, up_us);
}

bool RadioMedium::gateway_down_during(std::uint16_t gateway, hw::TimeUs from_us, hw::TimeUs to_us) const {
  for (const auto& [down_us, up_us] : outages_[gateway]) {
    if (down_us < to_us && from_us < up_us) return true;
  }
  return false;
}

void RadioMedium::begin(const Transmission& tx) {
  const std::span<Link> links = site_links(tx.device_id, tx.site);
  if (tx.site == NO_SITE) return;  // not on the air of any area: nothing to file
  longest_airtime_us_ = std::max(longest_airtime_us_, tx.end_us - tx.start_us);
  const double sensitivity_dbm = models::gateway_sensitivity_dbm(tx.spreading_factor, radio_.bandwidth_hz);
  const std::size_t demodulators = static_cast<std::size_t>(radio_.demodulators);
  for (Link& link : links) {
    const float rssi_dbm = link.rssi_dbm + tx.tx_power_change_db;
    std::deque<Heard>& heard = heard_at(link.gateway, tx.channel);
    forget_before(heard, tx.start_us);
    heard.push_back(Heard{tx.device_id, tx.start_us, tx.end_us, rssi_dbm, tx.spreading_factor});

    LinkState& state = link.state;
    if (rssi_dbm < sensitivity_dbm) {
      state = LinkState::BELOW_SENSITIVITY;
    } else if (gateway_down_during(link.gateway, tx.start_us, tx.start_us + 1)) {
      state = LinkState::GATEWAY_DOWN;
    } else if (gateway_busy(link.gateway, tx.start_us, tx.start_us + 1)) {
      state = LinkState::GATEWAY_TRANSMITTING;
    } else if (busy_demodulators_[link.gateway] >= demodulators) {
      state = LinkState::NO_FREE_DEMODULATOR;
    } else {
      state = LinkState::LOCKED;
      ++busy_demodulators_[link.gateway];
    }
  }
}

void RadioMedium::release(const Transmission& tx) {
  for (Link& link : site_links(tx.device_id, tx.site)) {
    if (link.state != LinkState::LOCKED) continue;
    --busy_demodulators_[link.gateway];
    link.state = LinkState::BELOW_SENSITIVITY;  // nothing held any more
  }
}

void RadioMedium::abort(const Transmission& tx) { release(tx); }

std::optional<RadioLoss> RadioMedium::resolve_at(std::uint16_t gateway, float rssi_dbm, const Transmission& tx,
                                                 double duration_s) {
  // Same-channel energy per interferer SF over the wanted frame, as ns-3's LoraInterferenceHelper.
  energy_.clear();
  for (const Heard& other : heard_at(gateway, tx.channel)) {
    if (other.start_us >= tx.end_us) break;  // ordered by start: nothing later can overlap
    ++overlap_checks_;
    if (other.device_id == tx.device_id && other.start_us == tx.start_us) continue;  // itself
    const hw::TimeUs overlap = overlap_us(other.start_us, other.end_us, tx.start_us, tx.end_us);
    if (overlap > 0) energy_.add(other.spreading_factor, other.rssi_dbm, static_cast<double>(overlap) * 1e-6);
  }
  switch (energy_.verdict(tx.spreading_factor, rssi_dbm, duration_s, interference_rule_)) {
    case models::InterferenceVerdict::SURVIVES: return std::nullopt;
    case models::InterferenceVerdict::LOST_SAME_SF: return RadioLoss::INTERFERENCE_SAME_SF;
    case models::InterferenceVerdict::LOST_CROSS_SF: return RadioLoss::INTERFERENCE_CROSS_SF;
  }
  return RadioLoss::INTERFERENCE_SAME_SF;
}

const RadioOutcome& RadioMedium::end(const Transmission& tx) {
  outcome_.received.clear();
  const double duration_s = static_cast<double>(tx.end_us - tx.start_us) * 1e-6;
  // The furthest stage any gateway reached, in RadioLoss order (see accounting.hpp).
  RadioLoss furthest = RadioLoss::OUT_OF_COVERAGE;
  const auto reached = [&furthest](RadioLoss stage) { furthest = std::max(furthest, stage); };

  // A frame sent from no site has no links: no receptions, OUT_OF_COVERAGE.
  for (const Link link : site_links(tx.device_id, tx.site)) {
    const float rssi_dbm = link.rssi_dbm + tx.tx_power_change_db;
    GatewayRadioStats& stats = gateway_stats_[link.gateway];
    std::optional<RadioLoss> loss;  // none: received
    switch (link.state) {
      case LinkState::BELOW_SENSITIVITY:
        if (rssi_dbm < out_of_coverage_below_dbm_) continue;  // not a frame this gateway could ever hear
        loss = RadioLoss::UNDER_SENSITIVITY;
        break;
      case LinkState::GATEWAY_DOWN: loss = RadioLoss::GATEWAY_DOWN; break;
      case LinkState::GATEWAY_TRANSMITTING: loss = RadioLoss::GATEWAY_TRANSMITTING; break;
      case LinkState::NO_FREE_DEMODULATOR: loss = RadioLoss::NO_FREE_DEMODULATOR; break;
      case LinkState::LOCKED:
        // A downlink that started while the frame was on air cuts the reception short (half-duplex);
        // so does the gateway going out of service.
        if (gateway_down_during(link.gateway, tx.start_us, tx.end_us)) {
          loss = RadioLoss::GATEWAY_DOWN;
        } else {
          loss = gateway_busy(link.gateway, tx.start_us, tx.end_us) ? RadioLoss::GATEWAY_TRANSMITTING
                                                                     : resolve_at(link.gateway, rssi_dbm, tx, duration_s);
        }
        break;
    }
    if (!loss) {
      ++stats.frames_received;
      stats.airtime_received_s += duration_s;
      outcome_.received.push_back(Reception{link.gateway, rssi_dbm});
    } else {
      ++stats.frames_lost[static_cast<std::size_t>(*loss)];
      reached(*loss);
    }
  }
  release(tx);
  outcome_.loss = furthest;
  return outcome_;
}

}  // namespace fleet::sim
