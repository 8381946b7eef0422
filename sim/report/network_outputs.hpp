#pragma once
// The backhaul's outputs (README.md "Outputs"): the latency breakdown, paths and per-link load sections
// of summary.json, and paths.csv, links.csv, latency_timeseries.csv.
#include <filesystem>
#include <string>
#include <vector>

#include "models/log_histogram.hpp"
#include "sim/books/backhaul_book.hpp"
#include "sim/base/json_writer.hpp"
#include "sim/world/world.hpp"

namespace fleet::sim {

// A path's name: its links joined by " > " ("gw-1-link > port-uplink > SEA-ME-WE 6 > metro").
std::string path_name(const World& world, const std::vector<std::size_t>& links);
// The physics of a path: Σ length × delay per km + equipment (+ air) over its links.
double path_idle_latency_s(const World& world, const std::vector<std::size_t>& links);

// A latency distribution's count, mean, p50, p95, p99, min and max, as keys of the object being
// written: summary.json gives every distribution these keys, in this order.
void write_histogram_fields(JsonWriter& json, const models::LogHistogram& h);

// Adds "latency_breakdown_s", "paths", "links" and "backhaul" to the summary object being written.
void write_backhaul_summary(JsonWriter& json, const World& world, const BackhaulBook& book,
                            const std::vector<std::uint64_t>& buffered_copies_by_gateway);
void write_paths_csv(const std::filesystem::path& dir, const World& world, const BackhaulBook& book);
// Every path's latency distribution, percentiles 0..100: what a per-path CDF is drawn from.
void write_path_percentiles_csv(const std::filesystem::path& dir, const World& world, const BackhaulBook& book);
void write_links_csv(const std::filesystem::path& dir, const World& world, const BackhaulBook& book);
void write_latency_timeseries_csv(const std::filesystem::path& dir, const BackhaulBook& book);

}  // namespace fleet::sim
