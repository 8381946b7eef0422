#include "sim/scenario/scenario_limits.hpp"

#include <cmath>
#include <vector>

#include "sim/scenario/quantity.hpp"
#include "sim/scenario/voyage_services.hpp"

namespace fleet::sim {
namespace {

std::string number(double value) {
  // Whole numbers in full ("1000000"), others as the quantity formatter writes them.
  if (std::abs(value) < 1e15 && value == std::trunc(value)) return std::to_string(static_cast<long long>(value));
  return format_quantity(value, Dimension::DIMENSIONLESS);
}
std::string time_text(double seconds) { return format_duration(seconds); }
std::string metres_text(double metres) { return format_quantity(metres, Dimension::DISTANCE); }

// A sampling interval against the run: at least a second, at most MAX_SAMPLES of them in the run.
std::optional<LimitViolation> check_interval(const std::string& key, double interval_s, double duration_s) {
  if (interval_s < MIN_SAMPLE_INTERVAL_S)
    return LimitViolation{key, "must be at least " + time_text(MIN_SAMPLE_INTERVAL_S) + ", got " + time_text(interval_s)};
  if (duration_s / interval_s > MAX_SAMPLES) {
    return LimitViolation{key, time_text(interval_s) + " makes " + number(std::ceil(duration_s / interval_s)) +
                                   " samples of the " + time_text(duration_s) + " run; at most " + number(MAX_SAMPLES) +
                                   " (an interval of at least " + time_text(std::ceil(duration_s / MAX_SAMPLES)) + ")"};
  }
  return std::nullopt;
}

std::optional<LimitViolation> check_total(const std::string& key, const std::string& what, double per_day, const Scenario& s) {
  const double expected = per_day * s.duration_s / 86400 * s.fleet.containers;
  if (expected > MAX_EXPECTED_EVENTS) {
    return LimitViolation{key, what + " makes about " + number(std::round(expected)) +
                                   " events over the fleet and the run; at most " + number(MAX_EXPECTED_EVENTS)};
  }
  return std::nullopt;
}

std::optional<LimitViolation> check_rate(const std::string& key, double per_day, const Scenario& s) {
  if (per_day > MAX_EVENTS_PER_DAY)
    return LimitViolation{key, "at most " + number(MAX_EVENTS_PER_DAY) + " a day (one a second), got " + number(per_day)};
  return check_total(key, number(per_day) + " a day", per_day, s);
}

std::optional<LimitViolation> check_site(const std::string& path, const PortSpec& port) {
  const YardSpec& yard = port.yard;
  if (std::abs(yard.center.lat_deg) > MAX_YARD_LATITUDE_DEG) {
    return LimitViolation{path + ".yard.center.lat", "a yard must lie within " + number(MAX_YARD_LATITUDE_DEG) +
                                                          " degrees of the equator (its local plane degenerates at a pole), got " +
                                                          number(yard.center.lat_deg)};
  }
  const std::pair<const char*, double> sizes[] = {
      {"east_extent", yard.east_extent_m}, {"north_extent", yard.north_extent_m}, {"radius", yard.radius_m}};
  for (const auto& [key, metres] : sizes) {
    if (metres > MAX_YARD_SIZE_M) {
      return LimitViolation{path + ".yard." + key,
                            "at most " + metres_text(MAX_YARD_SIZE_M) + " (a yard, not a region), got " + metres_text(metres)};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<LimitViolation> first_limit_violation(const Scenario& s) {
  if (s.duration_s < MIN_DURATION_S || s.duration_s > MAX_DURATION_S) {
    return LimitViolation{"duration", "expected from " + time_text(MIN_DURATION_S) + " to " + time_text(MAX_DURATION_S) +
                                          " (100 years), got " + time_text(s.duration_s)};
  }
  if (auto v = check_interval("output.timeseries_interval", s.output.timeseries_interval_s, s.duration_s)) return v;
  if (auto v = check_interval("network.load_interval", s.network.load_interval_s, s.duration_s)) return v;

  std::vector<std::pair<std::string, const PortSpec*>> sites;
  if (s.voyage.enabled) {
    for (std::size_t p = 0; p < s.ports.size(); ++p) sites.emplace_back("ports[" + std::to_string(p) + "]", &s.ports[p]);
  } else {
    sites.emplace_back("port", &s.port);
  }
  double radio_gateways = 0;
  for (const auto& [path, port] : sites) radio_gateways += static_cast<double>(port->gateways.size());
  // The voyage world adds a hub per ship and a cellular network per port to the gateway numbering.
  const double numbered = radio_gateways + (s.voyage.enabled ? static_cast<double>(voyage_ship_count(s.voyage) + s.ports.size()) : 0);
  const std::string gateways_key = s.voyage.enabled ? "ports" : "port.gateways";
  if (numbered > static_cast<double>(MAX_GATEWAYS)) {
    return LimitViolation{gateways_key, number(numbered) + " gateways" + (s.voyage.enabled ? " (with the ships' hubs and the ports' networks)" : "") +
                                            "; at most " + number(static_cast<double>(MAX_GATEWAYS)) + " (gateway ids are 16-bit)"};
  }
  if (radio_gateways * s.fleet.containers > MAX_DEVICE_GATEWAY_PAIRS) {
    return LimitViolation{"fleet.containers", number(s.fleet.containers) + " containers and " + number(radio_gateways) +
                                                  " gateways make " + number(radio_gateways * s.fleet.containers) +
                                                  " radio links to evaluate; at most " + number(MAX_DEVICE_GATEWAY_PAIRS)};
  }
  const double load_series = numbered + static_cast<double>(s.network.links.size()) + 1;
  const double load_cells = std::ceil(s.duration_s / s.network.load_interval_s) * load_series;
  if (load_cells > MAX_LOAD_CELLS) {
    return LimitViolation{"network.load_interval", time_text(s.network.load_interval_s) + " over the " + time_text(s.duration_s) +
                                                       " run for " + number(load_series) + " gateways and links makes " +
                                                       number(load_cells) + " load bins; at most " + number(MAX_LOAD_CELLS)};
  }
  for (const auto& [path, port] : sites) {
    if (auto v = check_site(path, *port)) return v;
  }

  const EnvironmentSpec& e = s.fleet.environment;
  if (auto v = check_rate("fleet.environment.door_openings_per_day", e.door_openings_per_day, s)) return v;
  if (auto v = check_rate("fleet.environment.shocks_per_day", e.shocks_per_day, s)) return v;
  if (auto v = check_rate("fleet.environment.light_breaches_per_day", e.light_breaches_per_day, s)) return v;
  if (s.radio.traffic.model == "exponential") {
    // Frames of the validation source: no per-device cap (ALOHA studies load one channel hard).
    if (auto v = check_total("radio.traffic.mean_gap", "a mean gap of " + time_text(s.radio.traffic.mean_gap_s),
                             86400 / s.radio.traffic.mean_gap_s, s))
      return v;
  }
  return std::nullopt;
}

}  // namespace fleet::sim
