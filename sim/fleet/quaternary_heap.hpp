#pragma once
// A 4-ary min-heap over a vector: half the depth of a binary heap, and a node's four children in one
// or two cache lines. `Earlier` is a strict weak order; equal elements come out in no particular
// order, so callers that need a stable order put a tie-breaker in the element (event_queue.hpp does).
#include <algorithm>
#include <cstddef>
#include <memory>
#include <vector>

namespace fleet::sim {

template <class T, class Earlier, class Allocator = std::allocator<T>>
class QuaternaryHeap {
 public:
  using Storage = std::vector<T, Allocator>;

  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const T& top() const { return items_.front(); }

  void push(const T& item) {
    std::size_t hole = items_.size();
    items_.push_back(item);
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / ARITY;
      if (!Earlier{}(item, items_[parent])) break;
      items_[hole] = items_[parent];
      hole = parent;
    }
    items_[hole] = item;
  }

  // Takes the top off; the heap must not be empty.
  T pop() {
    const T top = items_.front();
    const T last = items_.back();
    items_.pop_back();
    if (!items_.empty()) sift_down(0, last);
    return top;
  }

 private:
  static constexpr std::size_t ARITY = 4;

  // Places `item` at `hole` or below it, moving the earlier children up.
  void sift_down(std::size_t hole, const T item) {
    const std::size_t size = items_.size();
    for (;;) {
      const std::size_t first = hole * ARITY + 1;
      if (first >= size) break;
      std::size_t best = first;
      const std::size_t end = std::min(first + ARITY, size);
      for (std::size_t child = first + 1; child < end; ++child)
        if (Earlier{}(items_[child], items_[best])) best = child;
      if (!Earlier{}(items_[best], item)) break;
      items_[hole] = items_[best];
      hole = best;
    }
    items_[hole] = item;
  }

  Storage items_;
};

}  // namespace fleet::sim
