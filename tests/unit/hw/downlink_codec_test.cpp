#include "hw/downlink_codec.hpp"

#include <array>
#include <vector>

#include <catch2/catch.hpp>

namespace {

using namespace fleet::hw;

std::vector<std::uint8_t> encode(std::initializer_list<DownlinkParam> params) {
  std::vector<std::uint8_t> out(256);
  const std::vector<DownlinkParam> list(params);
  out.resize(encode_downlink(list.data(), list.size(), out.data(), out.size()));
  return out;
}

DownlinkResult apply(const std::vector<std::uint8_t>& frame, FirmwareConfig& config) {
  return apply_downlink(frame.data(), frame.size(), config);
}

}  // namespace

TEST_CASE("downlink bytes are laid out as documented", "[downlink_codec]") {
  // report_interval = 21,600 s (6 h, docs/sources.md section 9) and temperature_min = -25.00 C.
  const auto frame = encode({{1, 21'600}, {15, static_cast<std::uint16_t>(-2500)}});
  const std::vector<std::uint8_t> expected = {1, 1, 2, 1, 0x60, 0x54, 0x00, 0x00, 15, 0x3C, 0xF6};
  CHECK(frame == expected);
  FirmwareConfig config;
  REQUIRE(apply(frame, config).accepted());
  CHECK(config.report_interval_us == 21'600 * US_PER_S);
  CHECK(config.temperature_min_cdeg == -2500);
}

TEST_CASE("every parameter round-trips into its field", "[downlink_codec]") {
  const auto frame = encode({{1, 7200}, {2, 600}, {3, 1}, {4, 3600}, {5, 1800}, {6, 43'200}, {7, 5400},
                             {8, 28'800}, {9, 90}, {10, 86'400}, {11, 30}, {12, 10}, {13, 0x0E}, {14, 2500},
                             {15, static_cast<std::uint16_t>(-1000)}, {16, 4000}, {17, 100}, {18, 900}, {19, 50},
                             {20, 5}, {21, 20}, {22, 4}, {23, 1}, {24, 60}, {25, 300}, {26, 10},
                             {27, static_cast<std::uint8_t>(-2)}});
  REQUIRE(!frame.empty());
  FirmwareConfig config;
  const DownlinkResult result = apply(frame, config);
  REQUIRE(result.accepted());
  CHECK(config.report_interval_us == 7200 * US_PER_S);
  CHECK(config.sample_interval_us == 600 * US_PER_S);
  CHECK(config.policy == ReportPolicy::PLACE_AWARE);
  CHECK(config.place_report_interval_us[static_cast<std::size_t>(Place::UNKNOWN)] == 3600 * US_PER_S);
  CHECK(config.place_report_interval_us[static_cast<std::size_t>(Place::PORT)] == 1800 * US_PER_S);
  CHECK(config.place_report_interval_us[static_cast<std::size_t>(Place::SEA)] == 43'200 * US_PER_S);
  CHECK(config.place_report_interval_us[static_cast<std::size_t>(Place::ROAD)] == 5400 * US_PER_S);
  CHECK(config.gnss_interval_us == 28'800 * US_PER_S);
  CHECK(config.gnss_timeout_us == 90 * US_PER_S);
  CHECK(config.heartbeat_interval_us == 86'400 * US_PER_S);
  CHECK(config.battery_low_percent == 30);
  CHECK(config.battery_critical_percent == 10);
  CHECK(config.alert_mask == 0x0E);
  CHECK(config.shock_alert_mg == 2500);
  CHECK(config.temperature_min_cdeg == -1000);
  CHECK(config.temperature_max_cdeg == 4000);
  CHECK(config.humidity_min_permille == 100);
  CHECK(config.humidity_max_permille == 900);
  CHECK(config.light_alert_lux == 50);
  CHECK(config.max_retries == 5);
  CHECK(config.retry_backoff_us == 20 * US_PER_S);
  CHECK(config.confirm_every_n_frames == 4);
  CHECK(config.overflow_policy == OverflowPolicy::THIN);
  CHECK(config.report_jitter_us == 60 * US_PER_S);
  CHECK(config.alert_holdoff_us == 300 * US_PER_S);
  CHECK(config.spreading_factor == 10);
  CHECK(config.bearers[static_cast<std::size_t>(Bearer::LORA)].max_payload_bytes == 51);  // EU868 DR2
  CHECK(config.tx_power_dbm == -2);
}

TEST_CASE("a bad downlink is rejected whole and names its reason", "[downlink_codec]") {
  const FirmwareConfig before;
  FirmwareConfig config = before;
  const auto good = encode({{1, 7200}, {20, 5}});
  REQUIRE(good.size() == 3 + 5 + 2);

  struct Case {
    const char* what;
    std::vector<std::uint8_t> frame;
    DownlinkError error;
    ConfigField field = ConfigField::NONE;
  };
  auto with = [&](std::size_t at, std::uint8_t value) {
    auto frame = good;
    frame[at] = value;
    return frame;
  };
  const std::vector<std::uint8_t> truncated(good.begin(), good.end() - 1);
  auto trailing = good;
  trailing.push_back(0);
  const Case cases[] = {
      {"empty", {}, DownlinkError::TOO_SHORT},
      {"header only 2 bytes", {1, 1}, DownlinkError::TOO_SHORT},
      {"version 2", with(0, 2), DownlinkError::BAD_VERSION},
      {"command 7", with(1, 7), DownlinkError::BAD_COMMAND},
      {"count 0", with(2, 0), DownlinkError::BAD_COUNT},
      {"count 28", with(2, 28), DownlinkError::BAD_COUNT},
      {"count 3 for 2 entries", with(2, 3), DownlinkError::BAD_LENGTH},
      {"count 1 for 2 entries", with(2, 1), DownlinkError::BAD_LENGTH},
      {"truncated value", truncated, DownlinkError::BAD_LENGTH},
      {"trailing byte", trailing, DownlinkError::BAD_LENGTH},
      {"id 0", with(3, 0), DownlinkError::UNKNOWN_PARAM},
      {"id 28", with(3, 28), DownlinkError::UNKNOWN_PARAM},
      {"duplicate", encode({{20, 5}, {20, 6}}), DownlinkError::DUPLICATE_PARAM},
      // A valid first parameter with an out-of-range second: nothing of either is applied.
      {"9 retries after a good interval", encode({{1, 7200}, {20, 9}}), DownlinkError::OUT_OF_RANGE, ConfigField::MAX_RETRIES},
      {"report interval 0", encode({{1, 0}}), DownlinkError::OUT_OF_RANGE, ConfigField::REPORT_INTERVAL},
      {"policy 2", encode({{3, 2}}), DownlinkError::OUT_OF_RANGE, ConfigField::POLICY},
      {"critical above low", encode({{11, 10}, {12, 20}}), DownlinkError::OUT_OF_RANGE, ConfigField::BATTERY_THRESHOLDS},
      {"min above the default max", encode({{15, 7000}}), DownlinkError::OUT_OF_RANGE, ConfigField::TEMPERATURE_RANGE},
      {"jitter above interval", encode({{24, 3601}}), DownlinkError::OUT_OF_RANGE, ConfigField::REPORT_JITTER},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const DownlinkResult result = apply(c.frame, config);
    CHECK(result.error == c.error);
    CHECK(result.field == c.field);
    CHECK(config == before);
  }
  CHECK(apply_downlink(nullptr, 10, config).error == DownlinkError::TOO_SHORT);
  CHECK(apply(good, config).accepted());
  CHECK(config.max_retries == 5);
}

TEST_CASE("downlink encoder refuses what the decoder would", "[downlink_codec]") {
  std::array<std::uint8_t, 64> out{};
  const DownlinkParam unknown[] = {{28, 1}};
  CHECK(encode_downlink(unknown, 1, out.data(), out.size()) == 0);
  const DownlinkParam one[] = {{1, 60}};
  CHECK(encode_downlink(one, 0, out.data(), out.size()) == 0);
  CHECK(encode_downlink(one, 1, out.data(), 7) == 0);  // needs 3 + 1 + 4
  CHECK(encode_downlink(one, 1, out.data(), 8) == 8);
  CHECK(downlink_param_width(0) == 0);
  CHECK(downlink_param_width(MAX_DOWNLINK_PARAM_ID + 1) == 0);
}
