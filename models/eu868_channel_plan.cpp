#include "models/eu868_channel_plan.hpp"

#include <array>

namespace fleet::models {
namespace {
constexpr std::array<Eu868SubBand, 3> SUB_BANDS = {{
    {868.0e6, 868.6e6, 0.01, 14.0},
    {868.7e6, 869.2e6, 0.001, 14.0},
    {869.4e6, 869.65e6, 0.10, 27.0},
}};
}  // namespace

std::span<const Eu868SubBand> eu868_sub_bands() { return SUB_BANDS; }

std::optional<std::size_t> eu868_sub_band_of(double center_hz, double bandwidth_hz) {
  const double half_hz = bandwidth_hz / 2;
  for (std::size_t i = 0; i < SUB_BANDS.size(); ++i) {
    if (center_hz - half_hz >= SUB_BANDS[i].first_hz && center_hz + half_hz <= SUB_BANDS[i].last_hz) return i;
  }
  return std::nullopt;
}

}  // namespace fleet::models
