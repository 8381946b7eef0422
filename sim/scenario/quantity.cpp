#include "sim/scenario/quantity.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <span>
#include <string>
#include <system_error>

namespace fleet::sim {
namespace {

// value_si = (number x 10^exponent10) x multiplier / divisor. The decimal part is folded into the
// number's own exponent before conversion, so "868.1MHz" rounds once, exactly like the literal 868.1e6.
// A unit that is a ratio (1 kn = 1852/3600 m/s) is applied as written in code, multiplier then divisor,
// so "16.3kn" is exactly 16.3 * 1852.0 / 3600.0 and "50km/h" exactly 50 / 3.6.
struct Unit {
  std::string_view symbol;
  int exponent10;
  double multiplier;
  double divisor = 1;
};

struct DimensionInfo {
  std::string_view name;       // "a time"
  std::string_view examples;   // "15min, 7d or 600ms"
  std::string_view si_symbol;  // written by format_quantity
  bool bare_number_allowed;
  std::span<const Unit> units;
};

constexpr std::array<Unit, 6> TIME_UNITS{
    {{"us", -6, 1}, {"ms", -3, 1}, {"s", 0, 1}, {"min", 0, 60}, {"h", 0, 3600}, {"d", 0, 86400}}};
constexpr std::array<Unit, 2> DISTANCE_UNITS{{{"m", 0, 1}, {"km", 3, 1}}};
constexpr std::array<Unit, 4> FREQUENCY_UNITS{{{"Hz", 0, 1}, {"kHz", 3, 1}, {"MHz", 6, 1}, {"GHz", 9, 1}}};
constexpr std::array<Unit, 3> CURRENT_UNITS{{{"uA", -6, 1}, {"mA", -3, 1}, {"A", 0, 1}}};
constexpr std::array<Unit, 5> CHARGE_UNITS{
    {{"uC", -6, 1}, {"mC", -3, 1}, {"C", 0, 1}, {"mAh", -3, 3600}, {"Ah", 0, 3600}}};
constexpr std::array<Unit, 2> VOLTAGE_UNITS{{{"mV", -3, 1}, {"V", 0, 1}}};
constexpr std::array<Unit, 4> ENERGY_UNITS{{{"uJ", -6, 1}, {"mJ", -3, 1}, {"J", 0, 1}, {"Wh", 0, 3600}}};
constexpr std::array<Unit, 1> DBM_UNITS{{{"dBm", 0, 1}}};
constexpr std::array<Unit, 1> DB_UNITS{{{"dB", 0, 1}}};
constexpr std::array<Unit, 4> DATA_RATE_UNITS{
    {{"bps", 0, 1}, {"kbps", 3, 1}, {"Mbps", 6, 1}, {"Gbps", 9, 1}}};
constexpr std::array<Unit, 3> DATA_SIZE_UNITS{{{"B", 0, 1}, {"kB", 3, 1}, {"MB", 6, 1}}};
constexpr std::array<Unit, 1> FRACTION_UNITS{{{"%", -2, 1}}};
constexpr std::array<Unit, 2> RESISTANCE_UNITS{{{"mOhm", -3, 1}, {"Ohm", 0, 1}}};
constexpr std::array<Unit, 1> TEMPERATURE_UNITS{{{"degC", 0, 1}}};
constexpr std::array<Unit, 2> ACCELERATION_UNITS{{{"mg", -3, 1}, {"g", 0, 1}}};
constexpr std::array<Unit, 1> ILLUMINANCE_UNITS{{{"lx", 0, 1}}};
// The knot is 1852 m (the international nautical mile, exact by definition) per hour.
constexpr std::array<Unit, 3> SPEED_UNITS{{{"m/s", 0, 1}, {"km/h", 0, 1, 3.6}, {"kn", 0, 1852, 3600}}};

DimensionInfo info(Dimension dimension) {
  switch (dimension) {
    case Dimension::DIMENSIONLESS:
      return {"a number", "3.76 or -2.5", "", true, {}};
    case Dimension::TIME:
      return {"a time", "15min, 7d or 600ms", "s", false, TIME_UNITS};
    case Dimension::DISTANCE:
      return {"a distance", "1500m or 50km", "m", false, DISTANCE_UNITS};
    case Dimension::FREQUENCY:
      return {"a frequency", "868.1MHz or 125kHz", "Hz", false, FREQUENCY_UNITS};
    case Dimension::CURRENT:
      return {"a current", "45mA or 1uA", "A", false, CURRENT_UNITS};
    case Dimension::CHARGE:
      return {"a charge", "17Ah or 0.5uC", "C", false, CHARGE_UNITS};
    case Dimension::VOLTAGE:
      return {"a voltage", "3.6V or 2000mV", "V", false, VOLTAGE_UNITS};
    case Dimension::ENERGY:
      return {"an energy", "50uJ or 61.2Wh", "J", false, ENERGY_UNITS};
    case Dimension::POWER_DBM:
      return {"a power in dBm", "14dBm", "dBm", false, DBM_UNITS};
    case Dimension::DECIBEL:
      return {"a ratio in dB", "6dB", "dB", false, DB_UNITS};
    case Dimension::DATA_RATE:
      return {"a data rate", "100Mbps or 10Gbps", "bps", false, DATA_RATE_UNITS};
    case Dimension::DATA_SIZE:
      return {"a data size", "13B or 2kB", "B", false, DATA_SIZE_UNITS};
    case Dimension::FRACTION:
      return {"a fraction", "1% or 0.01", "", true, FRACTION_UNITS};
    case Dimension::RESISTANCE:
      return {"a resistance", "1.5Ohm or 200mOhm", "Ohm", false, RESISTANCE_UNITS};
    case Dimension::TEMPERATURE:
      return {"a temperature", "20degC or -40degC", "degC", false, TEMPERATURE_UNITS};
    case Dimension::ACCELERATION:
      return {"an acceleration", "4g or 30mg", "g", false, ACCELERATION_UNITS};
    case Dimension::ILLUMINANCE:
      return {"an illuminance", "20lx", "lx", false, ILLUMINANCE_UNITS};
    case Dimension::SPEED:
      return {"a speed", "16.3kn, 50km/h or 8m/s", "m/s", false, SPEED_UNITS};
  }
  return {"a number", "3.76", "", true, {}};
}

std::string accepted_units(const DimensionInfo& dim) {
  std::string list;
  for (const Unit& unit : dim.units) {
    if (!list.empty()) list += ", ";
    list += unit.symbol;
  }
  if (dim.bare_number_allowed) list += list.empty() ? "a plain number" : " or a plain number";
  return list;
}

QuantityResult failure(std::string message) {
  return {false, 0, std::move(message)};
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// "µ" (micro sign) and "μ" (Greek mu) are both accepted for the "u" prefix.
std::string normalise_micro(std::string_view unit) {
  for (std::string_view micro : {std::string_view("\xC2\xB5"), std::string_view("\xCE\xBC")}) {
    if (unit.starts_with(micro)) return "u" + std::string(unit.substr(micro.size()));
  }
  return std::string(unit);
}

// The number part split into what from_chars needs: sign apart, mantissa digits, decimal exponent.
struct NumberText {
  bool negative = false;
  std::string mantissa;  // digits with an optional '.'
  long exponent10 = 0;
  std::size_t length = 0;  // characters consumed from the input
};

bool scan_number(std::string_view text, NumberText& number) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) number.negative = text[i++] == '-';
  std::size_t digits = 0;
  while (i < text.size() && is_digit(text[i])) number.mantissa += text[i++], ++digits;
  if (i < text.size() && text[i] == '.') {
    number.mantissa += text[i++];
    while (i < text.size() && is_digit(text[i])) number.mantissa += text[i++], ++digits;
  }
  if (digits == 0) return false;
  // An exponent only if digits follow, so a unit starting with 'e' could never be swallowed.
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    bool exponent_negative = false;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) exponent_negative = text[j++] == '-';
    if (j < text.size() && is_digit(text[j])) {
      long exponent = 0;
      for (; j < text.size() && is_digit(text[j]); ++j) {
        if (exponent < 100000) exponent = exponent * 10 + (text[j] - '0');  // saturates: out of range later
      }
      number.exponent10 = exponent_negative ? -exponent : exponent;
      i = j;
    }
  }
  number.length = i;
  return true;
}

}  // namespace

std::string dimension_name(Dimension dimension) {
  return std::string(info(dimension).name);
}

std::string describe_dimension(Dimension dimension) {
  const DimensionInfo dim = info(dimension);
  return std::string(dim.name) + " such as " + std::string(dim.examples);
}

QuantityResult parse_quantity(std::string_view text, Dimension dimension) {
  return parse_scaled_quantity(text, dimension, 0);
}

QuantityResult parse_scaled_quantity(std::string_view raw_text, Dimension dimension, int exponent10) {
  const DimensionInfo dim = info(dimension);
  const std::string_view text = trim(raw_text);
  const std::string expected = "expected " + describe_dimension(dimension);
  if (text.empty()) return failure(expected + ", got an empty value");

  NumberText number;
  if (!scan_number(text, number)) return failure(expected + ", got " + std::string(text));
  const std::string unit_text = normalise_micro(trim(text.substr(number.length)));

  const Unit* unit = nullptr;
  static constexpr Unit NO_UNIT{"", 0, 1};
  if (unit_text.empty()) {
    if (!dim.bare_number_allowed) {
      return failure(expected + ", got " + std::string(text) + " (no unit; accepted: " + accepted_units(dim) +
                     ")");
    }
    unit = &NO_UNIT;
  } else {
    for (const Unit& candidate : dim.units) {
      if (candidate.symbol == unit_text) unit = &candidate;
    }
    if (unit == nullptr) {
      if (dim.units.empty()) {
        return failure("unexpected unit '" + unit_text + "': " + expected + " (no unit)");
      }
      return failure("unknown unit '" + unit_text + "' for " + std::string(dim.name) +
                     "; accepted: " + accepted_units(dim));
    }
  }

  const std::string scaled =
      number.mantissa + "e" + std::to_string(number.exponent10 + unit->exponent10 + exponent10);
  double magnitude = 0;
  const auto [end, status] = std::from_chars(scaled.data(), scaled.data() + scaled.size(), magnitude);
  if (status != std::errc() || end != scaled.data() + scaled.size()) {
    return failure("number out of range: " + std::string(text));
  }
  const double value = magnitude * unit->multiplier / unit->divisor;
  // 1e308d is a finite number of days but not of seconds: an infinite duration would never end.
  if (!std::isfinite(value)) return failure("number out of range: " + std::string(text));
  return {true, number.negative ? -value : value, {}};
}

std::string format_quantity(double value_si, Dimension dimension) {
  // Plain to_chars gives the shortest text that reads back to the same double. Whole numbers below
  // 1e16 are written out in full ("100000000bps", not "1e+08bps"): longer but easier to read.
  std::array<char, 400> buffer{};
  const bool whole = std::abs(value_si) < 1e16 && value_si == std::trunc(value_si);
  const auto result =
      whole ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), value_si, std::chars_format::fixed)
            : std::to_chars(buffer.data(), buffer.data() + buffer.size(), value_si);
  return std::string(buffer.data(), result.ptr) + std::string(info(dimension).si_symbol);
}

std::string format_duration(double seconds) {
  for (const Unit& unit : {TIME_UNITS[5], TIME_UNITS[4], TIME_UNITS[3]}) {
    const double count = seconds / unit.multiplier;
    if (std::abs(count) >= 1 && std::abs(count) < 1e15 && count == std::trunc(count))
      return std::to_string(static_cast<long long>(count)) + std::string(unit.symbol);
  }
  return format_quantity(seconds, Dimension::TIME);
}

std::string format_scaled_quantity(double value_si, Dimension dimension, int exponent10) {
  if (exponent10 == 0 || value_si == 0) return format_quantity(value_si, dimension);
  // Shortest scientific digits of the value, with the decimal exponent moved: exact both ways.
  std::array<char, 64> buffer{};
  const auto result =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value_si, std::chars_format::scientific);
  const std::string digits(buffer.data(), result.ptr);
  const std::size_t e = digits.find('e');
  const int exponent = std::stoi(digits.substr(e + 1));
  return digits.substr(0, e) + "e" + std::to_string(exponent - exponent10) +
         std::string(info(dimension).si_symbol);
}

}  // namespace fleet::sim
