#pragma once
// The compact binary uplink format, version 2. Little-endian, no padding, fixed-size records so a
// receiver can check the length from the header alone and the device can queue records in wire form.
//
// Frame header (UPLINK_HEADER_BYTES = 8):
//   offset  size  field
//   0       1     version          u8   = UPLINK_FORMAT_VERSION (2)
//   1       4     device_id        u32
//   5       2     frame_counter    u16  wraps; counts new frames (a retransmission repeats its counter,
//                                       so the server can drop the duplicate of a frame whose ack was lost)
//   7       1     record_count     u8   1..MAX_RECORDS_PER_FRAME
// then record_count records (UPLINK_RECORD_BYTES = 17 each), alerts first, then oldest first:
//   0       1     kind             u8   ROUTINE = 0, ALERT = 1, POSITION = 2, HEARTBEAT = 3
//   1       2     seq              u16  wraps; per-device record sequence number
//   3       6     generated_ms     u48  device time (ms since boot) when the record was made
//   9       8     body, by kind:
//     ROUTINE, ALERT, HEARTBEAT:
//   9       2     temperature_cdeg i16  centi-degrees Celsius
//   11      2     humidity_permille u16 0..1000
//   13      2     shock_mg         u16  peak acceleration since the previous record
//   15      1     status           u8   bit0 door open (now or at any time since the previous record)
//                                       bit1 moving; bits2-3 Place (UNKNOWN 0, PORT 1, SEA 2, ROAD 3);
//                                       bits4-7 AlertCause (ALERT: 1..6, other kinds: 0)
//   16      1     battery_percent  u8   0..100
//     POSITION (a GNSS fix):
//   9       4     lat_e7           i32  degrees x 1e7, -90..90
//   13      4     lon_e7           i32  degrees x 1e7, -180..180
// A frame is exactly 8 + 17·record_count bytes; anything else, an unknown kind or a field out of its
// range is rejected. Version 1 (no POSITION/HEARTBEAT, status = door bit only) is not accepted.
#include <cstddef>
#include <cstdint>

#include "hw/types.hpp"

namespace fleet::hw {

inline constexpr std::uint8_t UPLINK_FORMAT_VERSION = 2;
inline constexpr std::size_t UPLINK_HEADER_BYTES = 8;
inline constexpr std::size_t UPLINK_RECORD_BYTES = 17;
inline constexpr std::size_t MAX_RECORDS_PER_FRAME = 16;
inline constexpr std::size_t MAX_UPLINK_FRAME_BYTES =
    UPLINK_HEADER_BYTES + MAX_RECORDS_PER_FRAME * UPLINK_RECORD_BYTES;

constexpr std::size_t uplink_frame_bytes(std::size_t record_count) {
  return UPLINK_HEADER_BYTES + record_count * UPLINK_RECORD_BYTES;
}

enum class RecordKind : std::uint8_t { ROUTINE = 0, ALERT = 1, POSITION = 2, HEARTBEAT = 3 };
inline constexpr std::size_t RECORD_KIND_COUNT = 4;

inline constexpr std::uint8_t RECORD_FLAG_DOOR_OPEN = 0x01;
inline constexpr std::uint8_t RECORD_FLAG_MOVING = 0x02;
inline constexpr std::uint64_t GENERATED_MS_MASK = (std::uint64_t{1} << 48) - 1;  // u48 on the wire

struct UplinkRecord {
  RecordKind kind = RecordKind::ROUTINE;
  std::uint16_t seq = 0;
  std::uint64_t generated_ms = 0;  // only the low 48 bits travel (8,900 years of device time)
  // ROUTINE, ALERT, HEARTBEAT
  std::int16_t temperature_cdeg = 0;
  std::uint16_t humidity_permille = 0;
  std::uint16_t shock_mg = 0;
  std::uint8_t flags = 0;  // RECORD_FLAG_*
  Place place = Place::UNKNOWN;
  AlertCause alert_cause = AlertCause::NONE;  // ALERT only
  std::uint8_t battery_percent = 0;
  // POSITION
  std::int32_t lat_e7 = 0;
  std::int32_t lon_e7 = 0;
};

struct UplinkFrame {
  std::uint8_t version = UPLINK_FORMAT_VERSION;
  std::uint32_t device_id = 0;
  std::uint16_t frame_counter = 0;
  std::uint8_t record_count = 0;
  UplinkRecord records[MAX_RECORDS_PER_FRAME] = {};
};

// One record to/from its 17 wire bytes (also the record queue's storage format). The encoder writes
// what it is given; uplink_record_valid() says whether the bytes would pass decode_uplink().
void encode_uplink_record(const UplinkRecord& record, std::uint8_t* out);
UplinkRecord decode_uplink_record(const std::uint8_t* in);
bool uplink_record_valid(const std::uint8_t* in);

// The 8-byte frame header alone, for a sender that copies queued record bytes right after it.
void encode_uplink_header(std::uint32_t device_id, std::uint16_t frame_counter, std::uint8_t record_count,
                          std::uint8_t* out);

// Bytes written, 0 if the frame is invalid (version, record_count 0 or above the maximum) or does
// not fit in capacity.
std::size_t encode_uplink(const UplinkFrame& frame, std::uint8_t* out, std::size_t capacity);
// False on a bad version, a record count of 0 or above the maximum, a length that is not exactly
// header + count records, or a record that is not valid; `out` is then unspecified.
bool decode_uplink(const std::uint8_t* frame, std::size_t len, UplinkFrame& out);
// Header peek for receivers that only count: record_count, or 0 if the frame is invalid.
std::size_t uplink_record_count(const std::uint8_t* frame, std::size_t len);

}  // namespace fleet::hw
