#include "sim/voyage/phase_book.hpp"

#include <algorithm>

namespace fleet::sim {

namespace {
double seconds(hw::TimeUs t_us) { return static_cast<double>(t_us) * 1e-6; }
}  // namespace

PhaseBook::PhaseBook(const VoyageWorld& world, double duration_s)
    : world_(&world), duration_s_(duration_s), marks_(world.container_count()), stage_totals_(world.leg_count() + 1) {
  for (std::uint32_t device = 0; device < marks_.size(); ++device) enter_age_step(device, marks_[device], 0);
}

void PhaseBook::enter_age_step(std::uint32_t device, Marks& mark, std::size_t step) const {
  const JourneyStep& at = world_->journey(device).steps[step];
  mark.age_step = static_cast<std::uint32_t>(step);
  mark.age_step_end_s = step_end_s(device, step);
  mark.age_phase = at.phase;
  mark.age_stage = at.stage;
}

double PhaseBook::step_end_s(std::uint32_t device, std::size_t step) const {
  const std::vector<JourneyStep>& steps = world_->journey(device).steps;
  return step + 1 < steps.size() ? seconds(steps[step + 1].start_us) : duration_s_;
}

void PhaseBook::add_age(std::uint32_t device, const models::AgeOfInformation& age, double until_s) {
  Marks& mark = marks_[device];
  if (age.has_delivery()) {
    // The sawtooth's rising edge from the mark to until_s, cut at each step boundary it crosses.
    double from_s = mark.age_mark_s;
    while (from_s < until_s) {
      const double to_s = std::min(until_s, mark.age_step_end_s);
      const double area_s2 = (age.age_s(from_s) + age.age_s(to_s)) / 2 * (to_s - from_s);
      book_at(mark.age_phase, mark.age_stage, [&](PhaseTotals& phase) {
        phase.age_area_s2 += area_s2;
        phase.age_observed_s += to_s - from_s;
      });
      from_s = to_s;
      if (to_s < until_s) enter_age_step(device, mark, mark.age_step + 1);
    }
  } else {
    while (mark.age_step_end_s <= until_s && mark.age_step + 1 < world_->journey(device).steps.size())
      enter_age_step(device, mark, mark.age_step + 1);
  }
  mark.age_mark_s = until_s;
}

void PhaseBook::before_delivery(std::uint32_t device, const models::AgeOfInformation& age, double now_s) {
  add_age(device, age, std::min(now_s, duration_s_));
}

void PhaseBook::on_step(std::uint32_t device, std::size_t step, double charge_drawn_c) {
  Marks& mark = marks_[device];
  book(device, mark.charge_step, [&](PhaseTotals& phase) { phase.charge_c += charge_drawn_c - mark.charge_mark_c; });
  mark.charge_mark_c = charge_drawn_c;
  mark.charge_step = static_cast<std::uint32_t>(std::min(step, world_->journey(device).steps.size() - 1));
}

void PhaseBook::close(const std::vector<const models::AgeOfInformation*>& ages, double end_s) {
  end_s = std::min(end_s, duration_s_);  // the steps end with the run
  for (std::uint32_t device = 0; device < marks_.size(); ++device) {
    add_age(device, *ages[device], end_s);
    const std::vector<JourneyStep>& steps = world_->journey(device).steps;
    for (std::size_t step = 0; step < steps.size(); ++step)
      book(device, step, [&](PhaseTotals& phase) {
        phase.device_s += std::min(end_s, step_end_s(device, step)) - seconds(steps[step].start_us);
      });
  }
}

}  // namespace fleet::sim
