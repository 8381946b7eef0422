#pragma once
// A campaign's tables: runs.csv (one row per run: its parameters, seed, status and headline metrics)
// and points.csv (one row per grid point: per metric the mean, standard deviation and 95 %
// confidence half-width over the point's finished seeds). Both depend on nothing but the run
// folders' summary.json and campaign.json, so they are the same bytes however the runs were executed.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fleet::sim {

struct SampleStats {
  std::size_t count = 0;
  double mean = 0;
  double sd = 0;          // sample standard deviation (n - 1); 0 for one value
  double ci95_half = 0;   // Student's t(0.975, n - 1) x sd / sqrt(n); 0 for one value
};
SampleStats sample_stats(const std::vector<double>& values);
double student_t_975(std::size_t degrees_of_freedom);

// Takes every run's status from its folder (finished for the scenario hash campaign.json gives it,
// or not), writes runs.csv and points.csv into `out_dir`. Returns the number of runs not finished.
std::size_t aggregate_campaign(const std::filesystem::path& campaign_dir, const std::filesystem::path& out_dir);

}  // namespace fleet::sim
