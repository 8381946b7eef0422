#pragma once
// Reading an input file (a scenario, a device profile) without trusting the path: only a regular file
// is read, never a FIFO (opening one would block), a device (/dev/zero never ends) or a directory, and
// never more than MAX_INPUT_BYTES, so a hostile path can neither hang nor exhaust memory.
#include <cstddef>
#include <string>

namespace fleet::sim {

// A scenario is a few kilobytes; 100,000 gateways written one a line take about 5 MB.
constexpr std::size_t MAX_INPUT_BYTES = 16u << 20;

struct InputFile {
  bool ok = false;
  std::string text;   // the whole file when ok
  std::string error;  // why it cannot be read ("it is a FIFO, not a regular file"), when not ok
};

InputFile read_input_file(const std::string& path);

}  // namespace fleet::sim
