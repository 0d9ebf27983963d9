using System.Globalization;
using System.Runtime;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// Runs rounds of requests at the highest concurrency until a round makes the JIT compile (almost) nothing.
/// A fixed count is not enough: with both cores busy serving, the background tier-1 compiler (dynamic PGO
/// included) gets little CPU and keeps recompiling the hot path for tens of thousands of requests, and the
/// CPU a request costs halves when it is done (measured: ~300 µs for 45,000 requests, then ~160 µs).
/// </summary>
public static class WarmUp
{
    /// <summary>A round in which the JIT compiled fewer methods than this counts as settled.</summary>
    const int QuietJit = 5;
    /// <summary>However long the JIT keeps busy, the warm-up stops after this long.</summary>
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static async Task<string> RunAsync(TestBot bot, Probes probes, BenchOptions options)
    {
        var concurrency = options.Concurrencies.Max();
        var cpu = new List<string>();
        var started = DateTime.UtcNow;
        while (true)
        {
            var methodsBefore = JitInfo.GetCompiledMethodCount();
            var round = await LoadPhase.RunAsync(bot, probes, HelpRequests.Build(bot.ServiceUrl, options.Warmup), concurrency, options.PhaseLimit);
            var compiled = JitInfo.GetCompiledMethodCount() - methodsBefore;
            if (!round.Correct) return $"round {cpu.Count + 1} was not clean: {round.Failed} failed, replies: {round.ReplyProblem ?? "ok"}";
            cpu.Add((round.CpuTime.TotalMicroseconds / round.Completed).ToString("0", CultureInfo.InvariantCulture));
            var settled = compiled < QuietJit;
            if (settled || DateTime.UtcNow - started > Limit)
                return string.Create(CultureInfo.InvariantCulture,
                    $"{cpu.Count} rounds of {options.Warmup:N0} at concurrency {concurrency} in {(DateTime.UtcNow - started).TotalSeconds:0} s, " +
                    $"{(settled ? "until the JIT went quiet" : $"stopped at the limit with the JIT still busy ({compiled} methods in the last round)")}; " +
                    $"CPU µs/request by round: {string.Join(" ", cpu)}");
        }
    }
}
