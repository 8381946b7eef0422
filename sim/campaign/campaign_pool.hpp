#pragma once
// The local executor of a campaign: each run is a child process `fleetsim run SCENARIO --set ...
// -o CAMPAIGN/runs/NNNN` (the SimGrid engine is one per process), at most `jobs` at a time, its
// output in CAMPAIGN/logs/NNNN.log. A progress line on stderr counts runs done and failed and
// estimates the time left. SIGINT or SIGTERM stops launching, ends the running children, and
// leaves their runs pending for the next (resumed) sweep.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "sim/campaign/campaign.hpp"
#include "sim/campaign/campaign_store.hpp"

namespace fleet::sim {

struct PoolOptions {
  std::size_t jobs = 1;
  std::filesystem::path fleetsim;      // the binary to run (this one)
  std::filesystem::path campaign_dir;
  bool terminal = false;               // stderr is a terminal: one line rewritten in place
};

struct PoolResult {
  std::size_t done = 0;
  std::size_t failed = 0;
  bool interrupted = false;
};

// Runs `todo` (run indices); updates `records` as runs finish and calls `changed` after each.
PoolResult run_pool(const Campaign& campaign, const std::vector<CampaignRun>& runs, std::vector<RunRecord>& records,
                    const std::vector<std::size_t>& todo, const PoolOptions& options, const std::function<void()>& changed);

// One run in the foreground (a Slurm task): its exit status (0 done, else failed).
int run_one(const Campaign& campaign, const CampaignRun& run, const PoolOptions& options);

}  // namespace fleet::sim
