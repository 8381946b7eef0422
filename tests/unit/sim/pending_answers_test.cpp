#include "sim/books/pending_answers.hpp"

#include <catch2/catch.hpp>

using fleet::sim::PendingAnswers;

TEST_CASE("An answer is owed from decoding until it is sent", "[answers]") {
  PendingAnswers answers;
  CHECK_FALSE(answers.any());
  answers.on_heard(7, 1'000'000, 3);
  CHECK(answers.any());
  answers.on_copy_lost(7, 1'000'000);  // one gateway's buffer drops its copy
  answers.on_copy_arrived(7, 1'000'000);
  answers.on_copy_lost(7, 1'000'000);
  CHECK(answers.any());  // a copy arrived: the server will answer
  answers.on_answered(1.0);
  CHECK_FALSE(answers.any());
}

TEST_CASE("A transmission whose every copy is dropped is owed nothing", "[answers]") {
  PendingAnswers answers;
  answers.on_heard(7, 1'000'000, 2);
  answers.on_heard(8, 1'000'000, 1);  // another device, same instant: a separate debt
  answers.on_copy_lost(7, 1'000'000);
  CHECK(answers.any());
  answers.on_copy_lost(7, 1'000'000);
  CHECK(answers.any());  // device 8's is still owed
  answers.on_copy_arrived(8, 1'000'000);
  answers.on_answered(1.0);
  CHECK_FALSE(answers.any());
}

TEST_CASE("No booking can come before the earliest open window closes, nor before a new one could", "[answers]") {
  PendingAnswers answers;
  const double dedup_s = 0.2;
  // Nothing open yet: a window opens at SimGrid's clock at the earliest.
  CHECK(answers.booking_horizon_s(10.0, dedup_s) == Approx(10.2));
  answers.on_heard(7, 9'000'000, 2);
  answers.on_copy_arrived(7, 9'000'000);
  answers.on_window_opened(9.5);  // its first copy came at 9.5 s
  CHECK(answers.booking_horizon_s(10.0, dedup_s) == Approx(9.7));
  answers.on_window_opened(9.9);
  CHECK(answers.booking_horizon_s(10.0, dedup_s) == Approx(9.7));
  answers.on_answered(9.5);  // the first ACK is booked: the next window bounds it
  CHECK(answers.booking_horizon_s(10.0, dedup_s) == Approx(10.1));
  answers.on_answered(9.9);
  CHECK(answers.booking_horizon_s(10.0, dedup_s) == Approx(10.2));
}

TEST_CASE("A device has copies on the way until its last one arrives or is dropped", "[answers]") {
  PendingAnswers answers;
  answers.on_heard(7, 1'000'000, 2);
  answers.on_heard(9, 2'000'000, 1);
  CHECK(answers.copies_on_the_way(7));
  CHECK_FALSE(answers.copies_on_the_way(8));  // between two devices that have some
  CHECK(answers.copies_on_the_way(9));
  answers.on_copy_arrived(7, 1'000'000);
  CHECK(answers.copies_on_the_way(7));
  answers.on_copy_lost(7, 1'000'000);
  CHECK_FALSE(answers.copies_on_the_way(7));
  CHECK(answers.any());  // one copy arrived: the answer is still owed
  answers.on_copy_arrived(9, 2'000'000);
  CHECK_FALSE(answers.copies_on_the_way(9));
}
