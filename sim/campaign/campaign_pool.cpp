#include "sim/campaign/campaign_pool.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

extern char** environ;

namespace fleet::sim {

namespace fs = std::filesystem;

namespace {

volatile sig_atomic_t stop_requested = 0;
void on_stop_signal(int) { stop_requested = 1; }

// Without SA_RESTART, so that waitpid returns at once with EINTR.
void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// A run starts from an empty folder: what an interrupted or outdated run left there is removed
// (`fleetsim run` refuses, or would mix, another run's files).
pid_t spawn_run(const Campaign& campaign, const CampaignRun& run, const PoolOptions& options) {
  const fs::path run_dir = options.campaign_dir / run_folder_name(run.index);
  fs::remove_all(run_dir);
  fs::create_directories(run_dir.parent_path());
  fs::create_directories(options.campaign_dir / "logs");
  const fs::path log = options.campaign_dir / "logs" / (run_dir.filename().string() + ".log");

  std::vector<std::string> args{options.fleetsim.string(), "run", campaign.scenario.string()};
  // FLEETSIM_SWEEP_WRAPPER=nice, =perf stat, or a script: each run goes through it (docs/campaigns.md).
  const char* wrapper = std::getenv("FLEETSIM_SWEEP_WRAPPER");
  if (wrapper && *wrapper) {
    std::istringstream words(wrapper);
    std::vector<std::string> prefix{std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
    args.insert(args.begin(), prefix.begin(), prefix.end());
  }
  for (const std::string& assignment : run.overrides) {
    args.push_back("--set");
    args.push_back(assignment);
  }
  args.push_back("-o");
  args.push_back(run_dir.string());
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid = 0;
  const int error = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error("cannot start " + args[0] + ": " + std::strerror(error));
  return pid;
}

int exit_code(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}

std::string duration_text(double seconds) {
  char text[32];
  const auto s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, s / 60 % 60);
  else if (s >= 60) std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
  else std::snprintf(text, sizeof text, "%lds", s);
  return text;
}

}  // namespace

PoolResult run_pool(const Campaign& campaign, const std::vector<CampaignRun>& runs, std::vector<RunRecord>& records,
                    const std::vector<std::size_t>& todo, const PoolOptions& options, const std::function<void()>& changed) {
  install_stop_handlers();
  PoolResult result;
  std::map<pid_t, std::size_t> running;  // pid -> run index
  std::size_t next = 0;
  const auto start = std::chrono::steady_clock::now();
  bool killed = false;
  const auto report = [&](const std::string& finished) {
    const std::size_t ended = result.done + result.failed;
    const double elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string eta = ended ? duration_text(elapsed_s / static_cast<double>(ended) * static_cast<double>(todo.size() - ended)) : "?";
    char line[256];
    std::snprintf(line, sizeof line, "sweep %s: %zu/%zu runs done, %zu failed, %zu running, ETA %s%s", campaign.name.c_str(),
                  result.done, todo.size(), result.failed, running.size(), eta.c_str(), finished.c_str());
    if (options.terminal) std::cerr << "\r\033[K" << line << std::flush;
    else std::cerr << line << '\n';
  };

  while (next < todo.size() || !running.empty()) {
    while (!stop_requested && running.size() < options.jobs && next < todo.size()) {
      const std::size_t index = todo[next++];
      running[spawn_run(campaign, runs[index], options)] = index;
    }
    if (stop_requested && !killed) {
      for (const auto& [pid, index] : running) kill(pid, SIGTERM);
      killed = true;
      result.interrupted = true;
    }
    if (running.empty()) break;
    int status = 0;
    const pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
    }
    const auto it = running.find(pid);
    if (it == running.end()) continue;
    const std::size_t index = it->second;
    running.erase(it);
    RunRecord& record = records[index];
    record.exit_status = exit_code(status);
    const bool complete = record.exit_status == 0 &&
                          run_folder_complete(options.campaign_dir / record.folder, record.scenario_hash);
    if (killed && !complete) {
      record.status = RunStatus::PENDING;  // interrupted: resumed next time
      record.exit_status = -1;
    } else {
      record.status = complete ? RunStatus::DONE : RunStatus::FAILED;
      ++(complete ? result.done : result.failed);
    }
    changed();
    if (record.status == RunStatus::PENDING) continue;  // interrupted: nothing to report
    report(record.status == RunStatus::FAILED ? " (run " + std::to_string(index) + " failed, see logs/" +
                                                    fs::path(record.folder).filename().string() + ".log)"
                                              : "");
  }
  if (options.terminal && !todo.empty()) std::cerr << '\n';
  return result;
}

int run_one(const Campaign& campaign, const CampaignRun& run, const PoolOptions& options) {
  const pid_t pid = spawn_run(campaign, run, options);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
  }
  const int code = exit_code(status);
  if (code == 0 && !run_folder_complete(options.campaign_dir / run_folder_name(run.index), run.scenario_hash)) return 1;
  return code;
}

}  // namespace fleet::sim
