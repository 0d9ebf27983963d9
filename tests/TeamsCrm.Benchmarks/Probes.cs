namespace TeamsCrm.Benchmarks;

/// <summary>The in-process measurements a phase takes besides its own stopwatch.</summary>
public sealed record Probes(RecordedDurations Server, RecordedDurations Connector) : IDisposable
{
    public void Dispose()
    {
        Server.Dispose();
        Connector.Dispose();
    }
}
