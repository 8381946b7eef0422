#pragma once
// The campaign commands of fleetsim: sweep, aggregate and compare (docs/campaigns.md). main.cpp hands
// them the arguments after the program name; exit status 0 success, 1 a run failed or is missing,
// 2 bad input (nothing written), 130 interrupted.
#include <string>
#include <vector>

namespace fleet::sim {

bool is_campaign_command(const std::string& command);
int campaign_main(const std::vector<std::string>& args);  // args[0] is the command
std::string campaign_usage_text();

}  // namespace fleet::sim
