#include "sim/network/network_platform.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include <simgrid/Exception.hpp>
#include <simgrid/kernel/Timer.hpp>

#include "models/cable_catalogue.hpp"

namespace fleet::sim {

namespace sg4 = simgrid::s4u;

namespace {
// Compute speed of the hosts: irrelevant (nothing computes), a round figure.
constexpr double HOST_FLOPS = 1e9;

void require_unique(std::set<std::string>& seen, const std::string& name, const char* what) {
  if (!seen.insert(name).second)
    throw std::invalid_argument(std::string("network: duplicate ") + what + " '" + name + "'");
}
}  // namespace

double link_latency_s(const NetworkLink& link) {
  return models::fibre_latency_s(link.fibre_length_m, link.equipment_latency_s, link.fibre_delay_s_per_m) +
         link.air_latency_s;
}

std::size_t NetworkPlatform::link(const std::string& name) const {
  for (std::size_t i = 0; i < links_.size(); ++i)
    if (links_[i]->get_name() == name) return i;
  throw std::invalid_argument("network: no link named '" + name + "'");
}

bool NetworkPlatform::is_up(std::size_t link) const {
  const sg4::SplitDuplexLink* duplex = links_.at(link);
  return duplex->get_link_up()->is_on() && duplex->get_link_down()->is_on();
}

// Routes change only when a link goes down or up, so a path is computed once per topology version.
std::optional<models::GraphPath> NetworkPlatform::current_path(std::size_t from, std::size_t to) const {
  CachedPath& cached = path_cache_[from * graph_.node_count() + to];
  if (cached.version != *topology_version_ + 1) {  // + 1: a fresh entry (version 0) is never current
    cached.path = graph_.shortest_path(from, to, [this](std::size_t link) { return is_up(link); });
    cached.version = *topology_version_ + 1;
  }
  return cached.path;
}

const NetworkPlatform::Express* NetworkPlatform::express(std::size_t from, std::size_t to) const {
  for (const Express& e : express_)
    if (e.from == from && e.to == to) return &e;
  return nullptr;
}

bool NetworkPlatform::express_is_current(const Express& express, const models::GraphPath& path) const {
  return path.links == express.links;
}

void NetworkPlatform::share_out(const Express& express, double elapsed_s, std::uint64_t bytes,
                                TransferOutcome& outcome) const {
  double latency_sum_s = 0;
  double transmission_sum_s = 0;
  for (std::size_t link : express.links) {
    latency_sum_s += graph_.link_latency_s(link);
    transmission_sum_s += static_cast<double>(bytes) * 8 / links_[link]->get_link_up()->get_bandwidth();
  }
  const double beyond_latency_s = std::max(0.0, elapsed_s - latency_sum_s);
  for (std::size_t link : express.links) {
    const double transmission_s = static_cast<double>(bytes) * 8 / links_[link]->get_link_up()->get_bandwidth();
    const double share = transmission_sum_s > 0 ? transmission_s / transmission_sum_s : 1.0 / express.links.size();
    outcome.links.push_back(link);
    outcome.hop_elapsed_s.push_back(graph_.link_latency_s(link) + beyond_latency_s * share);
  }
}

TransferOutcome NetworkPlatform::transfer(std::size_t from, std::size_t to, std::uint64_t bytes) const {
  TransferOutcome outcome;
  transfer(from, to, bytes, outcome);
  return outcome;
}

void NetworkPlatform::transfer(std::size_t from, std::size_t to, std::uint64_t bytes, TransferOutcome& outcome) const {
  outcome.links.clear();
  outcome.hop_elapsed_s.clear();
  const double started_s = sg4::Engine::get_clock();
  double here_since_s = started_s;  // when the message reached `here` (failed attempts count on the next hop)
  std::size_t here = from;
  while (here != to) {
    const std::optional<models::GraphPath> path = current_path(here, to);
    if (!path) break;
    if (const Express* fast = express(here, to); fast != nullptr && express_is_current(*fast, *path)) {
      try {
        sg4::Comm::sendto(hosts_[here], hosts_[to], bytes);
      } catch (const simgrid::NetworkFailureException&) {
        // A link of the path went down: the next path is computed from the new state (as below, a
        // failure with every link up would loop forever).
        if (std::all_of(fast->links.begin(), fast->links.end(), [this](std::size_t l) { return is_up(l); }))
          throw std::logic_error("network: express comm failed with every link of its path up");
        continue;
      }
      share_out(*fast, sg4::Engine::get_clock() - here_since_s, bytes, outcome);
      here = to;
      break;
    }
    const std::size_t next = path->nodes[1];
    const std::size_t hop = path->links[0];
    const Interfaces& ends = interfaces_[hop];
    const bool forward = graph_.link_ends(hop).first == here;
    try {
      sg4::Comm::sendto(forward ? ends.end_a : ends.end_b, forward ? ends.end_b : ends.end_a, bytes);
    } catch (const simgrid::NetworkFailureException&) {
      // The link went down under this hop: ask again from here. A failure on a link that still reports
      // up would make that loop spin forever, so it is a bug to surface.
      if (is_up(hop))
        throw std::logic_error("network: comm failed on '" + links_[hop]->get_name() + "', which is up");
      continue;
    }
    outcome.links.push_back(hop);
    outcome.hop_elapsed_s.push_back(sg4::Engine::get_clock() - here_since_s);
    here_since_s = sg4::Engine::get_clock();
    here = next;
  }
  outcome.delivered = here == to;
  outcome.stopped_at = here;
  outcome.elapsed_s = sg4::Engine::get_clock() - started_s;
}

NetworkPlatform build_network_platform(const NetworkDescription& description, sg4::NetZone* parent,
                                       const std::vector<ExpressPair>& express) {
  NetworkPlatform platform;
  sg4::NetZone* zone = sg4::create_full_zone(description.zone_name);
  if (parent != nullptr) zone->set_parent(parent);

  std::set<std::string> names;
  for (const NetworkNode& node : description.nodes) {
    require_unique(names, node.name, "node");
    platform.graph_.add_node(node.name);
    platform.hosts_.push_back(zone->create_host(node.name, HOST_FLOPS));
  }
  std::set<std::string> link_names;
  for (const NetworkLink& spec : description.links) {
    require_unique(link_names, spec.name, "link");
    const std::size_t a = platform.graph_.node_by_name(spec.end_a);
    const std::size_t b = platform.graph_.node_by_name(spec.end_b);
    const double latency_s = link_latency_s(spec);
    platform.graph_.add_link(a, b, latency_s);
    // Split duplex: a cable carries each direction on its own fibre pair, so uplinks and ACKs do not share.
    sg4::SplitDuplexLink* link = zone->create_split_duplex_link(spec.name, spec.bandwidth_bps);
    link->set_latency(latency_s)->seal();
    const NetworkPlatform::Interfaces ends{zone->create_host(spec.end_a + "|" + spec.name, HOST_FLOPS),
                                           zone->create_host(spec.end_b + "|" + spec.name, HOST_FLOPS)};
    zone->add_route(ends.end_a->get_netpoint(), ends.end_b->get_netpoint(), nullptr, nullptr,
                    {sg4::LinkInRoute(link, sg4::LinkInRoute::Direction::UP)}, true);
    platform.links_.push_back(link);
    platform.interfaces_.push_back(ends);
  }
  for (const ExpressPair& pair : express) {
    const std::size_t from = platform.graph_.node_by_name(pair.from);
    const std::size_t to = platform.graph_.node_by_name(pair.to);
    const auto path = platform.graph_.shortest_path(from, to, [](std::size_t) { return true; });
    if (!path) throw std::invalid_argument("network: no path from '" + pair.from + "' to '" + pair.to + "'");
    std::vector<sg4::LinkInRoute> route;
    for (std::size_t i = 0; i < path->links.size(); ++i) {
      const bool forward = platform.graph_.link_ends(path->links[i]).first == path->nodes[i];
      route.emplace_back(platform.links_[path->links[i]],
                         forward ? sg4::LinkInRoute::Direction::UP : sg4::LinkInRoute::Direction::DOWN);
    }
    zone->add_route(platform.hosts_[from]->get_netpoint(), platform.hosts_[to]->get_netpoint(), nullptr, nullptr,
                    route, false);
    platform.express_.push_back({from, to, path->links});
  }
  zone->seal();

  for (const LinkFault& fault : description.faults) {
    sg4::SplitDuplexLink* link = platform.links_.at(platform.link(fault.link));
    if (!(fault.down_at_s >= 0.0) || !(fault.up_at_s > fault.down_at_s))
      throw std::invalid_argument("network: fault on '" + fault.link +
                                  "' must go down at t >= 0 and come back later");
    // Kernel timers fire in the maestro at their date, between actors' steps: no actor needed.
    std::shared_ptr<std::uint64_t> version = platform.topology_version_;
    simgrid::kernel::timer::Timer::set(fault.down_at_s, [link, version] {
      link->turn_off();
      ++*version;
    });
    if (std::isfinite(fault.up_at_s)) {
      simgrid::kernel::timer::Timer::set(fault.up_at_s, [link, version] {
        link->turn_on();
        ++*version;
      });
    }
  }
  return platform;
}

}  // namespace fleet::sim
