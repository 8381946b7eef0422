#include "hw/uplink_codec.hpp"

#include <array>

#include <catch2/catch.hpp>

namespace {

using namespace fleet::hw;

// Records cycle through the four kinds and every place, so a round trip covers each body layout.
UplinkFrame sample_frame(std::uint8_t count) {
  UplinkFrame frame;
  frame.device_id = 0xA1B2C3D4;
  frame.frame_counter = 0xBEEF;
  frame.record_count = count;
  for (std::uint8_t i = 0; i < count; ++i) {
    UplinkRecord& r = frame.records[i];
    r.kind = static_cast<RecordKind>(i % RECORD_KIND_COUNT);
    r.seq = static_cast<std::uint16_t>(65530 + i);  // wraps inside the frame
    r.generated_ms = 0xFEDCBA987654ULL - i;         // uses all 48 bits
    if (r.kind == RecordKind::POSITION) {
      r.lat_e7 = -900'000'000 + i;   // the extremes of the range, negative and positive
      r.lon_e7 = 1'800'000'000 - i;
      continue;
    }
    r.temperature_cdeg = static_cast<std::int16_t>(-2500 + 100 * i);
    r.humidity_permille = static_cast<std::uint16_t>(900 + i);
    r.shock_mg = static_cast<std::uint16_t>(16000 + i);
    r.flags = i % 2 == 0 ? RECORD_FLAG_DOOR_OPEN : RECORD_FLAG_MOVING;
    r.place = static_cast<Place>(i % PLACE_COUNT);
    if (r.kind == RecordKind::ALERT) r.alert_cause = static_cast<AlertCause>(1 + i % (ALERT_CAUSE_COUNT - 1));
    r.battery_percent = static_cast<std::uint8_t>(100 - i);
  }
  return frame;
}

void check_same(const UplinkRecord& a, const UplinkRecord& b) {
  CHECK(a.kind == b.kind);
  CHECK(a.seq == b.seq);
  CHECK(a.generated_ms == b.generated_ms);
  if (a.kind == RecordKind::POSITION) {
    CHECK(a.lat_e7 == b.lat_e7);
    CHECK(a.lon_e7 == b.lon_e7);
    return;
  }
  CHECK(a.temperature_cdeg == b.temperature_cdeg);
  CHECK(a.humidity_permille == b.humidity_permille);
  CHECK(a.shock_mg == b.shock_mg);
  CHECK(a.flags == b.flags);
  CHECK(a.place == b.place);
  CHECK(a.alert_cause == b.alert_cause);
  CHECK(a.battery_percent == b.battery_percent);
}

}  // namespace

TEST_CASE("uplink frame sizes", "[uplink_codec]") {
  STATIC_REQUIRE(UPLINK_RECORD_BYTES == 17);
  STATIC_REQUIRE(uplink_frame_bytes(2) == 42);  // what fits the 51-byte EU868 DR0..DR2 limit
  STATIC_REQUIRE(MAX_UPLINK_FRAME_BYTES == 8 + 16 * 17);
}

TEST_CASE("uplink codec round trip", "[uplink_codec]") {
  const std::uint8_t count = GENERATE(1, 2, 7, 16);
  const UplinkFrame frame = sample_frame(count);
  std::array<std::uint8_t, MAX_UPLINK_FRAME_BYTES> bytes{};
  const std::size_t len = encode_uplink(frame, bytes.data(), bytes.size());
  REQUIRE(len == uplink_frame_bytes(count));
  CHECK(uplink_record_count(bytes.data(), len) == count);

  UplinkFrame back;
  REQUIRE(decode_uplink(bytes.data(), len, back));
  CHECK(back.version == UPLINK_FORMAT_VERSION);
  CHECK(back.device_id == frame.device_id);
  CHECK(back.frame_counter == frame.frame_counter);
  REQUIRE(back.record_count == count);
  for (std::size_t i = 0; i < count; ++i) check_same(back.records[i], frame.records[i]);
}

TEST_CASE("uplink header is little-endian as documented", "[uplink_codec]") {
  const UplinkFrame frame = sample_frame(1);
  std::array<std::uint8_t, MAX_UPLINK_FRAME_BYTES> b{};
  REQUIRE(encode_uplink(frame, b.data(), b.size()) == 25);
  CHECK(b[0] == 2);
  CHECK((b[1] == 0xD4 && b[2] == 0xC3 && b[3] == 0xB2 && b[4] == 0xA1));
  CHECK((b[5] == 0xEF && b[6] == 0xBE));
  CHECK(b[7] == 1);
  CHECK(b[8] == 0);                         // kind ROUTINE
  CHECK((b[9] == 0xFA && b[10] == 0xFF));   // seq 65530
  CHECK((b[11] == 0x54 && b[16] == 0xFE));  // generated_ms, low byte first, 6 bytes
  CHECK((b[17] == 0x3C && b[18] == 0xF6));  // −2500 cdeg as two's complement
  CHECK((b[23] == RECORD_FLAG_DOOR_OPEN && b[24] == 100));  // place UNKNOWN (0), no alert cause
}

TEST_CASE("alert status byte and position body are laid out as documented", "[uplink_codec]") {
  std::uint8_t b[UPLINK_RECORD_BYTES] = {};
  UplinkRecord alert;
  alert.kind = RecordKind::ALERT;
  alert.flags = RECORD_FLAG_DOOR_OPEN | RECORD_FLAG_MOVING;
  alert.place = Place::ROAD;                         // 3 -> bits 2-3
  alert.alert_cause = AlertCause::LIGHT_IN_CLOSED_BOX;  // 6 -> bits 4-7
  encode_uplink_record(alert, b);
  CHECK(b[0] == 1);
  CHECK(b[15] == (0x03 | 3 << 2 | 6 << 4));

  UplinkRecord fix;
  fix.kind = RecordKind::POSITION;
  fix.lat_e7 = 433'000'000;   // 43.3 N, Fos-sur-Mer
  fix.lon_e7 = -48'800'000;   // a negative longitude: two's complement, little-endian
  encode_uplink_record(fix, b);
  CHECK(b[0] == 2);
  CHECK((b[9] == 0x40 && b[10] == 0x0E && b[11] == 0xCF && b[12] == 0x19));  // 0x19CF0E40
  CHECK((b[13] == 0x00 && b[14] == 0x5F && b[15] == 0x17 && b[16] == 0xFD));  // 0xFD175F00
}

TEST_CASE("uplink decode rejects records whose fields are out of range", "[uplink_codec]") {
  std::array<std::uint8_t, MAX_UPLINK_FRAME_BYTES> bytes{};
  const std::size_t len = encode_uplink(sample_frame(4), bytes.data(), bytes.size());  // R, A, P, H
  REQUIRE(len == uplink_frame_bytes(4));
  UplinkFrame out;
  REQUIRE(decode_uplink(bytes.data(), len, out));
  std::uint8_t* routine = bytes.data() + UPLINK_HEADER_BYTES;
  std::uint8_t* alert = routine + UPLINK_RECORD_BYTES;
  std::uint8_t* position = alert + UPLINK_RECORD_BYTES;

  SECTION("an alert without a cause") {
    alert[15] &= 0x0F;
    CHECK_FALSE(decode_uplink(bytes.data(), len, out));
  }
  SECTION("an unknown alert cause") {
    alert[15] = static_cast<std::uint8_t>((alert[15] & 0x0F) | ALERT_CAUSE_COUNT << 4);
    CHECK_FALSE(decode_uplink(bytes.data(), len, out));
  }
  SECTION("a routine record with a cause") {
    routine[15] |= 0x10;
    CHECK_FALSE(decode_uplink(bytes.data(), len, out));
  }
  SECTION("humidity above 1000 permille") {
    routine[11] = 0xE9;  // 1001
    routine[12] = 0x03;
    CHECK_FALSE(decode_uplink(bytes.data(), len, out));
  }
  SECTION("battery above 100 %") {
    routine[16] = 101;
    CHECK_FALSE(decode_uplink(bytes.data(), len, out));
  }
  SECTION("latitude beyond the pole") {
    position[12] = 0x40;  // 0x40xxxxxx > 900,000,000
    CHECK_FALSE(decode_uplink(bytes.data(), len, out));
  }
}

TEST_CASE("uplink encode refuses what it cannot represent", "[uplink_codec]") {
  std::array<std::uint8_t, MAX_UPLINK_FRAME_BYTES> bytes{};
  UplinkFrame frame = sample_frame(2);
  CHECK(encode_uplink(frame, bytes.data(), 41) == 0);  // one byte short
  CHECK(encode_uplink(frame, bytes.data(), 42) == 42);
  frame.record_count = 0;
  CHECK(encode_uplink(frame, bytes.data(), bytes.size()) == 0);
  frame.record_count = MAX_RECORDS_PER_FRAME + 1;
  CHECK(encode_uplink(frame, bytes.data(), bytes.size()) == 0);
  frame = sample_frame(2);
  frame.version = 1;  // the v1 layout is not what this encoder writes
  CHECK(encode_uplink(frame, bytes.data(), bytes.size()) == 0);
}

TEST_CASE("uplink decode rejects bad version, length and count", "[uplink_codec]") {
  std::array<std::uint8_t, MAX_UPLINK_FRAME_BYTES + 1> bytes{};
  const std::size_t len = encode_uplink(sample_frame(3), bytes.data(), bytes.size());
  REQUIRE(len == 59);
  UplinkFrame out;

  SECTION("bad version") {
    bytes[0] = 1;
    CHECK_FALSE(decode_uplink(bytes.data(), len, out));
    CHECK(uplink_record_count(bytes.data(), len) == 0);
  }
  SECTION("truncated") {
    CHECK_FALSE(decode_uplink(bytes.data(), len - 1, out));
    CHECK_FALSE(decode_uplink(bytes.data(), 7, out));  // not even a header
    CHECK_FALSE(decode_uplink(bytes.data(), 0, out));
    CHECK(uplink_record_count(bytes.data(), len - 1) == 0);
  }
  SECTION("trailing bytes") {
    CHECK_FALSE(decode_uplink(bytes.data(), len + 1, out));
  }
  SECTION("count does not match the length") {
    bytes[7] = 2;
    CHECK_FALSE(decode_uplink(bytes.data(), len, out));
    bytes[7] = 4;
    CHECK_FALSE(decode_uplink(bytes.data(), len, out));
  }
  SECTION("count of zero or above the maximum") {
    bytes[7] = 0;
    CHECK_FALSE(decode_uplink(bytes.data(), 8, out));
    bytes[7] = MAX_RECORDS_PER_FRAME + 1;
    CHECK_FALSE(decode_uplink(bytes.data(), uplink_frame_bytes(MAX_RECORDS_PER_FRAME + 1), out));
  }
  SECTION("unknown record kind") {
    bytes[8 + 17] = 7;
    CHECK_FALSE(decode_uplink(bytes.data(), len, out));
  }
  SECTION("null frame") {
    CHECK_FALSE(decode_uplink(nullptr, len, out));
    CHECK(uplink_record_count(nullptr, len) == 0);
  }
}
