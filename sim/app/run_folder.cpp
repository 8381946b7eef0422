#include "sim/app/run_folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

#include "sim/base/bad_argument.hpp"

namespace fleet::sim {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void refuse(const fs::path& dir, const std::string& why) {
  throw BadArgument("run folder " + dir.string() + ": " + why);
}

// Takes the lock on DIR/.fleetsim.lock. The lock file may be replaced between our open and our flock
// (a run ending unlinks it), so the lock counts only if the path still names the file we locked.
int take_lock(const fs::path& dir) {
  const fs::path lock_path = dir / RUN_LOCK_FILE;
  for (int attempt = 0; attempt < 8; ++attempt) {
    const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) refuse(dir, std::string("cannot write in it: ") + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      ::close(fd);
      if (error == EWOULDBLOCK) refuse(dir, "another fleetsim run is writing it (it holds " + std::string(RUN_LOCK_FILE) + ")");
      refuse(dir, std::string("cannot lock it: ") + std::strerror(error));
    }
    struct stat held {}, named {};
    if (::fstat(fd, &held) == 0 && ::stat(lock_path.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
        held.st_ino == named.st_ino) {
      return fd;
    }
    ::close(fd);  // unlinked under us by a run that just ended: take the new one
  }
  refuse(dir, "its lock file keeps changing");
}

}  // namespace

RunFolder::RunFolder(fs::path dir, bool overwrite) : dir_(std::move(dir)) {
  std::error_code error;
  const fs::file_status status = fs::status(dir_, error);
  if (fs::exists(status) && !fs::is_directory(status)) refuse(dir_, "it exists and is not a folder");
  const bool created = !fs::exists(status);
  if (created) {
    fs::create_directories(dir_, error);
    if (error) refuse(dir_, "cannot create it: " + error.message());
  }
  lock_fd_ = take_lock(dir_);
  // Refused after all: leave the folder as it was found (bad input writes nothing).
  const auto undo = [&] {
    ::unlink((dir_ / RUN_LOCK_FILE).c_str());
    ::close(lock_fd_);
    if (created) ::rmdir(dir_.c_str());
  };
  try {
    std::vector<fs::path> entries;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir_)) {
      if (entry.path().filename() != RUN_LOCK_FILE) entries.push_back(entry.path());
    }
    std::sort(entries.begin(), entries.end());  // the message names the same one every time
    if (!entries.empty() && !overwrite) {
      const std::string what = entries.size() == 1 ? "1 entry: " : std::to_string(entries.size()) + " entries, such as ";
      refuse(dir_, "it is not empty (" + what + entries.front().filename().string() +
                       "); give --overwrite to replace its contents, or choose another -o");
    }
    for (const fs::path& entry : entries) {
      fs::remove_all(entry, error);
      if (error) refuse(dir_, "cannot empty it (--overwrite): " + entry.filename().string() + ": " + error.message());
    }
  } catch (const fs::filesystem_error& failure) {
    undo();
    refuse(dir_, failure.code().message());
  } catch (...) {
    undo();
    throw;
  }
}

RunFolder::~RunFolder() {
  // Unlinked while still held: a run that opened it meanwhile sees the path change and retries.
  ::unlink((dir_ / RUN_LOCK_FILE).c_str());
  ::close(lock_fd_);
}

}  // namespace fleet::sim
