#pragma once
// What the backhaul measured: each delivered record's latency split into the parts of its journey, the
// latency of every path (the sequence of links the first copy crossed), the bytes each link carried
// over time, and the latency of deliveries over time. summary.json, paths.csv, links.csv and
// latency_timeseries.csv are written from it (sim/network_outputs).
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "models/log_histogram.hpp"
#include "sim/scenario/network_spec.hpp"

namespace fleet::sim {

// The parts of a record's end-to-end latency, in journey order; they add up to it exactly.
enum class LatencyPart : std::uint8_t {
  ON_DEVICE,       // generated → its frame starts on air (sampling, coalescing, duty cycle, queue)
  RADIO_AIRTIME,   // the frame on air
  GATEWAY_BUFFER,  // waiting at a port gateway (or the cellular network) for a route to the data centre
  HUB_QUEUE,       // waiting at a ship's hub for its satellite link
  PORT_NETWORK,    // hops of kind port_network (LinkKind order from here on)
  CABLE,
  METRO,
  SATELLITE,
  CELLULAR,
};
inline constexpr std::size_t LATENCY_PART_COUNT = 9;
inline constexpr std::size_t FIRST_HOP_PART = 4;  // LinkKind k is LatencyPart FIRST_HOP_PART + k

constexpr std::string_view latency_part_name(LatencyPart part) {
  switch (part) {
    case LatencyPart::ON_DEVICE: return "on_device";
    case LatencyPart::RADIO_AIRTIME: return "radio_airtime";
    case LatencyPart::GATEWAY_BUFFER: return "gateway_buffer";
    case LatencyPart::HUB_QUEUE: return "hub_queue";
    case LatencyPart::PORT_NETWORK: return "port_network";
    case LatencyPart::CABLE: return "cable";
    case LatencyPart::METRO: return "metro";
    case LatencyPart::SATELLITE: return "satellite";
    case LatencyPart::CELLULAR: return "cellular";
  }
  return "unknown";
}

struct PathStats {
  models::LogHistogram end_to_end_s;
  models::LogHistogram backhaul_s;  // gateway reception → data centre
  double first_delivery_s = 0;
  double last_delivery_s = 0;
};

struct LinkLoad {
  std::uint64_t bytes = 0;
  std::uint64_t messages = 0;
  std::vector<std::uint64_t> bytes_per_bin;  // bins of BackhaulBook::bin_s by the time a hop ends
};

// Deliveries per bin of time (by delivery time): what the latency-over-time figure draws.
struct LatencyBin {
  std::uint64_t records = 0;
  double backhaul_sum_s = 0;
  double backhaul_max_s = 0;
  double end_to_end_sum_s = 0;
  std::uint64_t buffered_peak = 0;  // copies waiting in all gateway buffers, most at once in the bin
  std::uint64_t buffered_last = 0;  // ... and after the bin's last change
  bool buffer_changed = false;
};

struct BackhaulBook {
  BackhaulBook(std::size_t link_count, double duration_s, double bin_s)
      : bin_s(bin_s),
        bin_count(static_cast<std::size_t>(duration_s / bin_s) + 1),
        links(link_count),
        latency_bins(bin_count) {
    for (LinkLoad& link : links) link.bytes_per_bin.assign(bin_count, 0);
  }
  std::size_t bin(double at_s) const { return std::min(bin_count - 1, static_cast<std::size_t>(at_s / bin_s)); }
  void add_link_bytes(std::size_t link, std::uint64_t bytes, double at_s) {
    LinkLoad& load = links[link];
    load.bytes += bytes;
    ++load.messages;
    load.bytes_per_bin[bin(at_s)] += bytes;
  }
  // Call after every change of copies_buffered_now.
  void note_buffered(double at_s) {
    LatencyBin& b = latency_bins[bin(at_s)];
    b.buffered_peak = b.buffer_changed ? std::max(b.buffered_peak, copies_buffered_now) : copies_buffered_now;
    b.buffered_last = copies_buffered_now;
    b.buffer_changed = true;
  }

  double bin_s;
  std::size_t bin_count;
  std::array<models::LogHistogram, LATENCY_PART_COUNT> part_s;
  std::map<std::vector<std::size_t>, PathStats> paths;  // ordered by link indices: the same on every run
  std::vector<LinkLoad> links;
  std::vector<LatencyBin> latency_bins;
  std::uint64_t copies_buffered_now = 0;  // over all gateways
};

}  // namespace fleet::sim
