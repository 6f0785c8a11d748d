# Warning and sanitizer flags shared by every TokenDesk target.
add_library(tokendesk_compiler_settings INTERFACE)

if(MSVC)
    target_compile_options(tokendesk_compiler_settings INTERFACE /W4 /permissive- /utf-8)
    if(TOKENDESK_WARNINGS_AS_ERRORS)
        target_compile_options(tokendesk_compiler_settings INTERFACE /WX)
    endif()
else()
    target_compile_options(tokendesk_compiler_settings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
    if(TOKENDESK_WARNINGS_AS_ERRORS)
        target_compile_options(tokendesk_compiler_settings INTERFACE -Werror)
    endif()
    if(TOKENDESK_SANITIZE)
        target_compile_options(tokendesk_compiler_settings INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(tokendesk_compiler_settings INTERFACE -fsanitize=address,undefined)
    endif()
endif()

target_compile_definitions(tokendesk_compiler_settings INTERFACE
    QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS)

# Product code spells out every string conversion; test tables may use plain literals.
add_library(tokendesk_strict_strings INTERFACE)
target_compile_definitions(tokendesk_strict_strings INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII)

# The core library must never depend on QtGui or QtWidgets: the CLI, the sandbox portal
# and the sync engine run without a display. Checked at configure time.
function(tokendesk_forbid_gui_links target)
    get_target_property(libs ${target} LINK_LIBRARIES)
    get_target_property(ilibs ${target} INTERFACE_LINK_LIBRARIES)
    foreach(lib IN LISTS libs ilibs)
        if(lib MATCHES "Qt6?::(Gui|Widgets|OpenGL|Quick|Svg)")
            message(FATAL_ERROR "${target} links ${lib}: the core layer must not depend on QtGui/QtWidgets")
        endif()
    endforeach()
endfunction()
