#include "sim/campaign/campaign_slurm.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "sim/base/output_file.hpp"

namespace fleet::sim {

namespace fs = std::filesystem;

namespace {
// Single quotes for the shell; an inner quote becomes '\''.
std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

void write_script(const fs::path& path, const std::vector<std::string>& directives, const std::string& command) {
  std::ofstream out = open_output(path);
  out << "#!/bin/bash\n";
  for (const std::string& directive : directives) out << "#SBATCH " << directive << '\n';
  out << "# written by fleetsim sweep --slurm (docs/campaigns.md)\nset -euo pipefail\n" << command << '\n';
  close_output(out, path);
  fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec, fs::perm_options::add);
}

std::string sbatch(const std::string& arguments) {
  const std::string command = "sbatch --parsable " + arguments;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run sbatch");
  std::string output;
  char buffer[256];
  while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
  const int status = pclose(pipe);
  if (status != 0) throw std::runtime_error("sbatch failed (" + command + "): " + output);
  // --parsable prints "jobid" or "jobid;cluster".
  const std::size_t end = output.find_first_of(";\n");
  return output.substr(0, end);
}
}  // namespace

SlurmScripts write_slurm_scripts(const Campaign& campaign, std::size_t run_count, const fs::path& dir, const fs::path& fleetsim,
                                 const SlurmOptions& options) {
  const fs::path campaign_dir = fs::absolute(dir).lexically_normal();
  const fs::path file = fs::absolute(campaign.file).lexically_normal();
  fs::create_directories(campaign_dir / "slurm");
  fs::create_directories(campaign_dir / "logs");
  const std::string sweep = shell_quote(fleetsim.string()) + " sweep " + shell_quote(file.string()) + " -o " +
                            shell_quote(campaign_dir.string());

  std::string array = "--array=0-" + std::to_string(run_count - 1);
  if (options.parallel > 0) array += "%" + std::to_string(options.parallel);
  std::vector<std::string> directives{"--job-name=fleetsim-" + campaign.name, array, "--ntasks=1", "--cpus-per-task=1",
                                      "--output=" + (campaign_dir / "logs" / "slurm-%A_%a.out").string()};
  directives.insert(directives.end(), options.sbatch_options.begin(), options.sbatch_options.end());
  SlurmScripts scripts{campaign_dir / "slurm" / "array.sbatch", campaign_dir / "slurm" / "aggregate.sbatch"};
  write_script(scripts.array, directives, "exec " + sweep + " --task \"$SLURM_ARRAY_TASK_ID\"");

  directives = {"--job-name=fleetsim-" + campaign.name + "-aggregate", "--ntasks=1", "--cpus-per-task=1",
                "--output=" + (campaign_dir / "logs" / "slurm-aggregate-%j.out").string()};
  directives.insert(directives.end(), options.sbatch_options.begin(), options.sbatch_options.end());
  write_script(scripts.aggregate, directives, "exec " + sweep + " --aggregate");
  return scripts;
}

void submit_slurm(const SlurmScripts& scripts) {
  const std::string array_job = sbatch(shell_quote(scripts.array.string()));
  const std::string aggregate_job =
      sbatch("--dependency=afterok:" + array_job + " " + shell_quote(scripts.aggregate.string()));
  std::cout << "submitted job array " << array_job << " and aggregation job " << aggregate_job << " (afterok:" << array_job
            << ")\n";
}

}  // namespace fleet::sim
