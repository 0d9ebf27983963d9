using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.FakeGraph;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/TeamsCrm.Benchmarks -- archive [--customers 10000] [--entries 100000]
/// [--visits 50000] [--latency 20] [--samples 200]</c>: the SharePoint archive through the real Graph SDK against the fake Graph server,
/// every HTTP round trip delayed by the latency. For each operation (run one at a time): Graph round trips and operations per call (from
/// the fake's counters) and the caller's latency; then every command that reads the archive, one turn each through the whole bot
/// (<see cref="CommandRoundTrips"/>). Exits 1 when an operation or a command needs more round trips than its target.
/// </summary>
public static class ArchiveBenchmark
{
    const string Site = "contoso.sharepoint.com,6f6e27a8-6d54-4f0a-9a1e-0b4c1d0e6c11,9b2c4d1e-3f5a-4b6c-8d7e-1f2a3b4c5d6e";
    const double TargetP50Ms = 100;

    sealed record Measured(ArchiveOperation Op, int Samples, double Calls, double Operations, double[] Ms, double Results);

    public static async Task<int> RunAsync(string[] args)
    {
        var (customers, entries, visits, latency, samples) = (Option(args, "--customers", 10_000), Option(args, "--entries", 100_000),
            Option(args, "--visits", 50_000), Option(args, "--latency", 20), Option(args, "--samples", 200));
        await using var server = await FakeGraphServer.StartAsync(new FakeGraphOptions { RequestLogCapacity = 100_000 });   // the commands' table counts them
        var site = new SharePointSettings(Site, new Uri(server.BaseUrl)).Connect();
        await new Provisioner(site).RunAsync();
        var seeding = Stopwatch.StartNew();
        var seed = ArchiveSeed.Plant(server, customers, entries, visits, reps: 40);
        Console.Error.WriteLine($"Seeded {customers:N0} customers, {entries:N0} archive entries, {customers * 2:N0} contacts and change records, {visits:N0} visits in {seeding.Elapsed.TotalSeconds:0.0} s");

        var archive = new SharePointArchive(site, TimeProvider.System, NullLoggerFactory.Instance);
        await archive.Customers.GetAsync(seed.Numbers[0]);   // the archive looks its lists up once
        server.Latency = TimeSpan.FromMilliseconds(latency);

        var operations = ArchiveOperations.All(seed, site);
        var results = new List<Measured>();
        foreach (var op in operations)
        {
            var random = new Random(42);
            for (var i = 0; i < 5; i++) await (await op.Prepare(archive, random))();   // warm-up: JIT, connections
            var ms = new double[samples];
            var (found, calls, steps) = (0L, 0L, 0L);
            for (var i = 0; i < samples; i++)
            {
                var call = await op.Prepare(archive, random);
                var (calls0, steps0) = (server.Counters.HttpCalls, server.Counters.Total);
                var started = Stopwatch.GetTimestamp();
                found += await call();
                ms[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                (calls, steps) = (calls + server.Counters.HttpCalls - calls0, steps + server.Counters.Total - steps0);
            }
            Array.Sort(ms);
            results.Add(new Measured(op, samples, calls / (double)samples, steps / (double)samples, ms, found / (double)samples));
            Console.Error.WriteLine($"{op.Name}: p50 {PhaseResult.Percentile(ms, 0.5):0.0} ms");
        }

        Console.WriteLine(Table(results, customers, entries, visits, latency));
        var (commands, commandsMet) = await CommandRoundTrips.RunAsync(server, Site, seed, Math.Min(samples, 5));
        Console.WriteLine(commands);
        return results.All(r => r.Calls <= r.Op.MaxCalls) && commandsMet ? 0 : 1;
    }

    static string Table(IReadOnlyList<Measured> results, int customers, int entries, int visits, int latency)
    {
        var s = new StringBuilder();
        s.AppendLine(Invariant($"SharePoint archive through Graph SDK 6.10 → fake Graph server on loopback, {latency} ms added to every HTTP round trip; {customers:N0} customers, {entries:N0} archive entries, {customers * 2:N0} contacts, {customers * 2:N0} change records, {visits:N0} visits."));
        s.AppendLine($"Machine: {ResultTable.Machine()}.");
        s.AppendLine();
        s.AppendLine("| Operation | Samples | Graph round trips / call | Graph operations / call | Items / call | p50 ms | p99 ms | max ms | Targets |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var p50 = PhaseResult.Percentile(r.Ms, 0.5);
            var met = r.Calls <= r.Op.MaxCalls && p50 < TargetP50Ms;
            s.AppendLine(Invariant($"| {r.Op.Name} | {r.Samples} | {r.Calls:0.##} | {r.Operations:0.##} | {r.Results:0.#} | {p50:0.0} | {PhaseResult.Percentile(r.Ms, 0.99):0.0} | {r.Ms[^1]:0.0} | ≤ {r.Op.MaxCalls} round trip(s), p50 < {TargetP50Ms:0} ms: {(met ? "met" : "missed")} |"));
        }
        s.AppendLine();
        s.AppendLine("A $batch is one round trip and counts once per step as an operation (plus its envelope). Latency is the caller's: SDK, loopback HTTP, the fake's work and the added delay.");
        return s.ToString();
    }

    static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
