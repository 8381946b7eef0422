#include "models/ship_slot.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace fleet::models {
namespace {
void check_slot(const ShipSlot& slot, const StowageGrid& grid) {
  const int tiers = slot.deck == Deck::ABOVE ? grid.tiers_above_deck : grid.tiers_below_deck;
  if (slot.bay < 0 || slot.bay >= grid.bays || slot.row < 0 || slot.row >= grid.rows || slot.tier < 0 ||
      slot.tier >= tiers)
    throw std::invalid_argument("ShipSlot: bay " + std::to_string(slot.bay) + " row " +
                                std::to_string(slot.row) + " tier " + std::to_string(slot.tier) +
                                " is outside the stowage grid");
}
}  // namespace

int slot_obstructions(const ShipSlot& slot, const StowageGrid& grid) {
  check_slot(slot, grid);
  const int tiers = slot.deck == Deck::ABOVE ? grid.tiers_above_deck : grid.tiers_below_deck;
  const int boxes_above = tiers - 1 - slot.tier;
  const int boxes_to_side = std::min(slot.row, grid.rows - 1 - slot.row);
  return std::min(boxes_above, boxes_to_side);
}

double slot_extra_loss_db(const ShipSlot& slot, const StowageGrid& grid, const SlotLinkParams& params) {
  const int obstructions = slot_obstructions(slot, grid);
  const double stacking_db = obstructions == 0 ? 0.0
                                               : params.first_obstruction_db +
                                                     (obstructions - 1) * params.per_further_obstruction_db;
  return stacking_db + (slot.deck == Deck::BELOW ? params.below_deck_db : 0.0);
}

double slot_distance_to_hub_m(const ShipSlot& slot, const StowageGrid& grid) {
  check_slot(slot, grid);
  const double along_m = (slot.bay - grid.hub_bay) * grid.bay_length_m;
  const double across_m = (slot.row - 0.5 * (grid.rows - 1)) * grid.row_width_m;
  // Heights from the main deck: tiers below deck sit under it, counted from the tank top.
  const double tracker_height_m = slot.deck == Deck::ABOVE
                                      ? (slot.tier + 0.5) * grid.tier_height_m
                                      : (slot.tier + 0.5 - grid.tiers_below_deck) * grid.tier_height_m;
  return std::sqrt(along_m * along_m + across_m * across_m +
                   std::pow(grid.hub_height_above_deck_m - tracker_height_m, 2));
}

}  // namespace fleet::models
