#pragma once

#include <cstddef>
#include <functional>
#include <future>
#include <utility>

namespace hmicfrs::util {

// Calls `work(i)` for every i in [0, count), spread over the machine's cores
// (std::thread::hardware_concurrency). Each i runs exactly once; the order in
// which they run is unspecified, so `work` must write only its own results.
// The first exception a call throws is rethrown here, after all have stopped.
void for_each_index(std::size_t count, const std::function<void(std::size_t)>& work);

// The number of a register's findings from which work on them repays starting a thread for it.
inline constexpr std::size_t k_findings_worth_a_thread = 4000;

// Starts `work` on a thread of its own when `findings` (how many findings it
// goes through) repay starting one; otherwise it runs when its result is asked
// for. Either way `.get()` gives the result, or rethrows what it threw.
template <class Work>
auto async_if_large(std::size_t findings, Work work) {
  return std::async(findings >= k_findings_worth_a_thread ? std::launch::async : std::launch::deferred,
                    std::move(work));
}

}  // namespace hmicfrs::util
