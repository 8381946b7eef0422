#pragma once
// The names the scenario format uses for the battery models, in BatteryModel's order.
#include <string_view>

#include "models/battery_params.hpp"

namespace fleet::sim {

inline constexpr std::string_view BATTERY_MODEL_NAMES[] = {"ideal", "peukert", "kibam", "rakhmatov_vrudhula"};
static_assert(std::size(BATTERY_MODEL_NAMES) == std::variant_size_v<models::BatteryModel>);

inline std::string_view battery_model_name(const models::BatteryParams& params) {
  return BATTERY_MODEL_NAMES[params.model.index()];
}

}  // namespace fleet::sim
