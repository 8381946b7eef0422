// Latency-shortest paths: the lower-latency route wins even with more hops, a cut link moves traffic to
// the next path, a cut-off destination has no path.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "models/network_graph.hpp"

using fleet::models::GraphPath;
using fleet::models::NetworkGraph;

namespace {
const auto ALL_UP = [](std::size_t) { return true; };
}

TEST_CASE("the path with the least latency wins over the one with the fewest hops", "[graph]") {
  NetworkGraph graph;
  const auto a = graph.add_node("a"), b = graph.add_node("b"), c = graph.add_node("c"),
             d = graph.add_node("d");
  const auto direct = graph.add_link(a, d, 0.100);  // one hop, 100 ms
  const auto ab = graph.add_link(a, b, 0.010);
  const auto bc = graph.add_link(b, c, 0.020);
  const auto cd = graph.add_link(c, d, 0.030);  // three hops, 60 ms
  const auto path = graph.shortest_path(a, d, ALL_UP);
  REQUIRE(path);
  CHECK(path->nodes == std::vector<std::size_t>{a, b, c, d});
  CHECK(path->links == std::vector<std::size_t>{ab, bc, cd});
  CHECK(path->latency_s == Approx(0.060));

  // Cut the middle link: the direct one is next.
  const auto without_bc = graph.shortest_path(a, d, [&](std::size_t link) { return link != bc; });
  REQUIRE(without_bc);
  CHECK(without_bc->links == std::vector<std::size_t>{direct});
  CHECK(without_bc->latency_s == Approx(0.100));
  // Links are undirected: the way back is the same path reversed.
  const auto back = graph.shortest_path(d, a, ALL_UP);
  REQUIRE(back);
  CHECK(back->nodes == std::vector<std::size_t>{d, c, b, a});
  // Cut both ways out: no path.
  CHECK_FALSE(graph.shortest_path(a, d, [&](std::size_t link) { return link != direct && link != ab; }));
  // A node to itself is an empty path.
  const auto stay = graph.shortest_path(b, b, ALL_UP);
  REQUIRE(stay);
  CHECK(stay->links.empty());
  CHECK(stay->latency_s == 0.0);
}

TEST_CASE("bad links and names are refused", "[graph]") {
  NetworkGraph graph;
  const auto a = graph.add_node("a");
  CHECK_THROWS_AS(graph.add_link(a, a, 0.001), std::invalid_argument);
  CHECK_THROWS_AS(graph.add_link(a, 7, 0.001), std::invalid_argument);
  const auto b = graph.add_node("b");
  CHECK_THROWS_AS(graph.add_link(a, b, -0.001), std::invalid_argument);
  CHECK(graph.node_by_name("b") == b);
  CHECK_THROWS_AS(graph.node_by_name("z"), std::invalid_argument);
}
