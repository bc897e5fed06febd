#include "process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include <fmt/format.h>

namespace hmicfrs::test {

namespace fs = std::filesystem;

ProcessRun run_binary(const std::vector<std::string>& args, const RunOptions& options) {
  static int counter = 0;
  const fs::path out_file = fs::temp_directory_path() / fmt::format("hmicfrs-e2e-{}-{}.out", getpid(), counter);
  const fs::path err_file = fs::temp_directory_path() / fmt::format("hmicfrs-e2e-{}-{}.err", getpid(), counter++);
  std::vector<std::string> argv_storage{HMICFRS_TRACK_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);

  // A pipe whose reading end is closed before the child starts: every write to it fails.
  int pipe_ends[2] = {-1, -1};
  if (options.stdout_to == RunOptions::Stdout::broken_pipe) {
    if (pipe(pipe_ends) != 0) return {};
    close(pipe_ends[0]);
  }
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    // The child: only async-signal-safe calls plus setenv before exec.
    using Stdout = RunOptions::Stdout;
    int out = -1;
    switch (options.stdout_to) {
      case Stdout::captured: out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666); break;
      case Stdout::full_device: out = open("/dev/full", O_WRONLY); break;
      case Stdout::closed: break;
      case Stdout::broken_pipe:
        out = pipe_ends[1];
        signal(SIGPIPE, SIG_DFL);
        break;
    }
    const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (err < 0 || dup2(err, 2) < 0 || chdir(options.cwd.c_str()) != 0) _exit(127);
    if (options.stdout_to == Stdout::closed) {
      close(1);
    } else if (out < 0 || dup2(out, 1) < 0) {
      _exit(127);
    }
    unsetenv("HMICFRS_TRACK_DATA");
    setenv("NO_COLOR", "1", 1);
    for (const std::string& variable : options.variables) {
      const std::size_t equals = variable.find('=');
      setenv(variable.substr(0, equals).c_str(), variable.substr(equals + 1).c_str(), 1);
    }
    if (options.file_size_limit > 0) {
      signal(SIGXFSZ, SIG_IGN);  // a write past the limit then fails with EFBIG, as on a full disk
      const rlimit limit{static_cast<rlim_t>(options.file_size_limit), static_cast<rlim_t>(options.file_size_limit)};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    if (options.as_nobody && geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
  }

  if (pipe_ends[1] >= 0) close(pipe_ends[1]);
  ProcessRun run;
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, WNOHANG, &usage) == 0) {
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(options.timeout_seconds)) {
      kill(pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      run.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  run.peak_rss_kb = usage.ru_maxrss;
  run.out = read_text(out_file);
  run.err = read_text(err_file);
  fs::remove(out_file);
  fs::remove(err_file);
  return run;
}

}  // namespace hmicfrs::test
