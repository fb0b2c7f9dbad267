// An owned C stdio stream: fclose'd when the owner goes.
#pragma once

#include <cstdio>
#include <memory>

namespace hallboard {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

// For streams only read (or whose write errors are checked by fflush first): the result of
// fclose is not seen.
using UniqueFile = std::unique_ptr<std::FILE, FileCloser>;

} // namespace hallboard
