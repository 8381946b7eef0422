#include "models/network_graph.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <stdexcept>
#include <utility>

namespace fleet::models {

std::size_t NetworkGraph::add_node(std::string name) {
  node_names_.push_back(std::move(name));
  adjacency_.emplace_back();
  return node_names_.size() - 1;
}

std::size_t NetworkGraph::add_link(std::size_t a, std::size_t b, double latency_s) {
  if (a >= node_count() || b >= node_count() || a == b)
    throw std::invalid_argument("NetworkGraph: a link needs two distinct existing nodes");
  if (!(latency_s >= 0.0) || !std::isfinite(latency_s))
    throw std::invalid_argument("NetworkGraph: link latency must be non-negative and finite");
  links_.push_back({a, b, latency_s});
  const std::size_t link = links_.size() - 1;
  adjacency_[a].push_back({b, link});
  adjacency_[b].push_back({a, link});
  return link;
}

std::size_t NetworkGraph::node_by_name(const std::string& name) const {
  const auto found = std::find(node_names_.begin(), node_names_.end(), name);
  if (found == node_names_.end()) throw std::invalid_argument("NetworkGraph: no node named '" + name + "'");
  return static_cast<std::size_t>(found - node_names_.begin());
}

std::optional<GraphPath> NetworkGraph::shortest_path(std::size_t source, std::size_t destination,
                                                     const std::function<bool(std::size_t)>& usable) const {
  constexpr double UNREACHED = std::numeric_limits<double>::infinity();
  constexpr std::size_t NONE = std::numeric_limits<std::size_t>::max();
  std::vector<double> latency_s(node_count(), UNREACHED);
  std::vector<std::size_t> via_link(node_count(), NONE);
  using Entry = std::pair<double, std::size_t>;  // (latency, node): ties broken by node index
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> frontier;
  latency_s.at(source) = 0.0;
  frontier.emplace(0.0, source);
  while (!frontier.empty()) {
    const auto [reached_s, node] = frontier.top();
    frontier.pop();
    if (reached_s > latency_s[node]) continue;  // a stale entry
    if (node == destination) break;
    for (const Adjacent& next : adjacency_[node]) {
      if (!usable(next.link)) continue;
      const double candidate_s = reached_s + links_[next.link].latency_s;
      if (candidate_s < latency_s[next.node]) {
        latency_s[next.node] = candidate_s;
        via_link[next.node] = next.link;
        frontier.emplace(candidate_s, next.node);
      }
    }
  }
  if (latency_s.at(destination) == UNREACHED) return std::nullopt;

  GraphPath path;
  path.latency_s = latency_s[destination];
  for (std::size_t node = destination; node != source;) {
    const Link& link = links_[via_link[node]];
    path.nodes.push_back(node);
    path.links.push_back(via_link[node]);
    node = link.a == node ? link.b : link.a;
  }
  path.nodes.push_back(source);
  std::reverse(path.nodes.begin(), path.nodes.end());
  std::reverse(path.links.begin(), path.links.end());
  return path;
}

}  // namespace fleet::models
