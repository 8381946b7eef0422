// Reads network.faults (scenarios/README.md `network.faults`): a link cut or a gateway outage, each
// down for a window inside the run, never overlapping another fault on the same element. Separate
// because faults name elements of every other section (access links, cables, the ships' satellite
// links, the ports' LTE-M links): the network reader hands it the names it has gathered.
#include "sim/scenario/fault_reader.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

namespace fleet::sim::loader {
namespace {

// Fault dates must fall inside the run: a fault that starts after the end would be silently unused.
struct FaultWindow {
  double down_at_s;
  double up_at_s;
};

FaultWindow read_fault_window(const Context& ctx, const Section& f, double duration_s) {
  const Field down = f.require("down");
  FaultWindow window{read_quantity(ctx, down, Dimension::TIME, Check::NON_NEGATIVE),
                     std::numeric_limits<double>::infinity()};
  const std::string run_end = format_duration(duration_s);
  if (!(window.down_at_s < duration_s))
    ctx.fail_value(down, "must be within the run (before its duration, " + run_end + "), got " + down.node.Scalar());
  if (auto up = f.find("up")) {
    window.up_at_s = read_quantity(ctx, *up, Dimension::TIME, Check::NON_NEGATIVE);
    if (!(window.up_at_s > window.down_at_s))
      ctx.fail_value(*up, "must come after down (" + down.node.Scalar() + "), got " + up->node.Scalar());
    if (!(window.up_at_s <= duration_s))
      ctx.fail_value(*up, "must be within the run (at most its duration, " + run_end +
                              "; leave up out for a fault that lasts), got " + up->node.Scalar());
  }
  return window;
}

}  // namespace

void read_network_faults(const Context& ctx, const Section& s, const std::vector<std::string>& link_names,
                         const std::vector<std::string>& gateway_names, double duration_s, NetworkSpec& network) {
  const auto list_field = s.find("faults");
  if (!list_field) return;
  // Per link or gateway, the windows so far and where they were written: overlapping faults would
  // bring the element back up while another fault still holds it down.
  std::map<std::string, std::vector<std::pair<FaultWindow, std::string>>> windows;
  for (const Field& element : s.list(*list_field,
                                     "a list of faults such as [{link: SEA-ME-WE 6, down: 2d, up: 4d}] or "
                                     "[{gateway: gw-1, down: 1d, up: 26h}]",
                                     "fault")) {
    const Section f(ctx, element, {"link", "gateway", "down", "up"});
    const auto link = f.find("link");
    const auto gateway = f.find("gateway");
    if (link.has_value() == gateway.has_value())
      ctx.fail_value(element, "a fault names either a link or a gateway, not " + std::string(link ? "both" : "neither"));
    const Field& target = link ? *link : *gateway;
    const std::string name = read_text(ctx, target);
    const std::vector<std::string>& known = link ? link_names : gateway_names;
    const std::vector<std::string>& other_kind = link ? gateway_names : link_names;
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      if (std::find(other_kind.begin(), other_kind.end(), name) != other_kind.end()) {
        ctx.fail_value(target, "'" + name + "' is a " + (link ? "gateway" : "link") + ": write {" +
                                   (link ? "gateway" : "link") + ": " + name + ", ...}");
      }
      fail_unknown_name(ctx, target, link ? "link" : "gateway", known);
    }
    const FaultWindow window = read_fault_window(ctx, f, duration_s);
    for (const auto& [other, where] : windows[name]) {
      if (window.down_at_s < other.up_at_s && other.down_at_s < window.up_at_s)
        ctx.fail_value(element, "overlaps the fault on '" + name + "' at " + where);
    }
    windows[name].emplace_back(window, element.path);
    if (link) {
      network.link_faults.push_back(LinkFault{name, window.down_at_s, window.up_at_s});
    } else {
      network.gateway_outages.push_back(GatewayOutage{name, window.down_at_s, window.up_at_s});
    }
  }
}

}  // namespace fleet::sim::loader
