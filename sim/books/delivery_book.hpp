#pragma once
// What the network server learned: per-device deliveries, latency and age of information.
#include <cstdint>
#include <vector>

#include "models/age_of_information.hpp"
#include "models/log_histogram.hpp"

namespace fleet::sim {

struct DeviceDeliveries {
  std::uint32_t records_delivered = 0;
  std::uint32_t frames_delivered = 0;
  std::uint32_t duplicate_copies = 0;  // copies of an already delivered frame (other gateways, repeats)
  std::uint32_t duplicate_records = 0;  // records of new frames the server already had (accounting.hpp)
  std::uint16_t last_frame_counter = 0;  // of the last frame delivered, valid once frames_delivered > 0
  std::uint32_t records_lost_gateway_buffer = 0;  // every copy of their frame dropped by a full gateway buffer
  double latency_sum_s = 0;
  models::AgeOfInformation age;
};

struct DeliveryBook {
  explicit DeliveryBook(std::size_t devices) : devices(devices) {}
  std::vector<DeviceDeliveries> devices;
  models::LogHistogram latency_s;
  std::uint64_t records_delivered = 0;
  std::uint64_t undecodable_frames = 0;
  std::uint64_t records_lost_gateway_buffer = 0;
};

}  // namespace fleet::sim
