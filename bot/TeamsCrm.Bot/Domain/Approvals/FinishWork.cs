namespace TeamsCrm.Bot.Domain.Approvals;

/// <summary>
/// The steps a decision (or a cancellation) leaves once it is stored: its effect (<see cref="Approval.EffectAppliedAt"/>),
/// every copy of its card updated, the requester told. It is saved on the request in the same write as the decision, so a
/// crash right after that write loses nothing, and taken off when every step is done. A run claims the steps before it
/// works on them (<see cref="ClaimedUntil"/>, saved under the request's version): of two runs — two instances' sweeps, a
/// sweep and a second press — one gets the claim, the other leaves the steps alone.
/// </summary>
public sealed record FinishWork
{
    /// <summary>The first wait after a failed run; each further failure doubles it, up to <see cref="LongestRetry"/>.</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    /// <summary>The language and IANA time zone the cards are written in (the decider's), so that a later run writes the same cards.</summary>
    public required string Locale { get; init; }
    public required string TimeZone { get; init; }
    /// <summary>A decision is told to the requester; a cancellation, which is the requester's own, is not.</summary>
    public bool TellRequester { get; init; }
    public DateTimeOffset? RequesterToldAt { get; init; }
    /// <summary>The copies already showing the outcome, by <see cref="KeyOf"/>.</summary>
    public IReadOnlyList<string> CopiesUpdated { get; init; } = [];
    /// <summary>Runs that ended with a step still failing: the back-off grows with them.</summary>
    public int Failures { get; init; }
    /// <summary>When a sweep should look next: the end of the claim, or of the back-off after a failed run.</summary>
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>A run is at the steps until then; nobody else starts them before (a crashed run's claim simply runs out).</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    public bool RequesterPending => TellRequester && RequesterToldAt is null;

    /// <summary>The steps of a decision just taken, due now (the run that takes it claims them in the same save).</summary>
    public static FinishWork Start(string locale, string timeZone, bool tellRequester, DateTimeOffset now) => new()
    {
        Locale = locale, TimeZone = timeZone, TellRequester = tellRequester, DueAt = now,
    };

    public bool IsClaimedAt(DateTimeOffset now) => ClaimedUntil > now;

    /// <summary>Claimed until <paramref name="now"/> + <paramref name="lease"/>; due then, so that a run that dies is taken over.</summary>
    public FinishWork Claim(DateTimeOffset now, TimeSpan lease) => this with { ClaimedUntil = now + lease, DueAt = now + lease };

    /// <summary>A run ended with a step failing: the claim is let go, and the steps are due again after the back-off.</summary>
    public FinishWork Failed(DateTimeOffset now) => this with { Failures = Failures + 1, ClaimedUntil = null, DueAt = now + Backoff(Failures + 1) };

    public bool IsUpdated(CardCopy copy) => CopiesUpdated.Contains(KeyOf(copy), StringComparer.Ordinal);

    /// <summary>Exponential: 1, 2, 4 … minutes after the first, second, third … failure, never more than an hour.</summary>
    public static TimeSpan Backoff(int failures) =>
        failures <= 1 ? FirstRetry : TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 20)));

    /// <summary>A copy's identity: its conversation and its message.</summary>
    public static string KeyOf(CardCopy copy) => copy.ConversationId + "|" + copy.ActivityId;

    /// <summary>
    /// What two runs did, together: the copies either updated, the requester told if either told them. Used when a run's
    /// record finds that another run (which took over an expired claim) saved first.
    /// </summary>
    public FinishWork With(IEnumerable<string> copiesUpdated, DateTimeOffset? requesterToldAt) => this with
    {
        CopiesUpdated = [.. CopiesUpdated.Union(copiesUpdated, StringComparer.Ordinal)],
        RequesterToldAt = RequesterToldAt ?? requesterToldAt,
    };
}
