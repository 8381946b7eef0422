#pragma once
// Tickless task scheduler with a fixed task table. Each task has at most one pending deadline; the
// device sleeps until the earliest one (next_deadline()). On a wake-up, due(now, window) hands out
// every task whose deadline falls within the coalescing window, highest priority first, so work that
// is almost due shares this wake-up instead of costing the MCU another one.
#include <array>
#include <cstddef>
#include <cstdint>

#include "hw/types.hpp"

namespace fleet::hw {

// The table order is the priority order (first runs first within one wake-up): fresh sensor data and
// position before the records built from them, and the queue flush last so it sends what was just
// queued. Add tasks by inserting them where their priority belongs.
enum class TaskId : std::uint8_t {
  SAMPLE_SENSORS,
  GNSS_FIX,
  ALERT,
  REPORT,
  HEARTBEAT,
  RETRY,
  FLUSH_QUEUE,
};
inline constexpr std::size_t TASK_COUNT = 7;

inline constexpr TimeUs NO_DEADLINE = ~TimeUs{0};

// Whether a task may run early inside the coalescing window. A flush waiting for a duty-cycle
// reopening must not: running it early would find the sub-band still closed.
constexpr bool task_coalescable(TaskId task) {
  return task != TaskId::FLUSH_QUEUE;
}

struct DueTask {
  TaskId task;
  TimeUs deadline_us;  // the deadline it was scheduled for (periodic tasks reschedule from it, not from now)
};

class Scheduler {
 public:
  constexpr Scheduler() { deadline_us_.fill(NO_DEADLINE); }

  constexpr void schedule(TaskId task, TimeUs at_us) { deadline_us_[index(task)] = at_us; }
  constexpr void cancel(TaskId task) { deadline_us_[index(task)] = NO_DEADLINE; }
  constexpr bool is_scheduled(TaskId task) const { return deadline_us_[index(task)] != NO_DEADLINE; }
  constexpr TimeUs deadline_us(TaskId task) const { return deadline_us_[index(task)]; }

  // Earliest pending deadline, NO_DEADLINE when nothing is scheduled.
  constexpr TimeUs next_deadline() const {
    TimeUs earliest = NO_DEADLINE;
    for (TimeUs d : deadline_us_) earliest = d < earliest ? d : earliest;
    return earliest;
  }

  // The due tasks of one wake-up, in priority order. Each task is taken off the table as it is handed
  // out (its handler reschedules it if it is periodic) and is handed out at most once per iteration,
  // even if its handler reschedules it within the window, so a wake-up always ends. The table is read
  // live: a lower-priority task scheduled by an earlier handler (e.g. a flush after a report) still
  // runs in this wake-up.
  class DueTasks;
  constexpr DueTasks due(TimeUs now_us, TimeUs coalesce_window_us);

 private:
  static constexpr std::size_t index(TaskId task) { return static_cast<std::size_t>(task); }

  // Highest-priority task due by now (or by now + window if coalescable) and not in `done`.
  constexpr std::size_t take_next(TimeUs now_us, TimeUs window_us, std::uint32_t done_mask) {
    const TimeUs horizon_us = now_us + window_us < now_us ? NO_DEADLINE : now_us + window_us;
    for (std::size_t i = 0; i < TASK_COUNT; ++i) {
      if (done_mask & (1U << i)) continue;
      const TimeUs limit_us = task_coalescable(static_cast<TaskId>(i)) ? horizon_us : now_us;
      if (deadline_us_[i] != NO_DEADLINE && deadline_us_[i] <= limit_us) return i;
    }
    return TASK_COUNT;
  }

  std::array<TimeUs, TASK_COUNT> deadline_us_{};
};

class Scheduler::DueTasks {
 public:
  class Iterator {
   public:
    constexpr DueTask operator*() const { return current_; }
    constexpr Iterator& operator++() {
      advance();
      return *this;
    }
    constexpr bool operator!=(const Iterator& other) const { return at_end_ != other.at_end_; }

   private:
    friend class DueTasks;
    constexpr Iterator(Scheduler* scheduler, TimeUs now_us, TimeUs window_us)
        : scheduler_(scheduler), now_us_(now_us), window_us_(window_us) {
      if (scheduler_ == nullptr) {
        at_end_ = true;
      } else {
        advance();
      }
    }
    constexpr void advance() {
      const std::size_t i = scheduler_->take_next(now_us_, window_us_, done_mask_);
      if (i == TASK_COUNT) {
        at_end_ = true;
        return;
      }
      done_mask_ |= 1U << i;
      current_ = DueTask{static_cast<TaskId>(i), scheduler_->deadline_us_[i]};
      scheduler_->deadline_us_[i] = NO_DEADLINE;
    }

    Scheduler* scheduler_;
    TimeUs now_us_;
    TimeUs window_us_;
    std::uint32_t done_mask_ = 0;
    bool at_end_ = false;
    DueTask current_{TaskId::SAMPLE_SENSORS, NO_DEADLINE};
  };

  constexpr Iterator begin() { return Iterator(scheduler_, now_us_, window_us_); }
  constexpr Iterator end() { return Iterator(nullptr, 0, 0); }

 private:
  friend class Scheduler;
  constexpr DueTasks(Scheduler* scheduler, TimeUs now_us, TimeUs window_us)
      : scheduler_(scheduler), now_us_(now_us), window_us_(window_us) {}

  Scheduler* scheduler_;
  TimeUs now_us_;
  TimeUs window_us_;
};

constexpr Scheduler::DueTasks Scheduler::due(TimeUs now_us, TimeUs coalesce_window_us) {
  return DueTasks(this, now_us, coalesce_window_us);
}

}  // namespace fleet::hw
