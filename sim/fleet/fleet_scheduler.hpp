#pragma once
// The one SimGrid actor that drives every device's firmware from a single time-ordered queue.
// (One actor per device costs 6x the wall time and 50x the memory: docs/architecture.md §4.)
#include "hw/types.hpp"
#include "sim/radio/class_a.hpp"
#include "sim/fleet/fleet_runtime.hpp"
#include "sim/base/progress.hpp"
#include "sim/fleet/time_series.hpp"

namespace fleet::sim {

class FleetScheduler {
 public:
  FleetScheduler(FleetRuntime* fleet, hw::TimeUs end_us, hw::TimeUs sample_interval_us, Progress* progress,
                 TimeSeries* series)
      : fleet_(fleet), end_us_(end_us), sample_interval_us_(sample_interval_us), progress_(progress),
        series_(series) {}
  void operator()() const;

 private:
  void dispatch(const Event& event) const;
  void end_transmission(Device& device) const;
  void open_window(Device& device, RxWindow window) const;
  void finish_class_a(Device& device) const;
  void check_battery(Device& device) const;
  void schedule_sensor_event(Device& device) const;  // the container's next door, shock or light event
  // Voyage world: the device enters journey step `step` (its radio site, cellular reach and motion).
  void enter_journey_step(Device& device, std::size_t step) const;
  void end_cellular_transmission(Device& device) const;
  void hear_cellular(Device& device) const;
  void listen_for_beacon(Device& device) const;
  void schedule_beacon(Device& device) const;
  void finish_cellular(Device& device) const;
  void sample() const;  // settles every device's ledger to now, then records the fleet figures

  FleetRuntime* fleet_;
  hw::TimeUs end_us_;
  hw::TimeUs sample_interval_us_;
  Progress* progress_;
  TimeSeries* series_;
};

}  // namespace fleet::sim
