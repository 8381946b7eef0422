#include "sim/report/network_outputs.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "sim/base/output_file.hpp"
#include "sim/report/run_outputs.hpp"
#include "sim/base/text_format.hpp"

namespace fleet::sim {

namespace fs = std::filesystem;

namespace {

void write_histogram(JsonWriter& json, std::string_view key, const models::LogHistogram& h) {
  json.begin_object(key);
  write_histogram_fields(json, h);
  json.end_object();
}

// Throughput per bin in bit/s: its peak and p95 over the bins of the run.
struct ThroughputFigures {
  double peak_bps = 0;
  double p95_bps = 0;
};

ThroughputFigures throughput(const LinkLoad& load, double bin_s) {
  std::vector<double> bps;
  bps.reserve(load.bytes_per_bin.size());
  for (std::uint64_t bytes : load.bytes_per_bin) bps.push_back(static_cast<double>(bytes) * 8 / bin_s);
  if (bps.empty()) return {};
  return {*std::max_element(bps.begin(), bps.end()), fleet_percentile(bps, 95)};
}
}  // namespace

void write_histogram_fields(JsonWriter& json, const models::LogHistogram& h) {
  json.value("count", h.count());
  json.value("mean", h.mean());
  json.value("p50", h.percentile(50));
  json.value("p95", h.percentile(95));
  json.value("p99", h.percentile(99));
  json.value("min", h.min());
  json.value("max", h.max());
}

std::string path_name(const World& world, const std::vector<std::size_t>& links) {
  std::string name;
  for (std::size_t link : links) name += (name.empty() ? "" : " > ") + world.network.links[link].name;
  return name;
}

double path_idle_latency_s(const World& world, const std::vector<std::size_t>& links) {
  double latency_s = 0;
  for (std::size_t link : links) latency_s += link_latency_s(world.network.links[link]);
  return latency_s;
}

void write_backhaul_summary(JsonWriter& json, const World& world, const BackhaulBook& book,
                            const std::vector<std::uint64_t>& buffered_copies_by_gateway) {
  json.begin_object("latency_breakdown_s");
  for (std::size_t p = 0; p < LATENCY_PART_COUNT; ++p)
    write_histogram(json, latency_part_name(static_cast<LatencyPart>(p)), book.part_s[p]);
  json.end_object();

  json.begin_array("paths");
  for (const auto& [links, stats] : book.paths) {
    json.begin_object();
    json.value("path", path_name(world, links));
    json.value("idle_latency_s", path_idle_latency_s(world, links));
    write_histogram(json, "backhaul_s", stats.backhaul_s);
    write_histogram(json, "end_to_end_s", stats.end_to_end_s);
    json.end_object();
  }
  json.end_array();

  json.begin_array("links");
  for (std::size_t l = 0; l < book.links.size(); ++l) {
    const NetworkLink& link = world.network.links[l];
    const ThroughputFigures figures = throughput(book.links[l], book.bin_s);
    json.begin_object();
    json.value("name", link.name);
    json.value("kind", link_kind_name(link.kind));
    json.value("bytes", book.links[l].bytes);
    json.value("peak_bps", figures.peak_bps);
    json.value("p95_bps", figures.p95_bps);
    json.end_object();
  }
  json.end_array();

  std::uint64_t buffered_at_end = 0;
  for (std::uint64_t copies : buffered_copies_by_gateway) buffered_at_end += copies;
  json.begin_object("backhaul");
  json.value("copies_buffered_at_end", buffered_at_end);
  json.value("load_interval_s", book.bin_s);
  json.end_object();
}

void write_paths_csv(const fs::path& dir, const World& world, const BackhaulBook& book) {
  const fs::path path = dir / "paths.csv";
  std::ofstream out = open_output(path);
  out << "path,links,idle_latency_s,records,first_delivery_s,last_delivery_s,"
         "backhaul_min_s,backhaul_mean_s,backhaul_p50_s,backhaul_p95_s,backhaul_p99_s,backhaul_max_s,"
         "end_to_end_mean_s,end_to_end_p50_s,end_to_end_p95_s,end_to_end_p99_s\n";
  for (const auto& [links, stats] : book.paths) {
    const models::LogHistogram& b = stats.backhaul_s;
    const models::LogHistogram& e = stats.end_to_end_s;
    out << csv_field(path_name(world, links)) << ',' << links.size() << ','
        << format_number(path_idle_latency_s(world, links)) << ',' << b.count() << ','
        << format_number(stats.first_delivery_s) << ',' << format_number(stats.last_delivery_s) << ','
        << format_number(b.min()) << ',' << format_number(b.mean()) << ',' << format_number(b.percentile(50)) << ','
        << format_number(b.percentile(95)) << ',' << format_number(b.percentile(99)) << ',' << format_number(b.max())
        << ',' << format_number(e.mean()) << ',' << format_number(e.percentile(50)) << ','
        << format_number(e.percentile(95)) << ',' << format_number(e.percentile(99)) << '\n';
  }
  close_output(out, path);
}

void write_path_percentiles_csv(const fs::path& dir, const World& world, const BackhaulBook& book) {
  const fs::path path = dir / "path_percentiles.csv";
  std::ofstream out = open_output(path);
  out << "path,records,percentile,backhaul_s,end_to_end_s\n";
  for (const auto& [links, stats] : book.paths) {
    const std::string name = csv_field(path_name(world, links));
    for (int p = 0; p <= 100; ++p) {
      out << name << ',' << stats.end_to_end_s.count() << ',' << p << ',' << format_number(stats.backhaul_s.percentile(p))
          << ',' << format_number(stats.end_to_end_s.percentile(p)) << '\n';
    }
  }
  close_output(out, path);
}

void write_links_csv(const fs::path& dir, const World& world, const BackhaulBook& book) {
  const fs::path path = dir / "links.csv";
  std::ofstream out = open_output(path);
  out << "link,kind,end_a,end_b,length_m,latency_s,bandwidth_bps,messages,bytes,mean_bps,peak_bps,p95_bps\n";
  const double run_s = book.bin_s * static_cast<double>(book.bin_count);
  for (std::size_t l = 0; l < book.links.size(); ++l) {
    const NetworkLink& link = world.network.links[l];
    const LinkLoad& load = book.links[l];
    const ThroughputFigures figures = throughput(load, book.bin_s);
    out << csv_field(link.name) << ',' << link_kind_name(link.kind) << ',' << csv_field(link.end_a) << ','
        << csv_field(link.end_b) << ',' << format_number(link.fibre_length_m) << ','
        << format_number(link_latency_s(link)) << ',' << format_number(link.bandwidth_bps) << ',' << load.messages
        << ',' << load.bytes << ',' << format_number(static_cast<double>(load.bytes) * 8 / run_s) << ','
        << format_number(figures.peak_bps) << ',' << format_number(figures.p95_bps) << '\n';
  }
  close_output(out, path);
}

void write_latency_timeseries_csv(const fs::path& dir, const BackhaulBook& book) {
  const fs::path path = dir / "latency_timeseries.csv";
  std::ofstream out = open_output(path);
  out << "time_s,records_delivered,backhaul_mean_s,backhaul_max_s,end_to_end_mean_s,copies_buffered_peak\n";
  std::uint64_t buffered = 0;  // the level carried over from the last bin that changed it
  for (std::size_t b = 0; b < book.latency_bins.size(); ++b) {
    const LatencyBin& bin = book.latency_bins[b];
    const double records = static_cast<double>(bin.records);
    const std::uint64_t buffered_peak = bin.buffer_changed ? std::max(buffered, bin.buffered_peak) : buffered;
    if (bin.buffer_changed) buffered = bin.buffered_last;
    out << format_number(static_cast<double>(b) * book.bin_s) << ',' << bin.records << ','
        << (bin.records ? format_number(bin.backhaul_sum_s / records) : "") << ','
        << (bin.records ? format_number(bin.backhaul_max_s) : "") << ','
        << (bin.records ? format_number(bin.end_to_end_sum_s / records) : "") << ',' << buffered_peak << '\n';
  }
  close_output(out, path);
}

}  // namespace fleet::sim
