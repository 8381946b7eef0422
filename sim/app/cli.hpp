#pragma once
// The fleetsim command line (see `fleetsim --help`).
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/base/bad_argument.hpp"

namespace fleet::sim {

enum class Command { RUN, CHECK, HELP, VERSION };

struct CliOptions {
  Command command = Command::HELP;
  std::string scenario_path;
  std::string output_dir;                 // empty: results/runs/<scenario>-seed<seed>
  std::vector<std::string> overrides;     // key.path=value, in order (--seed N becomes seed=N)
  std::vector<std::string> simgrid_args;  // --cfg=... and --log=..., passed to the engine untouched
  bool quiet = false;
  bool overwrite = false;                 // run: empty a non-empty run folder first (else it is refused)
};


CliOptions parse_cli(const std::vector<std::string>& args);  // args without the program name
std::string usage_text();

}  // namespace fleet::sim
