#pragma once
// The hardware abstraction layer: everything the firmware may ask of its board. The simulator's
// SimBoard and the tests' FakeHal implement it; on a real device it wraps the MCU's drivers.
// The firmware never blocks: it asks for something (a transmission, a fix, an alarm) and returns;
// the board calls the matching Firmware entry point when it completes.
#include "hw/types.hpp"

namespace fleet::hw {

class Hal {
 public:
  virtual TimeUs now_us() const = 0;
  virtual void arm_wakeup(TimeUs at_us) = 0;  // one-shot alarm; re-arming replaces it
  virtual TxStatus start_tx(Bearer bearer, const std::uint8_t* frame, std::size_t len, TxParams params) = 0;
  virtual void start_gnss_fix(TimeUs timeout_us) = 0;  // completes with Firmware::on_gnss_done()
  virtual SensorSample read_sensors() = 0;
  virtual BatteryReading read_battery() = 0;
  virtual std::uint32_t random_u32() = 0;  // the device's own deterministic stream
  // The energy ledger listens here. The firmware reports the MCU, GNSS and sensors; the radio
  // hardware model on the board reports the radio's own TX/RX/sleep transitions.
  virtual void set_power_state(Component component, PowerState state) = 0;

 protected:
  ~Hal() = default;
};

}  // namespace fleet::hw
