// main() of the fuzz programs outside a libFuzzer build: runs LLVMFuzzerTestOneInput once on every file named on
// the command line or found in a folder named there (options, "-runs=0" and the like, are ignored), as
// `fuzz_x -runs=0 corpus/` does with libFuzzer. Fails when there was no input at all.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

bool replay(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.c_str());
        return false;
    }
    const std::vector<char> bytes { std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>() };
    // A copy of exactly the input's size, as libFuzzer passes it: reading past the end is then a sanitizer error.
    std::vector<std::uint8_t> input(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(input.data(), input.size());
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.starts_with('-'))
            continue;
        std::error_code error;
        if (std::filesystem::is_directory(arg, error)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(arg, error)) {
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            }
        } else {
            files.emplace_back(arg);
        }
    }
    std::sort(files.begin(), files.end());
    int failed = 0;
    for (const auto& file : files) {
        std::printf("replaying %s\n", file.c_str());
        std::fflush(stdout); // the last name printed is the input that crashed
        failed += replay(file) ? 0 : 1;
    }
    std::printf("%zu inputs replayed\n", files.size() - static_cast<std::size_t>(failed));
    return files.empty() || failed > 0 ? 1 : 0;
}
