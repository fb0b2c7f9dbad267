// The program's commands; each takes the arguments after its name and returns an exit status.
#pragma once

#include <string>
#include <vector>

namespace hallboard {

int run_check(const std::vector<std::string>& arguments);
int run_render(const std::vector<std::string>& arguments);
int run_play(const std::vector<std::string>& arguments);
int run_bench(const std::vector<std::string>& arguments);
int run_keygen(const std::vector<std::string>& arguments);
int run_publish(const std::vector<std::string>& arguments);
int run_serve(const std::vector<std::string>& arguments);
int run_sync(const std::vector<std::string>& arguments);
int run_screens(const std::vector<std::string>& arguments);
int run_report(const std::vector<std::string>& arguments);
int run_thumbnail(const std::vector<std::string>& arguments);
int run_users(const std::vector<std::string>& arguments);
int run_audit(const std::vector<std::string>& arguments);
int run_pull(const std::vector<std::string>& arguments);
int run_versions(const std::vector<std::string>& arguments);
int run_restore(const std::vector<std::string>& arguments);

} // namespace hallboard
