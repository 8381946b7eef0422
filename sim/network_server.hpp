#pragma once
// The network server in the data centre: receives every gateway's copies, keeps the first copy of
// each frame (dedup on device and frame counter), decodes it with the firmware's own codec and
// books each record's delivery.
#include <string>

#include "sim/accounting.hpp"
#include "sim/delivery_book.hpp"

namespace fleet::sim {

class NetworkServer {
 public:
  NetworkServer(std::string mailbox, BackhaulTracker* backhaul, DeliveryBook* book)
      : mailbox_(std::move(mailbox)), backhaul_(backhaul), book_(book) {}
  void operator()() const;

 private:
  std::string mailbox_;
  BackhaulTracker* backhaul_;
  DeliveryBook* book_;
};

}  // namespace fleet::sim
