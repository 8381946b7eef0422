#include "sim/app/cli.hpp"

namespace fleet::sim {

std::string usage_text() {
  return "usage: fleetsim run SCENARIO.yaml [-o DIR] [--overwrite] [--seed N] [--set key.path=value]... [--quiet]\n"
         "       fleetsim check SCENARIO.yaml [--seed N] [--set key.path=value]...\n"
         "       fleetsim sweep CAMPAIGN.yaml [-o DIR] [-j N] [--slurm [--submit]]   (fleetsim sweep --help)\n"
         "       fleetsim aggregate DIR | compare RUN_A RUN_B [...] [--csv]\n"
         "       fleetsim --help | --version\n"
         "\n"
         "  run      simulate the scenario and write the run folder (default results/runs/NAME-seedN/)\n"
         "  check    validate the scenario and print it fully resolved (SI units, every default)\n"
         "\n"
         "  -o, --output DIR     run folder to write\n"
         "  --overwrite          empty the run folder first if it is not empty (else run refuses it)\n"
         "  --seed N             override the scenario's seed (same as --set seed=N)\n"
         "  --set key.path=value override one scenario value, e.g. --set fleet.containers=10000\n"
         "  -q, --quiet          no progress line and no summary on the terminal\n"
         "  --cfg=name:value     a SimGrid setting (e.g. --cfg=network/model:LV08), passed through\n"
         "  --log=spec           SimGrid logging (e.g. --log=root.thres:info), passed through\n"
         "\n"
         "Exit status: 0 success, 2 bad input (scenario or arguments), 1 internal failure,\n"
         "130 or 143 interrupted by SIGINT or SIGTERM (the run folder says so).\n";
}

CliOptions parse_cli(const std::vector<std::string>& args) {
  CliOptions options;
  std::size_t i = 0;
  auto next_value = [&](const std::string& flag) -> std::string {
    if (i + 1 >= args.size()) throw UsageError(flag + " needs a value");
    return args[++i];
  };
  bool have_command = false;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help") return CliOptions{Command::HELP, {}, {}, {}, {}, false, false};
    if (arg == "--version") return CliOptions{Command::VERSION, {}, {}, {}, {}, false, false};
    if (arg.rfind("--cfg=", 0) == 0 || arg.rfind("--log=", 0) == 0) {
      options.simgrid_args.push_back(arg);
    } else if (arg == "-o" || arg == "--output") {
      options.output_dir = next_value(arg);
      if (options.output_dir.empty()) throw UsageError(arg + " needs a folder, got an empty path");
    } else if (arg == "--seed") {
      const std::string seed = next_value(arg);
      options.overrides.push_back("seed=" + seed);
    } else if (arg == "--set") {
      const std::string assignment = next_value(arg);
      if (assignment.find('=') == std::string::npos)
        throw UsageError("--set takes key.path=value, got '" + assignment + "'");
      options.overrides.push_back(assignment);
    } else if (arg == "-q" || arg == "--quiet") {
      options.quiet = true;
    } else if (arg == "--overwrite") {
      options.overwrite = true;
    } else if (!arg.empty() && arg[0] == '-') {
      throw UsageError("unknown option '" + arg + "'");
    } else if (!have_command) {
      if (arg == "run") options.command = Command::RUN;
      else if (arg == "check") options.command = Command::CHECK;
      else throw UsageError("unknown command '" + arg + "' (expected run, check, sweep, aggregate or compare)");
      have_command = true;
    } else if (options.scenario_path.empty()) {
      options.scenario_path = arg;
    } else {
      throw UsageError("unexpected argument '" + arg + "'");
    }
  }
  if (!have_command) throw UsageError("no command given");
  if (options.scenario_path.empty()) throw UsageError("no scenario file given");
  if (options.command == Command::CHECK && !options.output_dir.empty())
    throw UsageError("-o has no meaning with check");
  if (options.command == Command::CHECK && options.overwrite) throw UsageError("--overwrite has no meaning with check");
  return options;
}

}  // namespace fleet::sim
