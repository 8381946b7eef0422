#pragma once
// The shared LoRa medium: which gateways hear which device, which of their demodulator paths a frame
// takes, and which frames survive the transmissions that overlap them.
//
// Areas and sites: the gateways come in radio areas — one port's yard, one ship's hub — each with its
// own coordinate frame and path-loss model. A device has one or more sites over its journey (the yard
// at Shanghai, a slot on a ship, the yard at Fos), each a position in one area; at any time it stands
// at one of them, or at none (on a truck, or on a ship without a hub), where it reaches no gateway.
// The link budgets of every site are computed once, when the device is added, and kept contiguously:
// device → its sites → each site's links. A frame names the site it was sent from, so a device that
// moves while a frame is on air leaves that frame's books intact. One area and one site per device is
// the medium of one port, and it draws and decides exactly what it did before areas existed.
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
#include <span>
#include <utility>
#include <variant>
#include <vector>

#include "hw/types.hpp"
#include "models/geo.hpp"
#include "models/lora_interference.hpp"
#include "models/path_loss.hpp"
#include "sim/books/accounting.hpp"
#include "sim/scenario/scenario.hpp"

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
  // The device's site the frame was sent from (RadioMedium::site_of when it began), or NO_SITE: then it
  // reaches no gateway. begin/end/abort use this site's links, whatever the device's site is by then.
  std::uint16_t site = 0;
};

// A set of gateways that share a coordinate frame and a path-loss model: one port's yard, one ship.
struct RadioArea {
  std::vector<models::LocalPoint> gateway_positions;  // gateways are numbered globally, area after area
  PathLossSpec path_loss;                               // this area's model and shadowing sigma
};

// Where a device stands in one area, and what its surroundings add to every link there (a ship slot:
// the containers stacked between it and the hub, models/ship_slot.hpp).
struct DeviceSite {
  std::uint16_t area = 0;
  models::LocalPoint position;
  float extra_loss_db = 0;
};

// A device that stands at no site: at sea on a ship with no hub, or on a truck.
inline constexpr std::uint16_t NO_SITE = 0xffff;

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
  // One area: the gateways of one port, with radio.path_loss.
  RadioMedium(const RadioSpec& radio, std::vector<models::LocalPoint> gateway_positions, std::uint64_t seed);
  // Several areas; gateway g of area a has the global index (gateways of areas 0..a-1) + g. Each area's
  // path-loss model is built from its own spec (frequency-dependent ones at radio.channels_hz[0]).
  RadioMedium(const RadioSpec& radio, std::vector<RadioArea> areas, std::uint64_t seed);

  // Computes and keeps, for each site, the link budget to every gateway of the site's area: path loss,
  // fixed log-normal shadowing (the area's sigma) and the site's extra loss. Devices must be added in
  // id order 0, 1, 2, ...; a device starts at site 0, or at NO_SITE if it has none.
  // Shadowing of site s towards global gateway g comes from make_stream(seed, device, SHADOWING,
  // g | s << 16): for site 0 that is the stream a device of one site always drew, and sites s > 0
  // cannot collide with it (gateway indices are below 2^16).
  void add_device(std::span<const DeviceSite> sites);
  // One site in area 0 with no extra loss: the device of one port's medium.
  void add_device(models::LocalPoint position);

  // The device moves to another of its sites (an index into the sites it was added with), or to NO_SITE.
  // Frames already on air keep the site they were sent from.
  void set_site(std::uint32_t device_id, std::uint16_t site);
  std::uint16_t site_of(std::uint32_t device_id) const { return current_site_.at(device_id); }
  std::uint16_t site_count(std::uint32_t device_id) const {
    return static_cast<std::uint16_t>(site_offsets_.at(device_id + 1) - site_offsets_[device_id]);
  }

  // Best received power over the gateways that hear a site, and that gateway (for SF choice and
  // reporting); −infinity and gateway 0 when none is within link range, or for NO_SITE.
  float best_rssi_dbm(std::uint32_t device_id, std::uint16_t site) const;
  std::uint16_t best_gateway(std::uint32_t device_id, std::uint16_t site) const;
  // The same at the device's current site.
  float best_rssi_dbm(std::uint32_t device_id) const { return best_rssi_dbm(device_id, site_of(device_id)); }
  std::uint16_t best_gateway(std::uint32_t device_id) const { return best_gateway(device_id, site_of(device_id)); }

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
  // Power a device receives from `gateway` transmitting at `gateway_tx_power_dbm`: the path loss,
  // shadowing and site loss of the uplink link, which are symmetric. The link is the one of the site the
  // device stands at now: a device that moved since its uplink (seconds before) hears the downlink where
  // it is, and not at all if that gateway is not in its new area. −infinity for a gateway outside the
  // link range of the current site, or at NO_SITE.
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
  std::size_t area_count() const { return areas_.size(); }
  std::size_t device_count() const { return site_offsets_.size() - 1; }
  // Gateways within link range of a device at a site: what each frame sent from there is filed under.
  std::size_t links_of(std::uint32_t device_id, std::uint16_t site) const { return site_links(device_id, site).size(); }
  // The same at the device's current site.
  std::size_t links_of(std::uint32_t device_id) const { return links_of(device_id, site_of(device_id)); }
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

  using PathLossModel = std::variant<models::LogDistancePathLoss, models::OkumuraHataPathLoss, models::FreeSpacePathLoss>;
  struct Area {
    PathLossModel path_loss;
    double shadowing_sigma_db;
    std::uint16_t first_gateway;  // global index
    std::uint16_t gateway_count;
  };

  // The links of one of a device's sites, [first, last) in links_ (empty for NO_SITE); throws for a
  // site the device does not have.
  std::pair<std::uint32_t, std::uint32_t> link_range(std::uint32_t device_id, std::uint16_t site) const;
  std::span<Link> site_links(std::uint32_t device_id, std::uint16_t site);
  std::span<const Link> site_links(std::uint32_t device_id, std::uint16_t site) const;
  void add_site_links(std::uint32_t device_id, std::uint16_t site_index, const DeviceSite& site);
  std::deque<Heard>& heard_at(std::uint16_t gateway, std::uint8_t channel) {
    return heard_[std::size_t{gateway} * channel_count_ + channel];
  }
  void forget_before(std::deque<Heard>& heard, hw::TimeUs now_us) const;
  bool gateway_busy(std::uint16_t gateway, hw::TimeUs start_us, hw::TimeUs end_us);
  void release(const Transmission& tx);
  // The interference verdict at one gateway that locked on to `tx`: a loss reason, or none if received.
  std::optional<RadioLoss> resolve_at(std::uint16_t gateway, float rssi_dbm, const Transmission& tx, double duration_s);

  RadioSpec radio_;
  models::InterferenceRule interference_rule_;
  std::vector<Area> areas_;
  std::vector<models::LocalPoint> gateway_positions_;  // all areas', by global index
  std::uint64_t seed_;
  std::size_t channel_count_;
  double out_of_coverage_below_dbm_;  // gateway sensitivity at SF12: nothing weaker decodes at any SF

  // Device id → its sites: [site_offsets_[id], site_offsets_[id + 1]) index link_offsets_; a site's links
  // are [link_offsets_[s], link_offsets_[s + 1]). While every device has exactly one site (the one-port
  // medium), s is the device id and the site table is not read on the hot path: one fewer dependent
  // load per frame.
  std::vector<std::uint32_t> site_offsets_{0};
  bool one_site_each_ = true;
  std::vector<std::uint32_t> link_offsets_{0};
  std::vector<Link> links_;
  std::vector<std::uint16_t> current_site_;  // per device

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
