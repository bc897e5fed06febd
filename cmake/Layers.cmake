# The layers of ARCHITECTURE.md and what each may use: the one place the
# layering is written down. The build follows it in three ways:
#   - hmicfrs_layer() links a layer's library to exactly the layers named
#     here, and refuses a layer library among its other arguments;
#   - each layer compiles against its own staging folder of headers,
#     <build>/layers/<layer>/hmicfrs/, holding links to include/hmicfrs/<x>/
#     for itself and the layers it may use (directly or through them), so an
#     include that points the wrong way finds no file;
#   - hmicfrs_check_layer_links(), run once every target exists, stops the
#     configuration when a layer's library links another layer this graph does
#     not allow (a target_link_libraries written by hand, for example).
# tests/layering/ compiles probes exactly as each layer's sources are compiled.
set(HMICFRS_LAYERS util diag model answers query check load edit lazy import render cli)
set(HMICFRS_LAYER_USES_util "")
set(HMICFRS_LAYER_USES_diag "")
set(HMICFRS_LAYER_USES_model diag util)
set(HMICFRS_LAYER_USES_answers model)         # plain structs that query fills and render writes
set(HMICFRS_LAYER_USES_query answers)         # answers questions; never reads files, never formats
set(HMICFRS_LAYER_USES_check model query)
set(HMICFRS_LAYER_USES_load model)            # YAML into records
set(HMICFRS_LAYER_USES_edit load)             # the register's files edited in place, every other byte kept
set(HMICFRS_LAYER_USES_lazy "")               # libzip and libxlsxwriter, opened on first use
set(HMICFRS_LAYER_USES_import model lazy)     # spreadsheets into a new register; never reads one
set(HMICFRS_LAYER_USES_render diag answers lazy)  # words and layout of answers; never computes them
set(HMICFRS_LAYER_USES_cli model load edit import check query render lazy)

# The layers LAYER may use, directly or through others, in OUT (without LAYER itself).
function(hmicfrs_layer_closure layer out)
  set(seen "")
  set(pending ${HMICFRS_LAYER_USES_${layer}})
  while(pending)
    list(POP_FRONT pending next)
    if(NOT next IN_LIST seen)
      list(APPEND seen ${next})
      list(APPEND pending ${HMICFRS_LAYER_USES_${next}})
    endif()
  endwhile()
  list(SORT seen)
  set(${out} ${seen} PARENT_SCOPE)
endfunction()

# Makes <build>/layers/LAYER/hmicfrs/ hold a link to include/hmicfrs/<x>/ for LAYER and every layer it may use,
# and nothing else (links left by an earlier configuration of another graph are removed); its parent folder in OUT.
function(hmicfrs_layer_staging layer out)
  set(root ${PROJECT_BINARY_DIR}/layers/${layer})
  file(REMOVE_RECURSE ${root})
  file(MAKE_DIRECTORY ${root}/hmicfrs)
  hmicfrs_layer_closure(${layer} visible)
  foreach(component ${layer} ${visible})
    if(NOT IS_DIRECTORY ${PROJECT_SOURCE_DIR}/include/hmicfrs/${component})
      message(FATAL_ERROR "layer ${layer}: include/hmicfrs/${component}/ does not exist")
    endif()
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/hmicfrs/${component} ${root}/hmicfrs/${component} SYMBOLIC)
  endforeach()
  set(${out} ${root} PARENT_SCOPE)
endfunction()

# hmicfrs_layer(LAYER [HEADERS_ONLY] [SOURCES ...] [PUBLIC ...] [PRIVATE ...]): the static library hmicfrs_LAYER
# (an interface library when HEADERS_ONLY), compiled against its staging folder and linked to the layers it uses.
# PUBLIC and PRIVATE name the other libraries it needs; a layer's library there is refused.
function(hmicfrs_layer layer)
  cmake_parse_arguments(ARG "HEADERS_ONLY" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
  if(NOT layer IN_LIST HMICFRS_LAYERS)
    message(FATAL_ERROR "hmicfrs_layer(${layer}): not a layer of cmake/Layers.cmake")
  endif()
  foreach(library ${ARG_PUBLIC} ${ARG_PRIVATE})
    if(library MATCHES "^hmicfrs_")
      message(FATAL_ERROR "hmicfrs_layer(${layer}): ${library} is a layer; what ${layer} uses is set in "
                          "cmake/Layers.cmake (HMICFRS_LAYER_USES_${layer})")
    endif()
  endforeach()
  hmicfrs_layer_staging(${layer} staging)
  set(uses "")
  foreach(used ${HMICFRS_LAYER_USES_${layer}})
    list(APPEND uses hmicfrs_${used})
  endforeach()
  if(ARG_HEADERS_ONLY)
    add_library(hmicfrs_${layer} INTERFACE)
    target_include_directories(hmicfrs_${layer} INTERFACE ${staging})
    target_link_libraries(hmicfrs_${layer} INTERFACE ${uses} ${ARG_PUBLIC})
  else()
    add_library(hmicfrs_${layer} STATIC ${ARG_SOURCES})
    target_include_directories(hmicfrs_${layer} PUBLIC ${staging})
    target_link_libraries(hmicfrs_${layer} PUBLIC ${uses} ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
    hmicfrs_strict(hmicfrs_${layer})
  endif()
endfunction()

# The targets TARGET links: its own links (PUBLIC, PRIVATE and INTERFACE), and through any target that is not a
# layer's library (a helper, an alias) what that one passes on, in OUT.
function(hmicfrs_linked_targets target out)
  set(found "")
  set(seen "")
  set(pending ${target})
  while(pending)
    list(POP_FRONT pending current)
    if(current IN_LIST seen)
      continue()
    endif()
    list(APPEND seen ${current})
    get_target_property(aliased ${current} ALIASED_TARGET)
    if(aliased)
      list(APPEND pending ${aliased})
      continue()
    endif()
    get_target_property(type ${current} TYPE)
    set(links "")
    if(current STREQUAL target AND NOT type STREQUAL "INTERFACE_LIBRARY")
      get_target_property(links ${current} LINK_LIBRARIES)
    endif()
    get_target_property(interface_links ${current} INTERFACE_LINK_LIBRARIES)
    foreach(link ${links} ${interface_links})
      # $<LINK_ONLY:x> names x; other generator expressions name no target by themselves.
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
      if(NOT link OR link MATCHES "-NOTFOUND$" OR NOT TARGET "${link}")
        continue()
      endif()
      list(APPEND found ${link})
      string(REGEX REPLACE "^hmicfrs_" "" layer "${link}")
      if(NOT (link MATCHES "^hmicfrs_" AND layer IN_LIST HMICFRS_LAYERS))
        list(APPEND pending ${link})
      endif()
    endforeach()
  endwhile()
  set(${out} ${found} PARENT_SCOPE)
endfunction()

# The layers TARGET links, directly or through other targets, must be among those LAYER may use.
function(hmicfrs_check_target_links target layer)
  hmicfrs_linked_targets(${target} links)
  hmicfrs_layer_closure(${layer} allowed)
  foreach(other ${links})
    get_target_property(aliased ${other} ALIASED_TARGET)
    if(aliased)
      set(other ${aliased})
    endif()
    string(REGEX REPLACE "^hmicfrs_" "" other_layer ${other})
    if(other MATCHES "^hmicfrs_" AND other_layer IN_LIST HMICFRS_LAYERS AND NOT other_layer STREQUAL layer
       AND NOT other_layer IN_LIST allowed)
      message(FATAL_ERROR "${target} links ${other}, but the layer ${layer} may not use ${other_layer} "
                          "(cmake/Layers.cmake: HMICFRS_LAYER_USES_${layer} is \"${HMICFRS_LAYER_USES_${layer}}\")")
    endif()
  endforeach()
endfunction()

# Run when the top-level CMakeLists.txt has been read, so that a link added anywhere after hmicfrs_layer() is seen.
# EXTRA pairs name other targets built from a layer's sources: "target:layer".
function(hmicfrs_check_layer_links)
  foreach(layer ${HMICFRS_LAYERS})
    hmicfrs_check_target_links(hmicfrs_${layer} ${layer})
  endforeach()
  foreach(pair ${ARGN})
    string(REPLACE ":" ";" pair "${pair}")
    list(GET pair 0 target)
    list(GET pair 1 layer)
    hmicfrs_check_target_links(${target} ${layer})
  endforeach()
endfunction()
