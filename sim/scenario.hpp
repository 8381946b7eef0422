#pragma once
// A fully resolved scenario: plain structs in SI units (s, m, Hz, A, C, V, W, bit/s, dB, dBm).
// The loader (scenario_loader.cpp) is the only code that reads YAML; everything else reads these.
// Defaults are the documented ones (scenarios/README.md), each with its source.
// operator== compares every field: the resolved-YAML round trip is tested with it.
#include <cstdint>
#include <string>
#include <vector>

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

  bool operator==(const PortSpec&) const = default;
};

// Port router to the data centre: metro fibre. latency = length x fibre delay + equipment.
struct BackboneSpec {
  double length_m = 50e3;
  double fibre_delay_s_per_m = 4.9e-9;  // domain.md section 5: 4.9 us/km in fibre
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
// theory. See sim/validation_traffic.hpp.
struct TrafficSpec {
  std::string model = "firmware";  // "firmware" or "exponential"
  double mean_gap_s = 1000;
  int phy_payload_bytes = 20;

  bool operator==(const TrafficSpec&) const = default;
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

  bool operator==(const RadioSpec&) const = default;
};

// Currents in A, charges in C, durations in s.
struct PowerSpec {
  double mcu_sleep_a = 1.0e-6;            // domain.md 2: STM32L0 class standby 0.5 uA [S], 1 uA default
  double mcu_active_a = 3.0e-3;           // [A]
  double mcu_active_s_per_wakeup = 0.005; // [A] firmware run time per wake-up
  double mcu_wake_charge_c = 0.5e-6;      // [S] 0.5 uC per wake (jeelabs, STM32L031)
  double radio_sleep_a = 0.6e-6;          // [S] SX1262 warm sleep
  double radio_tx_a = 45e-3;              // [U] SX1262 at +14 dBm
  double radio_rx_a = 4.2e-3;             // [S] SX1262 RX
  double sensor_quiescent_a = 3e-6;       // [U] accelerometer wake-on-motion
  double sensor_sample_charge_c = 50e-6 / 3.6;  // [U] 50 uJ per T/RH sample at 3.6 V

  bool operator==(const PowerSpec&) const = default;
};

struct BatterySpec {
  std::string model = "ideal";
  double capacity_c = 17.0 * 3600;     // [S] Saft LS33600, 17 Ah
  double nominal_voltage_v = 3.6;      // [S]
  double usable_fraction = 0.8;        // [A] cut-off, temperature and passivation margin
  double self_discharge_per_year = 0.01;  // [S] "< 1 % after 1 year at +20 C"

  bool operator==(const BatterySpec&) const = default;
};

struct FirmwareSpec {
  double sample_interval_s = 900;
  double report_interval_s = 3600;  // [S] hourly in port (Hapag-Lloyd LIVE FAQ)
  double report_jitter_s = 30;
  double coalesce_window_s = 2;
  int queue_capacity = 32;

  bool operator==(const FirmwareSpec&) const = default;
};

struct FleetSpec {
  std::uint32_t containers = 2000;
  PowerSpec power;
  BatterySpec battery;
  FirmwareSpec firmware;

  bool operator==(const FleetSpec&) const = default;
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
  BackboneSpec backbone;
  DataCentreSpec data_centre;
  RadioSpec radio;
  FleetSpec fleet;
  OutputSpec output;

  bool operator==(const Scenario&) const = default;
};

}  // namespace fleet::sim
