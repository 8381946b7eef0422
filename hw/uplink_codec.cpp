#include "hw/uplink_codec.hpp"

#include "hw/byte_order.hpp"

namespace fleet::hw {
namespace {

constexpr std::int64_t MAX_LAT_E7 = 900'000'000;
constexpr std::int64_t MAX_LON_E7 = 1'800'000'000;
constexpr std::size_t STATUS_OFFSET = 15;

bool header_valid(const std::uint8_t* frame, std::size_t len) {
  if (frame == nullptr || len < UPLINK_HEADER_BYTES) return false;
  const std::size_t count = frame[7];
  return frame[0] == UPLINK_FORMAT_VERSION && count >= 1 && count <= MAX_RECORDS_PER_FRAME &&
         len == uplink_frame_bytes(count);
}

constexpr std::uint8_t status_byte(const UplinkRecord& r) {
  return static_cast<std::uint8_t>((r.flags & (RECORD_FLAG_DOOR_OPEN | RECORD_FLAG_MOVING)) |
                                   (static_cast<std::uint8_t>(r.place) & 0x3) << 2 |
                                   (static_cast<std::uint8_t>(r.alert_cause) & 0xF) << 4);
}

}  // namespace

void encode_uplink_record(const UplinkRecord& record, std::uint8_t* out) {
  out[0] = static_cast<std::uint8_t>(record.kind);
  put_le(out + 1, record.seq, 2);
  put_le(out + 3, record.generated_ms & GENERATED_MS_MASK, 6);
  if (record.kind == RecordKind::POSITION) {
    put_le(out + 9, static_cast<std::uint32_t>(record.lat_e7), 4);
    put_le(out + 13, static_cast<std::uint32_t>(record.lon_e7), 4);
    return;
  }
  put_le(out + 9, static_cast<std::uint16_t>(record.temperature_cdeg), 2);
  put_le(out + 11, record.humidity_permille, 2);
  put_le(out + 13, record.shock_mg, 2);
  out[STATUS_OFFSET] = status_byte(record);
  out[16] = record.battery_percent;
}

UplinkRecord decode_uplink_record(const std::uint8_t* in) {
  UplinkRecord record;
  record.kind = static_cast<RecordKind>(in[0]);
  record.seq = static_cast<std::uint16_t>(get_le(in + 1, 2));
  record.generated_ms = get_le(in + 3, 6);
  if (record.kind == RecordKind::POSITION) {
    record.lat_e7 = static_cast<std::int32_t>(get_le_signed(in + 9, 4));
    record.lon_e7 = static_cast<std::int32_t>(get_le_signed(in + 13, 4));
    return record;
  }
  record.temperature_cdeg = static_cast<std::int16_t>(get_le_signed(in + 9, 2));
  record.humidity_permille = static_cast<std::uint16_t>(get_le(in + 11, 2));
  record.shock_mg = static_cast<std::uint16_t>(get_le(in + 13, 2));
  const std::uint8_t status = in[STATUS_OFFSET];
  record.flags = status & (RECORD_FLAG_DOOR_OPEN | RECORD_FLAG_MOVING);
  record.place = static_cast<Place>((status >> 2) & 0x3);
  record.alert_cause = static_cast<AlertCause>(status >> 4);
  record.battery_percent = in[16];
  return record;
}

bool uplink_record_valid(const std::uint8_t* in) {
  if (in[0] >= RECORD_KIND_COUNT) return false;
  const auto kind = static_cast<RecordKind>(in[0]);
  if (kind == RecordKind::POSITION) {
    const std::int64_t lat = get_le_signed(in + 9, 4);
    const std::int64_t lon = get_le_signed(in + 13, 4);
    return lat >= -MAX_LAT_E7 && lat <= MAX_LAT_E7 && lon >= -MAX_LON_E7 && lon <= MAX_LON_E7;
  }
  const std::size_t cause = in[STATUS_OFFSET] >> 4;
  const bool cause_ok = kind == RecordKind::ALERT ? cause >= 1 && cause < ALERT_CAUSE_COUNT : cause == 0;
  return cause_ok && get_le(in + 11, 2) <= 1000 && in[16] <= 100;
}

void encode_uplink_header(std::uint32_t device_id, std::uint16_t frame_counter, std::uint8_t record_count,
                          std::uint8_t* out) {
  out[0] = UPLINK_FORMAT_VERSION;
  put_le(out + 1, device_id, 4);
  put_le(out + 5, frame_counter, 2);
  out[7] = record_count;
}

std::size_t encode_uplink(const UplinkFrame& frame, std::uint8_t* out, std::size_t capacity) {
  const std::size_t count = frame.record_count;
  if (frame.version != UPLINK_FORMAT_VERSION || count == 0 || count > MAX_RECORDS_PER_FRAME) return 0;
  const std::size_t len = uplink_frame_bytes(count);
  if (out == nullptr || len > capacity) return 0;
  encode_uplink_header(frame.device_id, frame.frame_counter, frame.record_count, out);
  for (std::size_t i = 0; i < count; ++i) {
    encode_uplink_record(frame.records[i], out + UPLINK_HEADER_BYTES + i * UPLINK_RECORD_BYTES);
  }
  return len;
}

bool decode_uplink(const std::uint8_t* frame, std::size_t len, UplinkFrame& out) {
  if (!header_valid(frame, len)) return false;
  out.version = frame[0];
  out.device_id = static_cast<std::uint32_t>(get_le(frame + 1, 4));
  out.frame_counter = static_cast<std::uint16_t>(get_le(frame + 5, 2));
  out.record_count = frame[7];
  for (std::size_t i = 0; i < out.record_count; ++i) {
    const std::uint8_t* in = frame + UPLINK_HEADER_BYTES + i * UPLINK_RECORD_BYTES;
    if (!uplink_record_valid(in)) return false;
    out.records[i] = decode_uplink_record(in);
  }
  return true;
}

std::size_t uplink_record_count(const std::uint8_t* frame, std::size_t len) {
  return header_valid(frame, len) ? frame[7] : 0;
}

}  // namespace fleet::hw
