#include "models/cell_voltage.hpp"

#include <cmath>

namespace fleet::models {

double next_film_fraction(const PassivationParams& params, double film_fraction, double current_a,
                          double duration_s) {
  if (!params.enabled) return film_fraction;
  if (current_a <= params.rest_current_a) {
    return 1.0 - (1.0 - film_fraction) * std::exp(-duration_s / params.build_time_s);
  }
  return film_fraction * std::exp(-duration_s / params.clear_time_s);
}

double terminal_voltage_v(const CellVoltageParams& voltage, const PassivationParams& passivation,
                          double depth_of_discharge, double film_fraction, double current_a) {
  const double film_ohm = passivation.enabled ? film_fraction * passivation.film_resistance_ohm : 0.0;
  return voltage.open_circuit_v_by_dod.at(depth_of_discharge) -
         current_a * (voltage.internal_resistance_ohm + film_ohm);
}

}  // namespace fleet::models
