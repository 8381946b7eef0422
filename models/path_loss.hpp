#pragma once
// Large-scale path loss (ARCHITECTURE.md §5 "Radio access"). Shadowing is not in here: it is a per-link
// constant the caller adds, σ·hashed_normal(derive_stream_seed(seed, link, SHADOWING)) (random_stream.hpp),
// so the same (device, gateway) pair always sees the same shadowing.
namespace fleet::models {

// Speed of light in vacuum (SI definition), m/s.
inline constexpr double SPEED_OF_LIGHT_M_PER_S = 299'792'458.0;

// Log-distance model, PL(d) = PL(d0) + 10·n·log10(d/d0). The defaults are the ns-3 lorawan module's urban
// setting (LogDistancePropagationLossModel, exponent 3.76, reference loss 7.7 dB at 1 m, used in its
// examples after Bor et al.), the usual LoRa baseline.
struct LogDistancePathLoss {
  double exponent = 3.76;
  double reference_loss_db = 7.7;
  double reference_distance_m = 1.0;

  // Distances below the reference distance are clamped to it: the model is not valid in the near field,
  // and an unclamped loss would go to −∞ at zero distance (two devices in the same container).
  double path_loss_db(double distance_m) const;
};

// Friis free-space loss, 20·log10(4π·d·f/c). Distances below λ/(4π), where the far-field formula would
// return a gain, are clamped there (loss 0 dB).
double free_space_path_loss_db(double distance_m, double frequency_hz);

}  // namespace fleet::models
