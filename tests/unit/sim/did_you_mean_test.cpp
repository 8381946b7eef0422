#include "sim/base/did_you_mean.hpp"

#include <catch2/catch.hpp>

using namespace fleet::sim;

TEST_CASE("edit distance", "[did_you_mean]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("spreading_fator", "spreading_factor") == 1);
}

TEST_CASE("did you mean: close keys, prefixes, nothing when far", "[did_you_mean]") {
  const std::vector<std::string_view> keys{"duration", "description", "seed", "sample_interval", "radio"};
  CHECK(did_you_mean("duraton", keys) == "duration");
  CHECK(did_you_mean("Radio", keys) == "radio");  // case-insensitive
  CHECK(did_you_mean("duration_s", keys) == "duration");
  CHECK(did_you_mean("sample", keys) == "sample_interval");
  CHECK(did_you_mean("sed", keys) == "seed");
  CHECK(did_you_mean("colour", keys).empty());
  CHECK(did_you_mean("d", keys).empty());
  // Case-insensitive on both sides: capitalised names are suggested as written.
  const std::vector<std::string_view> ports{"Shanghai", "Singapore", "Fos-sur-Mer", "SEA-ME-WE 6"};
  CHECK(did_you_mean("Singapur", ports) == "Singapore");
  CHECK(did_you_mean("fos-sur-mer", ports) == "Fos-sur-Mer");
  CHECK(did_you_mean("sea-me-we 5", ports) == "SEA-ME-WE 6");
}
