using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace TeamsCrm.Benchmarks;

/// <summary>The report: the machine, then one Markdown row per concurrency, then the targets.</summary>
public static class ResultTable
{
    /// <summary>What a 2-core machine must reach: the bot answers at least this many `help` activities a second…</summary>
    public const double TargetPerSecond = 2_000;
    /// <summary>…and 99 % of them within this many milliseconds inside the server.</summary>
    public const double TargetServerP99Ms = 20;

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription} " +
        $"{RuntimeInformation.OSArchitecture}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC";

    public static string Format(IReadOnlyList<PhaseResult> results, BenchOptions options)
    {
        var s = new StringBuilder();
        s.AppendLine(Invariant($"`help` through POST /api/messages on loopback, fake connector, local mode; up to {options.Requests:N0} requests or {options.PhaseLimit.TotalSeconds:0} s per phase."));
        s.AppendLine($"Machine: {Machine()}.");
        s.AppendLine();
        s.AppendLine("| Concurrency | Requests | Activities/s | Client p50 ms | Client p90 ms | Client p99 ms | Client max ms | Server p50 ms | Server p99 ms | Connector call p50 ms | Non-200 | Replies | CPU µs/request | Alloc/request KB | Working set MB | Heap kept MB | GCs gen0/1/2 |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            s.Append(Invariant($"| {r.Concurrency} | {r.Completed:N0}{(r.CutShort ? " (time limit)" : "")} | {r.PerSecond:N0} "));
            s.Append(Invariant($"| {P(r.ClientMs, 0.50)} | {P(r.ClientMs, 0.90)} | {P(r.ClientMs, 0.99)} | {P(r.ClientMs, 1)} "));
            s.Append(Invariant($"| {P(r.ServerMs, 0.50)} | {P(r.ServerMs, 0.99)} | {P(r.ConnectorMs, 0.50)} | {r.Failed} | {r.ReplyProblem ?? "1 each"} "));
            s.Append(Invariant($"| {r.CpuTime.TotalMicroseconds / Math.Max(1, r.Completed):N0} "));
            s.Append(Invariant($"| {r.AllocatedBytes / 1024.0 / Math.Max(1, r.Completed):N1} | {r.WorkingSetBytes / 1024.0 / 1024:N0} | {r.RetainedHeapBytes / 1024.0 / 1024:N1} "));
            s.AppendLine(Invariant($"| {r.Collections.Gen0}/{r.Collections.Gen1}/{r.Collections.Gen2} |"));
        }
        s.AppendLine();
        var best = results.MaxBy(r => r.PerSecond)!;
        var worst = results.MaxBy(r => P99(r))!;
        s.Append(Invariant($"Targets: ≥ {TargetPerSecond:N0} activities/s — best {best.PerSecond:N0}/s at concurrency {best.Concurrency} ({Verdict(best.PerSecond >= TargetPerSecond)}); "));
        s.AppendLine(Invariant($"server p99 < {TargetServerP99Ms} ms — worst {P99(worst):0.00} ms at concurrency {worst.Concurrency} ({Verdict(P99(worst) < TargetServerP99Ms)})."));
        s.AppendLine("Client times include the loopback hop and HttpClient. Server times are ASP.NET Core's http.server.request.duration for /api/messages; " +
            "the connector call (HttpClient's http.client.request.duration to the fake connector) is part of them. CPU, allocations and working set are the whole " +
            "process (client, bot and fake connector); heap kept is the managed heap after a full collection at the end of the phase.");
        return s.ToString();
    }

    static double P99(PhaseResult r) => PhaseResult.Percentile(r.ServerMs, 0.99);
    static string P(double[] sorted, double p) => PhaseResult.Percentile(sorted, p).ToString("0.00", CultureInfo.InvariantCulture);
    static string Verdict(bool met) => met ? "met" : "missed";
    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
