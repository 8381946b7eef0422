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
  answers.on_answered();
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
  answers.on_answered();
  CHECK_FALSE(answers.any());
}
