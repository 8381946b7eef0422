#include "hw/uplink_codec.hpp"

#include <array>

#include <catch2/catch.hpp>

namespace {

using namespace fleet::hw;

UplinkFrame sample_frame(std::uint8_t count) {
  UplinkFrame frame;
  frame.device_id = 0xA1B2C3D4;
  frame.frame_counter = 0xBEEF;
  frame.record_count = count;
  for (std::uint8_t i = 0; i < count; ++i) {
    UplinkRecord& r = frame.records[i];
    r.kind = i % 2 == 0 ? RecordKind::ROUTINE : RecordKind::ALERT;
    r.seq = static_cast<std::uint16_t>(65530 + i);  // wraps inside the frame
    r.generated_ms = 0xFEDCBA987654ULL - i;         // uses all 48 bits
    r.temperature_cdeg = static_cast<std::int16_t>(-2500 + 100 * i);
    r.humidity_permille = static_cast<std::uint16_t>(900 + i);
    r.shock_mg = static_cast<std::uint16_t>(16000 + i);
    r.flags = i % 2 == 0 ? RECORD_FLAG_DOOR_OPEN : 0;
    r.battery_percent = static_cast<std::uint8_t>(100 - i);
  }
  return frame;
}

void check_same(const UplinkRecord& a, const UplinkRecord& b) {
  CHECK(a.kind == b.kind);
  CHECK(a.seq == b.seq);
  CHECK(a.generated_ms == b.generated_ms);
  CHECK(a.temperature_cdeg == b.temperature_cdeg);
  CHECK(a.humidity_permille == b.humidity_permille);
  CHECK(a.shock_mg == b.shock_mg);
  CHECK(a.flags == b.flags);
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
  CHECK(b[0] == 1);
  CHECK((b[1] == 0xD4 && b[2] == 0xC3 && b[3] == 0xB2 && b[4] == 0xA1));
  CHECK((b[5] == 0xEF && b[6] == 0xBE));
  CHECK(b[7] == 1);
  CHECK(b[8] == 0);                         // kind ROUTINE
  CHECK((b[9] == 0xFA && b[10] == 0xFF));   // seq 65530
  CHECK((b[11] == 0x54 && b[16] == 0xFE));  // generated_ms, low byte first, 6 bytes
  CHECK((b[17] == 0x3C && b[18] == 0xF6));  // −2500 cdeg as two's complement
  CHECK((b[23] == RECORD_FLAG_DOOR_OPEN && b[24] == 100));
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
  frame.version = 2;
  CHECK(encode_uplink(frame, bytes.data(), bytes.size()) == 0);
}

TEST_CASE("uplink decode rejects bad version, length and count", "[uplink_codec]") {
  std::array<std::uint8_t, MAX_UPLINK_FRAME_BYTES + 1> bytes{};
  const std::size_t len = encode_uplink(sample_frame(3), bytes.data(), bytes.size());
  REQUIRE(len == 59);
  UplinkFrame out;

  SECTION("bad version") {
    bytes[0] = 2;
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
