#pragma once
// The output section's reader (output_reader.cpp), for the top-level loader.
#include "sim/scenario/scenario_fields.hpp"

namespace fleet::sim::loader {

// `output`: what the run folder holds beyond its fixed files.
OutputSpec read_output(const Section& top);

}  // namespace fleet::sim::loader
