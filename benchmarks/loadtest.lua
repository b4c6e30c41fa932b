-- wrk script for `make loadtest`: each request takes the next path from a file of paths
-- (many distinct searches, so a cache cannot answer them all), counts every response that is
-- not 2xx, and prints one JSON line of results.
local paths = {}
local counter = 0
local threads = {}
non2xx = 0

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    for line in io.lines(args[1]) do
        table.insert(paths, line)
    end
    counter = math.random(#paths)
end

function request()
    counter = counter % #paths + 1
    return wrk.format(nil, paths[counter])
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
    end
end

function done(summary, latency, requests)
    local bad = 0
    for _, thread in ipairs(threads) do
        bad = bad + thread:get("non2xx")
    end
    local errors = summary.errors
    io.write(string.format(
        'RESULT {"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p99_ms": %.2f, ' ..
        '"non2xx": %d, "socket_errors": %d}\n',
        summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, bad,
        errors.connect + errors.read + errors.write + errors.timeout))
end
