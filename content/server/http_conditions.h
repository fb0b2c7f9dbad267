// Entity tags and the conditional headers built on them (RFC 9110 §8.8.3, §13.1.1-2), pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hallboard {

// The strong ETag of a served manifest: its version and a prefix of its sha256, e.g.
// "v7-3f2a09c4e1b0d5a6" (quotes included). The version tells an operator what a screen has;
// the hash keeps two different files that claim the same version from sharing a tag.
std::string manifest_etag(uint64_t version, std::string_view sha256_hex);
// The strong ETag of anything else: a quoted prefix-free sha256.
std::string content_etag(std::string_view sha256_hex);

// If-None-Match: true when `etag` is in the list (weak comparison, as the RFC asks for this
// header) or the list is "*"; the answer is then 304 Not Modified.
bool if_none_match_matches(std::string_view header, std::string_view etag);

// If-Match on PUT /admin/manifest: true when one of the listed tags names the current version,
// as "7", "v7" or the manifest's full ETag (strong comparison; weak tags never match). A bare,
// unquoted 7 is accepted too. "*" is refused: a publish must say which version it replaces.
bool if_match_names_version(std::string_view header, uint64_t current_version, std::string_view current_etag);

} // namespace hallboard
