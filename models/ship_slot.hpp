#pragma once
// Where a container sits on board, and what that costs its short-range link to the ship's hub.
//
// Assumptions (document, configure, revisit with measurements):
// - The hub's antenna is high on the ship (bridge or lashing bridge), so a tracker on the top tier or on
//   an outboard row sees it over open air; every container stacked between the tracker and open air —
//   above it, or between it and the nearer ship side, whichever path is shorter — obstructs the link.
// - The first obstruction costs the measured attenuation of a container stack: 21 dB at 868 MHz
//   [S] ("868 MHz path loss model for an industrial container terminal", Ghent University / imec,
//   indexed at expertplatform.waterbouwkundiglaboratorium.be, refid 362198). Later ones add less [A]:
//   the wave already travels through the gaps between boxes (the same study finds a very low path-loss
//   exponent along the rows), so each further layer adds `per_further_obstruction_db`.
// - Below deck the steel hatch covers close the hold [A]: `below_deck_db` on top of the stacking rule,
//   counted up to the top of the hold. Relaying through neighbours (issue 6) is the way out; the loss
//   here says how much it is needed.
// Slot numbering follows the bay plan idea (bay fore-aft, row athwartships, tier up) with 0-based
// indices from the bow, from port side and from the bottom of the stack (deck or tank top).

namespace fleet::models {

enum class Deck { ABOVE, BELOW };

struct ShipSlot {
  int bay = 0;   // 0 = foremost
  int row = 0;   // 0 = outermost on the port side
  int tier = 0;  // 0 = lowest in the stack (on deck or on the tank top)
  Deck deck = Deck::ABOVE;
};

// Stowage grid of the ship. Defaults: a 13,100 TEU class ship (docs/sources.md §6 Drewry's example; 398 m and
// 22 tiers in all for CMA CGM Bougainville [S]); the split of rows and tiers is an assumption [A].
struct StowageGrid {
  int bays = 24;  // 40-ft bays
  int rows = 19;
  int tiers_above_deck = 10;
  int tiers_below_deck = 12;
  double bay_length_m = 12.9;             // 40 ft box plus lashing gap [A]
  double row_width_m = 2.44;              // ISO 668: 8 ft
  double tier_height_m = 2.59;            // ISO 668: 8 ft 6 in
  int hub_bay = 16;                       // the hub's antenna above this bay (bridge aft of midships) [A]
  double hub_height_above_deck_m = 40.0;  // [A]
};

struct SlotLinkParams {
  double first_obstruction_db = 21.0;       // [S] container stack attenuation at 868 MHz (see above)
  double per_further_obstruction_db = 3.0;  // [A]
  double below_deck_db = 30.0;              // [A] closed steel hatch covers
};

// Containers between the slot and open air: min(boxes above it, boxes between it and the nearer side).
// Throws std::invalid_argument for a slot outside the grid.
int slot_obstructions(const ShipSlot& slot, const StowageGrid& grid);

// Extra attenuation (dB, ≥ 0) of the container → hub link beyond the open-air path loss.
double slot_extra_loss_db(const ShipSlot& slot, const StowageGrid& grid, const SlotLinkParams& params);

// Straight-line distance from the slot's tracker to the hub antenna (for the path-loss model).
double slot_distance_to_hub_m(const ShipSlot& slot, const StowageGrid& grid);

}  // namespace fleet::models
