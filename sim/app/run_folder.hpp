#pragma once
// The run folder, held for the length of a run. Opening it refuses what would make the folder lie:
// a path that is not a folder or cannot be written (exit 2, before anything is simulated), a folder
// another fleetsim run is writing (an flock on DIR/.fleetsim.lock; the kernel drops it when that run
// ends, however it ends, so a crashed run leaves no stale lock), and a non-empty folder unless
// `overwrite`, in which case everything in it is removed first: no file of another run remains.
#include <filesystem>

namespace fleet::sim {

inline constexpr const char* RUN_LOCK_FILE = ".fleetsim.lock";

class RunFolder {
 public:
  // Throws BadArgument (sim/base/bad_argument.hpp) naming the folder and what is wrong.
  RunFolder(std::filesystem::path dir, bool overwrite);
  ~RunFolder();  // removes the lock file and releases the lock
  RunFolder(const RunFolder&) = delete;
  RunFolder& operator=(const RunFolder&) = delete;

  const std::filesystem::path& path() const { return dir_; }

 private:
  std::filesystem::path dir_;
  int lock_fd_ = -1;
};

}  // namespace fleet::sim
