#pragma once
// Whether a LoRa frame survives the frames that overlap it at one receiver: the Goursaud–Gorce
// co-channel isolation matrix applied as ns-3's LoraInterferenceHelper does (docs/sources.md §4).
//
//   For each interferer SF s:  E_s = Σ P_i[mW] · overlap_i[s]   over the interferers at SF s
//                              SIR_s = 10·log10(P_wanted · T_wanted / E_s)
//   The frame survives iff SIR_s ≥ isolation(wanted SF, s) for every SF s.
//
// Energies add within one interferer SF and never across SFs (ns-3 InterferenceTest: three SF8
// interferers at +16 dB destroy an SF7 frame, one each of SF8, SF9, SF10 do not). The diagonal is the
// same-SF capture threshold (6 dB); it is a parameter so a scenario can move it or switch capture off.
// Receiver noise does not enter: as in ns-3, the sensitivity test (lora_link.hpp) is separate.
#include <array>
#include <cstdint>

#include "models/lora_link.hpp"

namespace fleet::models {

inline constexpr std::size_t SPREADING_FACTOR_COUNT = MAX_SPREADING_FACTOR - MIN_SPREADING_FACTOR + 1;

// Goursaud & Gorce 2015 as tabulated in ns-3 lora-interference-helper.cc (docs/sources.md §4), dB; the
// minimum SIR a wanted frame at `wanted_sf` needs against the energy of interferers at `interferer_sf`.
// The diagonal is 6 dB (SAME_SF_CAPTURE_DB). sf outside 7..12 throws std::invalid_argument.
double goursaud_isolation_db(int wanted_sf, int interferer_sf);

// How other spreading factors are treated.
enum class InterSfModel : std::uint8_t {
  GOURSAUD,    // the isolation matrix above (ns-3's default)
  ORTHOGONAL,  // other SFs never interfere (LoRaSim, Bor et al. 2016, docs/sources.md §11)
};

struct InterferenceRule {
  // Minimum SIR against same-SF interference. +∞ switches capture off: any same-SF overlap, however
  // weak or short, destroys the frame (pure ALOHA).
  double same_sf_capture_db = SAME_SF_CAPTURE_DB;
  InterSfModel inter_sf = InterSfModel::GOURSAUD;
};

enum class InterferenceVerdict : std::uint8_t { SURVIVES, LOST_SAME_SF, LOST_CROSS_SF };

// Interference energy at one receiver over one wanted frame, kept per interferer SF.
class InterferenceEnergy {
 public:
  // An interferer heard at `power_dbm` for `overlap_s` seconds of the wanted frame.
  void add(int interferer_sf, double power_dbm, double overlap_s);
  double energy_mw_s(int interferer_sf) const;
  void clear() { energy_mw_s_.fill(0.0); }

  // The verdict on a frame at `wanted_sf`, heard at `wanted_dbm` for `duration_s`. Same-SF
  // interference is checked first, so a frame that fails both is reported as LOST_SAME_SF.
  // SIR ties survive (ns-3 uses the same `>=`); a margin of 1e-9 dB absorbs the rounding of
  // dB↔mW conversions, so "14 dBm vs 8 dBm" lands on the tie it is, not on 5.999999999999997 dB.
  InterferenceVerdict verdict(int wanted_sf, double wanted_dbm, double duration_s, const InterferenceRule& rule) const;

 private:
  std::array<double, SPREADING_FACTOR_COUNT> energy_mw_s_{};
};

}  // namespace fleet::models
