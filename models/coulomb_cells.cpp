#include "models/coulomb_cells.hpp"

#include <cmath>

namespace fleet::models {

double peukert_rate_factor(const PeukertModel& model, double current_a) {
  if (current_a <= model.reference_current_a) return 1.0;
  return std::pow(current_a / model.reference_current_a, model.exponent - 1.0);
}

}  // namespace fleet::models
