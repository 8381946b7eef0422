#pragma once
// The network server in the data centre: receives every gateway's copies, keeps the first copy of
// each frame (dedup on device and frame counter), decodes it with the firmware's own codec and books
// each record's delivery, its latency split into the parts of its journey, and its path. The gateway's
// forwarder calls it when a copy reaches the data centre's host (no extra comm: the copy has arrived).
#include "sim/accounting.hpp"
#include "sim/backhaul_book.hpp"
#include "sim/delivery_book.hpp"

namespace fleet::sim {

struct BackhaulCopy;

class NetworkServer {
 public:
  NetworkServer(BackhaulTracker* backhaul, DeliveryBook* book, BackhaulBook* paths)
      : backhaul_(backhaul), book_(book), paths_(paths) {}
  void receive(const BackhaulCopy& copy, double now_s);

 private:
  BackhaulTracker* backhaul_;
  DeliveryBook* book_;
  BackhaulBook* paths_;
};

}  // namespace fleet::sim
