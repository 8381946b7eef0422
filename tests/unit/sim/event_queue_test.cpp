#include "sim/event_queue.hpp"

#include <catch2/catch.hpp>

#include "sim/accounting.hpp"
#include "sim/cli.hpp"

using namespace fleet::sim;

TEST_CASE("Events come out in time order, ties in insertion order", "[event_queue]") {
  EventQueue queue;
  queue.push(30, EventKind::WAKEUP, 1);
  queue.push(10, EventKind::TX_END, 2);
  queue.push(30, EventKind::WAKEUP, 3);
  queue.push(10, EventKind::WAKEUP, 4);
  std::vector<std::uint32_t> order;
  while (!queue.empty()) order.push_back(queue.pop().device_id);
  CHECK(order == std::vector<std::uint32_t>{2, 4, 1, 3});
}

TEST_CASE("The backhaul tracker delivers a frame once, whatever the number of copies", "[accounting]") {
  BackhaulTracker tracker;
  tracker.on_received(7, 42, 3, 2);  // 3 records, heard by 2 gateways
  CHECK(tracker.records_in_flight() == 3);
  CHECK(tracker.on_copy_arrived(7, 42));
  CHECK(tracker.records_in_flight() == 0);
  CHECK_FALSE(tracker.on_copy_arrived(7, 42));  // the duplicate
  CHECK_FALSE(tracker.on_copy_arrived(7, 42));  // unknown by now
  tracker.on_received(8, 1, 2, 1);
  CHECK(tracker.records_in_flight() == 2);
}

TEST_CASE("The command line: commands, options and usage errors", "[cli]") {
  const CliOptions run = parse_cli({"run", "s.yaml", "-o", "out", "--seed", "7", "--set", "fleet.containers=5",
                                    "--cfg=network/model:LV08", "--quiet"});
  CHECK(run.command == Command::RUN);
  CHECK(run.scenario_path == "s.yaml");
  CHECK(run.output_dir == "out");
  CHECK(run.overrides == std::vector<std::string>{"seed=7", "fleet.containers=5"});
  CHECK(run.simgrid_args == std::vector<std::string>{"--cfg=network/model:LV08"});
  CHECK(run.quiet);
  CHECK(parse_cli({"--help"}).command == Command::HELP);
  CHECK(parse_cli({"check", "s.yaml"}).command == Command::CHECK);
  CHECK_THROWS_AS(parse_cli({}), UsageError);
  CHECK_THROWS_AS(parse_cli({"run"}), UsageError);
  CHECK_THROWS_AS(parse_cli({"fly", "s.yaml"}), UsageError);
  CHECK_THROWS_AS(parse_cli({"run", "s.yaml", "--set", "novalue"}), UsageError);
  CHECK_THROWS_AS(parse_cli({"run", "s.yaml", "--seed"}), UsageError);
  CHECK_THROWS_AS(parse_cli({"run", "s.yaml", "extra.yaml"}), UsageError);
  CHECK_THROWS_AS(parse_cli({"check", "s.yaml", "-o", "x"}), UsageError);
}
