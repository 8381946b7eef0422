// Reads the radio (scenarios/README.md `radio`): region, channels and their EU868 sub-bands, the
// modulation, the settings the firmware's MAC takes, capture and inter-SF interference, path loss,
// the validation traffic, the class A receive windows and ADR. Separate because it is the one
// section the LoRa medium, the devices' MAC and the network server all read.
#include "sim/scenario/radio_reader.hpp"

#include <cmath>
#include <initializer_list>
#include <string_view>

#include "hw/firmware_config.hpp"
#include "models/eu868_channel_plan.hpp"
#include "sim/scenario/firmware_fields.hpp"
#include "sim/scenario/firmware_setup.hpp"

namespace fleet::sim::loader {
namespace {

const std::initializer_list<std::string_view> REGIONS{"EU868"};
const std::initializer_list<std::string_view> PATH_LOSS_MODELS{"log_distance", "okumura_hata", "free_space"};
const std::initializer_list<std::string_view> HATA_ENVIRONMENTS{"urban_large_city", "urban_small_city", "suburban",
                                                                "open"};
const std::initializer_list<std::string_view> INTER_SF_MODELS{"goursaud", "orthogonal"};
const std::initializer_list<std::string_view> SF_REFERENCES{"gateway", "device"};
const std::initializer_list<std::string_view> TRAFFIC_MODELS{"firmware", "exponential"};
const std::initializer_list<std::string_view> BOOLEANS{"true", "false"};

int read_spreading_factor(const Context& ctx, const Field& field) {
  const std::string expected = "an integer from 7 to 12 or \"auto\"";
  const std::string& text = scalar_text(ctx, field, expected);
  if (text == "auto") return 0;
  const auto value = parse_integer(text);
  if (!value || *value < 7 || *value > 12) ctx.fail_value(field, "expected " + expected + ", got " + text);
  return static_cast<int>(*value);
}

// LoRa coding rate 4/5..4/8, stored as 1..4 like the SX127x register; either spelling is accepted.
int read_coding_rate(const Context& ctx, const Field& field) {
  const std::string expected = "a coding rate from 4/5 to 4/8 (or 1 to 4)";
  const std::string& text = scalar_text(ctx, field, expected);
  for (int rate = 1; rate <= 4; ++rate) {
    if (text == "4/" + std::to_string(rate + 4) || text == std::to_string(rate)) return rate;
  }
  ctx.fail_value(field, "expected " + expected + ", got " + text);
}

PathLossSpec read_path_loss(const Context& ctx, const Section& radio) {
  PathLossSpec loss;
  const Section s = radio.section("path_loss", {"model", "exponent", "reference_loss", "reference_distance",
                                                "environment", "gateway_height", "device_height",
                                                "shadowing_sigma"});
  if (auto field = s.find("model")) loss.model = read_choice(ctx, *field, "path-loss model", PATH_LOSS_MODELS);
  if (auto field = s.find("environment"))
    loss.environment = read_choice(ctx, *field, "Okumura-Hata environment", HATA_ENVIRONMENTS);
  loss.gateway_height_m =
      s.quantity("gateway_height", Dimension::DISTANCE, loss.gateway_height_m, Check::POSITIVE);
  loss.device_height_m = s.quantity("device_height", Dimension::DISTANCE, loss.device_height_m, Check::POSITIVE);
  loss.exponent = s.quantity("exponent", Dimension::DIMENSIONLESS, loss.exponent, Check::POSITIVE);
  loss.reference_loss_db = s.quantity("reference_loss", Dimension::DECIBEL, loss.reference_loss_db);
  loss.reference_distance_m =
      s.quantity("reference_distance", Dimension::DISTANCE, loss.reference_distance_m, Check::POSITIVE);
  loss.shadowing_sigma_db =
      s.quantity("shadowing_sigma", Dimension::DECIBEL, loss.shadowing_sigma_db, Check::NON_NEGATIVE);
  return loss;
}

TrafficSpec read_traffic(const Context& ctx, const Section& radio) {
  TrafficSpec traffic;
  const Section s = radio.section("traffic", {"model", "mean_gap", "phy_payload"});
  if (auto field = s.find("model")) traffic.model = read_choice(ctx, *field, "traffic model", TRAFFIC_MODELS);
  traffic.mean_gap_s = s.quantity("mean_gap", Dimension::TIME, traffic.mean_gap_s, Check::POSITIVE);
  if (auto field = s.find("phy_payload")) {
    // One record must travel in it: the network server decodes every frame it delivers.
    const double bytes = read_quantity(ctx, *field, Dimension::DATA_SIZE, Check::POSITIVE);
    if (bytes != static_cast<int>(bytes) || bytes > 255) {
      ctx.fail_value(*field, "expected a whole number of bytes from 1B to 255B, got " + field->node.Scalar());
    }
    traffic.phy_payload_bytes = static_cast<int>(bytes);
  }
  return traffic;
}

ClassASpec read_class_a(const Context& ctx, const Section& radio, double bandwidth_hz) {
  ClassASpec c;
  const Section s = radio.section("class_a", {"rx1_delay", "rx2_frequency", "rx2_spreading_factor", "window_symbols",
                                              "rx1_gateway_tx_power", "rx2_gateway_tx_power", "dedup_window"});
  if (auto field = s.find("rx1_delay")) {
    // LoRaWAN RxTimingSetupReq: RECEIVE_DELAY1 is a whole number of seconds from 1 to 15.
    c.rx1_delay_s = read_quantity(ctx, *field, Dimension::TIME, Check::POSITIVE);
    if (c.rx1_delay_s != std::round(c.rx1_delay_s) || c.rx1_delay_s < 1 || c.rx1_delay_s > 15)
      ctx.fail_value(*field, "expected a whole number of seconds from 1s to 15s (LoRaWAN RxTimingSetupReq), got " +
                                 field->node.Scalar());
  }
  if (auto field = s.find("rx2_frequency")) {
    c.rx2_frequency_hz = read_quantity(ctx, *field, Dimension::FREQUENCY, Check::POSITIVE);
    if (!models::eu868_sub_band_of(c.rx2_frequency_hz, bandwidth_hz))
      ctx.fail_value(*field, "RX2 frequency " + field->node.Scalar() + " is not inside an EU868 sub-band");
  }
  if (auto field = s.find("rx2_spreading_factor")) {
    c.rx2_spreading_factor = read_spreading_factor(ctx, *field);
    if (c.rx2_spreading_factor == 0) ctx.fail_value(*field, "expected an integer from 7 to 12, got auto");
  }
  c.window_symbols = static_cast<int>(s.integer("window_symbols", 5, 255, c.window_symbols));
  c.rx1_gateway_tx_power_dbm = s.quantity("rx1_gateway_tx_power", Dimension::POWER_DBM, c.rx1_gateway_tx_power_dbm);
  c.rx2_gateway_tx_power_dbm = s.quantity("rx2_gateway_tx_power", Dimension::POWER_DBM, c.rx2_gateway_tx_power_dbm);
  c.dedup_window_s = s.quantity("dedup_window", Dimension::TIME, c.dedup_window_s, Check::NON_NEGATIVE);
  return c;
}

AdrSpec read_adr(const Context& ctx, const Section& radio, double tx_power_dbm) {
  AdrSpec adr;
  const Section s = radio.section("adr", {"enabled", "margin", "history", "min_tx_power"});
  if (auto field = s.find("enabled")) adr.enabled = read_choice(ctx, *field, "ADR switch", BOOLEANS) == "true";
  adr.margin_db = s.quantity("margin", Dimension::DECIBEL, adr.margin_db, Check::NON_NEGATIVE);
  adr.history = static_cast<int>(s.integer("history", 1, 255, adr.history));
  // The firmware takes the power ADR sets: its range and whole-dB resolution apply.
  adr.min_tx_power_dbm =
      firmware_quantity(ctx, s, "min_tx_power", Dimension::POWER_DBM, 1, hw::ConfigField::TX_POWER, adr.min_tx_power_dbm);
  // With ADR on, a minimum above the start power could never be reached: refused rather than ignored.
  if (auto field = s.find("min_tx_power"); field && adr.enabled && adr.min_tx_power_dbm > tx_power_dbm)
    ctx.fail_value(*field, "ADR's minimum TX power " + field->node.Scalar() + " is above radio.tx_power (" +
                               format_quantity(tx_power_dbm, Dimension::POWER_DBM) + "), the power devices start at");
  return adr;
}

// Every channel must lie whole inside one of the region's regulated sub-bands (docs/sources.md §4).
void check_channels_in_plan(const Context& ctx, const std::vector<Field>& channels, const RadioSpec& radio) {
  for (std::size_t i = 0; i < channels.size(); ++i) {
    if (!models::eu868_sub_band_of(radio.channels_hz[i], radio.bandwidth_hz)) {
      ctx.fail_value(channels[i], "channel " + channels[i].node.Scalar() + " with " +
                                      format_quantity(radio.bandwidth_hz, Dimension::FREQUENCY) +
                                      " bandwidth is not inside an EU868 sub-band (868.0-868.6MHz, "
                                      "868.7-869.2MHz, 869.4-869.65MHz)");
    }
  }
}

}  // namespace

RadioSpec read_radio(const Context& ctx, const Section& top) {
  RadioSpec radio;
  const Section s = top.section("radio", {"region", "channels", "spreading_factor", "sf_margin", "bandwidth",
                                          "coding_rate", "preamble_symbols", "tx_power", "duty_cycle",
                                          "mac_overhead", "capture_threshold", "capture", "inter_sf",
                                          "demodulators", "sf_reference", "path_loss", "traffic", "class_a", "adr"});
  if (auto field = s.find("region")) radio.region = read_choice(ctx, *field, "region", REGIONS);
  radio.bandwidth_hz = s.quantity("bandwidth", Dimension::FREQUENCY, radio.bandwidth_hz, Check::POSITIVE);
  if (auto field = s.find("channels")) {
    radio.channels_hz.clear();
    const std::vector<Field> channels =
        s.list(*field, "a list of channels such as [868.1MHz, 868.3MHz]", "channel");
    for (const Field& channel : channels) {
      if (radio.channels_hz.size() == hw::MAX_CHANNELS)
        ctx.fail_value(channel, "the firmware keeps at most " + std::to_string(hw::MAX_CHANNELS) + " channels");
      radio.channels_hz.push_back(read_quantity(ctx, channel, Dimension::FREQUENCY, Check::POSITIVE));
    }
    check_channels_in_plan(ctx, channels, radio);
  } else if (auto field = s.find("bandwidth")) {
    // The default channels must fit a written bandwidth too: the resolved scenario writes them out,
    // and it must load back (found by the scenario fuzzer: 250kHz with the default 868.1MHz).
    for (const double channel_hz : radio.channels_hz) {
      if (!models::eu868_sub_band_of(channel_hz, radio.bandwidth_hz)) {
        ctx.fail_value(*field, field->node.Scalar() + " puts the default channel " +
                                   format_quantity(channel_hz, Dimension::FREQUENCY) +
                                   " outside every EU868 sub-band (868.0-868.6MHz, 868.7-869.2MHz, "
                                   "869.4-869.65MHz): write radio.channels for it");
      }
    }
  }
  if (auto field = s.find("spreading_factor")) radio.spreading_factor = read_spreading_factor(ctx, *field);
  radio.sf_margin_db = s.quantity("sf_margin", Dimension::DECIBEL, radio.sf_margin_db, Check::NON_NEGATIVE);
  if (auto field = s.find("coding_rate")) radio.coding_rate = read_coding_rate(ctx, *field);
  // The firmware's MAC takes these settings: its ranges and resolutions apply (hw::config_field_range).
  radio.preamble_symbols = firmware_integer(s, "preamble_symbols", hw::ConfigField::PREAMBLE, radio.preamble_symbols);
  radio.tx_power_dbm =
      firmware_quantity(ctx, s, "tx_power", Dimension::POWER_DBM, 1, hw::ConfigField::TX_POWER, radio.tx_power_dbm);
  radio.duty_cycle =
      firmware_quantity(ctx, s, "duty_cycle", Dimension::FRACTION, PERMILLE, hw::ConfigField::DUTY_CYCLE, radio.duty_cycle);
  radio.mac_overhead_bytes = static_cast<int>(firmware_quantity(ctx, s, "mac_overhead", Dimension::DATA_SIZE, 1,
                                                                hw::ConfigField::MAC_OVERHEAD, radio.mac_overhead_bytes));
  radio.capture_threshold_db =
      s.quantity("capture_threshold", Dimension::DECIBEL, radio.capture_threshold_db);
  if (auto field = s.find("capture")) radio.capture = read_choice(ctx, *field, "capture switch", BOOLEANS) == "true";
  if (auto field = s.find("inter_sf")) radio.inter_sf = read_choice(ctx, *field, "inter-SF model", INTER_SF_MODELS);
  radio.demodulators = static_cast<int>(s.integer("demodulators", 1, 64, radio.demodulators));
  if (auto field = s.find("sf_reference"))
    radio.sf_reference = read_choice(ctx, *field, "SF sensitivity reference", SF_REFERENCES);
  radio.path_loss = read_path_loss(ctx, s);
  radio.traffic = read_traffic(ctx, s);
  radio.class_a = read_class_a(ctx, s, radio.bandwidth_hz);
  radio.adr = read_adr(ctx, s, radio.tx_power_dbm);
  return radio;
}

}  // namespace fleet::sim::loader
