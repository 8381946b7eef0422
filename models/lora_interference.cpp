#include "models/lora_interference.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace fleet::models {
namespace {

// docs/sources.md §4, rows = wanted SF7..SF12, columns = interferer SF7..SF12 (dB).
constexpr double GOURSAUD_ISOLATION_DB[SPREADING_FACTOR_COUNT][SPREADING_FACTOR_COUNT] = {
    {6, -16, -18, -19, -19, -20},   {-24, 6, -20, -22, -22, -22},   {-27, -27, 6, -23, -25, -25},
    {-30, -30, -30, 6, -26, -28},   {-33, -33, -33, -33, 6, -29},   {-36, -36, -36, -36, -36, 6},
};

constexpr double TIE_MARGIN_DB = 1e-9;

std::size_t sf_index(int sf) {
  if (sf < MIN_SPREADING_FACTOR || sf > MAX_SPREADING_FACTOR) {
    throw std::invalid_argument("LoRa spreading factor " + std::to_string(sf) + " outside 7..12");
  }
  return static_cast<std::size_t>(sf - MIN_SPREADING_FACTOR);
}

}  // namespace

double goursaud_isolation_db(int wanted_sf, int interferer_sf) {
  return GOURSAUD_ISOLATION_DB[sf_index(wanted_sf)][sf_index(interferer_sf)];
}

void InterferenceEnergy::add(int interferer_sf, double power_dbm, double overlap_s) {
  energy_mw_s_[sf_index(interferer_sf)] += dbm_to_mw(power_dbm) * overlap_s;
}

double InterferenceEnergy::energy_mw_s(int interferer_sf) const { return energy_mw_s_[sf_index(interferer_sf)]; }

InterferenceVerdict InterferenceEnergy::verdict(int wanted_sf, double wanted_dbm, double duration_s,
                                                const InterferenceRule& rule) const {
  const std::size_t wanted = sf_index(wanted_sf);
  const double signal_mw_s = dbm_to_mw(wanted_dbm) * duration_s;
  // SIR against one SF's energy; no energy at all is an infinite SIR, which even capture-off passes.
  const auto sir_db = [&](std::size_t s) {
    return energy_mw_s_[s] > 0 ? 10.0 * std::log10(signal_mw_s / energy_mw_s_[s])
                               : std::numeric_limits<double>::infinity();
  };
  const double same_sir_db = sir_db(wanted);
  if (same_sir_db != std::numeric_limits<double>::infinity() &&
      same_sir_db + TIE_MARGIN_DB < rule.same_sf_capture_db)
    return InterferenceVerdict::LOST_SAME_SF;
  if (rule.inter_sf == InterSfModel::ORTHOGONAL) return InterferenceVerdict::SURVIVES;
  for (std::size_t s = 0; s < SPREADING_FACTOR_COUNT; ++s) {
    if (s == wanted) continue;
    if (sir_db(s) + TIE_MARGIN_DB < GOURSAUD_ISOLATION_DB[wanted][s]) return InterferenceVerdict::LOST_CROSS_SF;
  }
  return InterferenceVerdict::SURVIVES;
}

}  // namespace fleet::models
