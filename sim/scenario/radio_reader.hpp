#pragma once
// The radio section's reader (radio_reader.cpp), for the top-level loader.
#include "sim/scenario/scenario_fields.hpp"

namespace fleet::sim::loader {

// `radio` with its path_loss, traffic, class_a and adr sections.
RadioSpec read_radio(const Context& ctx, const Section& top);

}  // namespace fleet::sim::loader
