#pragma once
// SimGrid's own --cfg=name:value and --log=spec options. SimGrid 3.32 aborts the process (SIGABRT,
// xbt_die) on a model name it does not know (network/model:Bogus) or a log spec it cannot parse, and
// throws from the engine's constructor on an unknown key or a badly typed value; none of that may
// reach a run. So each option is tried first in a child process that starts an engine with it on a
// one-host platform and runs it: what the child dies of is SimGrid's verdict, reported as bad input
// (exit 2) naming the option, before anything is written.
#include <string>
#include <vector>

namespace fleet::sim {

// The engine's arguments: fleetsim's defaults (CM02, raw contexts, warnings only), then the user's
// options (so they win), then one thread whatever they say (the actors share the books without locks).
std::vector<std::string> engine_arguments(const std::vector<std::string>& user_options);

// Throws BadArgument ("--cfg=network/model:Bogus: SimGrid refuses it: Model 'Bogus' is invalid! ...").
void validate_engine_options(const std::vector<std::string>& user_options);

}  // namespace fleet::sim
