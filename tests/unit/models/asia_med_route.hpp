#pragma once
// The Asia → Marseille-Fos loop via Suez, built in C++ for the model tests (which may not read YAML):
// the same waypoints, canal and port stays as the data file scenarios/routes/asia-med-loop.yaml and
// the asia-med service of scenarios/asia-med.yaml, which the simulator reads. Both are checked against
// the same published waypoint table: here in test_route.cpp, the file in route_loader_test.cpp.
#include <vector>

#include "models/route.hpp"
#include "models/ship_schedule.hpp"

namespace fleet::models {

// Waypoint names of the four ports of the issue; the other 14 waypoints are turning points at sea.
inline constexpr const char* SHANGHAI = "Shanghai";
inline constexpr const char* SINGAPORE = "Singapore";
inline constexpr const char* SUEZ = "Suez";
inline constexpr const char* PORT_SAID = "Port Said";
inline constexpr const char* FOS_SUR_MER = "Fos-sur-Mer";

// Suez Canal: 193.30 km [S] (docs/sources.md §6), the sailed length of the Suez → Port Said leg (the §6 table
// counts it as 104.4 nm); the great circle between the two ends is only 83 nm.
inline constexpr double SUEZ_CANAL_LENGTH_M = 193.30e3;
// Canal transit 12–16 h in convoy [S]: 14 h, the middle, sets the convoy's average pace.
inline constexpr double SUEZ_CANAL_TRANSIT_S = 14 * 3600.0;

// Shanghai (Yangshan) → Fos-sur-Mer, 18 waypoints, about 8,689 nm [C].
Route asia_med_route();

// Port calls at Shanghai (34 h: China's nine major ports average 1.42 days [S]), Singapore and Fos
// (43 h: the top-20 box ports average 1.79 days [S]); the canal legs at the convoy pace; `speed_m_per_s`
// elsewhere (14.8–19 kn [S], 16.3 kn by default). Indices refer to asia_med_route().
VoyagePlan asia_med_voyage(const std::string& ship_name, double start_s,
                           double speed_m_per_s = 16.3 * KNOT_M_PER_S);

}  // namespace fleet::models
