# cmake -DLUPDATE=... -DTS=..._de.ts -DWORK=dir -DINCLUDE=src -DSOURCES="a;b" -P check_translations.cmake
# Runs lupdate over the sources into a copy of the .ts: a string without a German translation
# (new in the sources, or moved to another tr() context) comes out "unfinished", and this fails
# naming it. Refresh the real file with tools/update-translations.
file(MAKE_DIRECTORY ${WORK})
get_filename_component(name ${TS} NAME)
file(COPY_FILE ${TS} ${WORK}/${name})
execute_process(COMMAND ${LUPDATE} -silent -locations none -no-obsolete -I ${INCLUDE} ${SOURCES}
    -ts ${WORK}/${name} RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed: ${errors}")
endif()
file(READ ${WORK}/${name} ts)
string(REGEX MATCHALL "<context>[^<]*<name>[^<]*</name>|<source>[^<]*</source>[^<]*<translation type=\"unfinished\"" hits "${ts}")
set(context "")
set(missing "")
foreach(hit IN LISTS hits)
    if(hit MATCHES "^<context>[^<]*<name>([^<]*)</name>")
        set(context ${CMAKE_MATCH_1})
    elseif(hit MATCHES "<source>([^<]*)</source>")
        string(APPEND missing "\n  ${context}: ${CMAKE_MATCH_1}")
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "no German translation for:${missing}\nrun tools/update-translations and translate them")
endif()
message(STATUS "every string has a German translation")
