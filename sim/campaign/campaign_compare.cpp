#include "sim/campaign/campaign_compare.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "sim/campaign/campaign_aggregate.hpp"
#include "sim/campaign/campaign_metrics.hpp"
#include "sim/campaign/campaign_store.hpp"
#include "sim/base/bad_argument.hpp"
#include "sim/base/text_format.hpp"

namespace fleet::sim {

namespace fs = std::filesystem;

namespace {
using Column = std::vector<std::optional<double>>;  // one value per headline metric

// What a campaign point stands for ("fleet.containers=5000, ..."), for the table's legend.
std::string point_description(const std::string& target) {
  const std::size_t colon = target.rfind(':');
  if (colon == std::string::npos || !fs::is_regular_file(fs::path(target.substr(0, colon)) / "campaign.json")) return "";
  const std::string number_text = target.substr(colon + 1);
  if (number_text.empty() || number_text.find_first_not_of("0123456789") != std::string::npos) return "";
  const std::size_t point = std::stoul(number_text);
  for (const RunRecord& run : read_campaign_json(target.substr(0, colon)).runs) {
    if (run.point != point) continue;
    std::string text;
    for (const auto& [key, value] : run.parameters) text += (text.empty() ? "" : ", ") + key + "=" + value;
    return " (" + text + ")";
  }
  return "";
}

Column run_column(const fs::path& run_dir) {
  Column column;
  for (const std::string& text : read_headline_metrics(run_dir)) column.push_back(metric_value(text));
  return column;
}

// "DIR:N" when DIR holds campaign.json and N is a number; else a run folder.
Column target_column(const std::string& target) {
  const std::size_t colon = target.rfind(':');
  if (colon != std::string::npos && colon + 1 < target.size() &&
      target.find_first_not_of("0123456789", colon + 1) == std::string::npos &&
      fs::is_regular_file(fs::path(target.substr(0, colon)) / "campaign.json")) {
    const fs::path dir = target.substr(0, colon);
    const std::size_t point = std::stoul(target.substr(colon + 1));
    const CampaignRecord campaign = read_campaign_json(dir);
    std::vector<Column> seeds;
    bool known = false;
    for (const RunRecord& run : campaign.runs) {
      if (run.point != point) continue;
      known = true;
      if (run_folder_complete(dir / run.folder, run.scenario_hash)) seeds.push_back(run_column(dir / run.folder));
    }
    if (!known) throw UsageError(target + ": the campaign has no point " + std::to_string(point));
    if (seeds.empty()) throw UsageError(target + ": no run of this point has finished");
    Column mean(headline_metric_names().size());
    for (std::size_t m = 0; m < mean.size(); ++m) {
      std::vector<double> values;
      for (const Column& seed : seeds)
        if (seed[m]) values.push_back(*seed[m]);
      if (!values.empty()) mean[m] = sample_stats(values).mean;
    }
    return mean;
  }
  if (!fs::is_regular_file(fs::path(target) / "summary.json"))
    throw UsageError(target + ": neither a run folder (no summary.json) nor a campaign point (CAMPAIGN_DIR:N)");
  return run_column(target);
}

// Whole numbers (record counts, and means that happen to be whole) in full; the rest to 6 digits.
std::string number(const std::optional<double>& value) {
  if (!value) return "";
  char text[32];
  if (*value == std::floor(*value) && std::fabs(*value) < 1e15) std::snprintf(text, sizeof text, "%.0f", *value);
  else std::snprintf(text, sizeof text, "%.6g", *value);
  return text;
}
}  // namespace

void compare_runs(std::ostream& out, const std::vector<std::string>& targets, bool csv) {
  if (targets.size() < 2) throw UsageError("compare needs at least two run folders or campaign points");
  std::vector<Column> columns;
  for (const std::string& target : targets) columns.push_back(target_column(target));
  const std::vector<std::string>& names = headline_metric_names();
  const auto letter = [](std::size_t i) { return std::string(1, static_cast<char>('A' + i % 26)); };

  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"metric"};
  for (std::size_t c = 0; c < columns.size(); ++c) header.push_back(csv ? targets[c] : letter(c));
  for (std::size_t c = 1; c < columns.size(); ++c) {
    header.push_back(letter(c) + "-A");
    header.push_back(letter(c) + "/A-1");
  }
  rows.push_back(header);
  for (std::size_t m = 0; m < names.size(); ++m) {
    std::vector<std::string> row{names[m]};
    for (const Column& column : columns) row.push_back(number(column[m]));
    for (std::size_t c = 1; c < columns.size(); ++c) {
      const auto& a = columns[0][m];
      const auto& b = columns[c][m];
      row.push_back(a && b ? number(*b - *a) : "");
      if (a && b && *a != 0) {
        char text[32];
        std::snprintf(text, sizeof text, csv ? "%.6g" : "%+.2f %%", csv ? *b / *a - 1 : 100 * (*b / *a - 1));
        row.emplace_back(text);
      } else {
        row.emplace_back("");
      }
    }
    rows.push_back(row);
  }
  if (csv) {
    for (const auto& row : rows) {
      std::string line;
      for (const std::string& field : row) line += (line.empty() ? "" : ",") + csv_field(field);
      out << line << '\n';
    }
    return;
  }
  for (std::size_t c = 0; c < targets.size(); ++c) out << letter(c) << ": " << targets[c] << point_description(targets[c]) << '\n';
  std::vector<std::size_t> widths(header.size(), 0);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string pad(widths[i] - row[i].size(), ' ');
      line += i == 0 ? row[i] + pad : "  " + pad + row[i];
    }
    out << line << '\n';
  }
}

}  // namespace fleet::sim
