using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Analysis;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Targets;

/// <summary>
/// A month's target, actual, percentage and score per rep, read with indexed queries only: the month's target sheet
/// (by month) and the reps' rollups of the month (<see cref="IMonthlyRollups"/>: the sales of the customers each owns).
/// </summary>
public static class SalesFigures
{
    public static async Task<IReadOnlyList<ScoreLine>> ForAsync(IReadOnlyList<Person> reps, YearMonth month, ICrmArchive archive,
        CancellationToken ct)
    {
        var reading = archive.Rollups.ForRepsAsync([.. reps.Select(r => r.AadObjectId)], month, month, ct);
        var sheet = await archive.Targets.GetAsync(month, ct) ?? TargetSheet.Empty(month);
        var actual = MonthRollups.SalesByRep(await reading);
        return TargetScore.Ranked(reps.Select(r => TargetScore.Line(r.AadObjectId, r.Name, sheet.TargetOf(r.AadObjectId), actual.GetValueOrDefault(r.AadObjectId))));
    }
}
