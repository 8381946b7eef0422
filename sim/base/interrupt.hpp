#pragma once
// SIGINT and SIGTERM during a run: the first sets a flag that the fleet scheduler reads between events,
// so the simulation stops at a clean point and the run folder is marked interrupted (exit 128 + the
// signal: 130, 143); a second of the same signal ends the process at once, as if uncaught.
namespace fleet::sim {

void install_interrupt_handlers();  // again after SimGrid's engine starts: it installs its own for SIGINT
int interrupt_signal();             // the signal received, 0 if none
inline bool run_interrupted() { return interrupt_signal() != 0; }

}  // namespace fleet::sim
