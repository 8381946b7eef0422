#pragma once
// Reading a value the firmware takes: in the range hw::config_field_range gives and whole in the
// firmware's unit (sim/scenario/firmware_setup.hpp has the units). For the radio and fleet readers.
#include <string_view>

#include "hw/firmware_config.hpp"
#include "sim/scenario/scenario_fields.hpp"

namespace fleet::sim::loader {

// A firmware setting read as a quantity and converted to the firmware's unit (`unit_si` each): inside
// config_field_range(range_of) and, unless it is a time (kept in microseconds), a whole number of that
// unit — the firmware would otherwise round or clamp it. `off_allowed`: "off" reads as 0.
double read_firmware_quantity(const Context& ctx, const Field& field, Dimension dimension, double unit_si,
                              hw::ConfigField range_of, bool off_allowed = false);

// The same for `key` of `s`, `fallback` when it is absent.
double firmware_quantity(const Context& ctx, const Section& s, std::string_view key, Dimension dimension,
                         double unit_si, hw::ConfigField range_of, double fallback, bool off_allowed = false);

// A time, kept in the firmware's microseconds.
double firmware_time(const Context& ctx, const Section& s, std::string_view key, hw::ConfigField range_of,
                     double fallback, bool off_allowed = false);

int firmware_integer(const Section& s, std::string_view key, hw::ConfigField range_of, int fallback);

}  // namespace fleet::sim::loader
