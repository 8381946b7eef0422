#include "sim/campaign/campaign_store.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <yaml-cpp/yaml.h>

#include "fleetsim_version.hpp"
#include "sim/base/json_writer.hpp"
#include "sim/base/output_file.hpp"

namespace fleet::sim {

namespace fs = std::filesystem;

const char* run_status_name(RunStatus status) {
  switch (status) {
    case RunStatus::PENDING: return "pending";
    case RunStatus::DONE: return "done";
    case RunStatus::FAILED: return "failed";
  }
  return "pending";
}

std::vector<RunRecord> run_records(const std::vector<CampaignRun>& runs) {
  std::vector<RunRecord> records;
  for (const CampaignRun& run : runs) {
    RunRecord record{run.index, run.point, run.seed, run_folder_name(run.index), {}, run.scenario_hash, RunStatus::PENDING, -1};
    for (const CampaignSetting& value : run.values) record.parameters.emplace_back(value.key, value.value);
    records.push_back(std::move(record));
  }
  return records;
}

void write_campaign_json(const fs::path& dir, const Campaign& campaign, const std::vector<RunRecord>& runs) {
  const fs::path path = dir / "campaign.json";
  const fs::path temporary = dir / "campaign.json.tmp";
  {
    std::ofstream out = open_output(temporary);
    JsonWriter json(out);
    json.begin_object();
    json.value("name", campaign.name);
    json.value("campaign_file", fs::absolute(campaign.file).lexically_normal().string());
    json.value("scenario", campaign.scenario.string());
    json.value("fleetsim_version", FLEETSIM_VERSION);
    json.value("git_revision", FLEETSIM_GIT_REVISION);
    json.begin_object("set");
    for (const CampaignSetting& s : campaign.fixed) json.value(s.key, s.value);
    json.end_object();
    json.begin_array("grid");  // one entry per axis: a grid key, or the zip group's keys together
    for (const CampaignAxis& axis : campaign.axes) {
      json.begin_object();
      for (std::size_t k = 0; k < axis.keys.size(); ++k) {
        json.begin_array(axis.keys[k]);
        for (const auto& step : axis.steps) json.value("", step[k].value);
        json.end_array();
      }
      json.end_object();
    }
    json.end_array();
    json.begin_array("parameters");
    for (const std::string& key : campaign.parameters()) json.value("", key);
    json.end_array();
    json.begin_array("seeds");
    for (const std::uint64_t seed : campaign.seeds) json.value("", seed);
    json.end_array();
    json.value("points", static_cast<std::uint64_t>(campaign.point_count()));
    json.begin_array("runs");
    for (const RunRecord& run : runs) {
      json.begin_object();
      json.value("run", static_cast<std::uint64_t>(run.index));
      json.value("folder", run.folder);
      json.value("point", static_cast<std::uint64_t>(run.point));
      json.value("seed", run.seed);
      json.begin_object("parameters");
      for (const auto& [key, value] : run.parameters) json.value(key, value);
      json.end_object();
      json.value("scenario_hash", run.scenario_hash);
      json.value("status", run_status_name(run.status));
      if (run.exit_status >= 0) json.value("exit_status", run.exit_status);
      json.end_object();
    }
    json.end_array();
    json.end_object();
    close_output(out, temporary);
  }
  fs::rename(temporary, path);
}

CampaignRecord read_campaign_json(const fs::path& dir) {
  const fs::path path = dir / "campaign.json";
  if (!fs::is_regular_file(path)) throw std::runtime_error(path.string() + " not found: not a campaign folder");
  CampaignRecord record;
  try {
    const YAML::Node root = YAML::LoadFile(path.string());
    record.name = root["name"].as<std::string>();
    for (const auto& key : root["parameters"]) record.parameters.push_back(key.as<std::string>());
    for (const auto& run : root["runs"]) {
      RunRecord r;
      r.index = run["run"].as<std::size_t>();
      r.folder = run["folder"].as<std::string>();
      r.point = run["point"].as<std::size_t>();
      r.seed = run["seed"].as<std::uint64_t>();
      for (const auto& p : run["parameters"]) r.parameters.emplace_back(p.first.as<std::string>(), p.second.as<std::string>());
      r.scenario_hash = run["scenario_hash"].as<std::string>();
      const std::string status = run["status"].as<std::string>();
      r.status = status == "done" ? RunStatus::DONE : status == "failed" ? RunStatus::FAILED : RunStatus::PENDING;
      if (run["exit_status"]) r.exit_status = run["exit_status"].as<int>();
      record.runs.push_back(std::move(r));
    }
  } catch (const YAML::Exception& error) {
    throw std::runtime_error("cannot read " + path.string() + ": " + error.what());
  }
  return record;
}

bool run_folder_complete(const fs::path& run_dir, const std::string& scenario_hash) {
  try {
    if (!fs::is_regular_file(run_dir / "manifest.json")) return false;
    const YAML::Node manifest = YAML::LoadFile((run_dir / "manifest.json").string());
    if (!manifest["completed"] || !manifest["completed"].as<bool>()) return false;
    std::ifstream in(run_dir / "scenario.resolved.yaml", std::ios::binary);
    if (!in) return false;
    std::ostringstream text;
    text << in.rdbuf();
    return resolved_hash(text.str()) == scenario_hash;
  } catch (const YAML::Exception&) {
    return false;  // a half-written manifest: the run did not finish
  }
}

}  // namespace fleet::sim
