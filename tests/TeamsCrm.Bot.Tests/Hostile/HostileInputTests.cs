using System.Diagnostics;
using CsCheck;
using Xunit.Abstractions;

namespace TeamsCrm.Bot.Tests.Hostile;

/// <summary>
/// Generated hostile input through the real HTTP pipeline: no body may make the bot answer 5xx or log an error, and
/// none may store anything. CI (CI set) runs a fixed seed; a local run a random one, printed so that a failure can be
/// replayed with HOSTILE_SEED=&lt;seed&gt;. Every body that fails is shrunk and kept in Regressions/, which the second
/// test replays on every run.
/// </summary>
public class HostileInputTests(ITestOutputHelper output)
{
    const int Count = 10_000;
    /// <summary>Requests in flight at once: enough to keep two cores busy without queueing behind SQLite's one writer.</summary>
    const int InFlight = 8;
    const ulong CiSeed = 20_261_202;
    const int ShrinkAtMost = 20;
    const int KeepAtMost = 100;

    [Fact]
    public async Task Ten_thousand_hostile_activities_get_no_5xx_crash_nothing_and_store_nothing()
    {
        var seed = Seed();
        output.WriteLine($"Hostile input: seed {seed} (replay: HOSTILE_SEED={seed}), {Count:N0} requests, {InFlight} in flight");
        var pcg = new PCG(1, seed);
        var cases = Enumerable.Range(0, Count).Select(_ => HostileActivities.Any.Generate(pcg, null, out Size _)).ToList();
        await using var bot = await HostileBot.StartAsync();

        var clock = Stopwatch.StartNew();
        var (statuses, failures) = await bot.RunAsync(cases, InFlight);
        output.WriteLine($"Sent in {clock.Elapsed.TotalSeconds:0.0} s; statuses: "
            + string.Join(", ", statuses.CountBy(s => s).OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}")));
        var kept = await KeepAsync(bot, failures);

        Assert.True(failures.Count == 0, $"{failures.Count} of {Count} hostile requests failed (seed {seed}); kept in {Regressions.Folder}:\n"
            + string.Join("\n", kept.Select(k => "  " + k)) + "\n" + string.Join("\n", failures.Take(10)));
        Assert.Empty(bot.StoredRecords());
    }

    [Fact]
    public async Task Every_kept_regression_is_answered_without_a_5xx_or_an_error()
    {
        var files = Regressions.All();
        Assert.NotEmpty(files);   // the folder moved or was emptied: nothing would be replayed
        await using var bot = await HostileBot.StartAsync();

        var (_, failures) = await bot.RunAsync([.. files.Select(f => new HostileCase(Path.GetFileName(f), File.ReadAllBytes(f)))], InFlight);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty(bot.StoredRecords());
    }

    static ulong Seed() =>
        Environment.GetEnvironmentVariable("HOSTILE_SEED") is { Length: > 0 } replay ? ulong.Parse(replay, System.Globalization.CultureInfo.InvariantCulture)
        : Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ? CiSeed
        : (ulong)Random.Shared.NextInt64();

    /// <summary>
    /// Writes every failing body to Regressions/ (up to <see cref="KeepAtMost"/> a run); the first of each distinct failure
    /// (status, exception, where in our code) is shrunk first, while it keeps failing that same way.
    /// </summary>
    async Task<List<string>> KeepAsync(HostileBot bot, List<HostileFailure> failures)
    {
        var kept = new List<string>();
        var shrunk = new HashSet<string>(StringComparer.Ordinal);
        foreach (var failure in failures.Where(f => f.Index >= 0).Take(KeepAtMost))
        {
            var body = failure.Case.Body;
            var signature = await bot.FailureOfAsync(body);
            if (signature is not null && shrunk.Count < ShrinkAtMost && shrunk.Add(signature))
                body = await JsonShrinker.ShrinkAsync(body, async smaller => await bot.FailureOfAsync(smaller) == signature);
            var path = Regressions.Keep(body);
            if (!kept.Contains(path)) kept.Add(path);
            output.WriteLine($"{failure} → {Path.GetFileName(path)} ({signature ?? "fails only among others"}{(body != failure.Case.Body ? ", shrunk" : "")})");
        }
        return kept;
    }
}
