using TeamsCrm.TestSupport;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// The bodies one phase posts, serialised before it starts (so the clock measures the bot, not the client
/// building JSON), and how to tell afterwards whether the bot answered each one as it should.
/// </summary>
public abstract class PhaseRequests
{
    public required byte[][] Bodies { get; init; }
    /// <summary>The activity id of each body.</summary>
    public required string[] Ids { get; init; }

    /// <summary>Null when the connector calls made during the phase are what the answered activities call for, else what was wrong.</summary>
    public abstract string? Problem(IReadOnlyList<ConnectorCall> calls, IEnumerable<string> answeredIds);
}
