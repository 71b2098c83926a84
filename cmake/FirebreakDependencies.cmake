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

if(NOT COMMAND protobuf_generate)
    include(FindProtobuf)
endif()
