// The limits of sim/scenario/scenario_limits.hpp at their edges: each holds exactly at its bound and breaks
// just past it, naming the key to point at. The messages themselves are in tests/fixtures/bad.
#include <catch2/catch.hpp>

#include "sim/scenario/scenario_limits.hpp"
#include "sim/scenario/scenario_text_check.hpp"

using namespace fleet::sim;

namespace {

Scenario small_scenario() {
  Scenario s;
  s.port.gateways = {{"gw-1", {43.4, 4.9}}};
  return s;
}

std::string broken_key(const Scenario& s) {
  const auto violation = first_limit_violation(s);
  return violation ? violation->key_path : std::string("none");
}

}  // namespace

TEST_CASE("the defaults are within every limit", "[limits]") { CHECK(broken_key(small_scenario()) == "none"); }

TEST_CASE("duration from a minute to a century", "[limits]") {
  Scenario s = small_scenario();
  s.duration_s = MIN_DURATION_S;
  CHECK(broken_key(s) == "none");
  s.duration_s = MIN_DURATION_S * (1 - 1e-12);
  CHECK(broken_key(s) == "duration");
  s.duration_s = MAX_DURATION_S;
  s.output.timeseries_interval_s = MAX_DURATION_S / MAX_SAMPLES;
  s.network.load_interval_s = MAX_DURATION_S / MAX_SAMPLES;
  CHECK(broken_key(s) == "none");
  s.duration_s = MAX_DURATION_S * (1 + 1e-12);
  CHECK(broken_key(s) == "duration");
}

TEST_CASE("sampling intervals: at least a second, at most a million samples", "[limits]") {
  Scenario s = small_scenario();
  s.duration_s = 2e6;
  s.output.timeseries_interval_s = 2;  // exactly 1e6 samples
  CHECK(broken_key(s) == "none");
  s.output.timeseries_interval_s = 1.999;
  CHECK(broken_key(s) == "output.timeseries_interval");
  s.output.timeseries_interval_s = 3600;
  s.network.load_interval_s = 1.999;
  CHECK(broken_key(s) == "network.load_interval");
  s.duration_s = 100;
  s.network.load_interval_s = 0.999;
  CHECK(broken_key(s) == "network.load_interval");
}

TEST_CASE("gateway ids and device-gateway pairs", "[limits]") {
  Scenario s = small_scenario();
  s.fleet.containers = 1;
  s.network.load_interval_s = 86400;
  s.port.gateways.assign(MAX_GATEWAYS, GatewaySpec{"gw", {43.4, 4.9}});
  CHECK(broken_key(s) == "none");
  s.port.gateways.emplace_back(GatewaySpec{"gw", {43.4, 4.9}});
  CHECK(broken_key(s) == "port.gateways");
  s.port.gateways.resize(1000);
  s.fleet.containers = 1'000'000;  // 1e9 pairs: the bound itself
  CHECK(broken_key(s) == "none");
  s.port.gateways.emplace_back(GatewaySpec{"gw", {43.4, 4.9}});
  CHECK(broken_key(s) == "fleet.containers");
}

TEST_CASE("event rates per device and over the run", "[limits]") {
  Scenario s = small_scenario();
  s.fleet.containers = 1;
  s.fleet.environment.shocks_per_day = MAX_EVENTS_PER_DAY;
  CHECK(broken_key(s) == "none");
  s.fleet.environment.shocks_per_day = MAX_EVENTS_PER_DAY * 1.001;
  CHECK(broken_key(s) == "fleet.environment.shocks_per_day");
  s.fleet.environment.shocks_per_day = 0;
  s.fleet.containers = 1'000'000;
  s.duration_s = 10 * 86400;
  s.fleet.environment.door_openings_per_day = 100;  // 1e9 over the run: the bound itself
  CHECK(broken_key(s) == "none");
  s.fleet.environment.door_openings_per_day = 100.1;
  CHECK(broken_key(s) == "fleet.environment.door_openings_per_day");
}

TEST_CASE("the yard: latitude and size", "[limits]") {
  Scenario s = small_scenario();
  s.port.yard.center.lat_deg = -MAX_YARD_LATITUDE_DEG;
  CHECK(broken_key(s) == "none");
  s.port.yard.center.lat_deg = -80.01;
  CHECK(broken_key(s) == "port.yard.center.lat");
  s.port.yard.center.lat_deg = 43.4;
  s.port.yard.north_extent_m = MAX_YARD_SIZE_M + 1;
  CHECK(broken_key(s) == "port.yard.north_extent");
}

TEST_CASE("text problems are found at their byte", "[limits][text]") {
  CHECK(!first_text_problem("name: café\r\nport: {}\n\ttab: ok\n", "scenario"));  // UTF-8, CRLF and tabs are fine
  const auto at = [](std::string_view text) { return first_text_problem(text, "scenario")->offset; };
  CHECK(at("ab\xff") == 2);
  CHECK(at("a\rb") == 1);
  CHECK(at("ab\x01") == 2);
  CHECK(at("x\xe2\x82") == 1);          // cut short
  CHECK(at("\xf4\x90\x80\x80") == 0);   // above U+10FFFF
  CHECK(!first_text_problem("\xf0\x9f\x9a\xa2", "scenario"));  // a ship: four bytes, valid
}
