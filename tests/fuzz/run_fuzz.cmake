# Builds a libFuzzer target with clang (libFuzzer + ASan + UBSan) and runs it for a bounded time on
# its committed seed corpus. Debian packages: clang-14, libclang-rt-14-dev. Run as a script:
#   cmake -DSOURCE_DIR=<repo> -DBINARY_DIR=<scratch dir> -DCLANGXX=clang++-14 [-DFUZZ_TARGET=downlink|scenario]
#         [-DSECONDS=20] -P tests/fuzz/run_fuzz.cmake
# FUZZ_TARGET downlink (the default): the firmware's downlink decoder, corpus tests/fuzz/corpus.
# FUZZ_TARGET scenario: the scenario loader as `fleetsim check` uses it, corpus tests/fuzz/scenario_corpus.
# Registered as ctests (tests/fuzz/CMakeLists.txt). New inputs found go to BINARY_DIR/corpus, never into
# the committed corpus; a crash input is written to BINARY_DIR. The fuzzer binary is BINARY_DIR/FUZZ_TARGET_fuzz,
# for longer runs by hand (docs/robustness.md).
foreach(var SOURCE_DIR BINARY_DIR CLANGXX)
  if(NOT ${var})
    message(FATAL_ERROR "run_fuzz.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT SECONDS)
  set(SECONDS 20)
endif()
if(NOT FUZZ_TARGET)
  set(FUZZ_TARGET downlink)
endif()

file(GLOB FIRMWARE_SOURCES ${SOURCE_DIR}/hw/*.cpp)
if(FUZZ_TARGET STREQUAL "downlink")
  set(SOURCES ${FIRMWARE_SOURCES} ${SOURCE_DIR}/tests/fuzz/downlink_fuzz.cpp)
  set(FLAGS -fno-exceptions -fno-rtti)
  set(LIBS)
  set(SEEDS ${SOURCE_DIR}/tests/fuzz/corpus)
elseif(FUZZ_TARGET STREQUAL "scenario")
  # The loader and what it links to: no SimGrid (the loader never starts the engine).
  file(GLOB MODEL_SOURCES ${SOURCE_DIR}/models/*.cpp)
  # Everything in sim/scenario/ (the loader's readers, writer, checks) and the two base helpers it uses.
  file(GLOB LOADER_SOURCES ${SOURCE_DIR}/sim/scenario/*.cpp)
  list(APPEND LOADER_SOURCES ${SOURCE_DIR}/sim/base/input_file.cpp ${SOURCE_DIR}/sim/base/did_you_mean.cpp)
  set(SOURCES ${FIRMWARE_SOURCES} ${MODEL_SOURCES} ${LOADER_SOURCES} ${SOURCE_DIR}/tests/fuzz/scenario_fuzz.cpp)
  set(FLAGS -I/usr/include/eigen3)
  set(LIBS -lyaml-cpp)
  set(SEEDS ${SOURCE_DIR}/tests/fuzz/scenario_corpus)
else()
  message(FATAL_ERROR "run_fuzz.cmake: unknown TARGET ${FUZZ_TARGET} (downlink or scenario)")
endif()

file(MAKE_DIRECTORY ${BINARY_DIR}/corpus ${BINARY_DIR}/objects)
set(FUZZER ${BINARY_DIR}/${FUZZ_TARGET}_fuzz)
# One object per source, through ccache when there is one: the loader takes a minute or two to
# compile with the sanitizers, and most runs of the suite change none of it.
# LAUNCHER stays empty without ccache: find_program's FUZZ_CCACHE-NOTFOUND must never become the command.
find_program(FUZZ_CCACHE ccache)
set(LAUNCHER)
if(FUZZ_CCACHE)
  set(LAUNCHER ${FUZZ_CCACHE})
endif()
set(OBJECTS)
foreach(source ${SOURCES})
  file(RELATIVE_PATH name ${SOURCE_DIR} ${source})
  string(REPLACE "/" "_" name ${name})
  set(object ${BINARY_DIR}/objects/${name}.o)
  execute_process(
    COMMAND ${LAUNCHER} ${CLANGXX} -std=c++20 -O1 -g ${FLAGS} -fsanitize=fuzzer,address,undefined
            -fno-sanitize-recover=undefined -I${SOURCE_DIR} -c ${source} -o ${object}
    RESULT_VARIABLE build_rc)
  if(NOT build_rc EQUAL 0)
    message(FATAL_ERROR "compiling ${source} for the ${FUZZ_TARGET} fuzzer with ${CLANGXX} failed")
  endif()
  list(APPEND OBJECTS ${object})
endforeach()
execute_process(
  COMMAND ${CLANGXX} -fsanitize=fuzzer,address,undefined ${OBJECTS} ${LIBS} -o ${FUZZER}
  RESULT_VARIABLE build_rc)
if(NOT build_rc EQUAL 0)
  message(FATAL_ERROR "linking the ${FUZZ_TARGET} fuzzer with ${CLANGXX} failed")
endif()
# A hard cap on one input's time and memory: a hang or a blow-up is a finding, not a stuck test.
execute_process(
  COMMAND ${FUZZER} -max_total_time=${SECONDS} -seed=1 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=${BINARY_DIR}/
          ${BINARY_DIR}/corpus ${SEEDS}
  WORKING_DIRECTORY ${SOURCE_DIR}/scenarios  # where the corpus's fleet.profile paths lead
  RESULT_VARIABLE fuzz_rc)
if(NOT fuzz_rc EQUAL 0)
  message(FATAL_ERROR "the ${FUZZ_TARGET} fuzzer found a failing input (exit ${fuzz_rc}); see ${BINARY_DIR}")
endif()
