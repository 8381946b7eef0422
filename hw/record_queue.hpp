#pragma once
// Bounded store-and-forward queue of uplink records (a ring of fixed slots, no heap). It survives
// coverage gaps: records wait here until a frame carries them. Order: records of the frame in flight
// (locked until acknowledged) first, then alerts oldest first, then every other record oldest first —
// so a frame built from the head carries alerts before routine data.
//
// When full, alerts win: a new alert evicts the oldest unlocked routine record; a new routine record
// is refused (DROP_NEWEST) or makes room by thinning (THIN). Every drop is reported to the caller,
// which counts it by reason; the queue itself never loses a record silently.
//
// Records are stored in their 17-byte wire form rather than as UplinkRecord (40 bytes with padding):
// the array is the bulk of a Firmware object, and 100,000 of those share one simulator process.
#include <array>
#include <cstddef>
#include <cstdint>

#include "hw/byte_order.hpp"
#include "hw/firmware_config.hpp"
#include "hw/uplink_codec.hpp"

namespace fleet::hw {

// What a push() cost. Exactly one record is lost for every value but NONE.
enum class QueueDrop : std::uint8_t {
  NONE,
  ROUTINE_REFUSED,            // full, DROP_NEWEST: the new routine record was not stored
  ROUTINE_THINNED,            // full, THIN: a queued routine record went to make room for the new one
  ROUTINE_EVICTED_FOR_ALERT,  // full: the oldest queued routine record went to make room for an alert
  ALERT_REFUSED,              // full of alerts and locked records: the new alert was not stored
};

class RecordQueue {
 public:
  static constexpr std::size_t MAX = 64;

  // Runtime capacity, clamped to 1..MAX.
  explicit constexpr RecordQueue(std::size_t capacity = MAX)
      : capacity_(static_cast<std::uint8_t>(capacity == 0 ? 1 : (capacity > MAX ? MAX : capacity))) {}

  constexpr std::size_t capacity() const { return capacity_; }
  constexpr std::size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr bool full() const { return size_ >= capacity_; }
  constexpr std::size_t alert_count() const { return alerts_; }

  QueueDrop push(const UplinkRecord& record, OverflowPolicy policy) {
    const bool alert = record.kind == RecordKind::ALERT;
    QueueDrop drop = QueueDrop::NONE;
    if (full()) {
      const std::size_t first_routine = locked_ + alerts_;
      if (alert) {
        if (first_routine >= size_) return QueueDrop::ALERT_REFUSED;
        erase(first_routine);
        drop = QueueDrop::ROUTINE_EVICTED_FOR_ALERT;
      } else {
        const std::size_t victim = policy == OverflowPolicy::THIN ? thinning_victim() : size_;
        if (victim >= size_) return QueueDrop::ROUTINE_REFUSED;
        erase(victim);
        drop = QueueDrop::ROUTINE_THINNED;
      }
    }
    const std::size_t at = alert ? locked_ + alerts_ : size_;
    insert(at, record);
    if (alert) ++alerts_;
    return drop;
  }

  // The i-th record from the head. Out of range gives a default record.
  UplinkRecord peek(std::size_t i = 0) const {
    if (i >= size_) return UplinkRecord{};
    return decode_uplink_record(slots_[slot(i)].data());
  }
  constexpr RecordKind kind_at(std::size_t i) const { return static_cast<RecordKind>(slots_[slot(i)][0]); }
  // The record's 17 wire bytes, ready to copy into a frame.
  constexpr const std::uint8_t* bytes_at(std::size_t i) const { return slots_[slot(i)].data(); }

  // The first n records are in a frame awaiting its acknowledgement: nothing is inserted before them
  // and nothing evicts them until pop() or unlock().
  constexpr void lock_front(std::size_t n) {
    const std::size_t fresh = n > size_ ? size_ : n;
    for (std::size_t i = locked_; i < fresh; ++i) {
      if (kind_at(i) == RecordKind::ALERT) --alerts_;
    }
    if (fresh > locked_) locked_ = static_cast<std::uint8_t>(fresh);
  }
  // The frame was given up: its records rejoin the queue (alerts stay ahead of routine records).
  void unlock() {
    while (locked_ > 0) {
      --locked_;
      const UplinkRecord record = peek(locked_);
      erase(locked_);
      const bool alert = record.kind == RecordKind::ALERT;
      insert(alert ? locked_ : locked_ + alerts_, record);
      if (alert) ++alerts_;
    }
  }
  constexpr std::size_t locked() const { return locked_; }

  // Removes the n records at the head (all of them if n >= size()).
  constexpr void pop(std::size_t n = 1) {
    if (n > size_) n = size_;
    for (std::size_t i = locked_; i < n; ++i) {
      if (kind_at(i) == RecordKind::ALERT) --alerts_;
    }
    locked_ = static_cast<std::uint8_t>(n >= locked_ ? 0 : locked_ - n);
    head_ = static_cast<std::uint8_t>((head_ + n) % MAX);
    size_ = static_cast<std::uint8_t>(size_ - n);
  }

 private:
  constexpr std::size_t slot(std::size_t i) const { return (head_ + i) % MAX; }
  constexpr TimeUs generated_ms_at(std::size_t i) const { return get_le(slots_[slot(i)].data() + 3, 6); }

  void insert(std::size_t at, const UplinkRecord& record) {
    for (std::size_t i = size_; i > at; --i) slots_[slot(i)] = slots_[slot(i - 1)];
    encode_uplink_record(record, slots_[slot(at)].data());
    ++size_;
  }
  constexpr void erase(std::size_t at) {
    for (std::size_t i = at; i + 1 < size_; ++i) slots_[slot(i)] = slots_[slot(i + 1)];
    --size_;
  }

  // THIN: among the unlocked routine records, the one whose removal leaves the smallest gap between
  // its neighbours (the oldest on a tie). The oldest and the newest are never taken, so the kept
  // records still span the whole gap; with a steady stream the largest gap stays below twice the
  // even spacing (tests/unit/hw/record_queue_test.cpp). size_ when fewer than three routine records.
  constexpr std::size_t thinning_victim() const {
    const std::size_t first = locked_ + alerts_;
    std::size_t victim = size_;
    TimeUs smallest_gap_ms = ~TimeUs{0};
    for (std::size_t i = first + 1; i + 1 < size_; ++i) {
      const TimeUs gap_ms = generated_ms_at(i + 1) - generated_ms_at(i - 1);
      if (gap_ms < smallest_gap_ms) {
        smallest_gap_ms = gap_ms;
        victim = i;
      }
    }
    return victim;
  }

  std::array<std::array<std::uint8_t, UPLINK_RECORD_BYTES>, MAX> slots_{};
  std::uint8_t head_ = 0;
  std::uint8_t size_ = 0;
  std::uint8_t locked_ = 0;
  std::uint8_t alerts_ = 0;  // unlocked alerts, stored right after the locked records
  std::uint8_t capacity_;
};

}  // namespace fleet::hw
