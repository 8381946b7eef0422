#include "sim/campaign/campaign_cli.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "sim/campaign/campaign.hpp"
#include "sim/campaign/campaign_aggregate.hpp"
#include "sim/campaign/campaign_compare.hpp"
#include "sim/campaign/campaign_pool.hpp"
#include "sim/campaign/campaign_slurm.hpp"
#include "sim/campaign/campaign_store.hpp"
#include "sim/base/bad_argument.hpp"

namespace fleet::sim {

namespace fs = std::filesystem;

std::string campaign_usage_text() {
  return "usage: fleetsim sweep CAMPAIGN.yaml [-o DIR] [-j N]             run every run missing in DIR\n"
         "       fleetsim sweep CAMPAIGN.yaml [-o DIR] --slurm [-j K] [--sbatch OPTION]... [--submit]\n"
         "       fleetsim sweep CAMPAIGN.yaml [-o DIR] --task I            run I alone (a Slurm array task)\n"
         "       fleetsim sweep CAMPAIGN.yaml [-o DIR] --aggregate         campaign.json, runs.csv, points.csv\n"
         "       fleetsim aggregate DIR [-o OUT_DIR]                       runs.csv and points.csv into OUT_DIR\n"
         "       fleetsim compare RUN_A RUN_B [...] [--csv]                a run folder, or a point: DIR:N\n"
         "\n"
         "  -o DIR   the campaign folder (default results/runs/NAME/); -j N   parallel runs (default: the cores;\n"
         "           with --slurm, array tasks at once, default all). docs/campaigns.md has a worked example.\n";
}

bool is_campaign_command(const std::string& command) {
  return command == "sweep" || command == "aggregate" || command == "compare";
}

namespace {

struct SweepArgs {
  fs::path campaign_file;
  fs::path dir;
  std::size_t jobs = 0;
  bool slurm = false;
  bool submit = false;
  bool aggregate = false;
  std::optional<std::size_t> task;
  SlurmOptions slurm_options;
};

std::size_t parse_count(const std::string& flag, const std::string& text, std::size_t low) {
  std::size_t used = 0;
  std::size_t value = 0;
  try {
    value = std::stoul(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || text[0] == '-' || value < low)
    throw UsageError(flag + " takes a whole number" + (low ? " of at least " + std::to_string(low) : "") + ", got '" + text + "'");
  return value;
}

fs::path this_binary() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (error) throw std::runtime_error("cannot find the fleetsim binary (/proc/self/exe): " + error.message());
  return self;
}

int sweep(const SweepArgs& args) {
  const Campaign campaign = load_campaign(args.campaign_file);
  std::vector<CampaignRun> runs = expand_campaign(campaign);
  const fs::path dir = args.dir.empty() ? fs::path("results/runs") / campaign.name : args.dir;
  PoolOptions pool{args.jobs, this_binary(), dir, isatty(STDERR_FILENO) == 1};
  if (pool.jobs == 0) pool.jobs = std::max(1u, std::thread::hardware_concurrency());

  if (args.task) {
    if (*args.task >= runs.size())
      throw UsageError("--task " + std::to_string(*args.task) + ": the campaign has runs 0 to " + std::to_string(runs.size() - 1));
    validate_runs(campaign, runs, *args.task);
    const CampaignRun& run = runs[*args.task];
    if (run_folder_complete(dir / run_folder_name(run.index), run.scenario_hash)) {
      std::cerr << "sweep " << campaign.name << ": run " << run.index << " is already complete\n";
      return 0;
    }
    return run_one(campaign, run, pool);
  }

  validate_runs(campaign, runs);  // every grid point, before anything is written
  std::vector<RunRecord> records = run_records(runs);
  std::vector<std::size_t> todo;
  for (RunRecord& record : records) {
    if (run_folder_complete(dir / record.folder, record.scenario_hash)) record.status = RunStatus::DONE;
    else todo.push_back(record.index);
  }
  fs::create_directories(dir);
  write_campaign_json(dir, campaign, records);

  if (args.aggregate) {
    const std::size_t unfinished = aggregate_campaign(dir, dir);
    std::cerr << "sweep " << campaign.name << ": aggregated " << runs.size() - unfinished << " of " << runs.size()
              << " runs into " << (dir / "runs.csv").string() << " and points.csv\n";
    return unfinished ? 1 : 0;
  }
  if (args.slurm) {
    const SlurmScripts scripts = write_slurm_scripts(campaign, runs.size(), dir, pool.fleetsim, args.slurm_options);
    std::cerr << "sweep " << campaign.name << ": " << runs.size() << " runs (" << todo.size() << " to do); wrote "
              << scripts.array.string() << " and " << scripts.aggregate.string() << '\n';
    if (args.submit) submit_slurm(scripts);
    else std::cout << "submit with: jid=$(sbatch --parsable " << scripts.array.string()
                   << ") && sbatch --dependency=afterok:$jid " << scripts.aggregate.string() << '\n';
    return 0;
  }

  std::cerr << "sweep " << campaign.name << ": " << runs.size() << " runs (" << campaign.point_count() << " points x "
            << campaign.seeds.size() << " seeds), " << runs.size() - todo.size() << " already complete, " << todo.size()
            << " to run, " << pool.jobs << " at a time, in " << dir.string() << '\n';
  const PoolResult result = run_pool(campaign, runs, records, todo, pool, [&] { write_campaign_json(dir, campaign, records); });
  if (result.interrupted) {
    std::cerr << "sweep " << campaign.name << ": interrupted; run the same command again to resume\n";
    return 130;
  }
  const std::size_t unfinished = aggregate_campaign(dir, dir);
  std::cerr << "sweep " << campaign.name << ": " << runs.size() - unfinished << " of " << runs.size() << " runs complete; "
            << (dir / "runs.csv").string() << ", points.csv\n";
  return unfinished ? 1 : 0;
}

int run_campaign_command(const std::vector<std::string>& args) {
  const std::string& command = args[0];
  std::vector<std::string> positional;
  SweepArgs sweep_args;
  fs::path out;
  bool csv = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw UsageError(arg + " needs a value");
      return args[++i];
    };
    const bool is_sweep = command == "sweep";
    if (arg == "-h" || arg == "--help") {
      std::cout << campaign_usage_text();
      return 0;
    } else if ((arg == "-o" || arg == "--output") && command != "compare") {
      (is_sweep ? sweep_args.dir : out) = value();
    } else if (is_sweep && (arg == "-j" || arg == "--jobs")) {
      sweep_args.jobs = parse_count(arg, value(), 1);
    } else if (is_sweep && arg.rfind("-j", 0) == 0 && arg.size() > 2) {
      sweep_args.jobs = parse_count("-j", arg.substr(2), 1);
    } else if (is_sweep && arg == "--slurm") {
      sweep_args.slurm = true;
    } else if (is_sweep && arg == "--submit") {
      sweep_args.submit = sweep_args.slurm = true;
    } else if (is_sweep && arg == "--sbatch") {
      sweep_args.slurm_options.sbatch_options.push_back(value());
    } else if (is_sweep && arg == "--task") {
      sweep_args.task = parse_count(arg, value(), 0);
    } else if (is_sweep && arg == "--aggregate") {
      sweep_args.aggregate = true;
    } else if (command == "compare" && arg == "--csv") {
      csv = true;
    } else if (!arg.empty() && arg[0] == '-') {
      throw UsageError("unknown option '" + arg + "' for " + command);
    } else {
      positional.push_back(arg);
    }
  }
  if (command == "compare") {
    compare_runs(std::cout, positional, csv);
    return 0;
  }
  if (positional.size() != 1)
    throw UsageError(command == "sweep" ? "sweep takes one campaign file" : "aggregate takes one campaign folder");
  if (command == "aggregate") {
    const std::size_t unfinished = aggregate_campaign(positional[0], out.empty() ? fs::path(positional[0]) : out);
    if (unfinished) std::cerr << "fleetsim aggregate: " << unfinished << " runs are not finished (status in runs.csv)\n";
    return unfinished ? 1 : 0;
  }
  if ((sweep_args.task.has_value() + sweep_args.aggregate + sweep_args.slurm) > 1)
    throw UsageError("--task, --aggregate and --slurm go one at a time");
  sweep_args.campaign_file = positional[0];
  if (sweep_args.slurm) sweep_args.slurm_options.parallel = sweep_args.jobs;
  return sweep(sweep_args);
}

}  // namespace

int campaign_main(const std::vector<std::string>& args) {
  try {
    return run_campaign_command(args);
  } catch (const UsageError& error) {
    std::cerr << "fleetsim: error: " << error.what() << "\n\n" << campaign_usage_text();
    return 2;
  } catch (const ScenarioError& error) {
    std::cerr << error.render();
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "fleetsim " << args[0] << ": error: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace fleet::sim
