#include "models/battery.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace fleet::models {
namespace {

constexpr double INFINITE_S = std::numeric_limits<double>::infinity();
// Beyond this horizon a cell is called immortal: 10⁶ years.
constexpr double MAX_HORIZON_S = 1e6 * SECONDS_PER_YEAR;

void check_non_negative(double value, const char* what) {
  if (!(value >= 0.0) || !std::isfinite(value)) throw std::invalid_argument(what);
}

// The cell model's state for a fresh cell of that model.
BatteryCell fresh_cell(const BatteryModel& model) {
  return std::visit(
      [](const auto& params) -> BatteryCell {
        using Params = std::decay_t<decltype(params)>;
        if constexpr (std::is_same_v<Params, IdealModel>) return IdealCell{};
        if constexpr (std::is_same_v<Params, PeukertModel>) return PeukertCell{};
        if constexpr (std::is_same_v<Params, KibamModel>) return KibamCell{};
        if constexpr (std::is_same_v<Params, RvModel>) return RvCell{};
      },
      model);
}

// First t > 0 with overshoot(t) ≥ 0, given overshoot(0) < 0 and a first guess of its scale: double the
// guess until it overshoots, then bisect down to a relative width of 1e-12. Returns the upper end, the
// earliest time known to be past the threshold.
template <class Overshoot>
double first_crossing_s(Overshoot&& overshoot, double guess_s) {
  if (!(guess_s > 0.0) || !std::isfinite(guess_s)) return INFINITE_S;
  double low_s = 0.0;
  double high_s = guess_s;
  while (overshoot(high_s) < 0.0) {
    low_s = high_s;
    high_s *= 2.0;
    if (high_s > MAX_HORIZON_S) return INFINITE_S;
  }
  while (high_s - low_s > 1e-12 * high_s) {
    const double mid_s = 0.5 * (low_s + high_s);
    (overshoot(mid_s) < 0.0 ? low_s : high_s) = mid_s;
  }
  return high_s;
}

}  // namespace

Battery::Battery(const BatteryParams& params) : Battery(std::make_shared<const BatteryParams>(params)) {}

Battery::Battery(std::shared_ptr<const BatteryParams> params)
    : params_(std::move(params)),
      cell_(fresh_cell(params_->model)) {
  validate_battery_params(*params_);
  set_temperature_c(RATING_TEMPERATURE_C);
}

// Calls visitor(cell, its model parameters) on the active model.
template <class Visitor>
decltype(auto) Battery::visit_cell(Visitor&& visitor) {
  return std::visit(
      [&](auto& cell) {
        using Params = typename std::decay_t<decltype(cell)>::Params;
        return visitor(cell, *std::get_if<Params>(&params_->model));
      },
      cell_);
}

template <class Visitor>
decltype(auto) Battery::visit_cell(Visitor&& visitor) const {
  return std::visit(
      [&](const auto& cell) {
        using Params = typename std::decay_t<decltype(cell)>::Params;
        return visitor(cell, *std::get_if<Params>(&params_->model));
      },
      cell_);
}

void Battery::draw(double current_a, double duration_s) {
  check_non_negative(current_a, "Battery: current must be finite and non-negative (a primary cell)");
  check_non_negative(duration_s, "Battery: duration must be finite and non-negative");
  charge_drawn_c_ += current_a * duration_s;
  visit_cell([&](auto& cell, const auto& model) { cell.draw(model, current_a, duration_s); });
  film_fraction_ = next_film_fraction(params_->passivation, film_fraction_, current_a, duration_s);
}

void Battery::draw_charge(double charge_c) {
  check_non_negative(charge_c, "Battery: charge must be finite and non-negative");
  charge_drawn_c_ += charge_c;
  visit_cell([&](auto& cell, const auto& model) { cell.draw_charge(model, charge_c); });
}

void Battery::age(double duration_s) {
  check_non_negative(duration_s, "Battery: duration must be finite and non-negative");
  const double lost_c = self_discharge_current_a(*params_) * duration_s;
  self_discharged_c_ += lost_c;
  visit_cell([&](auto& cell, const auto& model) { cell.lose_charge(model, lost_c); });
}

void Battery::set_temperature_c(double temperature_c) {
  if (!std::isfinite(temperature_c)) throw std::invalid_argument("Battery: temperature must be finite");
  temperature_c_ = temperature_c;
  threshold_c_ = usable_capacity_c(*params_) * params_->temperature.capacity_factor_by_c.at(temperature_c);
}

double Battery::spent_c() const {
  return visit_cell([](const auto& cell, const auto& model) { return cell.spent_c(model); });
}

double Battery::remaining_c() const { return std::max(0.0, capacity_threshold_c() - spent_c()); }

double Battery::state_of_charge() const { return remaining_c() / capacity_threshold_c(); }

bool Battery::depleted() const { return spent_c() >= capacity_threshold_c(); }

double Battery::open_circuit_voltage_v() const { return voltage_under_load_v(0.0); }

double Battery::voltage_under_load_v(double current_a) const {
  check_non_negative(current_a, "Battery: current must be finite and non-negative (a primary cell)");
  return terminal_voltage_v(params_->voltage, params_->passivation, 1.0 - state_of_charge(), film_fraction_,
                            current_a);
}

bool Battery::can_deliver(double current_a) const {
  const TemperatureParams& range = params_->temperature;
  if (temperature_c_ < range.min_operating_c || temperature_c_ > range.max_operating_c) return false;
  return !depleted() && voltage_under_load_v(current_a) >= params_->voltage.cutoff_v;
}

// Both depletion queries: the charge the model still lets the cell give, handed with the cell and its
// parameters to `answer`; 0 s when there is none.
template <class Answer>
double Battery::until_empty(double load_current_a, Answer&& answer) const {
  check_non_negative(load_current_a, "Battery: current must be finite and non-negative (a primary cell)");
  const double threshold_c = capacity_threshold_c();
  const double self_discharge_a = self_discharge_current_a(*params_);
  return visit_cell([&](const auto& cell, const auto& model) -> double {
    const double left_c = threshold_c - cell.spent_c(model);
    return left_c <= 0.0 ? 0.0 : answer(cell, model, left_c, threshold_c, self_discharge_a);
  });
}

double Battery::time_to_depletion_s(double load_current_a) const {
  return until_empty(load_current_a, [&](const auto& cell, const auto& model, double left_c, double threshold_c,
                                         double self_discharge_a) -> double {
    if constexpr (requires { cell.spend_rate_a(model, load_current_a); }) {
      // Linear models: spent grows at a constant rate.
      const double rate_a = cell.spend_rate_a(model, load_current_a) + self_discharge_a;
      return rate_a > 0.0 ? left_c / rate_a : INFINITE_S;
    } else {
      const auto overshoot = [&](double t_s) {
        auto ahead = cell;
        ahead.draw(model, load_current_a, t_s);
        ahead.lose_charge(model, self_discharge_a * t_s);
        return ahead.spent_c(model) - threshold_c;
      };
      return first_crossing_s(overshoot, left_c / (load_current_a + self_discharge_a));
    }
  });
}

double Battery::depletion_lower_bound_s(double load_current_a) const {
  return until_empty(load_current_a, [&](const auto& cell, const auto& model, double left_c, double /*threshold_c*/,
                                         double self_discharge_a) -> double {
    double rate_a = 0.0;
    if constexpr (requires { cell.spend_rate_a(model, load_current_a); }) {
      rate_a = cell.spend_rate_a(model, load_current_a) + self_discharge_a;
    } else {
      rate_a = cell.max_spend_rate_a(model, load_current_a + self_discharge_a);
    }
    return rate_a > 0.0 ? left_c / rate_a : INFINITE_S;
  });
}

double projected_lifetime_s(const BatteryParams& params, double mean_current_a, double temperature_c) {
  Battery battery(params);
  battery.set_temperature_c(temperature_c);
  return battery.time_to_depletion_s(mean_current_a);
}

double projected_lifetime_s(const Battery& battery, double window_s) {
  const BatteryParams& params = battery.params();
  if (std::holds_alternative<KibamModel>(params.model) || std::holds_alternative<RvModel>(params.model)) {
    return projected_lifetime_s(params, battery.charge_drawn_c() / window_s, battery.temperature_c());
  }
  const double spent_c = battery.spent_c();
  return spent_c > 0 ? window_s * battery.capacity_threshold_c() / spent_c : std::numeric_limits<double>::infinity();
}

}  // namespace fleet::models
