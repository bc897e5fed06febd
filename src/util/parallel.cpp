#include <hmicfrs/util/parallel.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace hmicfrs::util {

void for_each_index(std::size_t count, const std::function<void(std::size_t)>& work) {
  const std::size_t cores = std::max<std::size_t>(1, std::thread::hardware_concurrency());
  const std::size_t workers = std::min(cores, count);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_failure;
  std::mutex failure_mutex;
  const auto drain = [&] {
    for (std::size_t i; !failed && (i = next.fetch_add(1)) < count;) {
      try {
        work(i);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!first_failure) first_failure = std::current_exception();
        failed = true;
      }
    }
  };
  if (workers <= 1) {
    drain();
  } else {
    std::vector<std::jthread> threads;
    threads.reserve(workers - 1);
    for (std::size_t t = 1; t < workers; ++t) threads.emplace_back(drain);
    drain();  // the calling thread works too
  }
  if (first_failure) std::rethrow_exception(first_failure);
}

}  // namespace hmicfrs::util
