#include "sim/base/interrupt.hpp"

#include <csignal>

namespace fleet::sim {
namespace {

volatile std::sig_atomic_t received = 0;

extern "C" void on_interrupt(int signal_number) {
  if (received != 0) {  // asked twice: stop now
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
    return;
  }
  received = signal_number;
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // reads and writes carry on; the flag is polled
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int interrupt_signal() { return received; }

}  // namespace fleet::sim
