#pragma once
// The simulated board of one container tracker: the HAL the firmware runs on. It models the
// hardware around the firmware — alarm timer, LoRa radio, sensors, fuel gauge — and keeps the
// device's energy ledger and battery. `final` so the runtime's own calls devirtualise.
#include <cstdint>
#include <vector>

#include "hw/hal.hpp"
#include "hw/uplink_codec.hpp"
#include "models/battery.hpp"
#include "models/energy_ledger.hpp"
#include "models/geo.hpp"
#include "models/random_stream.hpp"
#include "sim/fleet/brown_out_watch.hpp"
#include "sim/fleet/environment_events.hpp"
#include "sim/radio/radio_medium.hpp"
#include "sim/voyage/voyage_world.hpp"

namespace fleet::sim {

struct FleetRuntime;

inline constexpr hw::TimeUs NO_WAKEUP = ~hw::TimeUs{0};

class SimBoard final : public hw::Hal {
 public:
  SimBoard(FleetRuntime& fleet, std::uint32_t device_id, models::LocalPoint position);

  // hw::Hal
  hw::TimeUs now_us() const override;
  void arm_wakeup(hw::TimeUs at_us) override;
  hw::TxStatus start_tx(hw::Bearer bearer, const std::uint8_t* frame, std::size_t len, hw::TxParams params) override;
  void start_gnss_fix(hw::TimeUs timeout_us) override;
  hw::SensorSample read_sensors() override;
  hw::BatteryReading read_battery() override;
  std::uint32_t random_u32() override;
  void set_power_state(hw::Component component, hw::PowerState state) override;

  // Runtime side.
  bool wakeup_is_current(std::uint32_t generation) const { return generation == wakeup_generation_; }
  void charge_firmware_run();  // MCU wake-up and run cost of one firmware entry-point call
  const Transmission& transmission() const { return tx_; }
  const std::vector<std::uint8_t>& tx_frame() const { return tx_frame_; }
  std::uint32_t tx_records() const { return tx_records_; }
  std::uint16_t tx_frame_counter() const { return tx_frame_counter_; }
  bool tx_confirmed() const { return tx_confirmed_; }
  std::uint32_t confirmed_frames_sent() const { return confirmed_frames_sent_; }  // repeats included
  // Records of the frame that the server did not have when it left (accounting.hpp): bit i for record i.
  std::uint16_t tx_fresh_mask() const { return tx_fresh_mask_; }
  std::uint32_t tx_fresh_records() const { return tx_fresh_records_; }
  // Records that travel with this frame in the books' sense: a confirmed frame's stay queued.
  std::uint32_t tx_records_leaving() const { return tx_confirmed_ ? 0 : tx_fresh_records_; }
  void end_tx();
  bool tx_active() const { return tx_active_; }
  // The bearer of the frame on air (or last sent). A cellular frame is handed to the LTE-M network:
  // the books treat it as leaving the device (accounting.hpp), the firmware gets the network's
  // delivery confirmation when the modem's connection ends, if it asked for one.
  hw::Bearer tx_bearer() const { return tx_bearer_; }
  bool cellular_ack_requested() const { return cellular_ack_requested_; }
  std::uint16_t tx_cell() const { return tx_cell_; }
  // After a cellular frame's transmission: the modem stays RRC connected until the release.
  void hold_modem_connected();
  void release_modem();
  // Voyage world: the device enters a journey step. Returns true if an LTE-M network has just come
  // into reach (the modem registers: the firmware should hear the bearer). At boot the attach is the
  // registration, already charged.
  bool enter_journey_step(std::uint16_t cell, bool moving, bool on_board, bool at_boot);
  // The modem is registered on an LTE-M network (voyage world): it hears the cell at every TAU.
  bool cellular_reachable() const;
  // Class A: the radio belongs to the uplink until its receive windows close (hal.hpp): no new frame
  // starts before end_class_a().
  void end_class_a() { class_a_open_ = false; }
  // The radio belongs to an uplink (on air, or its class A / LTE-M cycle): it can listen for nothing else.
  bool radio_busy() const { return tx_active_ || class_a_open_; }
  // The receiver on for `duration_us` (a window listening for a preamble, or a downlink being received),
  // booked as a lump of RX charge: the radio sleeps between the windows (ns-3 ClassAEndDeviceLorawanMac
  // switches to sleep after TX and after each window), and a lump keeps the quiet windows free of events.
  void book_receive(hw::TimeUs duration_us);
  // Brown-out prediction: after each event, the time the battery empties under the present load is
  // armed as a BROWN_OUT event if it falls within the run, so a device dies when its cell does, not
  // at its next event. The event is current only if nothing changed the load since.
  void arm_brown_out(hw::TimeUs end_of_run_us);
  // A BROWN_OUT event of this board came out of the queue: true if it is current (brown_out_watch.hpp).
  bool take_brown_out_event(std::uint32_t generation);
  // GNSS: the receiver's answer when its acquisition ends (at the GNSS_DONE event).
  hw::GnssResult finish_gnss_fix();
  // Modem: one periodic tracking-area update; arms the next one.
  void modem_tracking_area_update();
  std::uint32_t gnss_fixes() const { return gnss_fixes_; }
  double airtime_s() const { return static_cast<double>(airtime_us_) * 1e-6; }  // every frame started, in full
  std::uint32_t gnss_failures() const { return gnss_failures_; }
  // Brown-out: the frame on air (if any) is cut short and every component is switched off, so the
  // ledger and the battery accrue nothing more. Returns the records that were on air.
  std::uint32_t power_off();
  void settle(hw::TimeUs now_us);  // accrue the ledger and battery up to now (end of run)

  // Door, shock and light events of this container (delivered by the fleet scheduler).
  EnvironmentEvents& environment() { return environment_; }

  std::uint32_t device_id() const { return device_id_; }
  models::LocalPoint position() const { return position_; }
  const models::EnergyLedger& ledger() const { return ledger_; }
  const models::Battery& battery() const { return battery_; }

 private:
  void feed_battery(models::EnergyLedger::Interval interval);
  void mark_fresh_records(const hw::UplinkFrame& frame);
  // Books a frame that starts now: its records (decoded from the bytes the firmware built) and copy.
  void file_frame(const std::uint8_t* frame, std::size_t len, bool confirmed_in_books);
  hw::TxStatus start_cellular_tx(const std::uint8_t* frame, std::size_t len, hw::TxParams params);
  models::LatLon position_now() const;
  void add_charge(hw::Component component, double charge_c);

  FleetRuntime& fleet_;
  std::uint32_t device_id_;
  models::LocalPoint position_;
  std::uint32_t wakeup_generation_ = 0;
  hw::TimeUs armed_at_us_ = NO_WAKEUP;
  BrownOutWatch brown_out_watch_;
  hw::TimeUs aged_until_us_ = 0;
  bool tx_active_ = false;
  hw::Bearer tx_bearer_ = hw::Bearer::LORA;
  bool cellular_ack_requested_ = false;
  std::uint16_t cell_ = NO_CELL;     // the LTE-M network in reach (voyage world), none by default
  std::uint16_t tx_cell_ = NO_CELL;  // ... when the cellular frame left
  bool moving_ = false;             // on a truck or a ship: the accelerometer sees motion
  bool on_board_ = false;           // on a ship: the sky view is the slot's
  bool class_a_open_ = false;
  bool tx_confirmed_ = false;
  std::uint32_t confirmed_frames_sent_ = 0;
  std::uint16_t tx_fresh_mask_ = 0;
  std::uint32_t tx_fresh_records_ = 0;
  Transmission tx_;
  std::uint32_t tx_records_ = 0;
  std::uint16_t tx_frame_counter_ = 0;
  std::vector<std::uint8_t> tx_frame_;
  double tx_power_dbm_ = 0;
  // GNSS receiver state.
  bool sees_sky_ = true;
  bool gnss_acquiring_ = false;
  bool gnss_will_fix_ = false;
  bool has_fixed_ = false;
  hw::TimeUs last_fix_us_ = 0;
  std::uint32_t gnss_fixes_ = 0;
  std::uint32_t gnss_failures_ = 0;
  hw::TimeUs airtime_us_ = 0;
  models::EnergyLedger ledger_;
  models::Battery battery_;
  models::RandomStream firmware_random_;
  models::RandomStream sensor_random_;
  EnvironmentEvents environment_;
};

}  // namespace fleet::sim
