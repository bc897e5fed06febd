# For a library that src/lazy/ opens on first use (found by pkg_check_modules(PREFIX ...)), sets
#   PREFIX_SONAME           the name the dynamic loader opens it by, read from its ELF header;
#   PREFIX_DEBIAN_PACKAGE   the Debian package that ships it, and PREFIX_DEBIAN_VERSION its upstream
#                           version (dpkg-query; empty where there is no dpkg), for the package's Depends,
#                           which dpkg-shlibdeps cannot read from a binary that does not link the library.
function(hmicfrs_lazy_library prefix)
  list(GET ${prefix}_LINK_LIBRARIES 0 library)
  execute_process(COMMAND ${CMAKE_OBJDUMP} -p ${library} OUTPUT_VARIABLE dump RESULT_VARIABLE failed ERROR_QUIET)
  if(failed OR NOT dump MATCHES "SONAME +([^ \n]+)")
    message(FATAL_ERROR "cannot read the soname of ${library} with ${CMAKE_OBJDUMP} -p")
  endif()
  set(soname ${CMAKE_MATCH_1})
  set(${prefix}_SONAME ${soname} PARENT_SCOPE)
  set(package "")
  set(version "")
  find_program(HMICFRS_DPKG_QUERY dpkg-query)
  if(HMICFRS_DPKG_QUERY)
    get_filename_component(file ${library} REALPATH)
    execute_process(COMMAND ${HMICFRS_DPKG_QUERY} -S ${file} OUTPUT_VARIABLE owner RESULT_VARIABLE failed ERROR_QUIET)
    if(NOT failed AND owner MATCHES "^([a-z0-9.+-]+)")
      set(package ${CMAKE_MATCH_1})
      execute_process(COMMAND ${HMICFRS_DPKG_QUERY} -W -f=\${Version} ${package} OUTPUT_VARIABLE version ERROR_QUIET)
      # 1.7.3-1 -> 1.7.3: the upstream version the build saw.
      string(REGEX REPLACE "^[0-9]+:" "" version "${version}")
      string(REGEX REPLACE "-[^-]*$" "" version "${version}")
    endif()
  endif()
  set(${prefix}_DEBIAN_PACKAGE "${package}" PARENT_SCOPE)
  set(${prefix}_DEBIAN_VERSION "${version}" PARENT_SCOPE)
  message(STATUS "${prefix}: opened on first use as ${soname} (Debian package: ${package} ${version})")
endfunction()
