#pragma once
// Battery drain and age of information per phase of the journey (voyage world): what a tracker costs
// and how fresh its data is at the shipper, on the road, in a yard, at sea, alongside.
//
// Age of information: the server's accumulator (models/age_of_information) keeps one device's sawtooth;
// before each delivery the area under it since the previous delivery is split over the journey steps it
// spans. Between deliveries the age rises linearly, so each piece is a trapezoid: exact, O(steps
// crossed). Time before a device's first delivery has no age and is not observed (as in the run total).
// Battery: the fleet scheduler settles the device at each step and books the charge drawn since.
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/age_of_information.hpp"
#include "models/itinerary.hpp"
#include "sim/voyage/voyage_world.hpp"

namespace fleet::sim {

inline constexpr std::size_t JOURNEY_PHASE_COUNT = static_cast<std::size_t>(models::JourneyPhase::DELIVERED) + 1;

struct PhaseTotals {
  double device_s = 0;        // device-seconds spent in the phase
  double charge_c = 0;        // charge the devices drew in it
  double age_area_s2 = 0;     // ∫ age dt over the observed time
  double age_observed_s = 0;  // device-seconds with a known age
  // NaN when no device of the phase had been heard from (written empty or null).
  double age_mean_s() const { return age_observed_s > 0 ? age_area_s2 / age_observed_s : std::nan(""); }
};

class PhaseBook {
 public:
  PhaseBook(const VoyageWorld& world, double duration_s);

  // The server is about to book a delivery to `device` at now_s; `age` is its state before it.
  void before_delivery(std::uint32_t device, const models::AgeOfInformation& age, double now_s);
  // The device enters journey step `step` having drawn `charge_drawn_c` in all so far; at the end of
  // the run (step past its current one) the charge since its last step is booked.
  void on_step(std::uint32_t device, std::size_t step, double charge_drawn_c);
  // End of run: the age up to end_s and every device's time per phase.
  void close(const std::vector<const models::AgeOfInformation*>& ages, double end_s);

  const std::array<PhaseTotals, JOURNEY_PHASE_COUNT>& totals() const { return totals_; }
  // The same, per stage of the journey (JourneyStep::stage: leg 1, ..., leg n, then inland).
  const std::vector<std::array<PhaseTotals, JOURNEY_PHASE_COUNT>>& stage_totals() const { return stage_totals_; }

 private:
  struct Marks {
    double age_mark_s = 0;
    // Step age_step's end, phase and stage, kept here: the server books a delivery's age (every record
    // it delivers) into the step it falls in, and reading them from the journey each time cost two
    // cache misses (perf: 2.8 % of an asia-med run at 100,000 containers).
    double age_step_end_s = 0;
    std::uint32_t age_step = 0;
    models::JourneyPhase age_phase = models::JourneyPhase::AT_ORIGIN;
    std::uint8_t age_stage = 0;
    double charge_mark_c = 0;
    std::uint32_t charge_step = 0;
  };
  void add_age(std::uint32_t device, const models::AgeOfInformation& age, double until_s);
  void enter_age_step(std::uint32_t device, Marks& mark, std::size_t step) const;
  // Adds to the phase's fleet total and to its stage's: `add` is called on both.
  template <typename Add>
  void book_at(models::JourneyPhase phase, std::size_t stage, Add add) {
    add(totals_[static_cast<std::size_t>(phase)]);
    add(stage_totals_[stage][static_cast<std::size_t>(phase)]);
  }
  template <typename Add>
  void book(std::uint32_t device, std::size_t step, Add add) {
    const JourneyStep& at = world_->journey(device).steps[step];
    book_at(at.phase, at.stage, add);
  }
  double step_end_s(std::uint32_t device, std::size_t step) const;

  const VoyageWorld* world_;
  double duration_s_;
  std::vector<Marks> marks_;
  std::array<PhaseTotals, JOURNEY_PHASE_COUNT> totals_{};
  std::vector<std::array<PhaseTotals, JOURNEY_PHASE_COUNT>> stage_totals_;
};

}  // namespace fleet::sim
