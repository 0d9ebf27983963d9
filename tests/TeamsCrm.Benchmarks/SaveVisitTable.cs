using System.Globalization;
using System.Text;

namespace TeamsCrm.Benchmarks;

/// <summary>The save-visit report: one Markdown row per concurrency, the archive calls a save makes, and the targets.</summary>
public static class SaveVisitTable
{
    /// <summary>99 % of saves within this many milliseconds inside the server, on SQLite…</summary>
    public const double TargetServerP99Ms = 50;
    /// <summary>…and no more archive calls per save than this (on SharePoint, Graph requests).</summary>
    public const double TargetCallsPerSave = 2;

    public static string Format(IReadOnlyList<SavePhase> results, BenchOptions options)
    {
        var s = new StringBuilder();
        s.AppendLine(Invariant($"Visit report Save (invoke adaptiveCard/action `visit.save`) through POST /api/messages on loopback, SQLite archive, local mode; up to {options.Requests:N0} saves or {options.PhaseLimit.TotalSeconds:0} s per phase."));
        s.AppendLine($"Machine: {ResultTable.Machine()}.");
        s.AppendLine();
        s.AppendLine("| Concurrency | Saves | Saves/s | Client p50 ms | Client p99 ms | Server p50 ms | Server p90 ms | Server p99 ms | Server max ms | Archive calls/save | Failed | Stored | CPU µs/save | Alloc/save KB |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var r in results)
        {
            var p = r.Phase;
            s.Append(Invariant($"| {p.Concurrency} | {p.Completed:N0}{(p.CutShort ? " (time limit)" : "")} | {p.PerSecond:N0} | {P(p.ClientMs, 0.50)} | {P(p.ClientMs, 0.99)} "));
            s.Append(Invariant($"| {P(p.ServerMs, 0.50)} | {P(p.ServerMs, 0.90)} | {P(p.ServerMs, 0.99)} | {P(p.ServerMs, 1)} | {r.CallsPerSave:0.00} | {p.Failed} "));
            s.Append(Invariant($"| {r.StoreProblem ?? p.ReplyProblem ?? "1 visit each"} | {p.CpuTime.TotalMicroseconds / Math.Max(1, p.Completed):N0} "));
            s.AppendLine(Invariant($"| {p.AllocatedBytes / 1024.0 / Math.Max(1, p.Completed):N1} |"));
        }
        s.AppendLine();
        var calls = results.SelectMany(r => r.Calls).GroupBy(kv => kv.Key).Select(g => (g.Key, g.Sum(kv => kv.Value))).OrderBy(c => c.Key, StringComparer.Ordinal);
        var saves = results.Sum(r => r.Phase.Completed - r.Phase.Failed);
        s.AppendLine("Archive calls per save, by method: " + string.Join(", ", calls.Select(c => Invariant($"{c.Key} {c.Item2 / (double)Math.Max(1, saves):0.00}"))) + ".");
        var worst = results.MaxBy(r => PhaseResult.Percentile(r.Phase.ServerMs, 0.99))!;
        var worstP99 = PhaseResult.Percentile(worst.Phase.ServerMs, 0.99);
        var mostCalls = results.Max(r => r.CallsPerSave);
        s.Append(Invariant($"Targets: server p99 < {TargetServerP99Ms} ms — worst {worstP99:0.00} ms at concurrency {worst.Phase.Concurrency} ({Verdict(worstP99 < TargetServerP99Ms)}); "));
        s.AppendLine(Invariant($"≤ {TargetCallsPerSave} archive calls per save — at most {mostCalls:0.00} ({Verdict(mostCalls <= TargetCallsPerSave)})."));
        s.AppendLine("Server times are ASP.NET Core's http.server.request.duration for /api/messages. CPU and allocations are the whole process " +
            "(client, bot and fake connector). The Graph half (the same turn on the SharePoint store against the fake Graph at 20 ms a call) comes with the SharePoint archive.");
        return s.ToString();
    }

    static string P(double[] sorted, double p) => PhaseResult.Percentile(sorted, p).ToString("0.00", CultureInfo.InvariantCulture);
    static string Verdict(bool met) => met ? "met" : "missed";
    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
