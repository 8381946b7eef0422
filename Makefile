# The two commands of the README's quick start. Everything real lives in CMake; this file only
# installs what a fresh Debian 12 machine lacks, configures, builds, and runs.
#   make run    install missing packages, build (Release), run scenarios/quickstart.yaml, draw figures
#   make test   install missing packages, build, run the whole test suite through ctest
#   make test-sanitize   ASan+UBSan build (its own folder) of the unit tests and some scenario tests (CI)
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
SCENARIO ?= scenarios/quickstart.yaml
RUN_DIR ?= results/runs/quickstart
CMAKE_FLAGS ?=
SANITIZE_BUILD_DIR ?= build-sanitize
# What the sanitizer job runs: every unit test, and the scenario tests that cover the loader's bad
# input, the run-folder guarantees and one run of each world (the long studies stay in `make test`).
SANITIZE_TESTS = ^(hw|models|sim):|^scenario: (bad_input_exit_2|check_round_trip|cli_usage|books_close|confirmed_books_close|brown_out_closes_books|cable_cut_books_close|voyage_books_close|sigint_marks_run_interrupted|second_run_into_folder_refused|overwrite_empties_folder)$$

# Debian packages the build, the tests and the figures need (apt names). The Cortex-M4 toolchain
# builds hw/ for the real target in the test suite; clang and its runtime build the libFuzzer target.
PACKAGES = cmake g++ make pkg-config git libsimgrid-dev libeigen3-dev libyaml-cpp-dev libbenchmark-dev libjemalloc-dev \
           catch2 python3 python3-matplotlib gcc-arm-none-eabi libstdc++-arm-none-eabi-newlib \
           clang libclang-rt-14-dev
# A single-node Slurm and its authentication for the campaign test (tests/slurm/); their daemons are
# started by the test, never by apt (a temporary policy-rc.d refuses their start while installing).
PACKAGES += slurmctld slurmd slurm-client munge

.PHONY: run test test-sanitize deps build clean

deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:" $$missing; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  policy=/usr/sbin/policy-rc.d; made=; [ -e $$policy ] || { printf '#!/bin/sh\nexit 101\n' | $$SUDO tee $$policy >/dev/null; $$SUDO chmod 755 $$policy; made=1; }; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	  status=$$?; [ -z "$$made" ] || $$SUDO rm -f $$policy; [ $$status = 0 ]; \
	fi

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/sim/fleetsim run $(SCENARIO) -o $(RUN_DIR) --overwrite
	/usr/bin/python3 results/plot.py $(RUN_DIR)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# -O1 -g1: half the compile time of -O2 -g (the loader: 28 s against 62 s of CPU), line numbers kept
# for the reports. halt_on_error: a UBSan report fails the test instead of scrolling past; leaks are not checked, as
# SimGrid keeps its engine's allocations to the end of the process by design.
test-sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
	  -DFLEETSIM_SANITIZE=ON $(CMAKE_FLAGS)
	cmake --build $(SANITIZE_BUILD_DIR) -j $(JOBS) --target hw_tests models_tests sim_tests fleetsim
	cd $(SANITIZE_BUILD_DIR) && ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -R '$(SANITIZE_TESTS)'

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_BUILD_DIR)
