#pragma once
// A progress line on stderr while a long run works: simulated time, % done, events per second.
// Only on a terminal (a log file or CI output gets no carriage-return noise), never with --quiet.
#include <chrono>
#include <cstdint>

namespace fleet::sim {

class Progress {
 public:
  Progress(bool enabled, double end_s);
  // Cheap enough for every event: looks at the wall clock only every few thousand calls.
  void update(double sim_s, std::uint64_t events) {
    if (enabled_ && (++calls_ & 0xFFF) == 0) print(sim_s, events, false);
  }
  void finish(double sim_s, std::uint64_t events);

 private:
  void print(double sim_s, std::uint64_t events, bool final_line);
  bool enabled_;
  double end_s_;
  std::uint64_t calls_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_print_ = start_;
};

}  // namespace fleet::sim
