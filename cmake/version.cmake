# Writes build/generated/fleetsim_version.hpp on every build, so the git revision in manifest.json is the
# revision the binary was built from (not the one CMake was configured at). The file is rewritten only
# when its content changes, so an unchanged tree does not relink.
set(FLEETSIM_GENERATED_DIR ${CMAKE_BINARY_DIR}/generated)
add_custom_target(fleetsim_version_header
  COMMAND ${CMAKE_COMMAND}
          -DSOURCE_DIR=${CMAKE_SOURCE_DIR}
          -DOUTPUT=${FLEETSIM_GENERATED_DIR}/fleetsim_version.hpp
          -DPROJECT_VERSION=${PROJECT_VERSION}
          -P ${CMAKE_SOURCE_DIR}/cmake/write_version.cmake
  BYPRODUCTS ${FLEETSIM_GENERATED_DIR}/fleetsim_version.hpp
  COMMENT "Recording the git revision")
