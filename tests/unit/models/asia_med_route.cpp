#include "tests/unit/models/asia_med_route.hpp"

namespace fleet::models {

Route asia_med_route() {
  // docs/sources.md §6 table "[C] Waypoints and leg distances".
  std::vector<Waypoint> waypoints{
      {SHANGHAI, {30.62, 122.07}},  // Yangshan
      {"Taiwan Strait", {24.5, 119.5}},
      {"off Hong Kong", {21.5, 115.0}},
      {"off S. Vietnam", {10.5, 109.5}},
      {SINGAPORE, {1.20, 103.85}},  // Singapore Strait
      {"Malacca (off Port Klang)", {2.9, 101.0}},
      {"Malacca N exit / Pulau Weh", {6.1, 94.8}},
      {"Dondra Head", {5.8, 80.6}},
      {"Socotra passage", {12.3, 52.0}},
      {"Bab-el-Mandeb", {12.6, 43.35}},
      {"Red Sea mid", {20.0, 38.8}},
      {"Gulf of Suez entrance", {27.6, 33.9}},
      {SUEZ, {29.93, 32.56}},  // Port Tewfik
      {PORT_SAID, {31.30, 32.32}},
      {"S of Crete", {34.6, 24.0}},
      {"Strait of Sicily", {37.2, 11.5}},
      {"S of Sardinia", {38.6, 8.5}},
      {FOS_SUR_MER, {43.40, 4.88}},
  };
  constexpr std::size_t SUEZ_CANAL_LEG = 12;  // Suez (12) → Port Said (13)
  return Route(std::move(waypoints), {{SUEZ_CANAL_LEG, SUEZ_CANAL_LENGTH_M}});
}

VoyagePlan asia_med_voyage(const std::string& ship_name, double start_s, double speed_m_per_s) {
  const Route route = asia_med_route();
  const std::size_t suez = route.waypoint_index(SUEZ);
  const std::size_t port_said = route.waypoint_index(PORT_SAID);
  VoyagePlan plan;
  plan.ship_name = ship_name;
  plan.speed_m_per_s = speed_m_per_s;
  plan.start_s = start_s;
  plan.port_calls = {{route.waypoint_index(SHANGHAI), 34 * 3600.0},
                     {route.waypoint_index(SINGAPORE), 43 * 3600.0},
                     {route.waypoint_index(FOS_SUR_MER), 43 * 3600.0}};
  plan.speed_overrides = {{suez, port_said, SUEZ_CANAL_LENGTH_M / SUEZ_CANAL_TRANSIT_S}};
  return plan;
}

}  // namespace fleet::models
