#pragma once
// Time to first fix of a GNSS receiver, from what its backup domain still holds.
// A receiver that keeps its backup domain powered starts
//   hot   while the ephemeris of its last fix is valid (it needs only to re-acquire),
//   warm  while the almanac is valid (it knows roughly where to look, must download ephemeris),
//   cold  otherwise, or before its first fix (a full sky search).
// Figures: u-blox NEO-M8 TTFF cold 26 s, hot 1 s (docs/sources.md section 2); the validity spans are
// assumptions kept in the device profile (GPS ephemerides are broadcast for 4 h fits).
namespace fleet::models {

enum class GnssStart { HOT, WARM, COLD };

struct GnssTiming {
  double ttff_hot_s = 1;
  double ttff_warm_s = 25;
  double ttff_cold_s = 26;
  double ephemeris_valid_s = 4 * 3600.0;
  double almanac_valid_s = 30 * 86400.0;
};

// `seconds_since_last_fix` < 0 means the receiver has never had a fix.
constexpr GnssStart gnss_start_kind(const GnssTiming& timing, double seconds_since_last_fix) {
  if (seconds_since_last_fix < 0) return GnssStart::COLD;
  if (seconds_since_last_fix <= timing.ephemeris_valid_s) return GnssStart::HOT;
  if (seconds_since_last_fix <= timing.almanac_valid_s) return GnssStart::WARM;
  return GnssStart::COLD;
}

constexpr double gnss_time_to_fix_s(const GnssTiming& timing, GnssStart start) {
  switch (start) {
    case GnssStart::HOT:
      return timing.ttff_hot_s;
    case GnssStart::WARM:
      return timing.ttff_warm_s;
    case GnssStart::COLD:
      break;
  }
  return timing.ttff_cold_s;
}

}  // namespace fleet::models
