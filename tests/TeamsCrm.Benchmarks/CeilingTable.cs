using System.Globalization;
using System.Text;

namespace TeamsCrm.Benchmarks;

/// <summary>The bot's `help` turn beside the bare handler's, concurrency by concurrency, from the same run (issue 18's goal: ≥ 60 %).</summary>
public static class CeilingTable
{
    public const double TargetRatio = 0.60;

    public static string Format(IReadOnlyList<PhaseResult> ours, IReadOnlyList<PhaseResult> ceiling)
    {
        var s = new StringBuilder();
        s.AppendLine("`help` through the bot beside the ceiling: a bare ASP.NET Core handler that reads the activity and posts one small reply to the same fake connector (same process, Kestrel defaults, load driver).");
        s.AppendLine();
        s.AppendLine("| Concurrency | Ours /s | Ceiling /s | Ratio | Ours server p50 ms | Ours server p99 ms | Ceiling server p50 ms | Ceiling server p99 ms | Ours alloc/turn KB | Ceiling alloc/turn KB | Errors ours/ceiling |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var o in ours)
        {
            if (ceiling.FirstOrDefault(c => c.Concurrency == o.Concurrency) is not { } c) continue;
            s.AppendLine(Invariant($"| {o.Concurrency} | {o.PerSecond:N0} | {c.PerSecond:N0} | {o.PerSecond / c.PerSecond:P0} | {P(o.ServerMs, 0.5)} | {P(o.ServerMs, 0.99)} | {P(c.ServerMs, 0.5)} | {P(c.ServerMs, 0.99)} | {Kb(o)} | {Kb(c)} | {o.Failed}/{c.Failed} |"));
        }
        // Throughput is each side's best over the concurrencies (a server's capacity), not the best of the per-row ratios:
        // at concurrency 1 both wait on the loopback hop and the ratio flatters.
        var ratio = ours.Max(r => r.PerSecond) / Math.Max(1, ceiling.Max(r => r.PerSecond));
        s.AppendLine();
        s.AppendLine(Invariant($"Goal: ≥ {TargetRatio:P0} of the ceiling's throughput — ours {ours.Max(r => r.PerSecond):N0}/s against {ceiling.Max(r => r.PerSecond):N0}/s, {ratio:P0} ({(ratio >= TargetRatio ? "met" : "missed")}). Allocations are the whole process per request (client, server, fake connector)."));
        return s.ToString();
    }

    static string Kb(PhaseResult r) => (r.AllocatedBytes / 1024.0 / Math.Max(1, r.Completed)).ToString("N1", CultureInfo.InvariantCulture);
    static string P(double[] sorted, double p) => PhaseResult.Percentile(sorted, p).ToString("0.00", CultureInfo.InvariantCulture);
    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
