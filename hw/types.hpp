#pragma once
// Plain types shared by the firmware and its boards. Freestanding: fixed-width integers only.
#include <cstddef>
#include <cstdint>

namespace fleet::hw {

using TimeUs = std::uint64_t;  // device monotonic time, microseconds since boot

inline constexpr TimeUs US_PER_MS = 1000;
inline constexpr TimeUs US_PER_S = 1000 * US_PER_MS;

// The links a tracker may have: LoRaWAN to port/yard gateways, the ship hub's on-board link (a
// vessel gateway relaying over satcom), and a cellular modem on the devices that carry one.
enum class Bearer : std::uint8_t { LORA, SHIP_HUB, CELLULAR };
inline constexpr std::size_t BEARER_COUNT = 3;

// EU868 regulated sub-bands the uplink plan uses (ETSI EN 300 220, docs/sources.md section 4):
// g1 868.0–868.6 MHz (1 %), g2 868.7–869.2 MHz (0.1 %), g3 869.4–869.65 MHz (10 %).
inline constexpr std::size_t SUB_BAND_COUNT = 3;

// Where the firmware believes it is, from its own evidence only (see hw/place.hpp).
enum class Place : std::uint8_t { UNKNOWN, PORT, SEA, ROAD };
inline constexpr std::size_t PLACE_COUNT = 4;

// The causes of an event alert; bit (1 << cause) of FirmwareConfig::alert_mask enables each.
enum class AlertCause : std::uint8_t {
  NONE,
  DOOR_OPEN,
  DOOR_CLOSE,
  SHOCK,             // an acceleration peak at or above shock_alert_mg
  TEMPERATURE,       // temperature left [temperature_min_cdeg, temperature_max_cdeg]
  HUMIDITY,          // humidity left [humidity_min_permille, humidity_max_permille]
  LIGHT_IN_CLOSED_BOX,  // light at or above light_alert_lux while the door is closed: a breach
};
inline constexpr std::size_t ALERT_CAUSE_COUNT = 7;
inline constexpr std::uint8_t ALL_ALERTS_MASK = 0x7E;  // every cause but NONE

// Components that draw current; the board's energy ledger keeps one account per component.
enum class Component : std::uint8_t { MCU, LORA_RADIO, GNSS, SENSORS, MODEM };
inline constexpr std::size_t COMPONENT_COUNT = 5;

enum class PowerState : std::uint8_t { OFF, SLEEP, STANDBY, ACTIVE, RX, TX };

// Radio parameters of one LoRa uplink, chosen by the firmware's MAC.
struct TxParams {
  std::uint8_t spreading_factor = 9;  // 7..12
  std::uint8_t channel_index = 0;     // index into the region's uplink channel plan
  std::int8_t tx_power_dbm = 14;
  bool confirmed = false;
};

enum class TxStatus : std::uint8_t {
  STARTED,      // on air; on_tx_done() follows
  RADIO_BUSY,   // a transmission is already in progress
  NO_BEARER,    // the board has no such bearer
  TOO_LONG,     // frame longer than the bearer's maximum payload
};

struct TxResult {
  // Confirmed uplinks only: the network acknowledged the frame in RX1/RX2 (LoRa) or the hub / cellular
  // network confirmed delivery. Always false for an unconfirmed uplink.
  bool acked = false;
};

struct SensorSample {
  std::int16_t temperature_cdeg = 0;  // centi-degrees Celsius
  std::uint16_t humidity_permille = 0;
  std::uint16_t shock_mg = 0;  // peak acceleration since the last sample
  std::uint16_t light_lux = 0;
  // Motion: RMS of the acceleration minus gravity over the accelerometer's sampling window, so a box
  // on a truck or a rolling ship reads tens of mg and a box stacked in a yard reads ~0.
  std::uint16_t accel_rms_mg = 0;
  bool door_open = false;
};

enum class SensorEventKind : std::uint8_t { DOOR_OPEN, DOOR_CLOSE, SHOCK, LIGHT };
struct SensorEvent {
  SensorEventKind kind = SensorEventKind::DOOR_OPEN;
  std::uint16_t value = 0;
};

// What a real fuel gauge gives: a quantised voltage and a charge estimate, not the model's state.
struct BatteryReading {
  std::uint16_t voltage_mv = 0;
  std::uint8_t charge_percent = 0;
};

struct GnssResult {
  bool fixed = false;
  std::int32_t lat_e7 = 0;  // degrees x 1e7
  std::int32_t lon_e7 = 0;
};

}  // namespace fleet::hw
