#pragma once
// Deterministic random streams. Every draw in a run comes from a stream whose seed is derived from
// (run seed, entity id, purpose), so a device's draws never depend on how many other devices exist or in
// which order they were created (the OpenMC idea, docs/architecture.md §5 "Randomness").
//
// Portability: no std:: distributions (their algorithms are unspecified, so libstdc++ and libc++ give
// different numbers). Integer and uniform outputs are bit-for-bit identical on every platform; normal and
// exponential draws go through std::log / std::cos / std::sqrt, so they are identical on every build that
// uses the same libm (glibc's are deterministic; sqrt is exact everywhere).
#include <cstdint>

namespace fleet::models {

// splitmix64 finaliser step (Steele, Lea, Flood, "Fast splittable pseudorandom number generators",
// OOPSLA 2014): advances `state` by the golden-ratio increment and returns the mixed value.
std::uint64_t splitmix64_next(std::uint64_t& state);

// Seed of the stream for (run seed, entity, purpose). Each argument is folded in with a full splitmix64
// mixing round, so the result is order-sensitive: (seed, a, b) and (seed, b, a) give unrelated streams.
std::uint64_t derive_stream_seed(std::uint64_t seed, std::uint64_t entity_id, std::uint64_t purpose);

// xoshiro256** 1.0 (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021):
// 256-bit state, period 2^256 − 1, passes BigCrush. Implemented from the paper's description; the state
// is filled from splitmix64 as the authors recommend, which never yields the forbidden all-zero state.
class RandomStream {
 public:
  explicit RandomStream(std::uint64_t stream_seed);
  // A generator with the raw state given (not all zero): for the published reference vectors only.
  static RandomStream from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3);

  std::uint64_t next_u64();
  std::uint32_t next_u32();              // the high 32 bits (the best-mixed ones)
  double uniform01();                    // [0, 1): the top 53 bits scaled by 2^-53
  double uniform(double lo, double hi);  // [lo, hi)
  // Box–Muller, one output per call: exactly two uniforms consumed per draw, no cached spare, so the
  // state stays 32 bytes and the stream position after k normal draws is always 2k.
  double normal(double mean, double sd);
  double exponential(double mean);  // inversion: −mean·ln(1 − U), one uniform per draw

 private:
  RandomStream() = default;
  std::uint64_t s_[4] = {0, 0, 0, 0};
};

// One-off standard normal N(0, 1) for a value that must be fixed per key without keeping a stream,
// e.g. the log-normal shadowing of one (device, gateway) pair:
//   shadowing_db = sigma_db * hashed_normal(derive_stream_seed(seed, pair_key, SHADOWING)).
double hashed_normal(std::uint64_t stream_seed);
// One-off uniform in [0, 1) keyed the same way.
double hashed_uniform01(std::uint64_t stream_seed);

}  // namespace fleet::models
