using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// Load driver for the bot's hot path: the real bot in-process (local mode, SQLite temp file, fake connector),
/// `help` activities posted to /api/messages at each concurrency, one Markdown table printed at the end.
/// `save-visit` as the first argument measures the visit report's Save turn instead; `archive` and `analysis` the SharePoint archive;
/// `documents` the document stores.
/// Exits with 1 when an answer was not 200 or a reply went missing; the timings are reported, never judged.
/// </summary>
public static class Program
{
    const string Route = "/api/messages";

    public static async Task<int> Main(string[] args)
    {
        if (args is ["archive", .. var rest]) return await ArchiveBenchmark.RunAsync(rest);   // the SharePoint archive, not the bot
        if (args is ["reminders", .. var reminderArgs]) return await RemindersBench.RunAsync(reminderArgs);   // one reminder to 1,000 channels
        if (args is ["analysis", .. var analysisArgs]) return await AnalysisBenchmark.RunAsync(analysisArgs);   // a manager's analysis and team score on SharePoint
        if (args is ["documents", .. var documentArgs]) return await DocumentsBenchmark.RunAsync(documentArgs);   // 20 and 100 MiB files into both document stores
        if (args is ["import", .. var importArgs]) return await ImportBenchmark.RunAsync(importArgs);   // 10,000 customers from a ledger into both archives
        if (args is ["xlsx", .. var xlsxArgs]) return await XlsxBenchmark.RunAsync(xlsxArgs);   // a 50,000-row table as CSV and as .xlsx
        // `-- save-visit [options]`: the visit report's Save turn instead of `help` (see SaveVisitBench).
        if (args is ["save-visit", .. var saveVisitArgs])
            return await SaveVisitBench.RunAsync(BenchOptions.Parse(saveVisitArgs, BenchOptions.SaveVisitDefaults));
        var options = BenchOptions.Parse(args);
        // The production clock (a test's fake clock takes a lock on every reading: not what a deployed bot pays).
        await using var bot = await TestBot.StartAsync(services: s => s.AddSingleton(TimeProvider.System));
        bot.Connector.KeepBodies = false;   // tens of thousands of cards: count them, don't keep them
        using var probes = new Probes(RecordedDurations.ServerRequests(Route), RecordedDurations.ClientRequests(bot.ServiceUrl.Port));
        Progress($"Bot on {bot.BaseUrl}, connector on {bot.ServiceUrl}; {ResultTable.Machine()}");

        if (options.Warmup > 0) Progress($"Warm-up: {await WarmUp.RunAsync(bot, probes, options)}");

        var results = new List<PhaseResult>();
        foreach (var concurrency in options.Concurrencies)
        {
            var result = await LoadPhase.RunAsync(bot, probes, HelpRequests.Build(bot.ServiceUrl, options.Requests), concurrency, options.PhaseLimit);
            // This continuation runs inside the finished phase's completion, whose frames still hold its request
            // bodies; yielding leaves them behind, so that what survives a full collection is what the bot keeps.
            await Task.Yield();
            result = result with { RetainedHeapBytes = GC.GetTotalMemory(forceFullCollection: true) };
            Progress($"Concurrency {concurrency}: {Summary(result)}");
            results.Add(result);
        }

        Console.WriteLine(ResultTable.Format(results, options));

        // The ceiling, in the same run: a bare handler on the same Kestrel, fake connector and load driver (issue 18).
        var ceiling = new List<PhaseResult>();
        await using (var bare = await BareHandler.StartAsync())
        {
            Progress($"Bare handler on {bare.BaseUrl}");
            if (options.Warmup > 0)
                await LoadPhase.RunAsync(bare.BaseUrl, bot.Connector, probes, HelpRequests.Build(bot.ServiceUrl, options.Warmup), options.Concurrencies.Max(), options.PhaseLimit);
            foreach (var concurrency in options.Concurrencies)
            {
                var result = await LoadPhase.RunAsync(bare.BaseUrl, bot.Connector, probes, HelpRequests.Build(bot.ServiceUrl, options.Requests), concurrency, options.PhaseLimit);
                Progress($"Ceiling, concurrency {concurrency}: {Summary(result)}");
                ceiling.Add(result);
            }
        }
        Console.WriteLine(CeilingTable.Format(results, ceiling));
        return results.Concat(ceiling).All(r => r.Correct) ? 0 : 1;
    }

    static string Summary(PhaseResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Completed:N0} requests in {r.Elapsed.TotalSeconds:0.0} s, {r.PerSecond:N0}/s, server p99 {PhaseResult.Percentile(r.ServerMs, 0.99):0.00} ms, {r.Failed} failed");

    static void Progress(string line) => Console.Error.WriteLine(line);
}
