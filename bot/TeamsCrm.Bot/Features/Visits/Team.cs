using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// Whose visit reports a leader sees (拜访日报 "seen by the supervisor"): a team leader their direct reports; the
/// sales manager, key-account director and general manager every rep and leader. Decided from the directory;
/// customer service, who visit no customers, is left out.
/// </summary>
public static class Team
{
    public static async Task<IReadOnlyList<Person>> OfAsync(Person me, IDirectory directory, CancellationToken ct)
    {
        var team = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in await directory.ReportsOfAsync(me.AadObjectId, ct)) team[p.AadObjectId] = p;
        if (me.Is(Role.SalesManager) || me.Is(Role.KeyAccountDirector) || me.Is(Role.GeneralManager))
            foreach (var role in new[] { Role.Rep, Role.Supervisor })
                foreach (var p in await directory.WithRoleAsync(role, ct)) team[p.AadObjectId] = p;
        team.Remove(me.AadObjectId);
        // Customer service reports to a manager too, but visits no customers: not in a visit report.
        return team.Values.Where(CustomerAccess.MayCreate).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The ISO weeks a month touches (a week spanning two months counts in both, split by day).</summary>
    public static IEnumerable<IsoWeek> WeeksOf(YearMonth month)
    {
        for (var week = IsoWeek.Of(month.First); week.Monday <= month.Last; week = week.Next) yield return week;
    }
}
