# What decoding a register's file gives depends on the sources of load, model,
# diag and util, public headers and private files alike: their digest keys the
# parse cache's entries (src/load/compile_catalogue.cpp), so that a build whose
# decoding may differ never reads an older build's entries.
#
# Included: hmicfrs_decoding_sources(ROOT OUT) sets OUT to those files under
# the source tree ROOT, sorted. As a script (cmake -DROOT=... -P this file),
# prints them one per line, so that a test can run the digest step on a copy
# of the sources (tests/decoder_digest_test.py).
function(hmicfrs_decoding_sources root out)
  set(patterns "")
  foreach(layer load model diag util)
    list(APPEND patterns ${root}/src/${layer}/*.cpp ${root}/src/${layer}/*.hpp ${root}/include/hmicfrs/${layer}/*.hpp)
  endforeach()
  if(CMAKE_SCRIPT_MODE_FILE)
    file(GLOB_RECURSE files ${patterns})
  else()
    # A file added or removed there reconfigures the build, and so changes the digest.
    file(GLOB_RECURSE files CONFIGURE_DEPENDS ${patterns})
  endif()
  list(SORT files)
  set(${out} ${files} PARENT_SCOPE)
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  if(NOT ROOT)
    message(FATAL_ERROR "usage: cmake -DROOT=<source tree> -P DecodingSources.cmake")
  endif()
  hmicfrs_decoding_sources(${ROOT} files)
  foreach(file ${files})
    message(NOTICE "${file}")
  endforeach()
endif()
