namespace TeamsCrm.Bot.Directory;

/// <summary>
/// Whether someone is away right now by what they told their mailbox (automatic replies on, or scheduled for now): their
/// waiting requests then go on to the escalation target at once instead of waiting for the deadline.
/// </summary>
public interface IAwayStatus
{
    ValueTask<bool> IsAwayAsync(string aadObjectId, CancellationToken ct = default);
}

/// <summary>Nobody is known to be away: the configured directory has no mailboxes, and Directory:Graph:AutomaticReplies may be off.</summary>
public sealed class NobodyAway : IAwayStatus
{
    public ValueTask<bool> IsAwayAsync(string aadObjectId, CancellationToken ct = default) => ValueTask.FromResult(false);
}
