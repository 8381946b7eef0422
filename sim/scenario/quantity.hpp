#pragma once
// Physical quantities as written in scenario files ("15min", "868.1MHz", "17Ah", "1%") to SI numbers
// and back. Kept free of yaml-cpp so the CLI and tests can use it directly.
//
// Units are case-sensitive ("MHz", not "mhz"). The micro prefix may be written "u", "µ" (U+00B5) or
// "μ" (U+03BC). Data sizes are 1000-based (1 kB = 1000 B), like data rates.
#include <string>
#include <string_view>

namespace fleet::sim {

enum class Dimension {
  DIMENSIONLESS,  // a plain number (exponents, coordinates in degrees)
  TIME,           // s
  DISTANCE,       // m
  FREQUENCY,      // Hz
  CURRENT,        // A
  CHARGE,         // C (mAh and Ah are converted: 1 Ah = 3600 C)
  VOLTAGE,        // V
  ENERGY,         // J (1 Wh = 3600 J)
  POWER_DBM,      // dBm, kept logarithmic
  DECIBEL,        // dB, kept logarithmic
  DATA_RATE,      // bit/s
  DATA_SIZE,      // bytes
  FRACTION,       // 0..1; "1%" or "0.01"
  RESISTANCE,     // ohm ("1.5Ohm")
  TEMPERATURE,    // degrees Celsius, kept in degC ("-20degC")
  ACCELERATION,   // in g, standard gravity (9.80665 m/s^2), as accelerometers report it ("4g", "30mg")
  ILLUMINANCE,    // lux ("20lx")
  SPEED,          // m/s ("16.3kn", "50km/h", "8m/s")
};

struct QuantityResult {
  bool ok = false;
  double value_si = 0;
  std::string error;  // set when !ok; says what was expected and which units are accepted
};

// Reads a number (optionally signed, optionally with a decimal exponent) followed by a unit, with
// optional spaces between. The value is rounded once, as if the SI number had been written
// directly: "868.1MHz" gives exactly 868.1e6.
QuantityResult parse_quantity(std::string_view text, Dimension dimension);

// The shortest text that parse_quantity reads back to exactly `value_si`, in the SI unit
// ("3600s", "868100000Hz", "0.045A", "61200C", "14dBm"; fractions as plain numbers: "0.01").
// `value_si` must be finite.
std::string format_quantity(double value_si, Dimension dimension);

// A duration for a message, in the largest of d, h and min that holds it a whole number of times
// ("40000d", "6h", "90min"), otherwise as format_quantity writes it ("45s", "0.5s"). It reads back
// exactly too; messages use it so that a 40,000-day run is not shown as 3456000000s.
std::string format_duration(double seconds);

// For per-unit keys such as backbone.fibre_delay_per_km: the value times 10^exponent10, with the
// decimal shift done before the single rounding, so "4.9us" at exponent10 = -3 gives exactly 4.9e-9.
QuantityResult parse_scaled_quantity(std::string_view text, Dimension dimension, int exponent10);

// The inverse: text that parse_scaled_quantity(text, dimension, exponent10) reads back to exactly
// `value_si` (4.9e-9 at exponent10 = -3 gives "4.9e-6s"). `value_si` must be finite.
std::string format_scaled_quantity(double value_si, Dimension dimension, int exponent10);

// "a time such as 15min, 7d or 600ms": used in error messages about a value of this dimension.
std::string describe_dimension(Dimension dimension);

// Human name of the dimension with its article: "a time", "a frequency".
std::string dimension_name(Dimension dimension);

}  // namespace fleet::sim
