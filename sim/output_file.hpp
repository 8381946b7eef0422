#pragma once
// Output files of a run: opened for writing (truncated) and closed with their errors reported, so a
// full disk never leaves a silently short file behind.
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace fleet::sim {

inline std::ofstream open_output(const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return out;
}

inline void close_output(std::ofstream& out, const std::filesystem::path& path) {
  out.close();
  if (!out) throw std::runtime_error("error while writing " + path.string());
}

}  // namespace fleet::sim
