# Warnings as errors and the strict Qt string defines apply to our own targets only:
# generated protobuf/gRPC code is compiled without them.
function(firebreak_target_defaults target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /WX /permissive- /utf-8)
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_CAST_FROM_BYTEARRAY
        QT_USE_QSTRINGBUILDER
        QT_NO_KEYWORDS)
endfunction()

if(FIREBREAK_SANITIZE)
    if(MSVC)
        message(FATAL_ERROR "FIREBREAK_SANITIZE is for GCC and Clang")
    endif()
    message(STATUS "Sanitizers: ${FIREBREAK_SANITIZE}")
    add_compile_options(-fsanitize=${FIREBREAK_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    add_link_options(-fsanitize=${FIREBREAK_SANITIZE})
endif()
