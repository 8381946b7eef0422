# Builds hw/ alone for a Cortex-M4 with arm-none-eabi-g++, prints its size, and fails if the object
# code needs a heap or exception machinery. Run as a script:
#   cmake -DSOURCE_DIR=<repo> -DBINARY_DIR=<scratch dir> -P tests/cortex_m4/check_firmware.cmake
# Registered as the ctest "firmware_cortex_m4_build" (tests/cortex_m4/CMakeLists.txt).
foreach(var SOURCE_DIR BINARY_DIR)
  if(NOT ${var})
    message(FATAL_ERROR "check_firmware.cmake: -D${var}=... is required")
  endif()
endforeach()

execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/hw -B ${BINARY_DIR}
          -DCMAKE_TOOLCHAIN_FILE=${SOURCE_DIR}/cmake/arm-none-eabi.cmake -DCMAKE_BUILD_TYPE=MinSizeRel
  RESULT_VARIABLE configure_rc)
if(NOT configure_rc EQUAL 0)
  message(FATAL_ERROR "configuring hw/ for the Cortex-M4 failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY_DIR} RESULT_VARIABLE build_rc)
if(NOT build_rc EQUAL 0)
  message(FATAL_ERROR "building hw/ for the Cortex-M4 failed")
endif()
set(ARCHIVE ${BINARY_DIR}/libfleet_firmware.a)

# Size: text/data/bss per object and in total (-t).
execute_process(COMMAND arm-none-eabi-size -t ${ARCHIVE} OUTPUT_VARIABLE size_out RESULT_VARIABLE size_rc)
if(NOT size_rc EQUAL 0)
  message(FATAL_ERROR "arm-none-eabi-size failed on ${ARCHIVE}")
endif()
message("Cortex-M4 firmware size (arm-none-eabi-size -t, bytes):\n${size_out}")

# Undefined symbols the firmware would pull from the C/C++ runtime. Helpers of libgcc (e.g.
# __aeabi_uldivmod for 64-bit division) and mem* are fine; a heap, exceptions or RTTI are not.
execute_process(COMMAND arm-none-eabi-nm -u -C ${ARCHIVE} OUTPUT_VARIABLE undefined_demangled)
execute_process(COMMAND arm-none-eabi-nm -u ${ARCHIVE} OUTPUT_VARIABLE undefined_raw)
set(forbidden "")
# Whole C symbols (so a future "free_slots" is not a hit), then C++ runtime prefixes.
foreach(pattern "U (malloc|calloc|realloc|free|abort|exit)\n" "U operator (new|delete)" "U __cxa_" "U __gxx_personality"
                "U _Unwind_" "U typeinfo" "U vtable for __cxxabiv1")
  string(REGEX MATCHALL "[^\n]*${pattern}[^\n]*" hits "${undefined_demangled}\n")
  list(APPEND forbidden ${hits})
endforeach()
# Mangled operator new/delete (_Znwj, _Znaj, _ZdlPv, _ZdaPv...) in case demangling is unavailable.
string(REGEX MATCHALL "[^\n]* _Z(nw|na|dl|da)[^\n]*" mangled_hits "${undefined_raw}")
list(APPEND forbidden ${mangled_hits})
if(forbidden)
  list(REMOVE_DUPLICATES forbidden)
  string(REPLACE ";" "\n" forbidden_lines "${forbidden}")
  message(FATAL_ERROR "the firmware references heap or exception machinery:\n${forbidden_lines}")
endif()
string(STRIP "${undefined_demangled}" undefined_stripped)
message("Undefined symbols (all allowed):\n${undefined_stripped}")
