#include "hw/uplink_codec.hpp"

namespace fleet::hw {
namespace {

// Explicit little-endian byte order, independent of the host's (and of alignment).
void put_le(std::uint8_t* out, std::uint64_t value, std::size_t bytes) {
  for (std::size_t i = 0; i < bytes; ++i) out[i] = static_cast<std::uint8_t>(value >> (8 * i));
}

std::uint64_t get_le(const std::uint8_t* in, std::size_t bytes) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < bytes; ++i) value |= static_cast<std::uint64_t>(in[i]) << (8 * i);
  return value;
}

bool header_valid(const std::uint8_t* frame, std::size_t len) {
  if (frame == nullptr || len < UPLINK_HEADER_BYTES) return false;
  const std::size_t count = frame[7];
  return frame[0] == UPLINK_FORMAT_VERSION && count >= 1 && count <= MAX_RECORDS_PER_FRAME &&
         len == uplink_frame_bytes(count);
}

}  // namespace

void encode_uplink_record(const UplinkRecord& record, std::uint8_t* out) {
  out[0] = static_cast<std::uint8_t>(record.kind);
  put_le(out + 1, record.seq, 2);
  put_le(out + 3, record.generated_ms & GENERATED_MS_MASK, 6);
  put_le(out + 9, static_cast<std::uint16_t>(record.temperature_cdeg), 2);
  put_le(out + 11, record.humidity_permille, 2);
  put_le(out + 13, record.shock_mg, 2);
  out[15] = record.flags;
  out[16] = record.battery_percent;
}

UplinkRecord decode_uplink_record(const std::uint8_t* in) {
  UplinkRecord record;
  record.kind = static_cast<RecordKind>(in[0]);
  record.seq = static_cast<std::uint16_t>(get_le(in + 1, 2));
  record.generated_ms = get_le(in + 3, 6);
  record.temperature_cdeg = static_cast<std::int16_t>(static_cast<std::uint16_t>(get_le(in + 9, 2)));
  record.humidity_permille = static_cast<std::uint16_t>(get_le(in + 11, 2));
  record.shock_mg = static_cast<std::uint16_t>(get_le(in + 13, 2));
  record.flags = in[15];
  record.battery_percent = in[16];
  return record;
}

std::size_t encode_uplink(const UplinkFrame& frame, std::uint8_t* out, std::size_t capacity) {
  const std::size_t count = frame.record_count;
  if (frame.version != UPLINK_FORMAT_VERSION || count == 0 || count > MAX_RECORDS_PER_FRAME) return 0;
  const std::size_t len = uplink_frame_bytes(count);
  if (out == nullptr || len > capacity) return 0;
  out[0] = frame.version;
  put_le(out + 1, frame.device_id, 4);
  put_le(out + 5, frame.frame_counter, 2);
  out[7] = frame.record_count;
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
    if (in[0] > static_cast<std::uint8_t>(RecordKind::ALERT)) return false;
    out.records[i] = decode_uplink_record(in);
  }
  return true;
}

std::size_t uplink_record_count(const std::uint8_t* frame, std::size_t len) {
  return header_valid(frame, len) ? frame[7] : 0;
}

}  // namespace fleet::hw
