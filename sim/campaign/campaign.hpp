#pragma once
// A campaign: one base scenario, a grid of key paths to vary, and seeds (docs/campaigns.md).
// campaign_file.cpp reads the YAML file; campaign_expand.cpp turns it into numbered runs and checks
// every one of them by loading its scenario before anything runs.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/scenario/scenario_error.hpp"

namespace fleet::sim {

// One `key.path: value` of the campaign file, as a --set override, with where it was written.
struct CampaignSetting {
  std::string key;
  std::string value;  // YAML text (flow style), exactly what --set receives after the '='
  SourceLocation where;
  std::string source_line;
};

// One axis of the grid: a key of `grid` (its values), or all the keys of `zip` (one value each per step).
struct CampaignAxis {
  std::vector<std::string> keys;
  std::vector<std::vector<CampaignSetting>> steps;  // steps[i][k] is keys[k]'s value at step i
};

struct Campaign {
  std::string name;
  std::filesystem::path file;      // the campaign file as given
  std::filesystem::path scenario;  // absolute
  std::vector<CampaignSetting> fixed;  // `set`: applied to every run, before the grid's values
  std::vector<CampaignAxis> axes;      // grid keys in file order, then the zip group
  std::vector<std::uint64_t> seeds;
  std::vector<std::string> parameters() const;  // every swept key, axis order
  std::size_t point_count() const;
};

// One run: grid point `point` with seed `seed`. Runs are numbered point-major: run = point x seeds + s.
struct CampaignRun {
  std::size_t index = 0;
  std::size_t point = 0;
  std::uint64_t seed = 0;
  std::vector<CampaignSetting> values;  // one per parameter, in parameters() order
  std::vector<std::string> overrides;   // what `fleetsim run` gets as --set, in order (seed last)
  std::string scenario_hash;            // of the resolved scenario (resolved_hash); set by validation
};

Campaign load_campaign(const std::filesystem::path& file);  // throws ScenarioError

std::vector<CampaignRun> expand_campaign(const Campaign& campaign);
// Loads every run's scenario with its overrides (throws ScenarioError pointing into the campaign file
// for a bad value) and fills in scenario_hash. `only` < runs.size() checks that run alone.
void validate_runs(const Campaign& campaign, std::vector<CampaignRun>& runs, std::size_t only = SIZE_MAX);

// FNV-1a of a resolved scenario's text without its "# resolved from:" line (which depends on how the
// path was spelt), as 16 hex digits: what resume compares with a run folder's scenario.resolved.yaml.
std::string resolved_hash(const std::string& resolved_yaml);

std::string run_folder_name(std::size_t index);  // "runs/0007"

}  // namespace fleet::sim
