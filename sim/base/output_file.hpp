#pragma once
// Output files of a run: written under a temporary name in the run folder and renamed into place once
// closed without error, so a file under its real name is always whole (a full disk, a crash or a
// signal mid-write leaves at most a NAME.partial, never a short NAME), and a reader sees the old
// manifest or the new one, never half of one.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace fleet::sim {

inline std::filesystem::path partial_path(const std::filesystem::path& path) {
  std::filesystem::path partial = path;
  partial += ".partial";
  return partial;
}

inline std::ofstream open_output(const std::filesystem::path& path) {
  std::ofstream out(partial_path(path), std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return out;
}

inline void close_output(std::ofstream& out, const std::filesystem::path& path) {
  out.close();
  if (!out) {
    std::remove(partial_path(path).c_str());
    throw std::runtime_error("error while writing " + path.string());
  }
  std::error_code error;
  std::filesystem::rename(partial_path(path), path, error);
  if (error) throw std::runtime_error("cannot rename " + partial_path(path).string() + " to " + path.string() + ": " + error.message());
}

}  // namespace fleet::sim
