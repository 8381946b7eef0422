#pragma once
// From the scenario to one device's firmware configuration, and the names the scenario format uses
// for the firmware's enumerations (read by the loader, written by the writer).
#include <array>
#include <cstdint>
#include <string_view>

#include "hw/firmware_config.hpp"
#include "sim/scenario/scenario.hpp"

namespace fleet::sim {

inline constexpr std::array<std::string_view, hw::REPORT_POLICY_COUNT> REPORT_POLICY_NAMES{"fixed_interval",
                                                                                          "place_aware"};
inline constexpr std::array<std::string_view, hw::OVERFLOW_POLICY_COUNT> OVERFLOW_POLICY_NAMES{"drop_newest", "thin"};
inline constexpr std::array<std::string_view, hw::PLACE_COUNT> PLACE_NAMES{"unknown", "port", "sea", "road"};
inline constexpr std::array<std::string_view, hw::BEARER_COUNT> BEARER_NAMES{"lora", "ship_hub", "cellular"};
// By hw::AlertCause; NONE has no name (it is never enabled).
inline constexpr std::array<std::string_view, hw::ALERT_CAUSE_COUNT> ALERT_CAUSE_NAMES{
    "", "door_open", "door_close", "shock", "temperature", "humidity", "light_in_closed_box"};
static_assert(REPORT_POLICY_NAMES[static_cast<std::size_t>(hw::ReportPolicy::PLACE_AWARE)] == "place_aware");
static_assert(OVERFLOW_POLICY_NAMES[static_cast<std::size_t>(hw::OverflowPolicy::THIN)] == "thin");
static_assert(ALERT_CAUSE_NAMES[static_cast<std::size_t>(hw::AlertCause::LIGHT_IN_CLOSED_BOX)] == "light_in_closed_box");

// The firmware unit each scenario value is converted to, as a multiple of its SI (scenario) unit:
// the loader checks that a value is whole in this unit before hw::validate_config sees it.
inline constexpr double PERCENT = 0.01;
inline constexpr double PERMILLE = 0.001;
inline constexpr double CENTI_DEGREE_C = 0.01;
inline constexpr double MILLI_G = 0.001;
inline constexpr double KILOHERTZ = 1000;

// The configuration of `device_id` at `spreading_factor` (7..12). Every value is taken as the loader
// accepted it (in range, whole in the firmware's unit), so nothing here clamps; hw::validate_config
// of the result is the loader's last check (load_scenario fails where it would not be NONE).
hw::FirmwareConfig firmware_config_for(const Scenario& scenario, std::uint32_t device_id, int spreading_factor);

}  // namespace fleet::sim
