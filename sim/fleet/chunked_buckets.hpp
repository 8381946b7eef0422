#pragma once
// A fixed number of buckets of items, each a list of fixed-size chunks drawn from one shared pool
// (event_queue.hpp's calendar). A vector per bucket would keep, in every bucket, the capacity of the
// fullest content it ever held: a calendar's buckets take turns being the full one (the bucket due
// next holds a second of a fleet's events, one a ship's whole deck listening for the same beacon),
// so the vectors together would keep a full bucket's capacity thousands of times over. Chunks go back
// to the pool as a bucket is drained: the memory is that of the most items ever held at once, plus
// at most one part-filled chunk per bucket.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/base/huge_page_memory.hpp"

namespace fleet::sim {

template <class T, std::size_t ITEMS_PER_CHUNK = 42>  // 42 events of 24 bytes: a chunk of about 1 kB
class ChunkedBuckets {
 public:
  explicit ChunkedBuckets(std::size_t bucket_count) : head_(bucket_count, NONE), tail_(bucket_count, NONE) {}

  void append(std::size_t bucket, const T& item) {
    std::uint32_t tail = tail_[bucket];
    if (tail == NONE || chunks_[tail].count == ITEMS_PER_CHUNK) {
      const std::uint32_t fresh = take_chunk();
      (tail == NONE ? head_[bucket] : chunks_[tail].next) = fresh;
      tail_[bucket] = tail = fresh;
    }
    Chunk& chunk = chunks_[tail];
    chunk.items[chunk.count++] = item;
  }

  // Appends the bucket's items to `out` in the order they were appended, and empties the bucket.
  // Returns how many there were.
  template <class Output>
  std::size_t drain(std::size_t bucket, Output& out) {
    std::size_t drained = 0;
    for (std::uint32_t index = head_[bucket]; index != NONE;) {
      Chunk& chunk = chunks_[index];
      out.insert(out.end(), chunk.items, chunk.items + chunk.count);
      drained += chunk.count;
      const std::uint32_t next = chunk.next;
      chunk.next = free_;
      free_ = index;
      index = next;
    }
    head_[bucket] = tail_[bucket] = NONE;
    return drained;
  }

  // Chunks made so far (each holds ITEMS_PER_CHUNK items): the pool's high-water mark.
  std::size_t chunks_made() const { return chunks_.size(); }

 private:
  static constexpr std::uint32_t NONE = ~std::uint32_t{0};
  struct Chunk {
    std::uint32_t next = NONE;
    std::uint32_t count = 0;
    T items[ITEMS_PER_CHUNK];
  };

  std::uint32_t take_chunk() {
    if (free_ == NONE) {
      chunks_.emplace_back();
      return static_cast<std::uint32_t>(chunks_.size() - 1);
    }
    const std::uint32_t index = free_;
    free_ = chunks_[index].next;
    chunks_[index].next = NONE;
    chunks_[index].count = 0;
    return index;
  }

  std::vector<Chunk, HugePageAllocator<Chunk>> chunks_;  // the pool; a chunk is named by its index
  std::vector<std::uint32_t> head_;                      // each bucket's first and last chunk
  std::vector<std::uint32_t> tail_;
  std::uint32_t free_ = NONE;                            // the chunks given back, linked through `next`
};

}  // namespace fleet::sim
