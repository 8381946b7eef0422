#pragma once
// The keys of fleet.device (scenarios/README.md documents them with their sources). The LoRa TX
// current table and the battery are lists and variants: they are read and written by hand.
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/schema_field.hpp"

namespace fleet::sim::device_schema {

using enum Dimension;
constexpr FieldCheck NN = FieldCheck::NON_NEGATIVE;
constexpr FieldCheck POS = FieldCheck::POSITIVE;

inline constexpr QuantityField<McuSpec> MCU[] = {
    {"sleep", &McuSpec::sleep_a, CURRENT, NN},
    {"active", &McuSpec::active_a, CURRENT, NN},
    {"active_per_wakeup", &McuSpec::active_s_per_wakeup, TIME, NN},
    {"wake_charge", &McuSpec::wake_charge_c, CHARGE, NN},
};

inline constexpr QuantityField<LoraRadioSpec> LORA_RADIO[] = {
    {"sleep", &LoraRadioSpec::sleep_a, CURRENT, NN},
    {"standby", &LoraRadioSpec::standby_a, CURRENT, NN},
    {"rx", &LoraRadioSpec::rx_a, CURRENT, NN},
};

inline constexpr FlagField<GnssSpec> GNSS_FLAGS[] = {{"present", &GnssSpec::present}};
inline constexpr QuantityField<GnssSpec> GNSS[] = {
    {"acquisition", &GnssSpec::acquisition_a, CURRENT, NN},
    {"tracking", &GnssSpec::tracking_a, CURRENT, NN},
    {"backup", &GnssSpec::backup_a, CURRENT, NN},
    {"ttff_hot", &GnssSpec::ttff_hot_s, TIME, POS},
    {"ttff_warm", &GnssSpec::ttff_warm_s, TIME, POS},
    {"ttff_cold", &GnssSpec::ttff_cold_s, TIME, POS},
    {"ephemeris_valid", &GnssSpec::ephemeris_valid_s, TIME, NN},
    {"almanac_valid", &GnssSpec::almanac_valid_s, TIME, NN},
    {"tracking_after_fix", &GnssSpec::tracking_after_fix_s, TIME, NN},
    {"sky_view_fraction", &GnssSpec::sky_view_fraction, FRACTION, FieldCheck::FRACTION},
};

inline constexpr FlagField<ModemSpec> MODEM_FLAGS[] = {{"present", &ModemSpec::present}};
inline constexpr QuantityField<ModemSpec> MODEM[] = {
    {"psm_floor", &ModemSpec::psm_floor_a, CURRENT, NN},
    {"edrx_idle", &ModemSpec::edrx_idle_a, CURRENT, NN},
    {"connected", &ModemSpec::connected_a, CURRENT, NN},
    {"tx", &ModemSpec::tx_a, CURRENT, NN},
    {"attach_charge", &ModemSpec::attach_charge_c, CHARGE, NN},
    {"tau_charge", &ModemSpec::tau_charge_c, CHARGE, NN},
    {"tau_period", &ModemSpec::tau_period_s, TIME, POS},
    {"uplink_tx", &ModemSpec::uplink_tx_s, TIME, POS},
    {"uplink_connected", &ModemSpec::uplink_connected_s, TIME, NN},
};

inline constexpr QuantityField<SensorSpec> SENSORS[] = {
    {"quiescent", &SensorSpec::quiescent_a, CURRENT, NN},
    {"sample_charge", &SensorSpec::sample_charge_c, CHARGE, NN},
};

}  // namespace fleet::sim::device_schema
