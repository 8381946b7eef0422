#pragma once
// The campaign folder's own files: campaign.json (what was asked, and each run's status) and the
// test of whether a run folder is finished for the scenario it is meant to hold (resume).
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "sim/campaign/campaign.hpp"

namespace fleet::sim {

enum class RunStatus { PENDING, DONE, FAILED };
const char* run_status_name(RunStatus status);

struct RunRecord {
  std::size_t index = 0;
  std::size_t point = 0;
  std::uint64_t seed = 0;
  std::string folder;  // relative to the campaign folder: "runs/0007"
  std::vector<std::pair<std::string, std::string>> parameters;  // key path, value as written
  std::string scenario_hash;
  RunStatus status = RunStatus::PENDING;
  int exit_status = -1;  // of `fleetsim run`, -1 when it did not run this time
};

// What campaign.json holds, read back by aggregate and compare.
struct CampaignRecord {
  std::string name;
  std::vector<std::string> parameters;
  std::vector<RunRecord> runs;
};

std::vector<RunRecord> run_records(const std::vector<CampaignRun>& runs);

// Written whole to a temporary file and renamed over the old one, so a reader never sees half of it.
void write_campaign_json(const std::filesystem::path& dir, const Campaign& campaign, const std::vector<RunRecord>& runs);
CampaignRecord read_campaign_json(const std::filesystem::path& dir);  // throws std::runtime_error

// True when the folder's manifest.json says `completed: true` and its scenario.resolved.yaml is the
// scenario with this hash (resolved_hash).
bool run_folder_complete(const std::filesystem::path& run_dir, const std::string& scenario_hash);

}  // namespace fleet::sim
