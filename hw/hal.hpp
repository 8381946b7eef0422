#pragma once
// The hardware abstraction layer: everything the firmware may ask of its board. The simulator's
// SimBoard and the tests' FakeHal implement it; on a real device it wraps the MCU's drivers.
// The firmware never blocks: it asks for something (a transmission, a fix, an alarm) and returns;
// the board calls the matching Firmware entry point when it completes. The board never calls an
// entry point from inside a Hal call: completions are delivered later, from the board's event loop.
//
// Contract of the board's calls into the firmware (hw/firmware.hpp):
//   - on_wakeup() when the armed alarm fires (one-shot; only the last arm_wakeup() counts).
//   - Uplinks, class A LoRaWAN: after every start_tx() that returned STARTED, on any bearer, the board
//     runs the radio to the end of the frame and — for LoRa — through the RX1/RX2 receive windows
//     (1 s and 2 s after the end of the uplink). Then, in this order:
//       1. on_rx(payload, len, rssi) if a downlink arrived in a window (at most one per uplink);
//       2. on_tx_done(TxResult{acked}) exactly once; acked is true only for a confirmed uplink
//          (TxParams::confirmed) that the network acknowledged (LoRa: ACK bit in the RX window
//          downlink; ship hub / cellular: delivery confirmed by the hub or the network).
//     The radio's TX/RX/sleep power states are the board's to report to its energy ledger.
//   - GNSS: start_gnss_fix(timeout) powers the receiver up; the board models the time to fix and the
//     receiver's power, and calls on_gnss_done() once, with the fix or with fixed = false at the
//     timeout. The firmware does not report GNSS power states.
//   - on_sensor_event() for door, shock and light interrupts.
//   - on_bearer_heard(bearer, rssi) whenever the board hears a bearer without transmitting: a ship
//     hub beacon, a cellular cell (registration), a LoRa downlink or beacon. The firmware uses it as
//     place and availability evidence, never the simulator's ground truth.
// The firmware reports the MCU (ACTIVE for the duration of each entry point, SLEEP on return) and
// the sensors (ACTIVE around read_sensors(), SLEEP = the accelerometer's wake-on-motion floor) via
// set_power_state(); these spans take no simulated time, so a board that books a sample or a
// wake-up as a lump charge keeps doing so.
#include "hw/types.hpp"

namespace fleet::hw {

class Hal {
 public:
  virtual TimeUs now_us() const = 0;
  virtual void arm_wakeup(TimeUs at_us) = 0;  // one-shot alarm; re-arming replaces it
  virtual TxStatus start_tx(Bearer bearer, const std::uint8_t* frame, std::size_t len, TxParams params) = 0;
  virtual void start_gnss_fix(TimeUs timeout_us) = 0;  // completes with Firmware::on_gnss_done()
  virtual SensorSample read_sensors() = 0;
  virtual BatteryReading read_battery() = 0;  // a fuel gauge's quantised reading
  virtual std::uint32_t random_u32() = 0;  // the device's own deterministic stream
  // The energy ledger listens here: MCU and SENSORS from the firmware, the rest from the board.
  virtual void set_power_state(Component component, PowerState state) = 0;

 protected:
  ~Hal() = default;
};

}  // namespace fleet::hw
