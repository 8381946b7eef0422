#include "hw/record_queue.hpp"

#include <catch2/catch.hpp>

namespace {

using namespace fleet::hw;

UplinkRecord record(std::uint16_t seq) {
  UplinkRecord r;
  r.seq = seq;
  r.generated_ms = 1000ULL * seq;
  r.temperature_cdeg = static_cast<std::int16_t>(-seq);
  return r;
}

}  // namespace

TEST_CASE("record queue is FIFO across the ring's wrap-around", "[record_queue]") {
  RecordQueue queue(RecordQueue::MAX);
  std::uint16_t next_in = 0;
  std::uint16_t next_out = 0;
  // 5 rounds of "push 40, pop 37" walk the head around the 64-slot ring several times.
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < 40 && !queue.full(); ++i) REQUIRE(queue.push(record(next_in++)));
    for (std::size_t i = 0; i < queue.size(); ++i) REQUIRE(queue.peek(i).seq == next_out + i);
    for (int i = 0; i < 37; ++i) {
      const UplinkRecord r = queue.peek();
      REQUIRE(r.seq == next_out);
      REQUIRE(r.generated_ms == 1000ULL * next_out);
      REQUIRE(r.temperature_cdeg == -static_cast<int>(next_out));
      queue.pop();
      ++next_out;
    }
  }
  CHECK(queue.size() == static_cast<std::size_t>(next_in - next_out));
}

TEST_CASE("record queue refuses pushes beyond its runtime capacity", "[record_queue]") {
  RecordQueue queue(5);
  CHECK(queue.capacity() == 5);
  std::uint32_t dropped = 0;
  for (std::uint16_t i = 0; i < 8; ++i) {
    if (!queue.push(record(i))) ++dropped;
  }
  CHECK(dropped == 3);
  CHECK(queue.size() == 5);
  CHECK(queue.full());
  CHECK(queue.peek(4).seq == 4);  // the drops were the new records, not the queued ones
  queue.pop(2);
  CHECK(queue.peek().seq == 2);
  CHECK(queue.push(record(100)));
  CHECK(queue.peek(3).seq == 100);
}

TEST_CASE("record queue capacity is clamped to 1..MAX, pop and peek are bounded", "[record_queue]") {
  CHECK(RecordQueue(0).capacity() == 1);
  CHECK(RecordQueue(1000).capacity() == RecordQueue::MAX);
  RecordQueue queue(3);
  CHECK(queue.empty());
  CHECK(queue.peek().seq == 0);  // empty: a default record, no out-of-bounds read
  queue.pop(5);
  CHECK(queue.empty());
  REQUIRE(queue.push(record(9)));
  CHECK(queue.kind_at(0) == RecordKind::ROUTINE);
  queue.pop(10);
  CHECK(queue.empty());
}
