# Every dependency is a distribution package: apt on Debian/Ubuntu, Homebrew on macOS, vcpkg on Windows.
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Concurrent Gui Widgets Charts Network Test LinguistTools)
find_package(CURL REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(spdlog REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
# Debian ships no protobuf CMake config: the FindProtobuf module and protobuf_generate() do the work.
find_package(Protobuf REQUIRED)
find_package(gRPC CONFIG REQUIRED)
find_package(Threads REQUIRED)
# RE2 comes with gRPC (its config defines re2::re2); the log filter links it directly.
if(NOT TARGET re2::re2)
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
    add_library(re2::re2 INTERFACE IMPORTED)
    target_link_libraries(re2::re2 INTERFACE PkgConfig::RE2)
endif()

if(NOT COMMAND protobuf_generate)
    include(FindProtobuf)
endif()
