#pragma once
// One key of a scenario section that maps onto one member of a spec struct: its name, its kind of
// value and the range it must be in. A table of these is the single place a section's keys are
// written: the loader reads through it (and takes its key list from it for the unknown-key check),
// the writer writes through it, so reading, writing and validating cannot drift apart.
#include <string_view>

#include "sim/scenario/quantity.hpp"

namespace fleet::sim {

enum class FieldCheck { ANY, POSITIVE, NON_NEGATIVE, FRACTION, UNIT_FRACTION, PROPER_FRACTION, LATITUDE, LONGITUDE };

template <class Spec>
struct QuantityField {
  std::string_view key;
  double Spec::*member;
  Dimension dimension;
  FieldCheck check;
};

template <class Spec>
struct FlagField {
  std::string_view key;
  bool Spec::*member;
};

}  // namespace fleet::sim
