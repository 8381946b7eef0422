#pragma once
// A fully resolved scenario: plain structs in SI units (s, m, Hz, A, C, V, W, bit/s, dB, dBm).
// The loader (scenario_loader.cpp and its section readers) is the only code that reads YAML;
// everything else reads these.
// Defaults are the documented ones (scenarios/README.md), each with its source.
// operator== compares every field: the resolved-YAML round trip is tested with it.
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "hw/firmware_config.hpp"
#include "models/battery_params.hpp"
#include "sim/scenario/network_spec.hpp"

namespace fleet::sim {

struct GeoPoint {
  double lat_deg = 0;
  double lon_deg = 0;

  bool operator==(const GeoPoint&) const = default;
};

struct LinkSpec {
  double latency_s = 0;
  double bandwidth_bps = 0;

  bool operator==(const LinkSpec&) const = default;
};

struct GatewaySpec {
  std::string name;
  GeoPoint position;

  bool operator==(const GatewaySpec&) const = default;
};

// Containers stand uniformly at random in a rectangle centred on `center`, sides along east/north,
// or (shape "disc") uniformly in a disc of `radius_m` around it — the set-up of the LoRa validation
// studies (ns-3 complete-network-example, LoRaSim).
struct YardSpec {
  GeoPoint center;
  std::string shape = "rectangle";  // "rectangle" or "disc"
  double east_extent_m = 1000;
  double north_extent_m = 500;
  double radius_m = 1000;  // disc only

  bool operator==(const YardSpec&) const = default;
};

struct PortSpec {
  std::string name = "Fos-sur-Mer";
  std::vector<GatewaySpec> gateways;
  YardSpec yard;
  LinkSpec gateway_link{0.002, 100e6};  // each gateway to the port router
  // Voyage world (`ports` list) only: the network node this port's gateways and its cellular network
  // attach to. The single-port world uses network.port_router (or the backbone's router) instead.
  std::string router;

  bool operator==(const PortSpec&) const = default;
};

// Port router to the data centre: metro fibre. latency = length x fibre delay + equipment.
struct BackboneSpec {
  double length_m = 50e3;
  double fibre_delay_s_per_m = 4.9e-9;  // docs/sources.md section 5: 4.9 us/km in fibre
  double equipment_latency_s = 0.001;
  double bandwidth_bps = 10e9;

  bool operator==(const BackboneSpec&) const = default;
};

struct DataCentreSpec {
  std::string name = "Marseille";
  GeoPoint position{43.3106, 5.3730};

  bool operator==(const DataCentreSpec&) const = default;
};

struct PathLossSpec {
  std::string model = "log_distance";  // "log_distance", "okumura_hata" or "free_space"
  double exponent = 3.76;             // ns-3 lorawan LogDistancePropagationLossModel set-up
  double reference_loss_db = 7.7;     // at the reference distance
  double reference_distance_m = 1.0;
  // okumura_hata only: "urban_large_city", "urban_small_city", "suburban" or "open"; antenna heights.
  std::string environment = "urban_small_city";
  double gateway_height_m = 30.0;
  double device_height_m = 1.5;
  double shadowing_sigma_db = 0.0;    // log-normal, fixed per (device, gateway); added to every model

  bool operator==(const PathLossSpec&) const = default;
};

// Who makes the uplinks. "firmware": the device firmware's reports (the normal case). "exponential":
// a validation source in the simulator instead of the firmware, as LoRaSim (Bor et al. 2016) does:
// each device waits an exponential time of mean `mean_gap_s` after its previous frame ends, then sends
// one frame of `phy_payload_bytes` (one record), with no duty cycle — the Poisson traffic of pure-ALOHA
// theory. See sim/fleet/validation_traffic.hpp.
struct TrafficSpec {
  std::string model = "firmware";  // "firmware" or "exponential"
  double mean_gap_s = 1000;
  int phy_payload_bytes = 20;

  bool operator==(const TrafficSpec&) const = default;
};

// LoRaWAN class A receive windows and the network's downlinks (sim/radio/class_a.hpp). EU868 figures from
// the LoRaWAN Regional Parameters as in docs/sources.md section 4: RX1 on the uplink's channel and SF
// (RX1DROffset 0), RX2 on 869.525 MHz at DR0 (SF12/125 kHz), RECEIVE_DELAY2 = RECEIVE_DELAY1 + 1 s.
struct ClassASpec {
  double rx1_delay_s = 1.0;            // [S] LoRaWAN RECEIVE_DELAY1 default
  double rx2_frequency_hz = 869.525e6;  // [S] EU868 RX2, docs/sources.md section 4
  int rx2_spreading_factor = 12;        // [S] EU868 RX2 at DR0
  // A window with nothing in it stays open this many symbols, "the time required by the end device's
  // radio transceiver to effectively detect a downlink preamble" [S] ns-3 end-device-lorawan-mac.cc
  // m_receiveWindowDurationInSymbols = 8.
  int window_symbols = 8;
  double rx1_gateway_tx_power_dbm = 14;  // [S] EU868 g1 sub-band limit (the uplink channels), docs/sources.md section 4
  double rx2_gateway_tx_power_dbm = 27;  // [S] EU868 g3 sub-band limit (869.4-869.65 MHz), docs/sources.md section 4
  // The server collects a frame's gateway copies this long before it picks the one that heard it best
  // for the downlink. [S] ChirpStack network server deduplication delay, default 200 ms.
  double dedup_window_s = 0.2;

  bool operator==(const ClassASpec&) const = default;
};

// Network-side ADR (models/lora_adr.hpp, sim/network/network_server.hpp). Off by default: devices keep the SF
// and power they boot with. Commands ride on ACKs, so only devices that send confirmed frames adapt.
struct AdrSpec {
  bool enabled = false;
  double margin_db = 10;  // [S] installation margin: ns-3 AdrComponent and Semtech's reference, 10 dB
  int history = 20;       // [S] uplinks whose best SNR is taken: ns-3 AdrComponent historyRange 20
  // The lowest power ADR sets. [S] EU868 TXPower 7 = max EIRP 16 dBm − 14 dB; ns-3's minimum, 2 dBm.
  double min_tx_power_dbm = 2;

  bool operator==(const AdrSpec&) const = default;
};

struct RadioSpec {
  std::string region = "EU868";
  std::vector<double> channels_hz{868.1e6, 868.3e6, 868.5e6};
  int spreading_factor = 0;  // 7..12, or 0 for "auto": the lowest SF the best gateway hears with margin
  double sf_margin_db = 5.0;
  double bandwidth_hz = 125e3;
  int coding_rate = 1;  // 4/5
  int preamble_symbols = 8;
  double tx_power_dbm = 14;
  double duty_cycle = 0.01;  // EU868 g1 sub-band (868.0-868.6 MHz)
  int mac_overhead_bytes = 13;
  double capture_threshold_db = 6.0;
  bool capture = true;  // false: any same-SF overlap destroys the frame (pure ALOHA)
  std::string inter_sf = "goursaud";  // "goursaud" (isolation matrix) or "orthogonal" (LoRaSim)
  int demodulators = 8;  // per gateway: SX1301's 8 paths
  std::string sf_reference = "gateway";  // whose sensitivity "auto" SF uses: "gateway" or "device" (ns-3)
  PathLossSpec path_loss;
  TrafficSpec traffic;
  ClassASpec class_a;
  AdrSpec adr;

  bool operator==(const RadioSpec&) const = default;
};

// The device profile: what each part of the tracker draws, in A, C and s. Defaults are the
// dry-container tracker of docs/sources.md section 9 (Saft LS33600, SX1262, u-blox M8/M9 class GNSS,
// nRF9160 class modem); [S] sourced there, [U] unconfirmed there, [A] modelling assumption.
struct McuSpec {
  double sleep_a = 1.0e-6;            // [S] STM32L0 class standby 0.5 uA; 1 uA with RTC and RAM retention
  double active_a = 3.0e-3;           // [A]
  double active_s_per_wakeup = 0.005; // [A] firmware run time per wake-up
  double wake_charge_c = 0.5e-6;      // [S] 0.5 uC per wake (jeelabs, STM32L031)

  bool operator==(const McuSpec&) const = default;
};

// One point of the transmitter's supply current against its output power.
struct TxCurrentPoint {
  double power_dbm = 14;
  double current_a = 45e-3;

  bool operator==(const TxCurrentPoint&) const = default;
};

struct LoraRadioSpec {
  double sleep_a = 0.6e-6;     // [S] SX1262 warm sleep
  double standby_a = 1.6e-3;   // [S] SX1262 standby RC13M
  double rx_a = 4.2e-3;        // [S] SX1262 RX, DS headline
  // Sorted by power; between points the current is interpolated linearly; below the first point the
  // first point's current applies (a PA costs at least its lowest characterised figure).
  std::vector<TxCurrentPoint> tx{{14, 45e-3}, {22, 118e-3}};  // [U] +14 dBm DC-DC; [S] +22 dBm

  bool operator==(const LoraRadioSpec&) const = default;
};

struct GnssSpec {
  bool present = true;
  double acquisition_a = 40e-3;   // [S] NEO-M9N acquisition 36-50 mA
  double tracking_a = 32e-3;      // [S] NEO-M9N tracking 28-36 mA
  double backup_a = 15e-6;        // [U] backup domain keeping ephemeris and RTC
  double ttff_hot_s = 1;          // [S] NEO-M8
  double ttff_warm_s = 25;        // [U]
  double ttff_cold_s = 26;        // [S] NEO-M8
  double ephemeris_valid_s = 4 * 3600.0;  // [A] hot start while the last fix's ephemeris is valid
  double almanac_valid_s = 30 * 86400.0;  // [A] warm start while the almanac is valid
  double tracking_after_fix_s = 2;        // [A] tracking kept after a fix to refine it
  double sky_view_fraction = 1.0;         // [A] share of devices that see the sky (stacks hide it)

  bool operator==(const GnssSpec&) const = default;
};

struct ModemSpec {
  bool present = false;
  double psm_floor_a = 2.7e-6;        // [S] nRF9160 PSM floor
  double edrx_idle_a = 18e-6;         // [S] nRF9160 eDRX 81.92 s average, Cat-M1
  double connected_a = 50e-3;         // [S] nRF9160 TX RMC 10 dBm 50-55 mA, taken for RRC connected
  double tx_a = 110e-3;               // [S] nRF9160 TX at 23 dBm, 100-115 mA
  double attach_charge_c = 0.2 / 3.6; // [A] one network attach at boot, about two TAUs
  double tau_charge_c = 0.105 / 3.6;  // [S] PSM TAU event 105 mJ (Cat-M1, 23 dBm), at 3.6 V
  double tau_period_s = 12 * 3600.0;  // [A] periodic TAU timer (T3412 extended)
  // One uplink over LTE-M (voyage world, cellular bearer): the transmitter at `tx_a` for uplink_tx_s,
  // then RRC connected at `connected_a` for uplink_connected_s until the release (RAI).
  double uplink_tx_s = 0.1;         // [A] a few hundred bytes at Cat-M1 rates plus scheduling
  double uplink_connected_s = 2.0;  // [A] connection set-up and release with RAI (no inactivity timer)

  bool operator==(const ModemSpec&) const = default;
};

struct SensorSpec {
  double quiescent_a = 3e-6;                // [U] accelerometer wake-on-motion
  double sample_charge_c = 50e-6 / 3.6;     // [U] 50 uJ per T/RH sample at 3.6 V

  bool operator==(const SensorSpec&) const = default;
};

// The battery is the models' own parameter set (models/battery_params.hpp: every field with its
// unit, range and source): the loader fills it, nothing converts it.
using BatterySpec = models::BatteryParams;

struct DeviceSpec {
  std::string profile = "dry-container-tracker";  // the profile's name, for the outputs
  McuSpec mcu;
  LoraRadioSpec lora_radio;
  GnssSpec gnss;
  ModemSpec modem;
  SensorSpec sensors;
  BatterySpec battery;

  bool operator==(const DeviceSpec&) const = default;
};

// The firmware's own defaults (hw/firmware_config.hpp): FirmwareSpec starts from them, so the
// scenario format and the firmware never disagree about a default.
inline constexpr hw::FirmwareConfig FIRMWARE_DEFAULTS{};

constexpr double seconds_of(hw::TimeUs t_us) { return static_cast<double>(t_us) / 1e6; }
// Seconds from the scenario to the firmware's and the event queue's microseconds, rounded to nearest.
inline hw::TimeUs microseconds_of(double seconds) { return static_cast<hw::TimeUs>(std::llround(seconds * 1e6)); }

// A port or yard area known to the firmware (degrees). "circle": `center` and `radius_m`;
// "box": `south_west` and `north_east` corners. The other shape's fields stay at their defaults.
struct GeofenceSpec {
  std::string shape = "circle";  // "circle" or "box"
  GeoPoint center;
  double radius_m = 1000;
  GeoPoint south_west;
  GeoPoint north_east;

  bool operator==(const GeofenceSpec&) const = default;
};

// One bearer's firmware settings: preference (lower cost first) and application payload limit.
// Whether the device has it comes from the device profile (LoRa always; cellular = modem.present;
// the ship hub's on-board link is not in the profiles yet). LoRa's payload limit is not a key: it
// follows each device's SF (firmware_setup.hpp), so bearers[LORA].max_payload_bytes stays unused.
struct BearerSpec {
  int cost = 1;
  double max_payload_bytes = 242;

  bool operator==(const BearerSpec&) const = default;
};

struct FirmwareSpec {
  double sample_interval_s = 900;
  double report_interval_s = 3600;  // [S] hourly in port (Hapag-Lloyd LIVE FAQ)
  double report_jitter_s = 30;
  double coalesce_window_s = 2;
  int queue_capacity = 32;

  // ---- firmware v2 (issue #3): policy, GNSS, battery saving, alerts, place, queue, bearers.
  // Every value is checked against hw::validate_config's ranges by the loader. ----
  hw::ReportPolicy policy = FIRMWARE_DEFAULTS.policy;
  // place_aware report periods by hw::Place: unknown, port, sea, road.
  std::array<double, hw::PLACE_COUNT> place_report_interval_s = {
      seconds_of(FIRMWARE_DEFAULTS.place_report_interval_us[0]), seconds_of(FIRMWARE_DEFAULTS.place_report_interval_us[1]),
      seconds_of(FIRMWARE_DEFAULTS.place_report_interval_us[2]), seconds_of(FIRMWARE_DEFAULTS.place_report_interval_us[3])};
  hw::OverflowPolicy overflow_policy = FIRMWARE_DEFAULTS.overflow_policy;
  double gnss_interval_s = seconds_of(FIRMWARE_DEFAULTS.gnss_interval_us);  // 0 = off
  double gnss_timeout_s = seconds_of(FIRMWARE_DEFAULTS.gnss_timeout_us);
  double heartbeat_interval_s = seconds_of(FIRMWARE_DEFAULTS.heartbeat_interval_us);  // 0 = off
  // Battery-aware degradation: below these charge fractions (0 = level off) periods are stretched.
  double battery_low_fraction = FIRMWARE_DEFAULTS.battery_low_percent / 100.0;
  double battery_critical_fraction = FIRMWARE_DEFAULTS.battery_critical_percent / 100.0;
  int low_battery_stretch = FIRMWARE_DEFAULTS.low_battery_factor;
  int critical_battery_stretch = FIRMWARE_DEFAULTS.critical_battery_factor;
  // Event alerts (confirmed uplinks): bit (1 << hw::AlertCause) enables each cause.
  std::uint8_t alert_mask = FIRMWARE_DEFAULTS.alert_mask;
  double shock_alert_g = FIRMWARE_DEFAULTS.shock_alert_mg / 1000.0;
  double temperature_alert_min_c = FIRMWARE_DEFAULTS.temperature_min_cdeg / 100.0;
  double temperature_alert_max_c = FIRMWARE_DEFAULTS.temperature_max_cdeg / 100.0;
  double humidity_alert_min = FIRMWARE_DEFAULTS.humidity_min_permille / 1000.0;  // relative humidity, 0..1
  double humidity_alert_max = FIRMWARE_DEFAULTS.humidity_max_permille / 1000.0;
  double light_alert_lx = FIRMWARE_DEFAULTS.light_alert_lux;
  double alert_holdoff_s = seconds_of(FIRMWARE_DEFAULTS.alert_holdoff_us);
  int max_retries = FIRMWARE_DEFAULTS.max_retries;
  double retry_backoff_s = seconds_of(FIRMWARE_DEFAULTS.retry_backoff_us);
  double link_probe_interval_s = seconds_of(FIRMWARE_DEFAULTS.link_probe_interval_us);
  int confirm_every_n_frames = FIRMWARE_DEFAULTS.confirm_every_n_frames;  // 0 = never
  // Place awareness.
  std::vector<GeofenceSpec> geofences;
  double motion_threshold_g = FIRMWARE_DEFAULTS.motion_threshold_mg / 1000.0;
  double place_memory_s = seconds_of(FIRMWARE_DEFAULTS.place_memory_us);
  // Bearers by hw::Bearer: LoRa, ship hub, cellular.
  std::array<BearerSpec, hw::BEARER_COUNT> bearers = {
      BearerSpec{FIRMWARE_DEFAULTS.bearers[0].cost, FIRMWARE_DEFAULTS.bearers[0].max_payload_bytes},
      BearerSpec{FIRMWARE_DEFAULTS.bearers[1].cost, FIRMWARE_DEFAULTS.bearers[1].max_payload_bytes},
      BearerSpec{FIRMWARE_DEFAULTS.bearers[2].cost, FIRMWARE_DEFAULTS.bearers[2].max_payload_bytes}};

  bool operator==(const FirmwareSpec&) const = default;
};

// Sensor events in each container's life (sim/fleet/environment_events.hpp): Poisson processes, rates per
// day per container. All 0 by default: the box stands closed and undisturbed.
struct EnvironmentSpec {
  double door_openings_per_day = 0;
  double door_open_duration_s = 900;  // [A] a customs or stuffing check
  double shocks_per_day = 0;
  double shock_peak_g = 6;            // [A] peak acceleration of each shock (a hard set-down)
  double light_breaches_per_day = 0;  // light inside the box while the door is closed: a breach
  double light_duration_s = 300;      // [A]
  double light_level_lx = 500;        // [A] daylight through a cut or an open door, indoors level

  bool operator==(const EnvironmentSpec&) const = default;
};

struct FleetSpec {
  std::uint32_t containers = 2000;
  DeviceSpec device;
  FirmwareSpec firmware;
  EnvironmentSpec environment;

  bool operator==(const FleetSpec&) const = default;
};

// ---- The voyage world (issue #6): containers travel shipper → truck → yard → ship(s) → yard → truck.
// Absent (`voyage.enabled` false): the single-port yard world of `port`. See scenarios/README.md.

// Shifted log-normal dwell: min + (median − min)·exp(sigma_ln·Z) (models/itinerary.hpp).
struct DwellSpec {
  double min_s = 12 * 3600.0;
  double median_s = 4.5 * 86400.0;  // [U] gate-in to loading, worked example (models/itinerary.hpp)
  double sigma_ln = 0.5;            // [A]
  bool operator==(const DwellSpec&) const = default;
};

// A named inland place (shipper or consignee).
struct PlaceSpec {
  std::string name;
  GeoPoint position;
  bool operator==(const PlaceSpec&) const = default;
};

// One vessel leg of the journey: on a ship of `service`, loaded at a port call drawn uniformly from
// `board_ports` (a later leg boards where the previous one alighted: one port) and discharged at
// `alight_port`, a later call of the same service.
struct ItineraryLegSpec {
  std::string service;
  std::vector<std::string> board_ports;
  std::string alight_port;
  bool operator==(const ItineraryLegSpec&) const = default;
};

// Every container's journey plan: truck from the origin to the first leg's port, the export yard, the
// vessel legs (between two, the box waits in the hub's yard and boards the first ship of the next
// service that leaves at least `min_connection_s` after its discharge), the import yard, truck to the
// destination. Each container draws its boarding port, first ship, slots and dwells from
// (seed, device id, ITINERARY).
struct ItinerarySpec {
  PlaceSpec origin{"Suzhou", {31.30, 120.62}};          // [A] an inland shipper 100 km from Yangshan
  PlaceSpec destination{"Lyon", {45.76, 4.84}};         // [A] a consignee up the Rhône valley
  std::vector<ItineraryLegSpec> legs;                   // at least one
  double truck_speed_m_per_s = 50.0 / 3.6;              // [A]
  double road_detour_factor = 1.3;                      // [A]
  double min_connection_s = 86400.0;                    // [A] discharge to loading at a hub, at least
  DwellSpec export_dwell;
  DwellSpec import_dwell{12 * 3600.0, 3.5 * 86400.0, 0.5};  // [A]
  bool operator==(const ItinerarySpec&) const = default;
};

// The ship's hub: a LoRa receiver high on the ship that the containers on board reach (their slot sets
// the extra loss, models/ship_slot.hpp), backhauled over a satellite link to a ground station.
struct ShipHubSpec {
  std::string orbit = "geo";       // "geo" or "leo": the defaults of models::default_satellite_link
  double rtt_s = 0.600;            // [S] GEO ≈600 ms (docs/sources.md section 5)
  double bandwidth_bps = 2e6;      // [S] maritime GEO VSAT 2–50 Mbit/s: the low end, the hub's share
  double price_usd_per_mb = 2.14;  // [S] FleetBroadband 750 MB/month plan (models/satellite_link.hpp)
  std::string ground_node;         // the network node the satellite link lands on (a teleport); required
  std::uint32_t buffer = 20000;    // [A] copies the hub keeps while its backhaul is down
  double first_obstruction_db = 21.0;       // [S] container stack at 868 MHz (models/ship_slot.hpp)
  double per_further_obstruction_db = 3.0;  // [A]
  double below_deck_db = 30.0;              // [A]
  double above_deck_share = 0.55;           // [A] share of a loaded ship's boxes stowed on deck
  // The hub's beacon (LoRaWAN class B style: 869.525 MHz, SF9, 17 bytes [S] EU868 Regional Parameters),
  // sent at the RX2 sub-band's 27 dBm: a tracker on board listens for one every beacon_interval_s and,
  // hearing it, knows it is at sea (hw/place.hpp rule 2). 0: no beacon.
  double beacon_interval_s = 3600;          // [A] once an hour: the place evidence stays current
  bool operator==(const ShipHubSpec&) const = default;
};

// A service's ships: `count` identical ships on its route, the first arriving at the route's first
// waypoint at `first_arrival_s` (negative: already under way when the run starts), one every `headway_s`.
struct ShipsSpec {
  int count = 4;
  double first_arrival_s = 0;
  double headway_s = 7 * 86400.0;          // [A] a weekly service
  double speed_m_per_s = 16.3 * 1852.0 / 3600.0;  // [S] Far East–Europe average > 16.3 kn (docs/sources.md section 6)
  std::string name_prefix = "ship";
  ShipHubSpec hub;
  bool operator==(const ShipsSpec&) const = default;
};

// LTE-M near the coast: in port, on the road, and at sea within `coastal_range_m` of a port in `ports`.
// A device with a modem reaches the network through the nearest such port's router.
struct CellularSpec {
  double coastal_range_m = 30e3;  // [S] docs/sources.md section 9: cellular_offshore_range_km 30 (HL LIVE FAQ)
  double latency_s = 0.1;         // [A] LTE-M radio access and core network, one way
  double bandwidth_bps = 1e6;     // [A] Cat-M1 peak uplink share at the port's operator
  bool operator==(const CellularSpec&) const = default;
};

// A point of a route: a port a service may call at, or a turning point at sea (a cape, a strait).
// The leg to the next waypoint follows the great circle; a canal or strait passage may give its
// sailed length (with its approach channels: longer than the great circle) and its transit time (a
// convoy's pace instead of the service's speed).
struct WaypointSpec {
  std::string name;
  GeoPoint position;
  double sailed_length_m = 0;  // of the leg to the next waypoint; 0: its great circle
  double transit_s = 0;        // of that leg; 0: at the service's speed
  bool operator==(const WaypointSpec&) const = default;
};

// A sea lane: waypoints in sailing order (scenarios/routes/*.yaml, or inline).
struct RouteSpec {
  std::string name;
  std::vector<WaypointSpec> waypoints;
  bool operator==(const RouteSpec&) const = default;
};

// A stop of a service: the waypoint named `port`, alongside for `dwell_s`.
struct PortCallSpec {
  std::string port;
  double dwell_s = 0;
  bool operator==(const PortCallSpec&) const = default;
};

// A liner service: its ships sail `route` once each, calling at `calls` (in route order).
struct ServiceSpec {
  std::string name;
  std::string route;
  std::vector<PortCallSpec> calls;
  ShipsSpec ships;
  bool operator==(const ServiceSpec&) const = default;
};

struct VoyageSpec {
  bool enabled = false;
  std::vector<RouteSpec> routes;
  std::vector<ServiceSpec> services;  // ships are numbered service after service
  CellularSpec cellular;
  ItinerarySpec itinerary;
  bool operator==(const VoyageSpec&) const = default;
};

struct OutputSpec {
  double timeseries_interval_s = 3600;

  bool operator==(const OutputSpec&) const = default;
};

struct Scenario {
  std::string name = "unnamed";
  std::string description;
  std::string source_path;  // the YAML file it was loaded from
  std::uint64_t seed = 1;
  double duration_s = 7 * 86400.0;
  PortSpec port;
  std::vector<PortSpec> ports;  // voyage world only: every port with gateways, yard and router
  VoyageSpec voyage;
  BackboneSpec backbone;
  NetworkSpec network;
  DataCentreSpec data_centre;
  RadioSpec radio;
  FleetSpec fleet;
  OutputSpec output;

  bool operator==(const Scenario&) const = default;
};

}  // namespace fleet::sim
