#include "hw/place.hpp"

namespace fleet::hw {
namespace {

// Metres per degree of latitude on a sphere of radius 6,371 km: pi * R / 180.
constexpr std::int64_t METRES_PER_DEGREE = 111'195;
constexpr std::int64_t E7 = 10'000'000;
constexpr std::int64_t COS_ONE = 1 << 16;

// cos(latitude) in 1/65536 by Bhaskara I's approximation, in degrees: (180² − 4d²) / (180² + d²).
// Latitude is taken in 1e-4 degrees so every product stays inside 64 bits.
constexpr std::int64_t cos_q16(std::int32_t lat_e7) {
  const std::int64_t d = lat_e7 / 1000;
  const std::int64_t half_turn = 1'800'000;  // 180 degrees in 1e-4 degrees
  return (half_turn * half_turn - 4 * d * d) * COS_ONE / (half_turn * half_turn + d * d);
}
static_assert(cos_q16(0) == COS_ONE);
static_assert(cos_q16(600'000'000) == 32768);  // cos 60 deg = 0.5 (exact in Bhaskara's formula)

// Longitude difference wrapped into [-180, 180) degrees, so fences near the antimeridian work.
constexpr std::int64_t wrapped_dlon_e7(std::int32_t lon_e7, std::int32_t centre_lon_e7) {
  std::int64_t d = static_cast<std::int64_t>(lon_e7) - centre_lon_e7;
  if (d >= 180 * E7) d -= 360 * E7;
  if (d < -180 * E7) d += 360 * E7;
  return d;
}

}  // namespace

bool inside_geofence(const Geofence& fence, std::int32_t lat_e7, std::int32_t lon_e7) {
  if (fence.shape == GeofenceShape::BOX) {
    return lat_e7 >= fence.lat_e7 && lat_e7 <= fence.lat2_e7 && lon_e7 >= fence.lon_e7 && lon_e7 <= fence.lon2_e7;
  }
  const std::int64_t north_m = (static_cast<std::int64_t>(lat_e7) - fence.lat_e7) * METRES_PER_DEGREE / E7;
  const std::int64_t east_m =
      wrapped_dlon_e7(lon_e7, fence.lon_e7) * METRES_PER_DEGREE / E7 * cos_q16(fence.lat_e7) / COS_ONE;
  const std::int64_t radius_m = fence.radius_m;
  return north_m * north_m + east_m * east_m <= radius_m * radius_m;
}

void PlaceTracker::on_fix(const GnssResult& fix, TimeUs now_us, const FirmwareConfig& config) {
  if (!fix.fixed) return;
  for (std::size_t i = 0; i < config.geofence_count && i < MAX_GEOFENCES; ++i) {
    if (inside_geofence(config.geofences[i], fix.lat_e7, fix.lon_e7)) {
      fence_fix_us_ = now_us;
      return;
    }
  }
  fence_fix_us_ = NEVER;  // a fix outside every fence is evidence too: the box has left the port
}

void PlaceTracker::on_motion_sample(std::uint16_t accel_rms_mg, TimeUs now_us, const FirmwareConfig& config) {
  if (accel_rms_mg >= config.motion_threshold_mg) motion_us_ = now_us;
}

Place PlaceTracker::place(TimeUs now_us, const FirmwareConfig& config) const {
  const TimeUs memory_us = config.place_memory_us;
  // A fix stays the latest word on position until the next one is due (and has had time to finish).
  const TimeUs next_fix_us = config.gnss_interval_us + config.gnss_timeout_us;
  if (recent(fence_fix_us_, now_us, next_fix_us > memory_us ? next_fix_us : memory_us)) return Place::PORT;
  if (heard_recently(Bearer::SHIP_HUB, now_us, memory_us)) return Place::SEA;
  if (moving(now_us, memory_us)) return Place::ROAD;
  if (heard_recently(Bearer::LORA, now_us, memory_us)) return Place::PORT;
  return Place::UNKNOWN;
}

}  // namespace fleet::hw
