#include "sim/campaign/campaign_metrics.hpp"

#include <cstdlib>
#include <stdexcept>

#include <yaml-cpp/yaml.h>

#include "sim/books/accounting.hpp"

namespace fleet::sim {

namespace {
// Where each metric lives in summary.json; a path of keys. The lost-by-reason columns follow.
struct Source {
  const char* name;
  std::vector<const char*> keys;
};

const std::vector<Source>& sources() {
  static const std::vector<Source> list{
      {"delivery_ratio", {"records", "delivery_ratio"}},
      {"records_generated", {"records", "generated"}},
      {"records_delivered", {"records", "delivered"}},
      {"device_delivery_p1", {"device_delivery_ratio", "p1"}},
      {"device_delivery_min", {"device_delivery_ratio", "min"}},
      {"latency_p50_s", {"latency_s", "p50"}},
      {"latency_p95_s", {"latency_s", "p95"}},
      {"latency_p99_s", {"latency_s", "p99"}},
      {"age_of_information_p50_s", {"age_of_information_s", "p50"}},
      {"age_of_information_p95_s", {"age_of_information_s", "p95"}},
      {"charge_per_device_day_mah", {"energy", "charge_per_device_day_mah"}},
      {"battery_life_p5_years", {"battery_life_years", "p5"}},
      {"battery_life_p50_years", {"battery_life_years", "p50"}},
      {"satellite_bytes", {"voyage", "satellite", "bytes"}},
      {"satellite_cost_usd", {"voyage", "satellite", "cost_usd"}},
  };
  return list;
}

std::vector<std::string> lost_reasons() {
  std::vector<std::string> reasons;
  for (std::size_t r = 0; r < RADIO_LOSS_COUNT; ++r) reasons.emplace_back(radio_loss_name(static_cast<RadioLoss>(r)));
  reasons.emplace_back("queue_full");
  reasons.emplace_back("gateway_buffer_full");
  return reasons;
}

std::string scalar_or_empty(const YAML::Node& node) {
  if (!node.IsDefined() || !node.IsScalar() || node.Scalar() == "null") return "";
  return node.Scalar();
}
// summary.json's text at keys[i..] below `node`; empty when a key is missing. (yaml-cpp: a missing
// key gives an invalid node, which cannot be rebound, hence the recursion.)
std::string lookup(const YAML::Node& node, const std::vector<const char*>& keys, std::size_t i) {
  if (!node.IsDefined()) return "";
  if (i == keys.size()) return scalar_or_empty(node);
  if (!node.IsMap()) return "";
  return lookup(node[keys[i]], keys, i + 1);
}
}  // namespace

const std::vector<std::string>& headline_metric_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const Source& source : sources()) list.emplace_back(source.name);
    list.emplace_back("busiest_gateway_frames_per_hour");
    list.emplace_back("busiest_gateway_airtime_fraction");
    for (const std::string& reason : lost_reasons()) list.push_back("lost_" + reason);
    return list;
  }();
  return names;
}

std::optional<double> metric_value(const std::string& text) {
  if (text.empty() || text == "null") return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str()) return std::nullopt;
  return value;
}

std::vector<std::string> read_headline_metrics(const std::filesystem::path& run_dir) {
  const std::filesystem::path path = run_dir / "summary.json";
  if (!std::filesystem::is_regular_file(path)) throw std::runtime_error(path.string() + " not found");
  try {
    const YAML::Node summary = YAML::LoadFile(path.string());
    std::vector<std::string> values;
    for (const Source& source : sources()) {
      values.push_back(lookup(summary, source.keys, 0));
    }
    // The busiest gateway by frames received; its airtime fraction beside it.
    std::string busiest_rate, busiest_airtime;
    double most = -1;
    const YAML::Node gateways = summary["gateway_load"];
    for (const YAML::Node& gateway : gateways.IsDefined() && gateways.IsSequence() ? gateways : YAML::Node(YAML::NodeType::Sequence)) {
      const auto rate = metric_value(scalar_or_empty(gateway["frames_per_hour"]));
      if (rate && *rate > most) {
        most = *rate;
        busiest_rate = scalar_or_empty(gateway["frames_per_hour"]);
        busiest_airtime = scalar_or_empty(gateway["airtime_fraction"]);
      }
    }
    values.push_back(busiest_rate);
    values.push_back(busiest_airtime);
    const YAML::Node lost = summary["records"]["lost"];
    for (const std::string& reason : lost_reasons()) values.push_back(lost.IsDefined() ? scalar_or_empty(lost[reason]) : "");
    return values;
  } catch (const YAML::Exception& error) {
    throw std::runtime_error("cannot read " + path.string() + ": " + error.what());
  }
}

}  // namespace fleet::sim
