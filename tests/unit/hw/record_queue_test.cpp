#include "hw/record_queue.hpp"

#include <vector>

#include <catch2/catch.hpp>

namespace {

using namespace fleet::hw;

constexpr auto KEEP_OLDEST = OverflowPolicy::DROP_NEWEST;

UplinkRecord record(std::uint16_t seq, RecordKind kind = RecordKind::ROUTINE) {
  UplinkRecord r;
  r.kind = kind;
  r.seq = seq;
  r.generated_ms = 1000ULL * seq;
  r.temperature_cdeg = static_cast<std::int16_t>(-seq);
  if (kind == RecordKind::ALERT) r.alert_cause = AlertCause::SHOCK;
  return r;
}
UplinkRecord alert(std::uint16_t seq) { return record(seq, RecordKind::ALERT); }

std::vector<std::uint16_t> seqs(const RecordQueue& queue) {
  std::vector<std::uint16_t> out;
  for (std::size_t i = 0; i < queue.size(); ++i) out.push_back(queue.peek(i).seq);
  return out;
}

}  // namespace

TEST_CASE("record queue is FIFO across the ring's wrap-around", "[record_queue]") {
  RecordQueue queue(RecordQueue::MAX);
  std::uint16_t next_in = 0;
  std::uint16_t next_out = 0;
  // 5 rounds of "push 40, pop 37" walk the head around the 64-slot ring several times.
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < 40 && !queue.full(); ++i) REQUIRE(queue.push(record(next_in++), KEEP_OLDEST) == QueueDrop::NONE);
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

TEST_CASE("DROP_NEWEST refuses routine pushes beyond the runtime capacity", "[record_queue]") {
  RecordQueue queue(5);
  CHECK(queue.capacity() == 5);
  std::uint32_t dropped = 0;
  for (std::uint16_t i = 0; i < 8; ++i) {
    if (queue.push(record(i), KEEP_OLDEST) == QueueDrop::ROUTINE_REFUSED) ++dropped;
  }
  CHECK(dropped == 3);
  CHECK(queue.full());
  CHECK(seqs(queue) == std::vector<std::uint16_t>{0, 1, 2, 3, 4});  // the drops were the new records
  queue.pop(2);
  CHECK(queue.push(record(100), KEEP_OLDEST) == QueueDrop::NONE);
  CHECK(seqs(queue) == std::vector<std::uint16_t>{2, 3, 4, 100});
}

TEST_CASE("alerts go ahead of routine records and evict the oldest routine one when full", "[record_queue]") {
  RecordQueue queue(4);
  for (std::uint16_t i = 0; i < 3; ++i) REQUIRE(queue.push(record(i), KEEP_OLDEST) == QueueDrop::NONE);
  REQUIRE(queue.push(alert(10), KEEP_OLDEST) == QueueDrop::NONE);
  CHECK(seqs(queue) == std::vector<std::uint16_t>{10, 0, 1, 2});
  CHECK(queue.push(alert(11), KEEP_OLDEST) == QueueDrop::ROUTINE_EVICTED_FOR_ALERT);
  CHECK(seqs(queue) == std::vector<std::uint16_t>{10, 11, 1, 2});  // alerts in order, routine 0 gone
  CHECK(queue.alert_count() == 2);
  CHECK(queue.push(alert(12), KEEP_OLDEST) == QueueDrop::ROUTINE_EVICTED_FOR_ALERT);
  CHECK(queue.push(alert(13), KEEP_OLDEST) == QueueDrop::ROUTINE_EVICTED_FOR_ALERT);
  CHECK(queue.push(alert(14), KEEP_OLDEST) == QueueDrop::ALERT_REFUSED);  // only alerts left
  CHECK(queue.push(record(15), KEEP_OLDEST) == QueueDrop::ROUTINE_REFUSED);
  CHECK(seqs(queue) == std::vector<std::uint16_t>{10, 11, 12, 13});
  queue.pop(3);
  CHECK(queue.alert_count() == 1);
}

TEST_CASE("locked records of a frame in flight are neither overtaken nor evicted", "[record_queue]") {
  RecordQueue queue(4);
  for (std::uint16_t i = 0; i < 4; ++i) REQUIRE(queue.push(record(i), KEEP_OLDEST) == QueueDrop::NONE);
  queue.lock_front(2);
  CHECK(queue.push(alert(20), KEEP_OLDEST) == QueueDrop::ROUTINE_EVICTED_FOR_ALERT);
  CHECK(seqs(queue) == std::vector<std::uint16_t>{0, 1, 20, 3});  // 2 went, not the locked 0 and 1
  CHECK(queue.push(alert(21), KEEP_OLDEST) == QueueDrop::ROUTINE_EVICTED_FOR_ALERT);
  CHECK(queue.push(alert(22), KEEP_OLDEST) == QueueDrop::ALERT_REFUSED);
  CHECK(seqs(queue) == std::vector<std::uint16_t>{0, 1, 20, 21});

  SECTION("acknowledged: the locked records leave") {
    queue.pop(queue.locked());
    CHECK(queue.locked() == 0);
    CHECK(seqs(queue) == std::vector<std::uint16_t>{20, 21});
    CHECK(queue.alert_count() == 2);
  }
  SECTION("given up: they rejoin the queue behind the alerts") {
    queue.unlock();
    CHECK(queue.locked() == 0);
    CHECK(seqs(queue) == std::vector<std::uint16_t>{20, 21, 0, 1});
    CHECK(queue.alert_count() == 2);
  }
}

TEST_CASE("a locked alert rejoins ahead of routine records", "[record_queue]") {
  RecordQueue queue(8);
  REQUIRE(queue.push(alert(1), KEEP_OLDEST) == QueueDrop::NONE);
  REQUIRE(queue.push(record(2), KEEP_OLDEST) == QueueDrop::NONE);
  queue.lock_front(2);
  CHECK(queue.alert_count() == 0);  // counts unlocked alerts only
  REQUIRE(queue.push(alert(3), KEEP_OLDEST) == QueueDrop::NONE);
  REQUIRE(queue.push(record(4), KEEP_OLDEST) == QueueDrop::NONE);
  CHECK(seqs(queue) == std::vector<std::uint16_t>{1, 2, 3, 4});
  queue.unlock();
  CHECK(seqs(queue) == std::vector<std::uint16_t>{1, 3, 2, 4});
  CHECK(queue.alert_count() == 2);
}

TEST_CASE("THIN keeps the first and last records and spreads the rest over the gap", "[record_queue]") {
  RecordQueue queue(8);
  std::size_t thinned = 0;
  for (std::uint16_t hour = 0; hour < 100; ++hour) {
    const QueueDrop drop = queue.push(record(hour), OverflowPolicy::THIN);
    REQUIRE((drop == QueueDrop::NONE || drop == QueueDrop::ROUTINE_THINNED));
    if (drop == QueueDrop::ROUTINE_THINNED) ++thinned;
  }
  CHECK(thinned == 100 - 8);
  const auto kept = seqs(queue);
  REQUIRE(kept.size() == 8);
  CHECK(kept.front() == 0);
  CHECK(kept.back() == 99);
  // Evenly thinned, the 7 gaps would be 99/7 ≈ 14 h; no gap may exceed twice that (dropping the
  // newest instead would leave one gap of 92 h).
  for (std::size_t i = 1; i < kept.size(); ++i) {
    CHECK(kept[i] > kept[i - 1]);
    CHECK(kept[i] - kept[i - 1] <= 2 * 99 / 7 + 1);
  }
}

TEST_CASE("record queue capacity is clamped to 1..MAX, pop and peek are bounded", "[record_queue]") {
  CHECK(RecordQueue(0).capacity() == 1);
  CHECK(RecordQueue(1000).capacity() == RecordQueue::MAX);
  RecordQueue queue(3);
  CHECK(queue.empty());
  CHECK(queue.peek().seq == 0);  // empty: a default record, no out-of-bounds read
  queue.pop(5);
  CHECK(queue.empty());
  REQUIRE(queue.push(record(9), KEEP_OLDEST) == QueueDrop::NONE);
  CHECK(queue.kind_at(0) == RecordKind::ROUTINE);
  queue.lock_front(10);
  CHECK(queue.locked() == 1);
  queue.pop(10);
  CHECK(queue.empty());
  CHECK(queue.locked() == 0);
}
