#include "hw/scheduler.hpp"

#include <vector>

#include <catch2/catch.hpp>

namespace {

using namespace fleet::hw;

std::vector<DueTask> run(Scheduler& scheduler, TimeUs now_us, TimeUs window_us) {
  std::vector<DueTask> ran;
  for (const DueTask due : scheduler.due(now_us, window_us)) ran.push_back(due);
  return ran;
}

// Counts the wake-ups a sleeping device needs to run every scheduled task once.
int wakeups_to_drain(Scheduler& scheduler, TimeUs window_us) {
  int wakeups = 0;
  while (scheduler.next_deadline() != NO_DEADLINE) {
    run(scheduler, scheduler.next_deadline(), window_us);
    ++wakeups;
  }
  return wakeups;
}

}  // namespace

TEST_CASE("an empty scheduler has no deadline and nothing due", "[scheduler]") {
  Scheduler scheduler;
  CHECK(scheduler.next_deadline() == NO_DEADLINE);
  CHECK(run(scheduler, 1'000'000, 2'000'000).empty());
}

TEST_CASE("tasks within the coalescing window share one wake-up", "[scheduler]") {
  Scheduler scheduler;
  scheduler.schedule(TaskId::REPORT, 11 * US_PER_S);
  scheduler.schedule(TaskId::SAMPLE_SENSORS, 10 * US_PER_S);

  SECTION("1 s apart, 2 s window: one wake-up") {
    CHECK(scheduler.next_deadline() == 10 * US_PER_S);
    const auto ran = run(scheduler, 10 * US_PER_S, 2 * US_PER_S);
    REQUIRE(ran.size() == 2);
    CHECK(ran[0].task == TaskId::SAMPLE_SENSORS);
    CHECK(ran[1].task == TaskId::REPORT);
    CHECK(ran[1].deadline_us == 11 * US_PER_S);  // handed out with its own deadline, not "now"
    CHECK(scheduler.next_deadline() == NO_DEADLINE);
  }
  SECTION("counted as wake-ups") {
    CHECK(wakeups_to_drain(scheduler, 2 * US_PER_S) == 1);
  }
  SECTION("5 s apart: two wake-ups") {
    scheduler.schedule(TaskId::REPORT, 15 * US_PER_S);
    const auto ran = run(scheduler, 10 * US_PER_S, 2 * US_PER_S);
    REQUIRE(ran.size() == 1);
    CHECK(ran[0].task == TaskId::SAMPLE_SENSORS);
    CHECK(scheduler.next_deadline() == 15 * US_PER_S);
    CHECK(wakeups_to_drain(scheduler, 2 * US_PER_S) == 1);  // the second one
  }
}

TEST_CASE("due tasks come in priority order, not deadline order", "[scheduler]") {
  Scheduler scheduler;
  scheduler.schedule(TaskId::REPORT, 100);
  scheduler.schedule(TaskId::FLUSH_QUEUE, 50);
  scheduler.schedule(TaskId::SAMPLE_SENSORS, 150);
  const auto ran = run(scheduler, 200, 0);
  REQUIRE(ran.size() == 3);
  CHECK(ran[0].task == TaskId::SAMPLE_SENSORS);
  CHECK(ran[1].task == TaskId::REPORT);
  CHECK(ran[2].task == TaskId::FLUSH_QUEUE);
}

TEST_CASE("a flush is never run early by coalescing", "[scheduler]") {
  Scheduler scheduler;
  scheduler.schedule(TaskId::SAMPLE_SENSORS, 10 * US_PER_S);
  scheduler.schedule(TaskId::FLUSH_QUEUE, 11 * US_PER_S);  // e.g. a duty-cycle reopening
  const auto ran = run(scheduler, 10 * US_PER_S, 2 * US_PER_S);
  REQUIRE(ran.size() == 1);
  CHECK(scheduler.next_deadline() == 11 * US_PER_S);
}

TEST_CASE("tasks scheduled by a handler run in the same wake-up, each at most once", "[scheduler]") {
  Scheduler scheduler;
  scheduler.schedule(TaskId::REPORT, 100);
  std::vector<TaskId> ran;
  for (const DueTask due : scheduler.due(100, 10)) {
    ran.push_back(due.task);
    if (due.task == TaskId::REPORT) {
      scheduler.schedule(TaskId::FLUSH_QUEUE, 100);     // lower priority: still runs now
      scheduler.schedule(TaskId::REPORT, 105);          // inside the window again: not re-run now
      scheduler.schedule(TaskId::SAMPLE_SENSORS, 100);  // higher priority, added late: still runs now
    }
  }
  REQUIRE(ran.size() == 3);
  CHECK(ran[0] == TaskId::REPORT);
  CHECK(ran[1] == TaskId::SAMPLE_SENSORS);
  CHECK(ran[2] == TaskId::FLUSH_QUEUE);
  CHECK(scheduler.deadline_us(TaskId::REPORT) == 105);
  CHECK(scheduler.next_deadline() == 105);
}

TEST_CASE("cancel and a window that would overflow", "[scheduler]") {
  Scheduler scheduler;
  scheduler.schedule(TaskId::HEARTBEAT, 1000);
  CHECK(scheduler.is_scheduled(TaskId::HEARTBEAT));
  scheduler.cancel(TaskId::HEARTBEAT);
  CHECK_FALSE(scheduler.is_scheduled(TaskId::HEARTBEAT));
  scheduler.schedule(TaskId::HEARTBEAT, NO_DEADLINE - 1);
  CHECK(run(scheduler, NO_DEADLINE - 10, 100).size() == 1);  // saturates instead of wrapping to "nothing due"
}
