// Reads the run's outputs (scenarios/README.md `output`): the interval of the time series. Separate
// like every section, so that a new output setting has one obvious place to go.
#include "sim/scenario/output_reader.hpp"

namespace fleet::sim::loader {

OutputSpec read_output(const Section& top) {
  OutputSpec output;
  const Section s = top.section("output", {"timeseries_interval"});
  output.timeseries_interval_s =
      s.quantity("timeseries_interval", Dimension::TIME, output.timeseries_interval_s, Check::POSITIVE);
  return output;
}

}  // namespace fleet::sim::loader
