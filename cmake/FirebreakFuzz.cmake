# FIREBREAK_FUZZ builds the libFuzzer programs of fuzz/. Every object (ours and the generated protobuf code) gets
# the fuzzer's coverage instrumentation plus AddressSanitizer and UBSan; only the fuzz programs link libFuzzer's
# main. Use a build folder of its own, see fuzz/README.md:
#   CC=clang-14 CXX=clang++-14 cmake -S . -B build/fuzz -G Ninja -DFIREBREAK_FUZZ=ON -DFIREBREAK_BUILD_TESTS=OFF
if(FIREBREAK_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "FIREBREAK_FUZZ needs Clang and its libFuzzer: configure with CXX=clang++ (e.g. clang++-14)")
    endif()
    if(FIREBREAK_SANITIZE)
        message(FATAL_ERROR "FIREBREAK_FUZZ brings its own sanitizers (address,undefined): leave FIREBREAK_SANITIZE empty")
    endif()
    message(STATUS "Fuzzing build: -fsanitize=fuzzer-no-link,address,undefined")
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    add_link_options(-fsanitize=address,undefined)
endif()
