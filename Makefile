# The two commands of the README's quick start. Everything real lives in CMake; this file only
# installs what a fresh Debian 12 machine lacks, configures, builds, and runs.
#   make run    install missing packages, build (Release), run scenarios/quickstart.yaml, draw figures
#   make test   install missing packages, build, run the whole test suite through ctest
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
SCENARIO ?= scenarios/quickstart.yaml
RUN_DIR ?= results/runs/quickstart
CMAKE_FLAGS ?=

# Debian packages the build, the tests and the figures need (apt names). The Cortex-M4 toolchain
# builds hw/ for the real target in the test suite; clang and its runtime build the libFuzzer target.
PACKAGES = cmake g++ make pkg-config git libsimgrid-dev libeigen3-dev libyaml-cpp-dev libbenchmark-dev \
           catch2 python3 python3-matplotlib gcc-arm-none-eabi libstdc++-arm-none-eabi-newlib \
           clang libclang-rt-14-dev

.PHONY: run test deps build clean

deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:" $$missing; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/sim/fleetsim run $(SCENARIO) -o $(RUN_DIR) --overwrite
	/usr/bin/python3 results/plot.py $(RUN_DIR)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR)
