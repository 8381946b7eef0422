// Reads a campaign file (docs/campaigns.md). Like the scenario loader, every problem is a
// ScenarioError at the file's line and column with the line quoted, and a misspelt key gets a
// did-you-mean; the values themselves are checked later by loading the scenario with them
// (campaign_expand.cpp), so this file only knows the campaign's own shape.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "sim/campaign/campaign.hpp"
#include "sim/base/did_you_mean.hpp"
#include "sim/base/input_file.hpp"
#include "sim/scenario/scenario_text_check.hpp"

namespace fleet::sim {

namespace {

const std::vector<std::string_view> TOP_KEYS{"name", "scenario", "set", "grid", "zip", "seeds"};

class Reader {
 public:
  Reader(std::string file, const std::string& text) : file_(std::move(file)) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines_.push_back(line);
    }
  }

  SourceLocation where(const YAML::Mark& mark) const {
    if (mark.line < 0) return {file_, 0, 0};
    return {file_, mark.line + 1, mark.column + 1};
  }
  std::string line_at(const YAML::Mark& mark) const {
    return mark.line >= 0 && static_cast<std::size_t>(mark.line) < lines_.size() ? lines_[static_cast<std::size_t>(mark.line)] : "";
  }
  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& key, const std::string& message) const {
    throw ScenarioError(where(mark), key, message, line_at(mark));
  }

  CampaignSetting setting(const std::string& key, const YAML::Node& value) const {
    YAML::Emitter out;
    out.SetMapFormat(YAML::Flow);
    out.SetSeqFormat(YAML::Flow);
    out << value;
    return {key, out.c_str(), where(value.Mark()), line_at(value.Mark())};
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<std::string> lines_;
};

std::string describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return node.Scalar();
}

// `set`, `grid` and `zip` map key paths to values; a key path is what --set takes before the '='.
void check_key(const Reader& r, const YAML::Node& key, const std::string& section) {
  if (!key.IsScalar() || key.Scalar().empty() || key.Scalar().find('=') != std::string::npos ||
      key.Scalar().find(' ') != std::string::npos)
    r.fail(key.Mark(), section, "expected a scenario key path such as fleet.containers, got " + describe(key));
}

std::vector<std::vector<CampaignSetting>> read_values(const Reader& r, const YAML::Node& key, const YAML::Node& list,
                                                      const std::string& section) {
  const std::string path = section + "." + key.Scalar();
  if (!list.IsSequence())
    r.fail(list.IsNull() ? key.Mark() : list.Mark(), path,
           "expected a list of values such as [5000, 10000], got " + describe(list));
  if (list.size() == 0) r.fail(list.Mark(), path, "expected at least one value, got an empty list");
  std::vector<std::vector<CampaignSetting>> steps;
  for (const YAML::Node& value : list) steps.push_back({r.setting(key.Scalar(), value)});
  return steps;
}

std::vector<std::uint64_t> read_seeds(const Reader& r, const YAML::Node& node) {
  const auto as_seed = [&](const YAML::Node& n, std::uint64_t low) {
    std::uint64_t value = 0;
    const std::string& text = n.IsScalar() ? n.Scalar() : std::string();
    const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || text.size() > 19 || (value = std::stoull(text)) < low)
      r.fail(n.Mark(), "seeds",
             std::string("expected ") + (low ? "a number of seeds (1 or more)" : "a seed (a non-negative integer)") +
                 " or a list of seeds such as [1, 7, 42], got " + describe(n));
    return value;
  };
  std::vector<std::uint64_t> seeds;
  if (node.IsSequence()) {
    if (node.size() == 0) r.fail(node.Mark(), "seeds", "expected at least one seed, got an empty list");
    for (const YAML::Node& element : node) {
      const std::uint64_t seed = as_seed(element, 0);
      if (std::find(seeds.begin(), seeds.end(), seed) != seeds.end())
        r.fail(element.Mark(), "seeds", "seed " + std::to_string(seed) + " is listed twice");
      seeds.push_back(seed);
    }
    return seeds;
  }
  const std::uint64_t count = as_seed(node, 1);
  if (count > 100000) r.fail(node.Mark(), "seeds", "at most 100000 seeds, got " + std::to_string(count));
  for (std::uint64_t s = 1; s <= count; ++s) seeds.push_back(s);  // `seeds: N` is seeds 1..N
  return seeds;
}

Campaign read_campaign(const Reader& r, const YAML::Node& root, const std::filesystem::path& file) {
  Campaign campaign;
  campaign.file = file;
  campaign.name = file.stem().string();
  campaign.seeds = {1};
  if (!root.IsMap()) r.fail(root.Mark(), "", "expected a mapping with scenario, grid and seeds, got " + describe(root));
  std::set<std::string> seen_top;
  std::vector<std::pair<std::string, YAML::Mark>> swept;  // key paths already given, for duplicates
  const auto claim = [&](const YAML::Node& key, const std::string& section) {
    for (const auto& [path, mark] : swept) {
      if (path == key.Scalar())
        r.fail(key.Mark(), section + "." + key.Scalar(),
               "key path '" + path + "' is already given at line " + std::to_string(mark.line + 1));
    }
    swept.emplace_back(key.Scalar(), key.Mark());
  };
  bool have_scenario = false;
  for (const auto& entry : root) {
    const YAML::Node& key = entry.first;
    const YAML::Node& value = entry.second;
    const std::string name = key.IsScalar() ? key.Scalar() : std::string();
    if (std::find(TOP_KEYS.begin(), TOP_KEYS.end(), name) == TOP_KEYS.end()) {
      const std::string guess = did_you_mean(name, TOP_KEYS);
      r.fail(key.Mark(), "", "unknown key '" + name + "'; " +
                                 (guess.empty() ? "accepted top-level keys: name, scenario, set, grid, zip, seeds"
                                                : "did you mean '" + guess + "'?"));
    }
    if (!seen_top.insert(name).second) r.fail(key.Mark(), "", "duplicate key '" + name + "'");
    if (name == "name" || name == "scenario") {
      if (!value.IsScalar() || value.Scalar().empty())
        r.fail(value.IsNull() ? key.Mark() : value.Mark(), name, "expected a text, got " + describe(value));
      if (name == "name") {
        campaign.name = value.Scalar();
      } else {
        const std::filesystem::path written(value.Scalar());
        campaign.scenario = std::filesystem::absolute(written.is_absolute() ? written : file.parent_path() / written).lexically_normal();
        if (!std::filesystem::is_regular_file(campaign.scenario))
          r.fail(value.Mark(), name, "cannot read the scenario file '" + value.Scalar() + "' (a path relative to the campaign file)");
        have_scenario = true;
      }
    } else if (name == "seeds") {
      campaign.seeds = read_seeds(r, value);
    } else {
      if (!value.IsMap()) r.fail(value.IsNull() ? key.Mark() : value.Mark(), name,
                                 "expected a mapping of key paths to " + std::string(name == "set" ? "values" : "lists of values") +
                                     ", got " + describe(value));
      CampaignAxis zipped;
      for (const auto& item : value) {
        check_key(r, item.first, name);
        claim(item.first, name);
        if (item.first.Scalar() == "seed") r.fail(item.first.Mark(), name + ".seed", "the seeds are given by seeds, not as a key path");
        if (name == "set") {
          campaign.fixed.push_back(r.setting(item.first.Scalar(), item.second));
          continue;
        }
        auto steps = read_values(r, item.first, item.second, name);
        if (name == "grid") {
          campaign.axes.push_back({{item.first.Scalar()}, std::move(steps)});
          continue;
        }
        if (!zipped.keys.empty() && steps.size() != zipped.steps.size())
          r.fail(item.second.Mark(), "zip." + item.first.Scalar(),
                 "the lists under zip go together and must have the same length: " + std::to_string(steps.size()) +
                     " values here, " + std::to_string(zipped.steps.size()) + " for " + zipped.keys.front());
        if (zipped.keys.empty()) zipped.steps.resize(steps.size());
        zipped.keys.push_back(item.first.Scalar());
        for (std::size_t i = 0; i < steps.size(); ++i) zipped.steps[i].push_back(steps[i].front());
      }
      if (!zipped.keys.empty()) campaign.axes.push_back(std::move(zipped));
    }
  }
  if (!have_scenario) r.fail(root.Mark(), "", "missing required key 'scenario' (the base scenario file)");
  return campaign;
}

}  // namespace

Campaign load_campaign(const std::filesystem::path& file) {
  const std::string display = file.string();
  // Like a scenario: a regular file up to the size cap (a FIFO would block, /dev/zero never end), then
  // the same text checks (encoding, control characters, line ends, one document, no aliases).
  const InputFile in = read_input_file(display);
  if (!in.ok) throw ScenarioError({display, 0, 0}, "", "cannot read the campaign file: " + in.error);
  check_yaml_text(in.text, display, "campaign file");
  const Reader reader(display, in.text);
  YAML::Node root;
  try {
    root = YAML::Load(in.text);
  } catch (const YAML::ParserException& error) {
    reader.fail(error.mark, "", "YAML syntax error: " + error.msg);
  }
  try {
    return read_campaign(reader, root, file);
  } catch (const YAML::Exception& error) {
    reader.fail(error.mark, "", "cannot read the campaign: " + error.msg);
  }
}

}  // namespace fleet::sim
