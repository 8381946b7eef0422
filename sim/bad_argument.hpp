#pragma once
// A bad command-line argument found after parsing (an unusable run folder, a SimGrid option SimGrid
// refuses, a run folder another run holds): exit 2 like bad input, printed as
// "fleetsim: error: <what>" without the usage text, since the syntax was right.
#include <stdexcept>

namespace fleet::sim {

class BadArgument : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace fleet::sim
