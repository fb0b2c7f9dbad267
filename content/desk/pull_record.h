// The record a pulled folder keeps of its base (DIR/.hallboard/base.json): which server, which
// version, and that version's source, so that local edits can be computed without the server.
#pragma once

#include "base/result.h"
#include "content/desk/source_snapshot.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace hallboard::desk {

struct PullRecord {
    std::string server;        // the URL pulled from
    std::uint64_t version = 0; // the server's version the folder is based on
    SourceSnapshot base;       // that version's source
    bool operator==(const PullRecord&) const = default;
};

std::filesystem::path pull_record_path(const std::filesystem::path& folder); // folder/.hallboard/base.json

// nullopt when the folder has no record (it was never pulled). Fails when one exists but cannot
// be read or is damaged: publishing then would compute a wrong change.
Result<std::optional<PullRecord>> read_pull_record(const std::filesystem::path& folder);
// Written atomically (temp file, rename): the record is the last thing a pull writes.
Result<void> write_pull_record(const std::filesystem::path& folder, const PullRecord& record);

} // namespace hallboard::desk
