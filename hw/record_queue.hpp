#pragma once
// Bounded store-and-forward queue of uplink records (FIFO ring). It survives coverage gaps: records
// wait here until a frame carries them. When it is full, push() refuses and the caller counts the
// drop — the queue itself never loses a record silently.
//
// Records are stored in their 17-byte wire form rather than as UplinkRecord (24 bytes with padding):
// the array is the bulk of a Firmware object, and 100,000 of those share one simulator process.
//
// Issue #3 (alerts win when full) needs "evict the oldest ROUTINE record": kind_at() and the index
// based ring are there for it; eviction is a shift of the slots after the victim.
#include <array>
#include <cstddef>
#include <cstdint>

#include "hw/uplink_codec.hpp"

namespace fleet::hw {

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

  // Appends at the tail; false (and nothing stored) when full.
  bool push(const UplinkRecord& record) {
    if (full()) return false;
    encode_uplink_record(record, slots_[slot(size_)].data());
    ++size_;
    return true;
  }

  // The i-th oldest record (0 = head). Out of range gives a default record.
  UplinkRecord peek(std::size_t i = 0) const {
    if (i >= size_) return UplinkRecord{};
    return decode_uplink_record(slots_[slot(i)].data());
  }

  constexpr RecordKind kind_at(std::size_t i) const { return static_cast<RecordKind>(slots_[slot(i)][0]); }

  // Removes the n oldest records (all of them if n >= size()).
  constexpr void pop(std::size_t n = 1) {
    if (n > size_) n = size_;
    head_ = static_cast<std::uint8_t>((head_ + n) % MAX);
    size_ = static_cast<std::uint8_t>(size_ - n);
  }

 private:
  constexpr std::size_t slot(std::size_t i) const { return (head_ + i) % MAX; }

  std::array<std::array<std::uint8_t, UPLINK_RECORD_BYTES>, MAX> slots_{};
  std::uint8_t head_ = 0;
  std::uint8_t size_ = 0;
  std::uint8_t capacity_;
};

}  // namespace fleet::hw
