// Every tests/fixtures/bad/NAME.yaml must fail with exactly the text in NAME.expected (the whole
// rendered message: header, quoted line and caret), so a column that is off by one fails the test.
// NAME.set, when present, holds --set overrides, one per line. Fixtures that need the command line
// (NAME.args, a {placeholder} the scenario test makes: a FIFO, a run folder; a device profile file, found
// from the source tree) are the scenario
// test bad_input_exit_2's alone (tests/scenario/check_run.py, docs/robustness.md).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/scenario/scenario_loader.hpp"

using namespace fleet::sim;
namespace fs = std::filesystem;

namespace {

const fs::path BAD_DIR = fs::path(FLEETSIM_FIXTURES_DIR) / "bad";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> read_lines(const fs::path& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// The places tests/scenario/check_run.py makes for the fixtures (bad_input_places).
bool names_a_place(const std::string& text) {
  for (const char* place : {"{fixture}", "{out}", "{work}", "{fifo}", "{file}", "{nonempty}", "{many_gateways}", "{usage}"}) {
    if (text.find(place) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("each bad fixture gives its exact error message", "[loader][fixtures]") {
  std::vector<fs::path> fixtures;
  for (const auto& entry : fs::directory_iterator(BAD_DIR)) {
    if (entry.path().extension() == ".yaml") fixtures.push_back(entry.path());
  }
  std::sort(fixtures.begin(), fixtures.end());
  REQUIRE(fixtures.size() >= 12);

  for (const fs::path& fixture : fixtures) {
    const std::string name = fixture.stem().string();
    DYNAMIC_SECTION(name) {
      fs::path expected_path = fixture;
      expected_path.replace_extension(".expected");
      REQUIRE(fs::exists(expected_path));
      fs::path set_path = fixture;
      set_path.replace_extension(".set");
      const std::vector<std::string> overrides =
          fs::exists(set_path) ? read_lines(set_path) : std::vector<std::string>{};
      fs::path args_path = fixture;
      args_path.replace_extension(".args");
      // A device profile or route file path is relative to the fixture as the binary sees it (from the
      // source tree): those fixtures are run by check_run.py's bad_input, from there.
      const auto names_profile = [](const std::string& text) {
        return text.find("profile") != std::string::npos || text.find("routes/") != std::string::npos;
      };
      const bool needs_command_line =
          fs::exists(args_path) || names_a_place(read_text(expected_path)) ||
          std::any_of(overrides.begin(), overrides.end(), names_a_place) ||
          names_profile(read_text(expected_path));
      if (needs_command_line) return;

      std::string actual = "no error";
      try {
        load_scenario_text(read_text(fixture), "tests/fixtures/bad/" + name + ".yaml", overrides);
      } catch (const ScenarioError& error) {
        actual = error.render();
      }
      CHECK(actual == read_text(expected_path));
    }
  }
}
