#include "hw/place.hpp"

#include <catch2/catch.hpp>

#include "hw/report_policy.hpp"

using namespace fleet::hw;

namespace {

constexpr TimeUs MINUTE_US = 60 * US_PER_S;

// Fos-sur-Mer (docs/sources.md section 9 route: 43.40 N, 4.88 E), a 1 km circle.
constexpr Geofence FOS{GeofenceShape::CIRCLE, 434'000'000, 48'800'000, 0, 0, 1000};

}  // namespace

TEST_CASE("circle geofence: distances derived from a 6371 km sphere", "[place]") {
  // North: 0.0080 deg = 889.6 m in, 0.0095 deg = 1056 m out.
  CHECK(inside_geofence(FOS, 434'080'000, 48'800'000));
  CHECK_FALSE(inside_geofence(FOS, 434'095'000, 48'800'000));
  CHECK_FALSE(inside_geofence(FOS, 433'905'000, 48'800'000));  // south as well
  // East at 43.4 N, cos = 0.7266: 0.0120 deg = 969.5 m in, 0.0130 deg = 1050 m out (an error in the
  // cosine of more than 3 % would flip one of them).
  CHECK(inside_geofence(FOS, 434'000'000, 48'920'000));
  CHECK_FALSE(inside_geofence(FOS, 434'000'000, 48'930'000));
  CHECK(inside_geofence(FOS, 434'000'000, 48'680'000));
  CHECK_FALSE(inside_geofence(FOS, 434'000'000, 48'670'000));
}

TEST_CASE("geofences across the antimeridian and boxes", "[place]") {
  const Geofence date_line{GeofenceShape::CIRCLE, 0, 1'799'950'000, 0, 0, 2000};  // 179.995 E, 2 km
  CHECK(inside_geofence(date_line, 0, -1'799'950'000));     // 179.995 W: 1.1 km away across the line
  CHECK_FALSE(inside_geofence(date_line, 0, -1'799'700'000));  // 3.9 km away
  const Geofence yard{GeofenceShape::BOX, 433'900'000, 48'700'000, 434'100'000, 48'900'000, 0};
  CHECK(inside_geofence(yard, 434'000'000, 48'800'000));
  CHECK(inside_geofence(yard, 433'900'000, 48'900'000));  // edges included
  CHECK_FALSE(inside_geofence(yard, 434'100'001, 48'800'000));
  CHECK_FALSE(inside_geofence(yard, 434'000'000, 48'699'999));
}

TEST_CASE("place rules: fence, ship hub, motion, LoRa, in that order, with memory", "[place]") {
  FirmwareConfig config;
  config.geofence_count = 1;
  config.geofences[0] = FOS;
  config.place_memory_us = 30 * MINUTE_US;
  PlaceTracker tracker;
  const TimeUs t0 = 1000 * MINUTE_US;
  CHECK(tracker.place(t0, config) == Place::UNKNOWN);

  tracker.on_bearer_heard(Bearer::LORA, t0);
  CHECK(tracker.place(t0, config) == Place::PORT);  // a yard gateway heard
  tracker.on_motion_sample(config.motion_threshold_mg, t0 + MINUTE_US, config);
  CHECK(tracker.place(t0 + MINUTE_US, config) == Place::ROAD);  // motion outranks LoRa
  tracker.on_bearer_heard(Bearer::SHIP_HUB, t0 + 2 * MINUTE_US);
  CHECK(tracker.place(t0 + 2 * MINUTE_US, config) == Place::SEA);  // a moving box with a ship hub is at sea
  tracker.on_fix(GnssResult{true, 434'000'000, 48'800'000}, t0 + 3 * MINUTE_US, config);
  CHECK(tracker.place(t0 + 3 * MINUTE_US, config) == Place::PORT);  // alongside in Fos

  // Evidence fades after place_memory_us: first the LoRa, motion and hub, then the fix.
  CHECK(tracker.place(t0 + 33 * MINUTE_US, config) == Place::PORT);
  CHECK(tracker.place(t0 + 33 * MINUTE_US + 1, config) == Place::UNKNOWN);
  // A fix outside every fence cancels the fence evidence at once.
  tracker.on_fix(GnssResult{true, 300'000'000, 1'220'000'000}, t0 + 4 * MINUTE_US, config);
  CHECK(tracker.place(t0 + 4 * MINUTE_US, config) == Place::SEA);
  // Small vibrations are not motion.
  PlaceTracker still;
  still.on_motion_sample(config.motion_threshold_mg - 1, t0, config);
  CHECK_FALSE(still.moving(t0, config.place_memory_us));
}

TEST_CASE("reporting periods follow policy, place and battery level", "[report_policy]") {
  FirmwareConfig config;
  config.battery_low_percent = 30;
  config.battery_critical_percent = 10;
  config.low_battery_factor = 2;
  config.critical_battery_factor = 8;
  config.gnss_interval_us = 8 * 60 * MINUTE_US;
  config.heartbeat_interval_us = 24 * 60 * MINUTE_US;
  CHECK(battery_level(30, config) == BatteryLevel::NORMAL);
  CHECK(battery_level(29, config) == BatteryLevel::LOW);
  CHECK(battery_level(10, config) == BatteryLevel::LOW);
  CHECK(battery_level(9, config) == BatteryLevel::CRITICAL);

  CHECK(report_period_us(config, Place::SEA, BatteryLevel::NORMAL) == config.report_interval_us);
  config.policy = ReportPolicy::PLACE_AWARE;
  CHECK(report_period_us(config, Place::PORT, BatteryLevel::NORMAL) == 60 * MINUTE_US);
  CHECK(report_period_us(config, Place::SEA, BatteryLevel::NORMAL) == 6 * 60 * MINUTE_US);
  CHECK(report_period_us(config, Place::SEA, BatteryLevel::LOW) == 12 * 60 * MINUTE_US);
  CHECK(report_period_us(config, Place::SEA, BatteryLevel::CRITICAL) == 48 * 60 * MINUTE_US);
  CHECK(gnss_period_us(config, BatteryLevel::LOW) == 16 * 60 * MINUTE_US);
  CHECK(gnss_period_us(config, BatteryLevel::CRITICAL) == 0);
  CHECK(heartbeat_period_us(config, BatteryLevel::LOW) == config.heartbeat_interval_us);
  CHECK(heartbeat_period_us(config, BatteryLevel::CRITICAL) == 0);

  config.battery_low_percent = 0;  // levels off
  config.battery_critical_percent = 0;
  CHECK(battery_level(0, config) == BatteryLevel::NORMAL);
}
