#include "sim/fleet/event_queue.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "sim/books/accounting.hpp"
#include "sim/app/cli.hpp"

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

// The 4-ary heap against a plain reference: interleaved pushes and pops with many equal times must
// come out as a stable sort by time would give them (kind and generation carried intact).
TEST_CASE("The event queue pops in (time, insertion) order under interleaved pushes and pops", "[event_queue]") {
  EventQueue queue;
  std::vector<Event> reference;  // live entries, kept sorted by (time, insertion)
  std::uint64_t inserted = 0;
  std::uint32_t state = 12345;
  const auto next = [&state] { return state = state * 1664525U + 1013904223U; };
  fleet::hw::TimeUs now_us = 0;
  for (int step = 0; step < 20000; ++step) {
    if (next() % 3 != 0 || reference.empty()) {
      const fleet::hw::TimeUs at_us = now_us + next() % 50;  // few distinct times: many ties
      const auto kind = static_cast<EventKind>(next() % 14);
      const std::uint32_t device = next() % 1000;
      const std::uint32_t generation = next();
      queue.push(at_us, kind, device, generation);
      const Event added{at_us, inserted++, device, generation, kind};
      reference.insert(std::upper_bound(reference.begin(), reference.end(), added,
                                        [](const Event& a, const Event& b) { return a.at_us < b.at_us; }),
                       added);
    } else {
      REQUIRE(queue.top_at_us() == reference.front().at_us);
      const Event got = queue.pop();
      const Event want = reference.front();
      reference.erase(reference.begin());
      REQUIRE(got.at_us == want.at_us);
      REQUIRE(got.order == want.order);
      REQUIRE(got.device_id == want.device_id);
      REQUIRE(got.generation == want.generation);
      REQUIRE(got.kind == want.kind);
      now_us = got.at_us;
    }
    REQUIRE(queue.size() == reference.size());
  }
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
