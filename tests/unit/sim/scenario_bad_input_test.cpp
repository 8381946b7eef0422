// Every tests/fixtures/bad/NAME.yaml must fail with exactly the text in NAME.expected (the whole
// rendered message: header, quoted line and caret), so a column that is off by one fails the test.
// NAME.set, when present, holds --set overrides, one per line.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/scenario_loader.hpp"

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
