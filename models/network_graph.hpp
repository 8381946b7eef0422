#pragma once
// Latency-shortest paths over the links that are up: the routing an IP network does around a cut cable,
// which SimGrid's own zones do not (their routes are fixed when the platform is sealed, and the Floyd and
// Dijkstra zones weigh a route by its number of links, not its latency). sim/network_platform keeps
// this graph next to the SimGrid links and asks it for the next hop.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fleet::models {

struct GraphPath {
  std::vector<std::size_t> nodes;  // from source to destination, both included
  std::vector<std::size_t> links;  // nodes.size() − 1 links
  double latency_s = 0;
};

class NetworkGraph {
 public:
  std::size_t add_node(std::string name);
  // Undirected link (traffic crosses it both ways at the same latency). Throws std::invalid_argument for
  // an unknown node, a self-loop or a negative latency.
  std::size_t add_link(std::size_t a, std::size_t b, double latency_s);

  std::size_t node_count() const { return node_names_.size(); }
  std::size_t link_count() const { return links_.size(); }
  const std::string& node_name(std::size_t node) const { return node_names_.at(node); }
  // Throws std::invalid_argument naming the node if there is none.
  std::size_t node_by_name(const std::string& name) const;
  double link_latency_s(std::size_t link) const { return links_.at(link).latency_s; }
  // The link's two nodes, in the order given to add_link.
  std::pair<std::size_t, std::size_t> link_ends(std::size_t link) const {
    return {links_.at(link).a, links_.at(link).b};
  }

  // Dijkstra over the links for which `usable(link)` holds; nullopt if the destination is cut off.
  // Ties go to the lower node index, so the path is the same on every run.
  std::optional<GraphPath> shortest_path(std::size_t source, std::size_t destination,
                                         const std::function<bool(std::size_t)>& usable) const;

 private:
  struct Link {
    std::size_t a;
    std::size_t b;
    double latency_s;
  };
  struct Adjacent {
    std::size_t node;
    std::size_t link;
  };
  std::vector<std::string> node_names_;
  std::vector<Link> links_;
  std::vector<std::vector<Adjacent>> adjacency_;
};

}  // namespace fleet::models
