#pragma once
// Plain types shared by the firmware and its boards. Freestanding: fixed-width integers only.
#include <cstddef>
#include <cstdint>

namespace fleet::hw {

using TimeUs = std::uint64_t;  // device monotonic time, microseconds since boot

inline constexpr TimeUs US_PER_MS = 1000;
inline constexpr TimeUs US_PER_S = 1000 * US_PER_MS;

enum class Bearer : std::uint8_t { LORA, SHIP_HUB, CELLULAR };

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
  bool acked = false;  // confirmed uplinks only
};

struct SensorSample {
  std::int16_t temperature_cdeg = 0;  // centi-degrees Celsius
  std::uint16_t humidity_permille = 0;
  std::uint16_t shock_mg = 0;  // peak acceleration since the last sample
  std::uint16_t light_lux = 0;
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
