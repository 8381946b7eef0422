#pragma once
// The headline metrics of a run, read from its summary.json: the columns of a campaign's runs.csv and
// points.csv and the rows of `fleetsim compare`. Values keep summary.json's own text (exact, and the
// same bytes whichever machine aggregates); empty when a run has no such figure (a yard run has no
// satellite; a run without deliveries has no latency).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fleet::sim {

const std::vector<std::string>& headline_metric_names();

// One text per name of headline_metric_names(); throws std::runtime_error when summary.json is
// missing or unreadable.
std::vector<std::string> read_headline_metrics(const std::filesystem::path& run_dir);

std::optional<double> metric_value(const std::string& text);  // empty text or "null": none

}  // namespace fleet::sim
