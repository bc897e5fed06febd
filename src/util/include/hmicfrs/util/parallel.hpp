#pragma once

#include <cstddef>
#include <functional>

namespace hmicfrs::util {

// Calls `work(i)` for every i in [0, count), spread over the machine's cores
// (std::thread::hardware_concurrency). Each i runs exactly once; the order in
// which they run is unspecified, so `work` must write only its own results.
// The first exception a call throws is rethrown here, after all have stopped.
void for_each_index(std::size_t count, const std::function<void(std::size_t)>& work);

}  // namespace hmicfrs::util
