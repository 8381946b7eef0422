#include "sim/app/engine_options.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>

#include <simgrid/s4u.hpp>

#include "sim/base/bad_argument.hpp"

namespace fleet::sim {
namespace {

namespace sg4 = simgrid::s4u;

constexpr const char* VERDICT = "fleetsim-engine-option: ";  // how the child names an exception

#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer cannot follow SimGrid's raw stack switching: when an actor's stack unwinds it
// reports that stack as overflowed. Threads it knows; the simulation is the same (one runs at a time).
constexpr const char* CONTEXT_FACTORY = "--cfg=contexts/factory:thread";
#else
constexpr const char* CONTEXT_FACTORY = "--cfg=contexts/factory:raw";
#endif

// In the child: start an engine with the options and run one actor on one host, the whole life cycle
// a run's options go through. Never returns.
[[noreturn]] void try_in_child(const std::vector<std::string>& user_options, int out_fd) {
  ::dup2(out_fd, STDOUT_FILENO);
  ::dup2(out_fd, STDERR_FILENO);
  ::close(out_fd);
  ::alarm(30);  // an option that makes the engine hang is refused too
  try {
    std::vector<std::string> args = engine_arguments(user_options);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    int argc = static_cast<int>(args.size());
    sg4::Engine engine(&argc, argv.data());
    sg4::NetZone* zone = sg4::create_full_zone("option-check");
    sg4::Host* host = zone->create_host("option-check-host", 1e9);
    zone->seal();
    sg4::Actor::create("option-check", host, [] { sg4::this_actor::sleep_for(1); });
    engine.run();
  } catch (const std::exception& error) {
    std::fprintf(stderr, "\n%s%s\n", VERDICT, error.what());
    std::fflush(stderr);
    ::_exit(3);
  }
  std::fflush(stdout);
  std::fflush(stderr);
  ::_exit(0);
}

struct Verdict {
  bool accepted = false;
  std::string reason;
};

// The line of the child's output that says why: an exception's first line, or SimGrid's CRITICAL
// message before it aborted.
std::string reason_from(const std::string& output, int status) {
  const auto first_line = [](const std::string& text, std::size_t from) {
    const std::size_t end = text.find('\n', from);
    return text.substr(from, end == std::string::npos ? std::string::npos : end - from);
  };
  if (const std::size_t at = output.find(VERDICT); at != std::string::npos) return first_line(output, at + std::strlen(VERDICT));
  if (const std::size_t at = output.find("/CRITICAL] "); at != std::string::npos)
    return first_line(output, at + std::strlen("/CRITICAL] "));
  if (WIFSIGNALED(status)) return std::string("the engine died of ") + strsignal(WTERMSIG(status));
  return "the engine exited with status " + std::to_string(WEXITSTATUS(status));
}

Verdict try_options(const std::vector<std::string>& user_options) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t child = ::fork();
  if (child < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (child == 0) {
    ::close(pipe_fds[0]);
    try_in_child(user_options, pipe_fds[1]);
  }
  ::close(pipe_fds[1]);
  std::string output;
  char buffer[4096];
  while (true) {  // drain before waiting: a chatty --log must not fill the pipe and stall the child
    const ssize_t got = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    if (output.size() < (1u << 20)) output.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {true, {}};
  return {false, reason_from(output, status)};
}

}  // namespace

std::vector<std::string> engine_arguments(const std::vector<std::string>& user_options) {
  //  - CM02: the default LV08 model multiplies latencies (a configured 2 ms link would cost more);
  //    cable, satellite and port-network latencies must come out as configured (docs/architecture.md §4).
  //  - raw contexts: the fastest context switches, one thread (threads under AddressSanitizer).
  //  - warnings only: the engine's INFO chatter would drown the summary.
  std::vector<std::string> args{"fleetsim", "--log=root.thres:warning", "--cfg=network/model:CM02", CONTEXT_FACTORY};
  args.insert(args.end(), user_options.begin(), user_options.end());
  // Last, so no --cfg can undo it: the actors share the fleet's books without locks.
  args.emplace_back("--cfg=contexts/nthreads:1");
  return args;
}

void validate_engine_options(const std::vector<std::string>& user_options) {
  if (user_options.empty()) return;
  for (const std::string& option : user_options) {
    const std::size_t prefix = 6;  // "--cfg=" or "--log="
    const bool cfg = option.rfind("--cfg=", 0) == 0;
    if (option.size() <= prefix) throw BadArgument(option + ": empty; expected " + (cfg ? "--cfg=name:value" : "--log=spec"));
    if (cfg && option.find(':', prefix) == std::string::npos)
      throw BadArgument(option + ": expected --cfg=name:value (a colon between the name and the value)");
  }
  if (try_options(user_options).accepted) return;
  // Something is refused: find which, so the message names it.
  for (const std::string& option : user_options) {
    const Verdict verdict = try_options({option});
    if (!verdict.accepted) throw BadArgument(option + ": SimGrid refuses it: " + verdict.reason);
  }
  throw BadArgument("SimGrid refuses these options together: " + try_options(user_options).reason);
}

}  // namespace fleet::sim
