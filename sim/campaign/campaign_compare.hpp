#pragma once
// `fleetsim compare A B [...]`: the headline metrics (campaign_metrics.hpp) side by side, each
// column's difference from the first (absolute and relative); as a table or, with --csv, as CSV.
// Each argument is a run folder, or a campaign point written CAMPAIGN_DIR:N (point N of points.csv,
// the mean over its finished seeds).
#include <ostream>
#include <string>
#include <vector>

namespace fleet::sim {

void compare_runs(std::ostream& out, const std::vector<std::string>& targets, bool csv);  // throws std::runtime_error

}  // namespace fleet::sim
