# cmake -DBUILD=dir -DPREFIX=dir -DAPP_ID=id -P check_install.cmake
# Installs the build into PREFIX and fails naming what a desktop would miss: a program, the
# desktop entry, the metainfo, an icon size, a man page, a completion.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX}
    RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${errors}")
endif()
set(expected
    bin/emnify-event-viewer bin/emnify-events bin/emnify-sim
    share/applications/${APP_ID}.desktop share/metainfo/${APP_ID}.metainfo.xml
    share/icons/hicolor/scalable/apps/${APP_ID}.svg
    share/man/man1/emnify-event-viewer.1.gz share/man/man1/emnify-events.1.gz share/man/man1/emnify-sim.1.gz
    share/bash-completion/completions/emnify-event-viewer share/bash-completion/completions/emnify-events
    share/bash-completion/completions/emnify-sim
    share/doc/emnify-event-viewer/copyright share/doc/emnify-event-viewer/changelog.Debian.gz)
foreach(size 16 22 24 32 48 64 128 256)
    list(APPEND expected share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
endforeach()
set(missing "")
foreach(path IN LISTS expected)
    if(NOT EXISTS ${PREFIX}/${path})
        string(APPEND missing "\n  ${path}")
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "not installed:${missing}")
endif()
file(READ ${PREFIX}/share/applications/${APP_ID}.desktop desktop)
if(NOT desktop MATCHES "\nIcon=${APP_ID}\n")
    message(FATAL_ERROR "the desktop entry does not name the icon ${APP_ID}")
endif()
file(GLOB_RECURSE installed RELATIVE ${PREFIX} ${PREFIX}/*)
list(LENGTH installed count)
message(STATUS "${count} files installed, every expected one present")
