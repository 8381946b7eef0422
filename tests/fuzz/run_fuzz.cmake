# Builds the downlink fuzzer with clang (libFuzzer + ASan + UBSan) and runs it for a bounded time on
# the committed seed corpus. Debian packages: clang-14, libclang-rt-14-dev. Run as a script:
#   cmake -DSOURCE_DIR=<repo> -DBINARY_DIR=<scratch dir> -DCLANGXX=clang++-14 [-DSECONDS=20] -P tests/fuzz/run_fuzz.cmake
# Registered as the ctest "firmware_downlink_fuzz" (tests/fuzz/CMakeLists.txt). New inputs found go
# to BINARY_DIR/corpus, never into the committed corpus; a crash input is written to BINARY_DIR.
foreach(var SOURCE_DIR BINARY_DIR CLANGXX)
  if(NOT ${var})
    message(FATAL_ERROR "run_fuzz.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT SECONDS)
  set(SECONDS 20)
endif()

file(GLOB FIRMWARE_SOURCES ${SOURCE_DIR}/hw/*.cpp)
file(MAKE_DIRECTORY ${BINARY_DIR}/corpus)
set(FUZZER ${BINARY_DIR}/downlink_fuzz)
execute_process(
  COMMAND ${CLANGXX} -std=c++20 -O1 -g -fno-exceptions -fno-rtti -fsanitize=fuzzer,address,undefined
          -fno-sanitize-recover=undefined -I${SOURCE_DIR} ${FIRMWARE_SOURCES}
          ${SOURCE_DIR}/tests/fuzz/downlink_fuzz.cpp -o ${FUZZER}
  RESULT_VARIABLE build_rc)
if(NOT build_rc EQUAL 0)
  message(FATAL_ERROR "building the downlink fuzzer with ${CLANGXX} failed")
endif()
execute_process(
  COMMAND ${FUZZER} -max_total_time=${SECONDS} -seed=1 -artifact_prefix=${BINARY_DIR}/
          ${BINARY_DIR}/corpus ${SOURCE_DIR}/tests/fuzz/corpus
  RESULT_VARIABLE fuzz_rc)
if(NOT fuzz_rc EQUAL 0)
  message(FATAL_ERROR "the downlink fuzzer found a failing input (exit ${fuzz_rc}); see ${BINARY_DIR}")
endif()
