// fleetsim: the command-line entry point. Exit status: 0 success, 2 bad input, 1 internal failure,
// 128 + the signal when SIGINT or SIGTERM ended a run (sim/base/interrupt.hpp).
#include <iostream>
#include <string>
#include <vector>

#include "fleetsim_version.hpp"
#include "sim/base/bad_argument.hpp"
#include "sim/campaign/campaign_cli.hpp"
#include "sim/app/cli.hpp"
#include "sim/app/engine_options.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/scenario_writer.hpp"
#include "sim/app/simulation.hpp"

int main(int argc, char** argv) {
  using namespace fleet::sim;
  const std::vector<std::string> command_line(argv, argv + argc);
  // sweep, aggregate and compare have their own arguments (sim/campaign/campaign_cli.hpp).
  if (argc > 1 && is_campaign_command(command_line[1]))
    return campaign_main(std::vector<std::string>(command_line.begin() + 1, command_line.end()));
  try {
    const CliOptions options = parse_cli(std::vector<std::string>(command_line.begin() + 1, command_line.end()));
    if (options.command == Command::CHECK || options.command == Command::RUN) validate_engine_options(options.simgrid_args);
    switch (options.command) {
      case Command::HELP:
        std::cout << usage_text();
        return 0;
      case Command::VERSION:
        std::cout << "fleetsim " << FLEETSIM_VERSION << " (" << FLEETSIM_GIT_REVISION << ")\n";
        return 0;
      case Command::CHECK:
        std::cout << to_resolved_yaml(load_scenario(options.scenario_path, options.overrides));
        return 0;
      case Command::RUN:
        return run_simulation(load_scenario(options.scenario_path, options.overrides), options, command_line);
    }
  } catch (const UsageError& error) {
    std::cerr << "fleetsim: error: " << error.what() << "\n\n" << usage_text();
    return 2;
  } catch (const BadArgument& error) {
    std::cerr << "fleetsim: error: " << error.what() << '\n';
    return 2;
  } catch (const ScenarioError& error) {
    std::cerr << error.render();
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "fleetsim: internal error: " << error.what() << '\n';
    return 1;
  }
  return 1;
}
