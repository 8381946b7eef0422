#include "models/random_stream.hpp"

#include <cmath>
#include <numbers>

namespace fleet::models {
namespace {

constexpr std::uint64_t GOLDEN_GAMMA = 0x9e3779b97f4a7c15ULL;  // 2^64 / φ, odd

constexpr std::uint64_t rotl(std::uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

// The splitmix64 output function (variant 13 of Stafford's mix constants), a bijection on 64 bits.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

std::uint64_t splitmix64_next(std::uint64_t& state) {
  state += GOLDEN_GAMMA;
  return mix64(state);
}

std::uint64_t derive_stream_seed(std::uint64_t seed, std::uint64_t entity_id, std::uint64_t purpose) {
  // Chain of bijections: for a fixed seed, entity → h is one-to-one, and for a fixed h, purpose → result
  // is one-to-one, so two streams of the same entity never share a seed, nor two entities for one purpose.
  std::uint64_t h = mix64(seed + GOLDEN_GAMMA);
  h = mix64((h ^ entity_id) + GOLDEN_GAMMA);
  return mix64((h ^ purpose) + GOLDEN_GAMMA);
}

RandomStream::RandomStream(std::uint64_t stream_seed) {
  std::uint64_t sm = stream_seed;
  for (auto& word : s_) word = splitmix64_next(sm);
}

RandomStream RandomStream::from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2,
                                      std::uint64_t s3) {
  RandomStream r;
  r.s_[0] = s0;
  r.s_[1] = s1;
  r.s_[2] = s2;
  r.s_[3] = s3;
  return r;
}

std::uint64_t RandomStream::next_u64() {
  // Output: the second state word scrambled by ×5, rotate 7, ×9 ("**").
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  // Linear engine: xor-shift-rotate over the four words.
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

std::uint32_t RandomStream::next_u32() {
  return static_cast<std::uint32_t>(next_u64() >> 32);
}

double RandomStream::uniform01() {
  constexpr double TWO_POW_MINUS_53 = 1.0 / 9007199254740992.0;
  return static_cast<double>(next_u64() >> 11) * TWO_POW_MINUS_53;
}

double RandomStream::uniform(double lo, double hi) {
  return lo + (hi - lo) * uniform01();
}

double RandomStream::normal(double mean, double sd) {
  const double u1 = 1.0 - uniform01();  // (0, 1]: keeps log finite
  const double u2 = uniform01();
  const double radius = std::sqrt(-2.0 * std::log(u1));
  return mean + sd * radius * std::cos(2.0 * std::numbers::pi * u2);
}

double RandomStream::exponential(double mean) {
  return -mean * std::log(1.0 - uniform01());
}

double hashed_normal(std::uint64_t stream_seed) {
  return RandomStream(stream_seed).normal(0.0, 1.0);
}

double hashed_uniform01(std::uint64_t stream_seed) {
  return RandomStream(stream_seed).uniform01();
}

}  // namespace fleet::models
