#pragma once
// Explicit little-endian byte order for the wire formats, independent of the host's and of alignment.
#include <cstddef>
#include <cstdint>

namespace fleet::hw {

constexpr void put_le(std::uint8_t* out, std::uint64_t value, std::size_t bytes) {
  for (std::size_t i = 0; i < bytes; ++i) out[i] = static_cast<std::uint8_t>(value >> (8 * i));
}

constexpr std::uint64_t get_le(const std::uint8_t* in, std::size_t bytes) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < bytes; ++i) value |= static_cast<std::uint64_t>(in[i]) << (8 * i);
  return value;
}

// Two's-complement sign extension of a `bytes`-wide field.
constexpr std::int64_t get_le_signed(const std::uint8_t* in, std::size_t bytes) {
  const std::uint64_t raw = get_le(in, bytes);
  const std::uint64_t sign_bit = std::uint64_t{1} << (8 * bytes - 1);
  return bytes >= 8 ? static_cast<std::int64_t>(raw)
                    : static_cast<std::int64_t>(raw ^ sign_bit) - static_cast<std::int64_t>(sign_bit);
}

}  // namespace fleet::hw
