#pragma once

// The files the commands write, and where they may write them: an answer
// atomically, a directory of files staged beside its place, the directory of
// a new register. Private to cli/.

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hmicfrs::cli {

// Whether `path` is `root` or lies inside it, wherever the links on the way lead.
bool inside(const std::filesystem::path& path, const std::filesystem::path& root);

// Writes `content` to `target` through a temporary file beside it and a
// rename, so that the target is either untouched or complete.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// Writes `files` (a path inside it and its text each) as the directory
// `target`, which is absent or holds nothing they would replace (the caller
// checks): staged beside it and moved into place, so that a failure leaves
// nothing half written.
void write_directory_atomically(const std::filesystem::path& target,
                                const std::vector<std::pair<std::string, std::string>>& files);

// The directory a new register goes into (`init DIR`, `import --into DIR`): new, empty, or holding only .git
// (`has_git` says which), and not inside another register, wherever the links on its way lead. Otherwise a usage
// error that names `command`.
std::filesystem::path new_register_directory(const std::string& directory, std::string_view command, bool& has_git);

// The directory `-o` names for files written one per answer: new, or empty. Otherwise a usage error.
std::filesystem::path new_output_directory(const std::string& output);

}  // namespace hmicfrs::cli
