// Firmware hot paths: time on air (called per transmission by the medium and the firmware) and one
// device wake-up (called ~100,000 × per simulated report interval by the fleet scheduler).
#include <benchmark/benchmark.h>

#include "hw/firmware.hpp"
#include "hw/lora_airtime.hpp"
#include "unit/hw/fake_hal.hpp"

namespace {

using namespace fleet::hw;

void BM_TimeOnAir(benchmark::State& state) {
  LoraPhyParams phy;
  std::size_t payload_bytes = 10;
  std::uint8_t sf = 7;
  for (auto _ : state) {
    phy.spreading_factor = sf;
    phy.low_data_rate_optimize = ldro_required(sf, phy.bandwidth_hz);
    benchmark::DoNotOptimize(lora_time_on_air_us(phy, payload_bytes));
    sf = sf == 12 ? 7 : static_cast<std::uint8_t>(sf + 1);  // defeat constant folding
    payload_bytes = payload_bytes == 64 ? 10 : payload_bytes + 1;
  }
}
BENCHMARK(BM_TimeOnAir);

// One on_wakeup() of a device in steady state: a sample every wake-up and a report (with its
// transmission and on_tx_done) every fourth, the default 15 min / 1 h mix.
void BM_FirmwareWakeup(benchmark::State& state) {
  FirmwareConfig config;
  fleet::hw::test::FakeHal hal(3);
  hal.keep_log = false;
  hal.configure_radio(config);
  Firmware firmware(hal, config);
  firmware.on_boot();
  for (auto _ : state) {
    if (hal.tx_end_us() <= hal.armed_us()) {
      hal.advance_to(hal.tx_end_us());
      hal.clear_tx();
      firmware.on_tx_done(TxResult{});
    }
    hal.advance_to(hal.armed_us());
    hal.disarm();
    firmware.on_wakeup();
  }
  state.counters["frames"] = firmware.stats().frames_sent;
  state.counters["sizeof_Firmware"] = sizeof(Firmware);
}
BENCHMARK(BM_FirmwareWakeup);

}  // namespace
