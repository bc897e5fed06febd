# What `cmake --install` puts where, and the Debian package CPack builds of it:
# the binary, its manual page and its bash completion, in the usual places.
include(GNUInstallDirs)

install(TARGETS hmicfrs-track RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Configures `template` with the project's version into the build tree and
# installs it gzip-compressed without a timestamp (as Debian installs manual
# pages and changelogs), under `destination` as `name`.gz.
function(hmicfrs_install_gzipped template name destination)
  set(configured ${PROJECT_BINARY_DIR}/${name})
  configure_file(${template} ${configured} @ONLY)
  add_custom_command(
    OUTPUT ${configured}.gz
    COMMAND gzip -9nf -k ${configured}
    DEPENDS ${configured}
    COMMENT "Compressing ${name}")
  add_custom_target(hmicfrs_gzip_${name} ALL DEPENDS ${configured}.gz)
  install(FILES ${configured}.gz DESTINATION ${destination})
endfunction()

# The manual page carries the version.
hmicfrs_install_gzipped(${PROJECT_SOURCE_DIR}/docs/hmicfrs-track.1 hmicfrs-track.1 ${CMAKE_INSTALL_MANDIR}/man1)

install(FILES ${PROJECT_SOURCE_DIR}/dist/bash-completion/hmicfrs-track
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)

# What the messages and the manual page point at: the guides beside the
# copyright, and the JSON Schemas for editors that read them from disk.
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/data-format.md
              ${PROJECT_SOURCE_DIR}/docs/yaml-primer.md ${PROJECT_SOURCE_DIR}/docs/json.md
              ${PROJECT_SOURCE_DIR}/docs/diagnostics.md ${PROJECT_SOURCE_DIR}/docs/import.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/hmicfrs-track/schemas
        FILES_MATCHING PATTERN "*.schema.json")

# A native package's changelog.
hmicfrs_install_gzipped(${PROJECT_SOURCE_DIR}/dist/debian/changelog.in changelog ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hmicfrs-track)
set(CPACK_PACKAGE_VENDOR "hmicfrs-track")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "hmicfrs-track maintainers <maintainers@hmicfrs-track.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
# Lines under 80 characters, as Debian's policy asks of an extended description.
set(CPACK_PACKAGE_DESCRIPTION
    "Keeps a police force's register of HMICFRS inspections, PEEL grades and\n\
findings as YAML files, validates them with located diagnostics, answers\n\
questions about them as of any date, and writes the audit committee's\n\
quarterly paper in Markdown, text, HTML or JSON. Imports a force's\n\
spreadsheet tracker (CSV or Excel) to start from.")
# The runtime libraries the binary links (libyaml-cpp0.7, libfmt9, libxxhash0, libpugixml1v5, libstdc++6, libc6)
# are read from it by dpkg-shlibdeps (package dpkg-dev), which adds them to these: the libraries src/lazy/ opens
# on first use, which it cannot see (cmake/LazyLibraries.cmake found their packages).
set(lazy_depends "")
foreach(prefix libzip xlsxwriter)
  if(${prefix}_DEBIAN_PACKAGE)
    list(APPEND lazy_depends "${${prefix}_DEBIAN_PACKAGE} (>= ${${prefix}_DEBIAN_VERSION})")
  endif()
endforeach()
list(JOIN lazy_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS bash-completion)
# The papers ask for Arial: on Debian, Liberation Sans has its metrics, so a paper prints as it was laid out.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS fonts-liberation2)
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_SOURCE_DIR}/cmake/CPackChecks.cmake)
include(CPack)
