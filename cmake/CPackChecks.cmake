# Read by cpack before it packs (CPACK_PROJECT_CONFIG_FILE): a Debian package
# whose Depends is empty would install and then fail to run, so packing stops
# when dpkg-shlibdeps (package dpkg-dev), which reads the libraries the binary
# links, is missing.
if(CPACK_GENERATOR MATCHES "DEB")
  find_program(HMICFRS_DPKG_SHLIBDEPS dpkg-shlibdeps)
  if(NOT HMICFRS_DPKG_SHLIBDEPS)
    message(FATAL_ERROR
      "dpkg-shlibdeps is missing, so the package would declare no dependencies: "
      "install dpkg-dev (bash scripts/install-deps.sh --package) and run cpack again")
  endif()
endif()
