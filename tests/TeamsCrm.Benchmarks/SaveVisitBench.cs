using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.Sqlite;
using TeamsCrm.Bot.Domain;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// `-- save-visit`: the Save button of a visit report through POST /api/messages (invoke adaptiveCard/action),
/// on the SQLite archive, with every archive call counted. Each phase must store exactly one visit per answered
/// save; the table reports server latency and archive calls per save (on SharePoint each is a Graph request).
/// </summary>
public static class SaveVisitBench
{
    const string Route = "/api/messages";
    const int CustomersPerRep = 100;
    /// <summary>Wednesday 18 November 2026, 16:00 in Shanghai: the fake clock stands still, so every save is "today".</summary>
    static readonly DateTimeOffset Now = new(2026, 11, 18, 8, 0, 0, TimeSpan.Zero);
    static readonly DateOnly Today = new(2026, 11, 18);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var bot = await TestBot.StartAsync(now: Now, services: s => s.AddSingleton<ICrmArchive>(sp =>
            new CountingArchive(new SqliteArchive(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()))));
        bot.Connector.KeepBodies = false;
        var archive = (CountingArchive)bot.Archive;
        using var probes = new Probes(RecordedDurations.ServerRequests(Route), RecordedDurations.ClientRequests(bot.ServiceUrl.Port));
        var customers = await SeedAsync(archive.Customers);
        Progress($"Bot on {bot.BaseUrl} (SQLite, archive calls counted); {CustomersPerRep} customers each for Li Na and Tom; {ResultTable.Machine()}");

        var stored = 0L;
        if (options.Warmup > 0)
        {
            var warm = await LoadPhase.RunAsync(bot, probes, SaveVisitRequests.Build(bot.ServiceUrl, customers, Today, options.Warmup),
                options.Concurrencies.Max(), options.PhaseLimit);
            stored += warm.Completed - warm.Failed;
            Progress($"Warm-up: {warm.Completed:N0} saves, {warm.Failed} failed");
        }

        var results = new List<SavePhase>();
        foreach (var concurrency in options.Concurrencies)
        {
            archive.Reset();
            var phase = await LoadPhase.RunAsync(bot, probes, SaveVisitRequests.Build(bot.ServiceUrl, customers, Today, options.Requests), concurrency, options.PhaseLimit);
            var calls = archive.ByMethod;
            stored += phase.Completed - phase.Failed;
            var found = (await archive.Visits.ForRepsAsync([Demo.LiNa.AadObjectId, Demo.TomBecker.AadObjectId], Today, Today)).Count;
            var result = new SavePhase(phase, calls, found == stored ? null : $"{found:N0} visits stored for {stored:N0} saves");
            Progress($"Concurrency {concurrency}: {phase.Completed:N0} saves, {phase.PerSecond:N0}/s, server p99 {PhaseResult.Percentile(phase.ServerMs, 0.99):0.00} ms, " +
                $"{result.CallsPerSave:0.00} archive calls per save, {phase.Failed} failed{(result.StoreProblem is { } p ? ", " + p : "")}");
            results.Add(result);
        }

        Console.WriteLine(SaveVisitTable.Format(results, options));
        return results.All(r => r.Phase.Correct && r.StoreProblem is null) ? 0 : 1;
    }

    /// <summary>Live files for the two reps, created straight in the archive (not part of any phase).</summary>
    static async Task<IReadOnlyDictionary<string, string[]>> SeedAsync(ICustomerFiles files)
    {
        var byRep = new Dictionary<string, string[]>();
        foreach (var rep in new[] { Demo.LiNa, Demo.TomBecker })
        {
            var numbers = new string[CustomersPerRep];
            for (var i = 0; i < CustomersPerRep; i++)
                numbers[i] = (await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, $"{rep.Name} Customer {i:D3}", rep.AadObjectId),
                    Guid.NewGuid().ToString("D"))).Number;
            byRep[rep.AadObjectId] = numbers;
        }
        return byRep;
    }

    static void Progress(string line) => Console.Error.WriteLine(line);
}

/// <param name="Calls">Archive calls made during the phase, per method.</param>
/// <param name="StoreProblem">Null when the archive holds exactly one visit per answered save.</param>
public sealed record SavePhase(PhaseResult Phase, IReadOnlyDictionary<string, long> Calls, string? StoreProblem)
{
    public double CallsPerSave => Calls.Values.Sum() / (double)Math.Max(1, Phase.Completed - Phase.Failed);
}
