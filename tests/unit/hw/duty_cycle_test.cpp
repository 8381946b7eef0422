#include "hw/duty_cycle.hpp"

#include <catch2/catch.hpp>

using namespace fleet::hw;

TEST_CASE("off-time is ToA/dc - ToA", "[duty_cycle]") {
  CHECK(duty_cycle_off_time_us(1'155'000, 10) == 114'345'000);  // docs/sources.md §4: 1 % and 1155 ms -> 114.3 s
  CHECK(duty_cycle_off_time_us(100'000, 1) == 99'900'000);      // 0.1 %
  CHECK(duty_cycle_off_time_us(100'000, 100) == 900'000);       // 10 %
  CHECK(duty_cycle_off_time_us(100'000, 1000) == 0);
  CHECK(duty_cycle_off_time_us(100'000, 0) == duty_cycle_off_time_us(100'000, 1));  // never "no limit"
  CHECK(duty_cycle_off_time_us(1, 3) == 333);  // T/dc = 333.3 µs, rounded up to 334, minus T
}

TEST_CASE("sub-bands are booked independently", "[duty_cycle]") {
  DutyCycle duty;
  CHECK(duty.is_open(0, 0));
  duty.record_tx(0, 5'000'000, 200'000, 10);
  CHECK_FALSE(duty.is_open(0, 5'000'000));
  CHECK_FALSE(duty.is_open(0, 24'999'999));
  CHECK(duty.is_open(0, 25'000'000));  // start + ToA/dc
  CHECK(duty.open_at_us(0) == 25'000'000);
  CHECK(duty.is_open(1, 5'000'000));
  CHECK(duty.is_open(2, 5'000'000));
}
