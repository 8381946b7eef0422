#include "sim/base/did_you_mean.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace fleet::sim {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);  // one row of the dynamic-programming table
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

namespace {
std::string lower_case(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}
}  // namespace

// Both sides are compared in lower case: names such as ports and cables are capitalised.
std::string did_you_mean(std::string_view typed, const std::vector<std::string_view>& known) {
  const std::string key = lower_case(typed);
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  for (std::string_view written : known) {
    const std::string candidate = lower_case(written);
    const std::size_t distance = edit_distance(key, candidate);
    // Three characters at least, so "a" does not "mean" every key that starts with it.
    const bool prefix = key.size() >= 3 && (candidate.starts_with(key) || key.starts_with(candidate));
    if ((distance <= 2 || prefix) && distance < best_distance) {
      best = written;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace fleet::sim
