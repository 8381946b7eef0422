#include "sim/campaign/campaign_aggregate.hpp"

#include <cmath>
#include <fstream>
#include <map>

#include <yaml-cpp/yaml.h>

#include "sim/campaign/campaign_metrics.hpp"
#include "sim/campaign/campaign_store.hpp"
#include "sim/base/output_file.hpp"
#include "sim/base/text_format.hpp"

namespace fleet::sim {

namespace fs = std::filesystem;

double student_t_975(std::size_t df) {
  // Two-sided 95 % quantiles of Student's t (any statistics table, e.g. NIST/SEMATECH e-Handbook
  // 1.3.6.7.2); past 30 degrees of freedom the normal 1.96 is within 2 %.
  static constexpr double TABLE[] = {0,      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                     2.201,  2.179,  2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                     2.080,  2.074,  2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (df == 0) return 0;
  return df < std::size(TABLE) ? TABLE[df] : 1.960;
}

SampleStats sample_stats(const std::vector<double>& values) {
  SampleStats stats;
  stats.count = values.size();
  if (values.empty()) return stats;
  for (const double v : values) stats.mean += v;
  stats.mean /= static_cast<double>(values.size());
  if (values.size() < 2) return stats;
  double squares = 0;
  for (const double v : values) squares += (v - stats.mean) * (v - stats.mean);
  stats.sd = std::sqrt(squares / static_cast<double>(values.size() - 1));
  stats.ci95_half = student_t_975(values.size() - 1) * stats.sd / std::sqrt(static_cast<double>(values.size()));
  return stats;
}

namespace {
// A run counts when its folder finished the scenario campaign.json says it should hold.
void refresh_status(const fs::path& dir, RunRecord& run) {
  if (run_folder_complete(dir / run.folder, run.scenario_hash)) run.status = RunStatus::DONE;
  else if (run.status == RunStatus::DONE) run.status = RunStatus::PENDING;  // removed or redone since
}

void write_header(std::ofstream& out, const CampaignRecord& campaign, const std::string& first) {
  out << first;
  for (const std::string& key : campaign.parameters) out << ',' << csv_field(key);
}
}  // namespace

std::size_t aggregate_campaign(const fs::path& dir, const fs::path& out_dir) {
  CampaignRecord campaign = read_campaign_json(dir);
  const std::vector<std::string>& names = headline_metric_names();
  std::size_t unfinished = 0;
  std::map<std::size_t, std::vector<std::vector<std::string>>> by_point;  // point -> finished runs' metrics
  std::map<std::size_t, const RunRecord*> first_of_point;

  fs::create_directories(out_dir);
  std::ofstream runs_csv = open_output(out_dir / "runs.csv");
  write_header(runs_csv, campaign, "run,point");
  runs_csv << ",seed,status";
  for (const std::string& name : names) runs_csv << ',' << name;
  runs_csv << '\n';
  for (RunRecord& run : campaign.runs) {
    refresh_status(dir, run);
    if (!first_of_point.count(run.point)) first_of_point[run.point] = &run;
    std::vector<std::string> metrics(names.size());
    if (run.status == RunStatus::DONE) {
      metrics = read_headline_metrics(dir / run.folder);
      by_point[run.point].push_back(metrics);
    } else {
      ++unfinished;
    }
    runs_csv << run.index << ',' << run.point;
    for (const auto& parameter : run.parameters) runs_csv << ',' << csv_field(parameter.second);
    runs_csv << ',' << run.seed << ',' << run_status_name(run.status);
    for (const std::string& value : metrics) runs_csv << ',' << value;
    runs_csv << '\n';
  }
  close_output(runs_csv, out_dir / "runs.csv");

  std::ofstream points_csv = open_output(out_dir / "points.csv");
  write_header(points_csv, campaign, "point");
  points_csv << ",runs";
  for (const std::string& name : names) points_csv << ',' << name << "_mean," << name << "_sd," << name << "_ci95";
  points_csv << '\n';
  for (const auto& [point, first] : first_of_point) {
    points_csv << point;
    for (const auto& parameter : first->parameters) points_csv << ',' << csv_field(parameter.second);
    const auto& finished = by_point[point];
    points_csv << ',' << finished.size();
    for (std::size_t m = 0; m < names.size(); ++m) {
      std::vector<double> values;
      for (const auto& metrics : finished)
        if (const auto value = metric_value(metrics[m])) values.push_back(*value);
      if (values.empty()) {
        points_csv << ",,,";
        continue;
      }
      const SampleStats stats = sample_stats(values);
      points_csv << ',' << format_number(stats.mean) << ',' << format_number(stats.sd) << ',' << format_number(stats.ci95_half);
    }
    points_csv << '\n';
  }
  close_output(points_csv, out_dir / "points.csv");
  return unfinished;
}

}  // namespace fleet::sim
