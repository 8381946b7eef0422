#pragma once
// Undersea cable systems between Asia and Marseille (docs/sources.md §5 [S]) and the fibre latency of a span.
// A system's published length is the whole system with its branches, so a path along it is an upper
// bound on the fibre a packet crosses (docs/sources.md §8). Per-segment lengths between landings are rarely
// published; where they are not, cable_segments() shares the remaining length out in proportion to the
// great circles between consecutive landings [A] — the total stays the published length.
#include <string>
#include <vector>

#include "models/geo.hpp"

namespace fleet::models {

// One-way propagation in silica fibre at 1550 nm: 4.897 µs/km (204,190 km/s, 67.1 % of c) [S],
// rounded to 4.9 µs/km as in docs/sources.md §5 and §8.
inline constexpr double FIBRE_DELAY_S_PER_M = 4.9e-9;

// One-way latency of a fibre span: length × delay per metre + equipment (transponders, regenerators,
// routers at the ends).
double fibre_latency_s(double length_m, double equipment_latency_s = 0.0,
                       double delay_s_per_m = FIBRE_DELAY_S_PER_M);

struct LandingStation {
  std::string
      name;  // the city; the set: Singapore, Hong Kong, Mumbai, Karachi, Egypt, Catania, Marseille
  LatLon position;  // [A] city-level coordinates: enough for proportional segment lengths
};

// A segment whose length is published on its own (PEACE's Karachi–Zafarana 5,800 km).
struct PublishedSegment {
  std::string from;
  std::string to;
  double length_m;
};

struct CableSystem {
  std::string name;
  double length_m;                    // published system length [S]
  std::vector<std::string> landings;  // in order along the trunk, first and last are the published ends
  std::vector<PublishedSegment> published_segments;
  double design_capacity_bps;  // 0 where no figure was found (docs/sources.md §5)
  std::string source;          // where the figures come from
};

struct CableSegment {
  std::string from;
  std::string to;
  double length_m;
};

// SEA-ME-WE 5, SEA-ME-WE 6, AAE-1, PEACE, IMEWE.
const std::vector<CableSystem>& cable_catalogue();
const std::vector<LandingStation>& landing_stations();
// Throw std::invalid_argument naming the unknown cable or station.
const CableSystem& cable_by_name(const std::string& name);
const LandingStation& landing_station_by_name(const std::string& name);

// Trunk segments between consecutive landings, published ones as published, the rest shared in
// proportion to great circles. Throws std::invalid_argument if the published segments leave nothing
// for the others or name a segment that is not on the trunk.
std::vector<CableSegment> cable_segments(const CableSystem& cable);

}  // namespace fleet::models
