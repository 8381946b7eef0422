#pragma once
// Large-scale path loss (docs/architecture.md §5 "Radio access"). Shadowing is not in here: it is a per-link
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

// Okumura–Hata (Hata, IEEE Trans. Veh. Technol. 29(3), 1980), the empirical clutter model for
// 150–1500 MHz built on Okumura's Tokyo measurements; the model for a port's steel stacks and cranes
// or a city's buildings. Urban loss:
//   L = 69.55 + 26.16·log10 f − 13.82·log10 hb − a(hm) + (44.9 − 6.55·log10 hb)·log10 d
// (f in MHz, heights in m, d in km), with the mobile-antenna correction a(hm)
//   large city:         3.2·(log10(11.75·hm))² − 4.97                 (f ≥ 300 MHz)
//   small/medium city:  (1.1·log10 f − 0.7)·hm − (1.56·log10 f − 0.8)
// and, from the small/medium-city urban loss, suburban −2·(log10(f/28))² − 5.4 and open areas
// −4.78·(log10 f)² + 18.33·log10 f − 40.94 (as ns-3 OkumuraHataPropagationLossModel computes them).
// Hata's fit covers 1–20 km, hb 30–200 m, hm 1–10 m; in a yard most links are shorter and the formula
// is extrapolated, as LoRa planning studies commonly do. The loss is never below free space: at a few
// metres the extrapolated fit would otherwise promise less loss than an empty sky.
enum class HataEnvironment : unsigned char { URBAN_LARGE_CITY, URBAN_SMALL_CITY, SUBURBAN, OPEN };

struct OkumuraHataPathLoss {
  double frequency_hz = 868.1e6;
  double base_height_m = 30.0;   // gateway antenna above ground
  double mobile_height_m = 1.5;  // device antenna above ground
  HataEnvironment environment = HataEnvironment::URBAN_SMALL_CITY;

  double path_loss_db(double distance_m) const;
};

// Friis free-space loss, 20·log10(4π·d·f/c). Distances below λ/(4π), where the far-field formula would
// return a gain, are clamped there (loss 0 dB).
double free_space_path_loss_db(double distance_m, double frequency_hz);

// The same as a model value, so callers can hold any of the three models alike.
struct FreeSpacePathLoss {
  double frequency_hz = 868.1e6;
  double path_loss_db(double distance_m) const { return free_space_path_loss_db(distance_m, frequency_hz); }
};

}  // namespace fleet::models
