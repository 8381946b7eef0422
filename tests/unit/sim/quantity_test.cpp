#include "sim/scenario/quantity.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace fleet::sim;

namespace {

struct Good {
  const char* text;
  Dimension dimension;
  double expected;  // compared exactly: the parser rounds once, like the literal
};

struct Bad {
  const char* text;
  Dimension dimension;
  const char* error;
};

}  // namespace

TEST_CASE("parse_quantity reads every unit to SI exactly", "[quantity]") {
  const std::vector<Good> cases{
      {"3.76", Dimension::DIMENSIONLESS, 3.76},
      {"-2.5", Dimension::DIMENSIONLESS, -2.5},
      {"1e3", Dimension::DIMENSIONLESS, 1000},
      {"600us", Dimension::TIME, 600e-6},
      {"600µs", Dimension::TIME, 600e-6},
      {"600ms", Dimension::TIME, 0.6},
      {"30s", Dimension::TIME, 30},
      {"15min", Dimension::TIME, 900},
      {"1h", Dimension::TIME, 3600},
      {"7d", Dimension::TIME, 604800},
      {"15 min", Dimension::TIME, 900},
      {"  2.5h  ", Dimension::TIME, 9000},
      {"4.9e-06s", Dimension::TIME, 4.9e-6},
      {"1500m", Dimension::DISTANCE, 1500},
      {"50km", Dimension::DISTANCE, 50e3},
      {"868.1MHz", Dimension::FREQUENCY, 868.1e6},
      {"868.3MHz", Dimension::FREQUENCY, 868.3e6},
      {"125kHz", Dimension::FREQUENCY, 125e3},
      {"1.5GHz", Dimension::FREQUENCY, 1.5e9},
      {"50Hz", Dimension::FREQUENCY, 50},
      {"1uA", Dimension::CURRENT, 1e-6},
      {"0.6µA", Dimension::CURRENT, 0.6e-6},
      {"0.6μA", Dimension::CURRENT, 0.6e-6},  // Greek mu as well as the micro sign
      {"45mA", Dimension::CURRENT, 45e-3},
      {"4.2mA", Dimension::CURRENT, 4.2e-3},
      {"1A", Dimension::CURRENT, 1},
      {"0.5uC", Dimension::CHARGE, 0.5e-6},
      {"2mC", Dimension::CHARGE, 2e-3},
      {"3C", Dimension::CHARGE, 3},
      {"17Ah", Dimension::CHARGE, 61200},
      {"1000mAh", Dimension::CHARGE, 3600},
      {"3.6V", Dimension::VOLTAGE, 3.6},
      {"2000mV", Dimension::VOLTAGE, 2},
      {"50uJ", Dimension::ENERGY, 50e-6},
      {"105mJ", Dimension::ENERGY, 0.105},
      {"2J", Dimension::ENERGY, 2},
      {"61.2Wh", Dimension::ENERGY, 61.2 * 3600},
      {"14dBm", Dimension::POWER_DBM, 14},
      {"-3dBm", Dimension::POWER_DBM, -3},
      {"6dB", Dimension::DECIBEL, 6},
      {"7.7dB", Dimension::DECIBEL, 7.7},
      {"300bps", Dimension::DATA_RATE, 300},
      {"5.5kbps", Dimension::DATA_RATE, 5500},
      {"100Mbps", Dimension::DATA_RATE, 100e6},
      {"10Gbps", Dimension::DATA_RATE, 10e9},
      {"13B", Dimension::DATA_SIZE, 13},
      {"2kB", Dimension::DATA_SIZE, 2000},  // 1000-based
      {"1.5MB", Dimension::DATA_SIZE, 1.5e6},
      {"1%", Dimension::FRACTION, 0.01},
      {"80%", Dimension::FRACTION, 0.8},
      {"0.01", Dimension::FRACTION, 0.01},
      {"+5", Dimension::DIMENSIONLESS, 5},
      {".5", Dimension::DIMENSIONLESS, 0.5},
      {"8m/s", Dimension::SPEED, 8},
      {"36km/h", Dimension::SPEED, 10},
      {"50km/h", Dimension::SPEED, 50 / 3.6},
      {"3600kn", Dimension::SPEED, 1852},  // a knot is one nautical mile, 1852 m exactly, per hour
      {"16.3kn", Dimension::SPEED, 16.3 * 1852.0 / 3600.0},
  };
  for (const Good& c : cases) {
    INFO(c.text);
    const QuantityResult result = parse_quantity(c.text, c.dimension);
    REQUIRE(result.ok);
    CHECK(result.value_si == c.expected);
    CHECK(result.error.empty());
  }
}

TEST_CASE("parse_quantity says what it expected and which units it accepts", "[quantity]") {
  const std::vector<Bad> cases{
      {"15mins", Dimension::TIME, "unknown unit 'mins' for a time; accepted: us, ms, s, min, h, d"},
      {"15", Dimension::TIME,
       "expected a time such as 15min, 7d or 600ms, got 15 (no unit; accepted: us, ms, s, min, h, d)"},
      {"fast", Dimension::TIME, "expected a time such as 15min, 7d or 600ms, got fast"},
      {"", Dimension::TIME, "expected a time such as 15min, 7d or 600ms, got an empty value"},
      {"   ", Dimension::TIME, "expected a time such as 15min, 7d or 600ms, got an empty value"},
      {"min", Dimension::TIME, "expected a time such as 15min, 7d or 600ms, got min"},
      {"10 miles", Dimension::DISTANCE, "unknown unit 'miles' for a distance; accepted: m, km"},
      {"868.1mhz", Dimension::FREQUENCY, "unknown unit 'mhz' for a frequency; accepted: Hz, kHz, MHz, GHz"},
      {"45", Dimension::CURRENT,
       "expected a current such as 45mA or 1uA, got 45 (no unit; accepted: uA, mA, A)"},
      {"17Wh", Dimension::CHARGE, "unknown unit 'Wh' for a charge; accepted: uC, mC, C, mAh, Ah"},
      {"3.6", Dimension::VOLTAGE,
       "expected a voltage such as 3.6V or 2000mV, got 3.6 (no unit; accepted: mV, V)"},
      {"5mAh", Dimension::ENERGY, "unknown unit 'mAh' for an energy; accepted: uJ, mJ, J, Wh"},
      {"14dB", Dimension::POWER_DBM, "unknown unit 'dB' for a power in dBm; accepted: dBm"},
      {"6dBm", Dimension::DECIBEL, "unknown unit 'dBm' for a ratio in dB; accepted: dB"},
      {"100MB", Dimension::DATA_RATE, "unknown unit 'MB' for a data rate; accepted: bps, kbps, Mbps, Gbps"},
      {"13b", Dimension::DATA_SIZE, "unknown unit 'b' for a data size; accepted: B, kB, MB"},
      {"16kt", Dimension::SPEED, "unknown unit 'kt' for a speed; accepted: m/s, km/h, kn"},
      {"16", Dimension::SPEED,
       "expected a speed such as 16.3kn, 50km/h or 8m/s, got 16 (no unit; accepted: m/s, km/h, kn)"},
      {"1 percent", Dimension::FRACTION,
       "unknown unit 'percent' for a fraction; accepted: % or a plain number"},
      {"3.76dB", Dimension::DIMENSIONLESS,
       "unexpected unit 'dB': expected a number such as 3.76 or -2.5 (no unit)"},
      {"1e999s", Dimension::TIME, "number out of range: 1e999s"},
      {"1e", Dimension::DIMENSIONLESS,
       "unexpected unit 'e': expected a number such as 3.76 or -2.5 (no unit)"},
      {"nan", Dimension::DIMENSIONLESS, "expected a number such as 3.76 or -2.5, got nan"},
      {"inf", Dimension::DIMENSIONLESS, "expected a number such as 3.76 or -2.5, got inf"},
      {"--1", Dimension::DIMENSIONLESS, "expected a number such as 3.76 or -2.5, got --1"},
  };
  for (const Bad& c : cases) {
    INFO(c.text);
    const QuantityResult result = parse_quantity(c.text, c.dimension);
    CHECK_FALSE(result.ok);
    CHECK(result.error == c.error);
  }
}

TEST_CASE("format_quantity writes the SI unit and the shortest exact number", "[quantity]") {
  CHECK(format_quantity(3600, Dimension::TIME) == "3600s");
  CHECK(format_quantity(868.1e6, Dimension::FREQUENCY) == "868100000Hz");
  CHECK(format_quantity(0.045, Dimension::CURRENT) == "0.045A");
  CHECK(format_quantity(61200, Dimension::CHARGE) == "61200C");
  CHECK(format_quantity(14, Dimension::POWER_DBM) == "14dBm");
  CHECK(format_quantity(-7.5, Dimension::DECIBEL) == "-7.5dB");
  CHECK(format_quantity(13, Dimension::DATA_SIZE) == "13B");
  CHECK(format_quantity(100e6, Dimension::DATA_RATE) == "100000000bps");
  CHECK(format_quantity(0.01, Dimension::FRACTION) == "0.01");
  CHECK(format_quantity(3.76, Dimension::DIMENSIONLESS) == "3.76");
  CHECK(format_quantity(3.6, Dimension::VOLTAGE) == "3.6V");
  CHECK(format_quantity(50e-6, Dimension::ENERGY) == "5e-05J");
  CHECK(format_quantity(1500, Dimension::DISTANCE) == "1500m");
  CHECK(format_quantity(8.5, Dimension::SPEED) == "8.5m/s");
}

TEST_CASE("format_duration writes the largest whole unit, and reads back exactly", "[quantity]") {
  CHECK(format_duration(3456000000) == "40000d");
  CHECK(format_duration(6 * 3600) == "6h");
  CHECK(format_duration(5400) == "90min");
  CHECK(format_duration(60) == "1min");
  CHECK(format_duration(45) == "45s");
  CHECK(format_duration(0.5) == "0.5s");
  CHECK(format_duration(0) == "0s");
  CHECK(format_duration(-7200) == "-2h");
  for (const double seconds : {3456000000.0, 21600.0, 5400.0, 45.0, 0.5, 1e-6, 1e20, 86400.5})
    CHECK(parse_quantity(format_duration(seconds), Dimension::TIME).value_si == seconds);
}

TEST_CASE("format_quantity reads back exactly", "[quantity]") {
  const std::vector<Dimension> dimensions{
      Dimension::DIMENSIONLESS, Dimension::TIME,    Dimension::DISTANCE,  Dimension::FREQUENCY,
      Dimension::CURRENT,       Dimension::CHARGE,  Dimension::VOLTAGE,   Dimension::ENERGY,
      Dimension::POWER_DBM,     Dimension::DECIBEL, Dimension::DATA_RATE, Dimension::DATA_SIZE,
      Dimension::FRACTION,      Dimension::SPEED};
  const std::vector<double> values{0.0,    -0.0,           1.0,
                                   0.1,    1.0 / 3,        50e-6 / 3.6,
                                   4.9e-9, 868.1e6,        17 * 3600.0,
                                   1e300,  4.9e-320,       -123.456,
                                   1e-7,   2.0 / 3 * 1e22, std::nextafter(1.0, 2.0)};
  for (const Dimension dimension : dimensions) {
    for (const double value : values) {
      const std::string text = format_quantity(value, dimension);
      INFO(text);
      const QuantityResult back = parse_quantity(text, dimension);
      REQUIRE(back.ok);
      CHECK(back.value_si == value);
      CHECK(std::signbit(back.value_si) == std::signbit(value));
    }
  }
}

TEST_CASE("scaled quantities shift the decimal point before rounding", "[quantity]") {
  // backbone.fibre_delay_per_km: "4.9us" per km is exactly the 4.9e-9 s/m literal of scenario.hpp.
  CHECK(parse_scaled_quantity("4.9us", Dimension::TIME, -3).value_si == 4.9e-9);
  CHECK(parse_scaled_quantity("5us", Dimension::TIME, -3).value_si == 5e-9);
  CHECK(format_scaled_quantity(4.9e-9, Dimension::TIME, -3) == "4.9e-6s");
  CHECK(format_scaled_quantity(0.0, Dimension::TIME, -3) == "0s");
  CHECK(parse_scaled_quantity("4.9", Dimension::TIME, -3).error ==
        "expected a time such as 15min, 7d or 600ms, got 4.9 (no unit; accepted: us, ms, s, min, h, d)");
  std::uint64_t state = 12345;  // a small LCG: any double the format can produce must read back
  for (int i = 0; i < 10000; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const double value = std::ldexp(static_cast<double>(state >> 11), -53) * 1e-8;
    const std::string text = format_scaled_quantity(value, Dimension::TIME, -3);
    INFO(text);
    REQUIRE(parse_scaled_quantity(text, Dimension::TIME, -3).value_si == value);
  }
}
