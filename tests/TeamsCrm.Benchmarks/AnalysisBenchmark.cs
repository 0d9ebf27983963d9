using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Analysis;
using TeamsCrm.Bot.Features.Targets;
using TeamsCrm.FakeGraph;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/TeamsCrm.Benchmarks -- analysis [--files 2000] [--entries 10000] [--visits 20000]
/// [--reps 20] [--latency 20] [--samples 10] [--rebuild]</c>: what a manager's <c>analysis</c> and <c>team score</c> cost on the SharePoint
/// archive — the figures as the handlers compute them (<see cref="AnalysisReport.BuildAsync"/>, <see cref="SalesFigures.ForAsync"/>)
/// through the real Graph SDK against the fake Graph server, every HTTP round trip delayed by the latency. Prints Graph round trips
/// and operations per call and the caller's p50/p99. Nothing is judged: the table is the result. The monthly rollups the
/// two read are seeded with the records; with <c>--rebuild</c> they are not, and the rollups rebuild (rep by rep, as the
/// bot command does) makes them first, at the same latency, timed.
/// </summary>
public static class AnalysisBenchmark
{
    const string Site = "contoso.sharepoint.com,6f6e27a8-6d54-4f0a-9a1e-0b4c1d0e6c11,9b2c4d1e-3f5a-4b6c-8d7e-1f2a3b4c5d6e";
    /// <summary>Mid-December of the seed's year: the analysis months are July to December, the team score is for June.</summary>
    static readonly DateTimeOffset Now = new(2025, 12, 15, 8, 0, 0, TimeSpan.Zero);
    static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    sealed record Measured(string Name, double Calls, double Operations, double Queries, double[] Ms);

    public static async Task<int> RunAsync(string[] args)
    {
        var (files, entries, visits, reps, latency, samples) = (Option(args, "--files", 2_000), Option(args, "--entries", 10_000),
            Option(args, "--visits", 20_000), Option(args, "--reps", 20), Option(args, "--latency", 20), Option(args, "--samples", 10));
        await using var server = await FakeGraphServer.StartAsync(new FakeGraphOptions { RequestLogCapacity = 100_000 });
        var site = new SharePointSettings(Site, new Uri(server.BaseUrl)).Connect();
        await new Provisioner(site).RunAsync();
        var rebuild = args.Contains("--rebuild");
        var seed = ArchiveSeed.Plant(server, files, entries, visits, reps, rollups: !rebuild);
        var archive = new SharePointArchive(site, TimeProvider.System, NullLoggerFactory.Instance);
        await archive.Customers.GetAsync(seed.Numbers[0]);   // the archive looks its lists up once
        server.Latency = TimeSpan.FromMilliseconds(latency);
        var rebuilt = "";
        if (rebuild)
        {
            var started = Stopwatch.GetTimestamp();
            foreach (var owner in seed.Owners) await archive.Rollups.RebuildAsync(owner);
            rebuilt = Invariant($"The rollups were rebuilt from the records first (rollups rebuild, rep by rep): {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s, {server.Counters.HttpCalls:N0} Graph round trips.");
            Console.Error.WriteLine(rebuilt);
            server.ResetCounters();
        }

        var team = seed.Owners.Select((id, i) => new Person(id, $"Rep {i + 1}", null, new HashSet<Role> { Role.Rep }, null)).ToList();
        var manager = new Person("7a1c0000-0000-4000-8000-0000000000aa", "Manager", null, new HashSet<Role> { Role.SalesManager }, null);
        var english = CultureInfo.GetCultureInfo("en-US");
        (string Name, Func<Task<int>> Run)[] operations =
        [
            ("analysis (客户分析)", async () => (await AnalysisReport.BuildAsync(english, [manager, .. team], archive, ConfiguredDirectory.Of([manager, .. team]), CadenceIntervals.Default, Now, Shanghai, default)).Count),
            ("team score (团队业绩)", async () => (await SalesFigures.ForAsync(team, new YearMonth(2025, 6), archive, default)).Count),
        ];
        var results = new List<Measured>();
        foreach (var (name, run) in operations)
        {
            await run();   // warm-up: JIT, connections
            var ms = new double[samples];
            var (calls, steps, queries) = (0L, 0L, 0L);
            for (var i = 0; i < samples; i++)
            {
                var (calls0, steps0, queries0) = (server.Counters.HttpCalls, server.Counters.Total, server.Counters[RouteKind.QueryItems]);
                var started = Stopwatch.GetTimestamp();
                await run();
                ms[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                (calls, steps, queries) = (calls + server.Counters.HttpCalls - calls0, steps + server.Counters.Total - steps0,
                    queries + server.Counters[RouteKind.QueryItems] - queries0);
            }
            Array.Sort(ms);
            results.Add(new Measured(name, calls / (double)samples, steps / (double)samples, queries / (double)samples, ms));
            Console.Error.WriteLine($"{name}: p50 {PhaseResult.Percentile(ms, 0.5):0} ms");
        }
        var refused = server.Queries.Count(q => q.Outcome != QueryOutcome.Served || q.HonorNonIndexed || q.IndexedFilterColumns.Count != 1);
        Console.WriteLine(Table(results, files, entries, visits, reps, latency, samples, refused));
        if (rebuilt.Length > 0) Console.WriteLine(rebuilt);
        return refused == 0 ? 0 : 1;
    }

    static string Table(IReadOnlyList<Measured> results, int files, int entries, int visits, int reps, int latency, int samples, int refused)
    {
        var s = new StringBuilder();
        s.AppendLine(Invariant($"analysis and team score on the SharePoint archive through Graph SDK 6.10 → fake Graph server on loopback, {latency} ms added to every HTTP round trip; {files:N0} files over {reps} reps and their manager, {entries:N0} archive entries, {visits:N0} visits; {samples} samples each."));
        s.AppendLine($"Machine: {ResultTable.Machine()}.");
        s.AppendLine();
        s.AppendLine("| Command | Graph round trips / call | Graph operations / call | List queries / call | p50 ms | p99 ms |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            s.AppendLine(Invariant($"| {r.Name} | {r.Calls:0.#} | {r.Operations:0.#} | {r.Queries:0.#} | {PhaseResult.Percentile(r.Ms, 0.5):0} | {PhaseResult.Percentile(r.Ms, 0.99):0} |"));
        s.AppendLine();
        s.AppendLine(Invariant($"A $batch (up to 20 queries) is one round trip. Queries not on exactly one index or refused by the fake: {refused}."));
        return s.ToString();
    }

    static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
