// The reference ADR (models/lora_adr.hpp) against hand-derived cases from the algorithm's definition
// and the gateway sensitivity table of docs/sources.md section 4 (SF12 −142.5 dBm, SF7 −130 dBm at 125 kHz).
#include <catch2/catch.hpp>

#include "models/lora_adr.hpp"

using namespace fleet::models;

namespace {
constexpr double BW_HZ = 125e3;
const AdrLimits LIMITS{10.0, 2, 14};
}  // namespace

TEST_CASE("margin below one step changes nothing", "[adr]") {
  // SF12: sensitivity −142.5 dBm; 10 dB installation margin; 2.9 dB more is less than one 3 dB step.
  const AdrSettings start{12, 14};
  CHECK(reference_adr(-142.5 + 10 + 2.9, start, BW_HZ, LIMITS) == start);
}

TEST_CASE("each 3 dB step lowers the SF first, down to SF7", "[adr]") {
  const AdrSettings start{12, 14};
  CHECK(reference_adr(-142.5 + 10 + 3.0, start, BW_HZ, LIMITS) == AdrSettings{11, 14});
  CHECK(reference_adr(-142.5 + 10 + 14.9, start, BW_HZ, LIMITS) == AdrSettings{8, 14});  // floor(4.97) = 4
  CHECK(reference_adr(-142.5 + 10 + 15.0, start, BW_HZ, LIMITS) == AdrSettings{7, 14});
}

TEST_CASE("steps left at SF7 lower the power 2 dB each, not below the minimum", "[adr]") {
  const AdrSettings start{12, 14};
  // 8 steps: 5 to SF7, 3 of power: 14 → 8 dBm.
  CHECK(reference_adr(-142.5 + 10 + 24.0, start, BW_HZ, LIMITS) == AdrSettings{7, 8});
  // At SF7 (−130 dBm) with 60 dB of margin: 20 steps, power bottoms out at 2 dBm.
  CHECK(reference_adr(-130 + 10 + 60, AdrSettings{7, 14}, BW_HZ, LIMITS) == AdrSettings{7, 2});
  // A minimum that is not on the 2 dB grid from 14 dBm: stop at the last step above it.
  CHECK(reference_adr(-130 + 10 + 60, AdrSettings{7, 14}, BW_HZ, AdrLimits{10.0, 3, 14}) == AdrSettings{7, 4});
}

TEST_CASE("a negative margin raises the power, never the SF, up to the maximum", "[adr]") {
  // SF7 at 4 dBm, 7 dB short of the installation margin: floor(−7/3) = −3 steps → +6 dB.
  CHECK(reference_adr(-130 + 10 - 7, AdrSettings{7, 4}, BW_HZ, LIMITS) == AdrSettings{7, 10});
  CHECK(reference_adr(-130 + 10 - 30, AdrSettings{7, 4}, BW_HZ, LIMITS) == AdrSettings{7, 14});
  CHECK(reference_adr(-142.5, AdrSettings{12, 14}, BW_HZ, LIMITS) == AdrSettings{12, 14});
}
