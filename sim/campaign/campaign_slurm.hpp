#pragma once
// A campaign as a Slurm job array: CAMPAIGN/slurm/array.sbatch runs task i as `fleetsim sweep
// CAMPAIGN.yaml -o CAMPAIGN --task i` (run i, skipped when already complete), at most `parallel` at
// once (--array=0-N%K); CAMPAIGN/slurm/aggregate.sbatch writes campaign.json, runs.csv and points.csv
// once every task succeeded (--dependency=afterok:JOBID, given at submission).
#include <filesystem>
#include <string>
#include <vector>

#include "sim/campaign/campaign.hpp"

namespace fleet::sim {

struct SlurmOptions {
  std::size_t parallel = 0;                 // 0: every task at once
  std::vector<std::string> sbatch_options;  // written as "#SBATCH <option>" lines, e.g. --partition=debug
};

struct SlurmScripts {
  std::filesystem::path array;
  std::filesystem::path aggregate;
};

SlurmScripts write_slurm_scripts(const Campaign& campaign, std::size_t run_count, const std::filesystem::path& campaign_dir,
                                 const std::filesystem::path& fleetsim, const SlurmOptions& options);

// sbatch the array, then the aggregation after it; prints both job ids. Throws on sbatch failure.
void submit_slurm(const SlurmScripts& scripts);

}  // namespace fleet::sim
