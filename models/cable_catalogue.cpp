#include "models/cable_catalogue.hpp"

#include <algorithm>
#include <stdexcept>

namespace fleet::models {

double fibre_latency_s(double length_m, double equipment_latency_s, double delay_s_per_m) {
  return length_m * delay_s_per_m + equipment_latency_s;
}

const std::vector<LandingStation>& landing_stations() {
  static const std::vector<LandingStation> stations{
      {"Singapore", {1.29, 103.85}}, {"Hong Kong", {22.32, 114.17}}, {"Mumbai", {19.08, 72.88}},
      {"Karachi", {24.86, 67.01}},   {"Egypt", {29.10, 32.65}},  // Zafarana / Ras Ghareb on the Red Sea
      {"Port Said", {31.26, 32.30}}, {"Catania", {37.50, 15.09}},    {"Marseille", {43.30, 5.37}},
  };
  return stations;
}

const std::vector<CableSystem>& cable_catalogue() {
  // docs/sources.md §5 "Cables"; every figure below is quoted there with its sources.
  static const std::vector<CableSystem> cables{
      {"SEA-ME-WE 5",
       20'000e3,
       {"Singapore", "Mumbai", "Karachi", "Egypt", "Catania", "Marseille"},
       {},
       24e12,
       "theregister.co.uk 2014-09-25; consultingjulian.com (RFS Dec 2016, 24 Tbit/s)"},
      {"SEA-ME-WE 6",
       19'200e3,
       {"Singapore", "Egypt", "Port Said", "Marseille"},
       {},
       100e12,
       "globalconstructionreview.com; straitstimes.com (Tuas → Ras Ghareb, overland to Port Said, 100+ "
       "Tbit/s)"},
      // AAE-1 lands in Italy at Bari, not Catania; Catania stands for "Italy" in the station set [A].
      {"AAE-1",
       25'000e3,
       {"Hong Kong", "Mumbai", "Karachi", "Egypt", "Catania", "Marseille"},
       {},
       0.0,
       "submarinenetworks.com; ruscable.ru 2017-07-05 (Hong Kong ↔ Marseille via SE Asia, India, Pakistan, "
       "Egypt, Italy)"},
      // PEACE: 15,000 km Pakistan ↔ France plus 6,500 km Pakistan ↔ Singapore, Karachi–Zafarana 5,800 km.
      {"PEACE",
       21'500e3,
       {"Singapore", "Karachi", "Egypt", "Marseille"},
       {{"Singapore", "Karachi", 6'500e3}, {"Karachi", "Egypt", 5'800e3}},
       0.0,
       "geo.tv; cajnewsafrica.com 2021-10-21 (15,000 km Pakistan ↔ France + 6,500 km Pakistan ↔ Singapore)"},
      // IMEWE's Karachi landing is not in the sources (docs/sources.md §5) (the system's "Middle East" leg) [A].
      {"IMEWE",
       13'000e3,
       {"Mumbai", "Karachi", "Egypt", "Catania", "Marseille"},
       {},
       3.84e12,
       "yalibnan.com 2010-12-14 (India ↔ Italy / France, 3.84 Tbit/s)"},
  };
  return cables;
}

const CableSystem& cable_by_name(const std::string& name) {
  const auto& cables = cable_catalogue();
  const auto found =
      std::find_if(cables.begin(), cables.end(), [&](const CableSystem& c) { return c.name == name; });
  if (found == cables.end())
    throw std::invalid_argument("cable catalogue: no cable system named '" + name + "'");
  return *found;
}

const LandingStation& landing_station_by_name(const std::string& name) {
  const auto& stations = landing_stations();
  const auto found =
      std::find_if(stations.begin(), stations.end(), [&](const LandingStation& s) { return s.name == name; });
  if (found == stations.end())
    throw std::invalid_argument("cable catalogue: no landing station named '" + name + "'");
  return *found;
}

std::vector<CableSegment> cable_segments(const CableSystem& cable) {
  std::vector<CableSegment> segments;
  std::vector<bool> published;
  double published_m = 0.0;
  double unpublished_great_circle_m = 0.0;
  for (std::size_t i = 0; i + 1 < cable.landings.size(); ++i) {
    const std::string& from = cable.landings[i];
    const std::string& to = cable.landings[i + 1];
    const auto match = std::find_if(cable.published_segments.begin(), cable.published_segments.end(),
                                    [&](const PublishedSegment& s) { return s.from == from && s.to == to; });
    if (match != cable.published_segments.end()) {
      segments.push_back({from, to, match->length_m});
      published.push_back(true);
      published_m += match->length_m;
    } else {
      // Provisional: the great circle, scaled below.
      const double great_circle_m = great_circle_distance_m(landing_station_by_name(from).position,
                                                            landing_station_by_name(to).position);
      segments.push_back({from, to, great_circle_m});
      published.push_back(false);
      unpublished_great_circle_m += great_circle_m;
    }
  }
  const auto published_count = static_cast<std::size_t>(std::count(published.begin(), published.end(), true));
  if (published_count != cable.published_segments.size())
    throw std::invalid_argument(cable.name + ": a published segment is not between consecutive landings");
  const double remaining_m = cable.length_m - published_m;
  if (!(remaining_m > 0.0) && unpublished_great_circle_m > 0.0)
    throw std::invalid_argument(cable.name + ": published segments leave no length for the others");
  for (std::size_t i = 0; i < segments.size(); ++i)
    if (!published[i]) segments[i].length_m *= remaining_m / unpublished_great_circle_m;
  return segments;
}

}  // namespace fleet::models
