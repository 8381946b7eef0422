// Turns a campaign into numbered runs and checks each one by loading its scenario.
#include <cstdio>
#include <sstream>

#include "sim/campaign/campaign.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/scenario_writer.hpp"

namespace fleet::sim {

std::vector<std::string> Campaign::parameters() const {
  std::vector<std::string> keys;
  for (const CampaignAxis& axis : axes) keys.insert(keys.end(), axis.keys.begin(), axis.keys.end());
  return keys;
}

std::size_t Campaign::point_count() const {
  std::size_t points = 1;
  for (const CampaignAxis& axis : axes) points *= axis.steps.size();
  return points;
}

std::string run_folder_name(std::size_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "runs/%04zu", index);
  return name;
}

// Cartesian product, the first axis varying slowest (as nested loops read in file order), then seeds.
std::vector<CampaignRun> expand_campaign(const Campaign& campaign) {
  std::vector<CampaignRun> runs;
  const std::size_t points = campaign.point_count();
  for (std::size_t point = 0; point < points; ++point) {
    std::vector<CampaignSetting> values;
    std::size_t stride = points;
    for (const CampaignAxis& axis : campaign.axes) {
      stride /= axis.steps.size();
      const auto& step = axis.steps[(point / stride) % axis.steps.size()];
      values.insert(values.end(), step.begin(), step.end());
    }
    for (const std::uint64_t seed : campaign.seeds) {
      CampaignRun run{runs.size(), point, seed, values, {}, {}};
      for (const CampaignSetting& s : campaign.fixed) run.overrides.push_back(s.key + "=" + s.value);
      for (const CampaignSetting& s : values) run.overrides.push_back(s.key + "=" + s.value);
      run.overrides.push_back("seed=" + std::to_string(seed));
      runs.push_back(std::move(run));
    }
  }
  return runs;
}

std::string resolved_hash(const std::string& resolved_yaml) {
  std::uint64_t hash = 14695981039346656037ull;
  std::istringstream in(resolved_yaml);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("# resolved from: ", 0) == 0) continue;
    line += '\n';
    for (const char c : line) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ull;
    }
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

namespace {
// An error in the n-th override of a run is an error in the campaign file where that value is
// written; the scenario loader's message is kept, and the grid point is named.
[[noreturn]] void rethrow_in_campaign(const ScenarioError& error, const Campaign& campaign, const CampaignRun& run) {
  std::string point;
  for (const CampaignSetting& s : run.values) point += (point.empty() ? "" : ", ") + s.key + "=" + s.value;
  const std::string context = point.empty() ? "" : " (grid point " + std::to_string(run.point) + ": " + point + ")";
  if (error.location().file == "--set" && error.location().line >= 1) {
    const auto index = static_cast<std::size_t>(error.location().line - 1);
    const std::size_t fixed = campaign.fixed.size();
    const CampaignSetting* setting = index < fixed ? &campaign.fixed[index]
                                     : index < fixed + run.values.size() ? &run.values[index - fixed] : nullptr;
    if (setting) {
      // The loader's column is inside "key=value"; past the '=' it maps onto the written value.
      SourceLocation where = setting->where;
      throw ScenarioError(where, error.key_path(), error.message() + context, setting->source_line);
    }
  }
  throw ScenarioError(error.location(), error.key_path(), error.message() + context, error.source_line());
}
}  // namespace

void validate_runs(const Campaign& campaign, std::vector<CampaignRun>& runs, std::size_t only) {
  for (CampaignRun& run : runs) {
    if (only < runs.size() && run.index != only) continue;
    try {
      Scenario scenario = load_scenario(campaign.scenario.string(), run.overrides);
      run.scenario_hash = resolved_hash(to_resolved_yaml(scenario));
    } catch (const ScenarioError& error) {
      rethrow_in_campaign(error, campaign, run);
    }
  }
}

}  // namespace fleet::sim
