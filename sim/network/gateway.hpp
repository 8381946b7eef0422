#pragma once
// A LoRa gateway in the port: forwards every frame its radio decoded to the network server in the data
// centre over the run's network (sim/network_platform), and keeps copies in a bounded buffer while no
// route to the data centre exists.
//
// Forwarders: each copy crosses the network in a blocking transfer(), so a gateway runs as many
// forwarder actors as it has copies in transit (a router forwards packets concurrently), up to an
// in-flight window (gateway.cpp). The pool grows when the last idle forwarder takes a copy and is
// reused afterwards: actors are created only up to the peak concurrency, not per frame.
//
// Bundling (network.forward_window, docs/sources.md): with a window, the forwarder that takes a copy
// waits the window and sends every copy the gateway received meanwhile with it as one message, as
// Semtech's UDP packet forwarder sends the packets of one concentrator poll in one PUSH_DATA. One
// SimGrid comm carries the bundle's bytes; each copy arrives when the bundle does, and its wait in the
// window counts as time at the gateway (latency part gateway_buffer, or hub_queue on a ship). The
// links book one message of the bundle's bytes. Cellular networks send each copy on its own.
//
// Buffer [A]: the gateway keeps each copy until the data centre has it (the acknowledged transport of
// LoRa Basics Station or an MQTT bridge). A copy that finds no route, or is stopped on the way because
// the network behind it was cut, waits in the gateway's buffer and is sent again from the gateway when a
// link comes back up (the only moments a route can return). A full buffer drops the copy; when a frame
// loses its last copy that way, its records are lost with the reason gateway_buffer_full.
#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include <simgrid/s4u.hpp>

#include "sim/books/accounting.hpp"
#include "sim/books/backhaul_book.hpp"
#include "sim/books/delivery_book.hpp"
#include "sim/network/network_platform.hpp"
#include "sim/books/pending_answers.hpp"
#include "sim/radio/gateway_inbox.hpp"
#include "sim/radio/radio_medium.hpp"
#include "sim/radio/uplink_message.hpp"

namespace fleet::sim {

class NetworkServer;

// The way to the data centre, shared by every gateway.
struct Backhaul {
  const NetworkPlatform* platform = nullptr;
  const NetworkDescription* network = nullptr;
  std::size_t data_centre_node = 0;
  std::vector<double> link_up_times_s;  // sorted
  NetworkServer* server = nullptr;
  BackhaulTracker* tracker = nullptr;
  DeliveryBook* deliveries = nullptr;
  BackhaulBook* book = nullptr;
  PendingAnswers* answers = nullptr;  // a confirmed transmission whose every copy is dropped is owed nothing
};

// What a gateway is to the backhaul: where it sits, how many copies its buffer keeps, whether it is a
// ship's hub, and how long its forwarder gathers copies into one message (0: each copy its own).
struct GatewayPlacement {
  std::uint16_t gateway = 0;
  std::size_t node = 0;
  std::uint32_t buffer_capacity = 0;
  bool hub = false;
  double forward_window_s = 0;
};

// Starts the gateway's forwarders and its buffer's flusher on the gateway's host.
void start_gateway(const Backhaul& backhaul, const GatewayPlacement& placement, std::shared_ptr<GatewayInbox> inbox);

// Gateway outages: the radio medium treats the gateway as absent while it is down. `radio_gateways`
// names the medium's gateways in index order.
void schedule_gateway_outages(const std::vector<GatewayOutage>& outages, const std::vector<std::string>& radio_gateways,
                              RadioMedium& medium);

}  // namespace fleet::sim
