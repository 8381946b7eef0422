#include "sim/network/gateway.hpp"

#include <algorithm>
#include <cmath>
#include <span>
#include <stdexcept>

#include <simgrid/kernel/Timer.hpp>

#include "hw/uplink_codec.hpp"
#include "sim/network/network_server.hpp"

namespace fleet::sim {

namespace sg4 = simgrid::s4u;

namespace {

// One gateway's forwarding state, shared by its forwarders and its flusher.
struct Forwarding {
  const Backhaul* backhaul;
  GatewayPlacement placement;
  std::shared_ptr<GatewayInbox> inbox;
  std::deque<BackhaulCopy> buffer;
  sg4::SemaphorePtr buffer_filled = sg4::Semaphore::create(0);  // released when the buffer stops being empty
  std::uint32_t idle_forwarders = 0;
  std::uint32_t forwarders = 0;
};

// [A] Copies one gateway has in transit at once: the in-flight window of its acknowledged transport
// (mosquitto's max_inflight_messages defaults to 20; 64 leaves normal traffic unthrottled). Beyond it,
// copies wait in the gateway's inbox, counted in flight; it is also what keeps a buffer flush of
// thousands of copies from needing thousands of actors.
constexpr std::uint32_t MAX_COPIES_IN_TRANSIT = 64;

void spawn_forwarder(const std::shared_ptr<Forwarding>& state);

// A frame loses a copy for good: its records are lost if it was the last one and none arrived.
void lose_copy(const Backhaul& backhaul, const UplinkMessage& message) {
  hw::UplinkFrame frame{};
  if (!hw::decode_uplink(message.frame.data(), message.frame.size(), frame)) return;  // never tracked
  if (message.confirmed) backhaul.answers->on_copy_lost(message.device_id, message.received_us);
  const std::uint32_t records = backhaul.tracker->on_copy_lost(frame.device_id, frame.frame_counter);
  backhaul.deliveries->devices.at(frame.device_id).records_lost_gateway_buffer += records;
  backhaul.deliveries->records_lost_gateway_buffer += records;
}

void buffer_copy(Forwarding& state, BackhaulCopy copy) {
  const Backhaul& backhaul = *state.backhaul;
  GatewayInbox& inbox = *state.inbox;
  const double now_s = sg4::Engine::get_clock();
  if (state.buffer.size() >= state.placement.buffer_capacity) {
    ++inbox.copies_dropped_buffer_full;
    lose_copy(backhaul, copy.message);
    return;
  }
  copy.buffered_since_s = now_s;
  copy.at_hub = state.placement.hub;
  state.buffer.push_back(std::move(copy));
  ++inbox.copies_buffered;
  inbox.buffered_now = state.buffer.size();
  inbox.buffer_peak = std::max<std::uint64_t>(inbox.buffer_peak, state.buffer.size());
  ++backhaul.book->copies_buffered_now;
  backhaul.book->note_buffered(now_s);
  if (state.buffer.size() == 1) state.buffer_filled->release();
}

// `copies` cross as one message of their bytes: one copy, or a bundle of network.forward_window. Each
// copy's hop times are the message's. `outcome`: the forwarder's own, reused from message to message.
void forward(Forwarding& state, std::span<BackhaulCopy> copies, TransferOutcome& outcome) {
  const Backhaul& backhaul = *state.backhaul;
  std::uint64_t bytes = 0;
  for (const BackhaulCopy& copy : copies) bytes += copy.message.frame.size() + BACKHAUL_OVERHEAD_BYTES;
  const double started_s = sg4::Engine::get_clock();
  backhaul.platform->transfer(state.placement.node, backhaul.data_centre_node, bytes, outcome);
  double hop_end_s = started_s;
  for (std::size_t i = 0; i < outcome.links.size(); ++i) {
    const std::size_t link = outcome.links[i];
    const auto kind = static_cast<std::size_t>(backhaul.network->links[link].kind);
    for (BackhaulCopy& copy : copies) copy.hop_kind_s[kind] += outcome.hop_elapsed_s[i];
    hop_end_s += outcome.hop_elapsed_s[i];
    backhaul.book->add_link_bytes(link, bytes, hop_end_s);
  }
  const double now_s = sg4::Engine::get_clock();
  for (BackhaulCopy& copy : copies) {
    if (!outcome.delivered) {
      // Time on the hops it did cross is kept; time lost in a comm that failed where no route remained
      // counts as waiting for a route. The copy waits at the gateway.
      copy.buffered_s += outcome.elapsed_s - (hop_end_s - started_s);
      buffer_copy(state, std::move(copy));
      continue;
    }
    ++state.inbox->forwarded_frames;
    state.inbox->forwarded_bytes += copy.message.frame.size() + BACKHAUL_OVERHEAD_BYTES;
    backhaul.server->receive(copy, outcome.links, now_s);
  }
}

void forwarder(std::shared_ptr<Forwarding> state) {
  sg4::Actor::self()->daemonize();  // ends with the fleet scheduler, not before
  TransferOutcome outcome;
  std::vector<BackhaulCopy> bundle;  // reused: its capacity stays
  const double window_s = state->placement.forward_window_s;
  for (;;) {
    BackhaulCopy copy = state->inbox->pop();
    if (--state->idle_forwarders == 0 && state->forwarders < MAX_COPIES_IN_TRANSIT)
      spawn_forwarder(state);  // keep one listening
    if (window_s > 0) {
      copy.buffered_since_s = sg4::Engine::get_clock();
      bundle.push_back(std::move(copy));
      state->inbox->collect_into(bundle);
      sg4::this_actor::sleep_for(window_s);
      state->inbox->stop_collecting();
      // Each copy's wait in the window counts as time at the gateway (or the hub).
      const double sent_s = sg4::Engine::get_clock();
      for (BackhaulCopy& waited : bundle) {
        waited.buffered_s += sent_s - waited.buffered_since_s;
        waited.at_hub = state->placement.hub;
      }
      forward(*state, bundle, outcome);
      bundle.clear();
    } else {
      forward(*state, std::span<BackhaulCopy>(&copy, 1), outcome);
    }
    ++state->idle_forwarders;
  }
}

void spawn_forwarder(const std::shared_ptr<Forwarding>& state) {
  ++state->idle_forwarders;
  ++state->forwarders;
  sg4::Actor::create("gateway-forwarder", state->backhaul->platform->host(state->placement.node),
                     [state] { forwarder(state); });
}

// Waits while the buffer holds copies and no route exists, waking only when a link comes back up; then
// hands every buffered copy to the forwarders, oldest first.
void flusher(std::shared_ptr<Forwarding> state) {
  sg4::Actor::self()->daemonize();
  const Backhaul& backhaul = *state->backhaul;
  for (;;) {
    state->buffer_filled->acquire();
    while (!state->buffer.empty()) {
      const double now_s = sg4::Engine::get_clock();
      if (backhaul.platform->current_path(state->placement.node, backhaul.data_centre_node)) {
        while (!state->buffer.empty()) {
          BackhaulCopy copy = std::move(state->buffer.front());
          state->buffer.pop_front();
          copy.buffered_s += now_s - copy.buffered_since_s;
          --backhaul.book->copies_buffered_now;
          backhaul.book->note_buffered(now_s);
          state->inbox->push(std::move(copy));
        }
        state->inbox->buffered_now = 0;
        break;
      }
      const auto next_up = std::upper_bound(backhaul.link_up_times_s.begin(), backhaul.link_up_times_s.end(), now_s);
      if (next_up == backhaul.link_up_times_s.end()) return;  // never again: the copies stay, counted in flight
      // Link faults are kernel timers; at the same date they fire before sleeping actors wake.
      sg4::this_actor::sleep_until(*next_up);
    }
  }
}

}  // namespace

void start_gateway(const Backhaul& backhaul, const GatewayPlacement& placement, std::shared_ptr<GatewayInbox> inbox) {
  auto state = std::make_shared<Forwarding>(Forwarding{&backhaul, placement, std::move(inbox), {}});
  spawn_forwarder(state);
  sg4::Actor::create("gateway-buffer", backhaul.platform->host(placement.node), [state] { flusher(state); });
}

void schedule_gateway_outages(const std::vector<GatewayOutage>& outages, const std::vector<std::string>& radio_gateways,
                              RadioMedium& medium) {
  for (const GatewayOutage& outage : outages) {
    const auto found = std::find(radio_gateways.begin(), radio_gateways.end(), outage.gateway);
    if (found == radio_gateways.end()) throw std::invalid_argument("gateway outage: no gateway '" + outage.gateway + "'");
    const auto index = static_cast<std::uint16_t>(found - radio_gateways.begin());
    medium.add_gateway_outage(index, microseconds_of(outage.down_at_s),
                              std::isfinite(outage.up_at_s) ? microseconds_of(outage.up_at_s) : ~hw::TimeUs{0});
  }
}

}  // namespace fleet::sim
