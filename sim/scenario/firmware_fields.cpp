// Values the firmware takes (fleet.firmware, and radio's tx_power, duty_cycle, preamble and MAC
// overhead): read as a quantity, then checked against hw::config_field_range, the firmware's own
// one definition of its ranges, and against its resolution. Shared by the radio and the fleet
// readers, so a range is worded the same wherever a firmware setting is written.
#include "sim/scenario/firmware_fields.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace fleet::sim::loader {
namespace {

// A limit of the firmware (an integer in its own unit, `unit_si` scenario units each) as the scenario
// would write it: "1d", "95%", "100mg", "-40degC".
std::string limit_text(std::int64_t limit, double unit_si, Dimension dimension) {
  const double value = static_cast<double>(limit) * unit_si;
  switch (dimension) {
    case Dimension::TIME:
      for (const auto& [symbol, seconds] : {std::pair{"d", 86400.0}, {"h", 3600.0}, {"min", 60.0}, {"s", 1.0},
                                            {"ms", 1e-3}, {"us", 1e-6}}) {
        const double count = value / seconds;
        if (count >= 1 && count == std::round(count)) return format_quantity(count, Dimension::DIMENSIONLESS) + symbol;
      }
      return "0s";
    case Dimension::FRACTION:
      return format_quantity(static_cast<double>(limit) * (unit_si * 100), Dimension::DIMENSIONLESS) + "%";
    case Dimension::ACCELERATION:
      return format_quantity(static_cast<double>(limit) * (unit_si * 1000), Dimension::DIMENSIONLESS) + "mg";
    default:
      return format_quantity(value, dimension);
  }
}

std::string range_text(hw::ConfigField field, double unit_si, Dimension dimension) {
  const hw::ConfigRange range = hw::config_field_range(field);
  return limit_text(range.min, unit_si, dimension) + " to " + limit_text(range.max, unit_si, dimension);
}
}  // namespace

double read_firmware_quantity(const Context& ctx, const Field& field, Dimension dimension, double unit_si,
                              hw::ConfigField range_of, bool off_allowed) {
  const std::string expected = std::string(off_allowed ? "off or " : "") + dimension_name(dimension) + " from " +
                               range_text(range_of, unit_si, dimension);
  const std::string& text = scalar_text(ctx, field, expected);
  if (off_allowed && text == "off") return 0;
  const QuantityResult result = parse_quantity(text, dimension);
  if (!result.ok) ctx.fail_value(field, result.error);
  const double in_unit = result.value_si / unit_si;
  const hw::ConfigRange range = hw::config_field_range(range_of);
  const double rounded = std::round(in_unit);
  if (!(rounded >= static_cast<double>(range.min) && rounded <= static_cast<double>(range.max)))
    ctx.fail_value(field, "expected " + expected + " (the firmware's range), got " + text);
  if (dimension != Dimension::TIME && std::abs(in_unit - rounded) > 1e-9 * std::max(1.0, std::abs(in_unit))) {
    ctx.fail_value(field, "expected a multiple of " + limit_text(1, unit_si, dimension) +
                              " (the firmware's resolution), got " + text);
  }
  return result.value_si;
}

double firmware_quantity(const Context& ctx, const Section& s, std::string_view key, Dimension dimension,
                         double unit_si, hw::ConfigField range_of, double fallback, bool off_allowed) {
  const auto field = s.find(key);
  return field ? read_firmware_quantity(ctx, *field, dimension, unit_si, range_of, off_allowed) : fallback;
}

double firmware_time(const Context& ctx, const Section& s, std::string_view key, hw::ConfigField range_of,
                     double fallback, bool off_allowed) {
  return firmware_quantity(ctx, s, key, Dimension::TIME, 1e-6, range_of, fallback, off_allowed);
}

int firmware_integer(const Section& s, std::string_view key, hw::ConfigField range_of, int fallback) {
  const hw::ConfigRange range = hw::config_field_range(range_of);
  return static_cast<int>(s.integer(key, range.min, range.max, fallback));
}

}  // namespace fleet::sim::loader
