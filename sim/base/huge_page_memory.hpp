#pragma once
// Memory for the fleet's large arrays, touched at random: a device per event, the event queue's
// deep levels. Such arrays ask the kernel for transparent huge pages, so that an access at random
// does not also miss the TLB (4 kB pages: a 270 MB device array spans 66,000 of them; 2 MB pages:
// 135), and the devices live in one array whose elements never move (docs/performance.md).
#include <cstddef>
#include <cstdlib>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace fleet::sim {

// Storage of at least `bytes` from malloc, or, when it spans one huge page or more, aligned to one
// and advised to use huge pages (a hint: where transparent huge pages are off it is ordinary memory).
// Either is given back with std::free.
inline constexpr std::size_t HUGE_PAGE_BYTES = std::size_t{2} << 20;
inline void* allocate_huge_page_advised(std::size_t bytes) {
  if (bytes < HUGE_PAGE_BYTES) {
    void* storage = std::malloc(bytes == 0 ? 1 : bytes);
    if (storage == nullptr) throw std::bad_alloc();
    return storage;
  }
  const std::size_t rounded = (bytes + HUGE_PAGE_BYTES - 1) / HUGE_PAGE_BYTES * HUGE_PAGE_BYTES;
  void* storage = std::aligned_alloc(HUGE_PAGE_BYTES, rounded);
  if (storage == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  madvise(storage, rounded, MADV_HUGEPAGE);  // a refusal (THP off) leaves small pages: nothing to do
#endif
  return storage;
}

// A standard allocator over the above, for a std::vector that grows large.
template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  explicit HugePageAllocator(const HugePageAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) { return static_cast<T*>(allocate_huge_page_advised(n * sizeof(T))); }
  void deallocate(T* p, std::size_t) noexcept { std::free(p); }
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

// An array whose elements never move: its storage is taken once, for a capacity fixed at
// construction, and elements are built in place one after another. For objects that others point
// into (a device's firmware holds a reference to its board) and that are too many to scatter: a
// std::deque of kilobyte elements allocates each on its own and reaches it through a map, one more
// dependent cache miss per access.
template <class T>
class PinnedArray {
 public:
  explicit PinnedArray(std::size_t capacity)
      : capacity_(capacity), elements_(capacity == 0 ? nullptr : allocator_.allocate(capacity)) {
    static_assert(alignof(T) <= alignof(std::max_align_t), "storage is aligned for fundamental types only");
  }
  ~PinnedArray() {
    while (size_ > 0) elements_[--size_].~T();
    if (elements_ != nullptr) allocator_.deallocate(elements_, capacity_);
  }
  PinnedArray(const PinnedArray&) = delete;
  PinnedArray& operator=(const PinnedArray&) = delete;

  template <class... Args>
  T& emplace_back(Args&&... args) {
    if (size_ == capacity_)
      throw std::logic_error("PinnedArray: all " + std::to_string(capacity_) + " places are taken");
    T* element = new (elements_ + size_) T(std::forward<Args>(args)...);
    ++size_;
    return *element;
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](std::size_t i) { return elements_[i]; }
  const T& operator[](std::size_t i) const { return elements_[i]; }
  T& back() { return elements_[size_ - 1]; }
  T* begin() { return elements_; }
  T* end() { return elements_ + size_; }
  const T* begin() const { return elements_; }
  const T* end() const { return elements_ + size_; }

 private:
  HugePageAllocator<T> allocator_;
  std::size_t capacity_;
  std::size_t size_ = 0;
  T* elements_;
};

}  // namespace fleet::sim
