// Ship slots: open-air slots cost nothing, the first obstruction costs the measured 21 dB, deeper and
// below-deck slots cost more; distances in the ship frame.
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

#include "models/ship_slot.hpp"

using namespace fleet::models;

TEST_CASE("obstructions: boxes above or towards the nearer side, whichever are fewer", "[slot]") {
  const StowageGrid grid;                                        // 19 rows, 10 tiers above deck
  CHECK(slot_obstructions({0, 9, 9, Deck::ABOVE}, grid) == 0);   // top tier, centreline
  CHECK(slot_obstructions({0, 0, 0, Deck::ABOVE}, grid) == 0);   // outboard row, on deck
  CHECK(slot_obstructions({0, 18, 3, Deck::ABOVE}, grid) == 0);  // outboard starboard
  CHECK(slot_obstructions({0, 9, 0, Deck::ABOVE}, grid) == 9);   // centre bottom: 9 above, 9 to a side
  CHECK(slot_obstructions({0, 2, 0, Deck::ABOVE}, grid) == 2);   // two rows in
  CHECK(slot_obstructions({0, 9, 7, Deck::ABOVE}, grid) == 2);   // two tiers down
}

TEST_CASE("extra loss grows with depth and below deck", "[slot]") {
  const StowageGrid grid;
  const SlotLinkParams params;
  CHECK(slot_extra_loss_db({5, 9, 9, Deck::ABOVE}, grid, params) == 0.0);
  CHECK(slot_extra_loss_db({5, 9, 8, Deck::ABOVE}, grid, params) ==
        params.first_obstruction_db);  // 21 dB [S]
  CHECK(slot_extra_loss_db({5, 9, 6, Deck::ABOVE}, grid, params) ==
        Approx(params.first_obstruction_db + 2 * params.per_further_obstruction_db));
  double previous_db = -1;
  for (int tier = grid.tiers_above_deck - 1; tier >= 0; --tier) {  // monotone going down the stack
    const double loss_db = slot_extra_loss_db({5, 9, tier, Deck::ABOVE}, grid, params);
    CHECK(loss_db > previous_db);
    previous_db = loss_db;
  }
  CHECK(slot_extra_loss_db({5, 0, 0, Deck::BELOW}, grid, params) == params.below_deck_db);
  CHECK(slot_extra_loss_db({5, 9, 0, Deck::BELOW}, grid, params) >
        slot_extra_loss_db({5, 9, 0, Deck::ABOVE}, grid, params));
  CHECK_THROWS_AS(slot_extra_loss_db({5, 19, 0, Deck::ABOVE}, grid, params), std::invalid_argument);
  CHECK_THROWS_AS(slot_extra_loss_db({5, 0, grid.tiers_below_deck, Deck::BELOW}, grid, params),
                  std::invalid_argument);
}

TEST_CASE("distance to the hub in the ship frame", "[slot]") {
  StowageGrid grid;
  grid.rows = 3;  // centre row 1
  grid.hub_bay = 4;
  grid.hub_height_above_deck_m = 0.5 * grid.tier_height_m;  // level with tier 0 above deck
  // Same bay, centre row, tier 0: the tracker is at the antenna.
  CHECK(slot_distance_to_hub_m({4, 1, 0, Deck::ABOVE}, grid) == Approx(0.0).margin(1e-12));
  // Three bays forward, one row outboard, two tiers up: a right-angled box.
  const double expected_m = std::sqrt(std::pow(3 * grid.bay_length_m, 2) + std::pow(grid.row_width_m, 2) +
                                      std::pow(2 * grid.tier_height_m, 2));
  CHECK(slot_distance_to_hub_m({1, 2, 2, Deck::ABOVE}, grid) == Approx(expected_m));
}
