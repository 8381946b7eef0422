#include "sim/base/huge_page_memory.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>
#include <vector>

using namespace fleet::sim;

namespace {
// An element that points into itself, as a device's firmware refers to its board, and counts its
// destructions.
struct SelfReferring {
  SelfReferring(int value, int* destroyed) : value(value), self(this), destroyed(destroyed) {}
  ~SelfReferring() { ++*destroyed; }
  SelfReferring(const SelfReferring&) = delete;
  int value;
  const SelfReferring* self;
  int* destroyed;
  char padding[3000]{};  // a device's size: the array spans huge pages at a thousand of them
};
}  // namespace

TEST_CASE("A pinned array builds elements in place, never moves them and destroys each once", "[memory]") {
  int destroyed = 0;
  {
    PinnedArray<SelfReferring> array(1000);  // 3 MB: huge-page advised storage
    CHECK(array.empty());
    std::vector<const SelfReferring*> addresses;
    for (int i = 0; i < 1000; ++i) addresses.push_back(&array.emplace_back(i, &destroyed));
    REQUIRE(array.size() == 1000);
    CHECK(&array.back() == addresses.back());
    int expected = 0;
    for (const SelfReferring& element : array) {
      CHECK(element.value == expected);
      CHECK(element.self == &element);
      CHECK(&element == addresses[static_cast<std::size_t>(expected)]);
      ++expected;
    }
    CHECK(expected == 1000);
    CHECK(reinterpret_cast<std::uintptr_t>(&array[0]) % HUGE_PAGE_BYTES == 0);
    CHECK(destroyed == 0);
  }
  CHECK(destroyed == 1000);
}

TEST_CASE("A pinned array refuses an element beyond its capacity, keeping the ones it has", "[memory]") {
  int destroyed = 0;
  PinnedArray<SelfReferring> array(2);
  array.emplace_back(1, &destroyed);
  array.emplace_back(2, &destroyed);
  CHECK_THROWS_AS(array.emplace_back(3, &destroyed), std::logic_error);
  CHECK(array.size() == 2);
  CHECK(array[1].value == 2);
  CHECK(destroyed == 0);
}

TEST_CASE("A vector on the huge-page allocator keeps its contents as it grows past a huge page", "[memory]") {
  std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> values;
  for (std::uint64_t i = 0; i < 1'000'000; ++i) values.push_back(i * 7);  // 8 MB, through several growths
  bool intact = true;
  for (std::uint64_t i = 0; i < values.size(); ++i) intact = intact && values[i] == i * 7;
  CHECK(intact);
  CHECK(reinterpret_cast<std::uintptr_t>(values.data()) % HUGE_PAGE_BYTES == 0);
}
