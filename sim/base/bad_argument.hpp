#pragma once
// Errors in a command line, both exit 2 like bad input.
// UsageError: the syntax is wrong; printed with the usage text. The run and the campaign commands both
// throw it, so it lives below both.
// BadArgument: a bad argument found after parsing (an unusable run folder, a SimGrid option SimGrid
// refuses, a run folder another run holds); printed as "fleetsim: error: <what>" without the usage
// text, since the syntax was right.
#include <stdexcept>

namespace fleet::sim {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class BadArgument : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace fleet::sim
