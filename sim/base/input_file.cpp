#include "sim/base/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace fleet::sim {
namespace {

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

InputFile failure(std::string error) { return {false, {}, std::move(error)}; }

}  // namespace

InputFile read_input_file(const std::string& path) {
  if (path.empty()) return failure("the path is empty");
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever; the type is then checked
  // on the open descriptor (no race with a rename between a stat and the open).
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return failure(std::strerror(errno));
  struct stat status {};
  if (::fstat(fd, &status) != 0) {
    const int error = errno;
    ::close(fd);
    return failure(std::strerror(error));
  }
  if (!S_ISREG(status.st_mode)) {
    ::close(fd);
    const std::string kind = kind_of(status.st_mode);
    return failure(kind == "not a regular file" ? kind : "it is " + kind + ", not a regular file");
  }
  // The size from fstat may be stale (the file grows while read): the read loop has its own cap.
  const auto limit_text = std::to_string(MAX_INPUT_BYTES >> 20) + " MiB";
  if (static_cast<std::size_t>(status.st_size) > MAX_INPUT_BYTES) {
    ::close(fd);
    return failure("it is larger than the " + limit_text + " an input file may have");
  }
  std::string text;
  char buffer[65536];
  while (true) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int error = errno;
      ::close(fd);
      return failure(std::strerror(error));
    }
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > MAX_INPUT_BYTES) {
      ::close(fd);
      return failure("it is larger than the " + limit_text + " an input file may have");
    }
  }
  ::close(fd);
  return {true, std::move(text), {}};
}

}  // namespace fleet::sim
