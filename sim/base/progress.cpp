#include "sim/base/progress.hpp"

#include <cstdio>

namespace fleet::sim {

Progress::Progress(bool enabled, double end_s) : enabled_(enabled), end_s_(end_s) {}

void Progress::print(double sim_s, std::uint64_t events, bool final_line) {
  const auto now = std::chrono::steady_clock::now();
  if (!final_line && now - last_print_ < std::chrono::milliseconds(500)) return;
  last_print_ = now;
  const double wall_s = std::chrono::duration<double>(now - start_).count();
  const double rate = wall_s > 0 ? static_cast<double>(events) / wall_s : 0.0;
  const int days = static_cast<int>(sim_s / 86400);
  const int hours = static_cast<int>((sim_s - days * 86400.0) / 3600);
  std::fprintf(stderr, "\r  simulated %3dd %02dh  %5.1f %%  %8.0f events/s%s", days, hours,
               end_s_ > 0 ? 100.0 * sim_s / end_s_ : 100.0, rate, final_line ? "\n" : "");
  std::fflush(stderr);
}

void Progress::finish(double sim_s, std::uint64_t events) {
  if (enabled_) print(sim_s, events, true);
}

}  // namespace fleet::sim
