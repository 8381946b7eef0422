#include "sim/fleet/event_queue.hpp"
#include "sim/fleet/chunked_buckets.hpp"

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

// The queue against a plain reference: interleaved pushes and pops must come out as a stable sort by
// time would give them (kind and generation carried intact). The spans cover the cases of the
// calendar: many ties in one bucket; events spread over many buckets; and events beyond the calendar's
// reach of about 72 minutes, days ahead, which wait in the far heap (and, when the queue has drained
// down to them, make it jump).
TEST_CASE("The event queue pops in (time, insertion) order under interleaved pushes and pops", "[event_queue]") {
  const fleet::hw::TimeUs span_us = GENERATE(fleet::hw::TimeUs{50}, fleet::hw::TimeUs{3'600'000'000},
                                             fleet::hw::TimeUs{400'000'000'000});
  CAPTURE(span_us);
  EventQueue queue;
  std::vector<Event> reference;  // live entries, kept sorted by (time, insertion)
  std::uint64_t inserted = 0;
  std::uint32_t state = 12345;
  const auto next = [&state] { return state = state * 1664525U + 1013904223U; };
  const auto next64 = [&next] { return std::uint64_t{next()} << 32 | next(); };
  fleet::hw::TimeUs now_us = 0;
  const auto pop_and_check = [&] {
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
  };
  for (int step = 0; step < 20000; ++step) {
    if (step % 5000 >= 4000) {  // a fifth of the time only pops, down to an empty queue
      if (!reference.empty()) pop_and_check();
    } else if (next() % 3 != 0 || reference.empty()) {
      // Now and then at the present instant, else within the span (the shortest span: many ties).
      const fleet::hw::TimeUs at_us = now_us + (next() % 8 == 0 ? 0 : next64() % span_us);
      const auto kind = static_cast<EventKind>(next() % 14);
      const std::uint32_t device = next() % 1000;
      const std::uint32_t generation = next();
      queue.push(at_us, kind, device, generation);
      const Event added{at_us, inserted++, device, generation, kind};
      reference.insert(std::upper_bound(reference.begin(), reference.end(), added,
                                        [](const Event& a, const Event& b) { return a.at_us < b.at_us; }),
                       added);
    } else {
      pop_and_check();
    }
    REQUIRE(queue.size() == reference.size());
    REQUIRE(queue.empty() == reference.empty());
  }
}

// The prefetch hint names the devices of the events after the earliest while they share its bucket
// (about a second), and nothing past it. (Events pushed into the bucket being read, such as the first
// second's here before any pop, wait beside it and are not named: hence 5 s.)
TEST_CASE("The event queue names the devices of the coming events", "[event_queue]") {
  EventQueue queue;
  for (std::uint32_t device = 10; device < 15; ++device) queue.push(5'000'000 + device, EventKind::WAKEUP, device);
  queue.push(60'000'000, EventKind::WAKEUP, 99);  // a minute later: another bucket
  CHECK(queue.pop().device_id == 10);
  CHECK(queue.upcoming_device_id(0) == 11);
  CHECK(queue.upcoming_device_id(2) == 13);
  CHECK(queue.upcoming_device_id(3) == 14);
  CHECK(queue.upcoming_device_id(4) == EventQueue::NO_DEVICE);
}

// The calendar's buckets give their items back in the order they came, and their chunks back to the
// pool: filling and draining the buckets again and again takes no more memory than the first time.
TEST_CASE("Chunked buckets drain in append order and reuse their chunks", "[event_queue]") {
  ChunkedBuckets<int, 4> buckets(3);
  std::size_t chunks_after_first_round = 0;
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < 10; ++i) buckets.append(2, 100 * round + i);  // 3 chunks: 4 + 4 + 2
    for (int i = 0; i < 3; ++i) buckets.append(0, -i);                // 1 chunk
    std::vector<int> out{7};                                          // drain appends
    CHECK(buckets.drain(2, out) == 10);
    CHECK(out == std::vector<int>{7, 100 * round + 0, 100 * round + 1, 100 * round + 2, 100 * round + 3,
                                  100 * round + 4, 100 * round + 5, 100 * round + 6, 100 * round + 7,
                                  100 * round + 8, 100 * round + 9});
    out.clear();
    CHECK(buckets.drain(1, out) == 0);
    CHECK(buckets.drain(0, out) == 3);
    CHECK(out == std::vector<int>{0, -1, -2});
    CHECK(buckets.drain(2, out) == 0);  // drained buckets are empty
    if (round == 0) chunks_after_first_round = buckets.chunks_made();
  }
  CHECK(chunks_after_first_round == 4);
  CHECK(buckets.chunks_made() == chunks_after_first_round);
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
