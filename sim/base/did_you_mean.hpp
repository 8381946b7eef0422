#pragma once
// "Did you mean ...?" for misspelt names (scenario keys; usable for CLI options too).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fleet::sim {

// Levenshtein distance: insertions, deletions and substitutions each cost 1.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest of `known` to `typed` (case-insensitive) that is within 2 edits of it, or of which it
// is a prefix or an extension ("sample" -> "sample_interval", "duration_s" -> "duration"); ties go
// to the earlier entry. Empty when nothing is close enough to be a useful guess.
std::string did_you_mean(std::string_view typed, const std::vector<std::string_view>& known);

}  // namespace fleet::sim
