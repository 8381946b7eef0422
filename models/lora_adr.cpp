#include "models/lora_adr.hpp"

#include <cmath>

#include "models/lora_link.hpp"

namespace fleet::models {

AdrSettings reference_adr(double max_rssi_dbm, AdrSettings current, double bandwidth_hz, const AdrLimits& limits) {
  const double margin_db = max_rssi_dbm - gateway_sensitivity_dbm(current.spreading_factor, bandwidth_hz) -
                           limits.installation_margin_db;
  auto steps = static_cast<int>(std::floor(margin_db / ADR_DB_PER_STEP));
  AdrSettings next = current;
  while (steps > 0 && next.spreading_factor > MIN_SPREADING_FACTOR) {
    --next.spreading_factor;
    --steps;
  }
  while (steps > 0 && next.tx_power_dbm - ADR_POWER_STEP_DB >= limits.min_tx_power_dbm) {
    next.tx_power_dbm -= ADR_POWER_STEP_DB;
    --steps;
  }
  while (steps < 0 && next.tx_power_dbm + ADR_POWER_STEP_DB <= limits.max_tx_power_dbm) {
    next.tx_power_dbm += ADR_POWER_STEP_DB;
    ++steps;
  }
  return next;
}

}  // namespace fleet::models
