using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Domain.Targets;

/// <summary>
/// Who sets targets and when a change needs approval. DOMAIN.md: targets are set by the key-account director and
/// changes need the director's approval. Read as a sales team would: the key-account director (and the sales manager,
/// who runs the reps) sets a month's targets freely until the month starts; from its first day, a change is a
/// TargetChange request to the key-account director (<see cref="Approvals.ApprovalRules"/>) — and when the director
/// changes a started month herself, nobody approves their own request, so it goes to the general manager.
/// </summary>
public static class TargetRules
{
    /// <summary>How far ahead targets can be set; the past is closed (a closed month is history, not a plan).</summary>
    public const int MonthsAhead = 12;

    public static bool MaySet(Person? p) => p is not null && (p.Is(Role.KeyAccountDirector) || p.Is(Role.SalesManager));

    /// <summary>Managers see the team's scores (and export them); everyone in a sales role sees their own.</summary>
    public static bool MaySeeTeam(Person? p) => p is not null &&
        (p.Is(Role.KeyAccountDirector) || p.Is(Role.SalesManager) || p.Is(Role.GeneralManager) || p.Is(Role.Supervisor));

    /// <summary>The month has begun in the setter's time zone: from then on, a change needs approval.</summary>
    public static bool HasStarted(YearMonth month, DateOnly today) => today >= month.First;

    public static bool IsOpen(YearMonth month, DateOnly today) =>
        month.First >= YearMonth.Of(today).First && month.First <= YearMonth.Of(today).First.AddMonths(MonthsAhead);

    /// <summary>The reps whose amount the form changes: old → new, null meaning "no target".</summary>
    public static IReadOnlyList<TargetChange> Changes(TargetSheet stored, IReadOnlyDictionary<string, decimal?> typed) =>
        [.. typed.Where(t => stored.TargetOf(t.Key) != t.Value).Select(t => new TargetChange(t.Key, stored.TargetOf(t.Key), t.Value))];
}

public sealed record TargetChange(string RepAadObjectId, decimal? Old, decimal? New);
