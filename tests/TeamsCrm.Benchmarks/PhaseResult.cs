namespace TeamsCrm.Benchmarks;

/// <summary>What one phase measured. Latencies in milliseconds; memory is the whole process (client, bot and fake connector).</summary>
public sealed record PhaseResult
{
    public required int Concurrency { get; init; }
    public required int Planned { get; init; }
    /// <summary>Requests that were sent (whatever became of them); fewer than planned when the time limit cut the phase short.</summary>
    public required int Completed { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public required double[] ClientMs { get; init; }
    /// <summary>Inside the bot's server: from the request's start to its end (the connector call included).</summary>
    public required double[] ServerMs { get; init; }
    /// <summary>Inside the bot: the reply's call to the (fake) connector, the part of the server time spent waiting for it.</summary>
    public required double[] ConnectorMs { get; init; }
    /// <summary>Answers other than 200, and requests that got no answer at all.</summary>
    public required int Failed { get; init; }
    /// <summary>Null when the fake connector got exactly one reply to each answered request, otherwise what was wrong.</summary>
    public required string? ReplyProblem { get; init; }
    public required long AllocatedBytes { get; init; }
    /// <summary>
    /// CPU time the process used during the phase (all threads, GC and JIT included). Per request it moves far less
    /// than throughput when other work shares the machine, so it is the number to compare before and after a change.
    /// </summary>
    public required TimeSpan CpuTime { get; init; }
    public required long WorkingSetBytes { get; init; }
    public required (int Gen0, int Gen1, int Gen2) Collections { get; init; }
    /// <summary>The managed heap after a full collection once the phase is over: what the bot keeps from its turns.</summary>
    public long RetainedHeapBytes { get; init; }

    public double PerSecond => Completed / Elapsed.TotalSeconds;
    public bool CutShort => Completed < Planned;
    public bool Correct => Failed == 0 && ReplyProblem is null;

    /// <summary>Nearest-rank percentile (p in 0..1) of a sorted sample; NaN when it is empty.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
