using System.Globalization;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Web;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Exports;

/// <summary>Which ledger workbook: the month (5-27 with the month's 5-29 reports), the week's plans (5-28) or a day (5-30).</summary>
public enum LedgerForm { Month, Week, Day }

/// <summary>
/// A ledger download: the form, whether it is the reader's own or their team's, and the period (its first day). It is
/// the signed argument of a <see cref="DownloadKind.Ledger"/> link ("Month|team|2026-05-01"); when the link is used the
/// reader's rights are checked again exactly as the matching command checks them ("my month" / "team month" …), and the
/// figures are read now, from the archive.
/// </summary>
public sealed record LedgerRequest(LedgerForm Form, bool Team, DateOnly Day)
{
    public string Argument => $"{Form}|{(Team ? "team" : "me")}|{Day:yyyy-MM-dd}";

    /// <summary>The download's name: the form's table number and period ("5-27-2026-05-team").</summary>
    public string FileId => Form switch
    {
        LedgerForm.Month => $"5-27-{YearMonth.Of(Day)}",
        LedgerForm.Week => $"5-28-{IsoWeek.Of(Day)}",
        _ => $"5-30-{Day:yyyy-MM-dd}",
    } + (Team ? "-team" : "");

    public static LedgerRequest? Parse(string argument)
    {
        var parts = argument.Split('|');
        return parts.Length == 3 && Enum.TryParse<LedgerForm>(parts[0], out var form) && Enum.IsDefined(form) && parts[1] is "me" or "team"
            && DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new LedgerRequest(form, parts[1] == "team", day) : null;
    }

    /// <summary>The signed .xlsx link to this ledger for the person asking (a ledger is a workbook only: its layout is the point).</summary>
    public string Link(DownloadLinks links, string userAadObjectId, CultureInfo c) =>
        links.For(userAadObjectId, DownloadKind.Ledger, Argument, c, DownloadFormat.Xlsx);
}

public static class Ledgers
{
    /// <summary>The workbook's sheets, or null when the reader may not see it (not in the directory, no team, a forged argument).</summary>
    public static async Task<IReadOnlyList<XlsxSheet>?> BuildAsync(CultureInfo c, string readerAadObjectId, LedgerRequest request,
        ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        var me = await directory.FindAsync(readerAadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return null;
        IReadOnlyList<Person> people = request.Team ? await Team.OfAsync(me, directory, ct) : [me];
        if (people.Count == 0) return null;
        var names = people.Append(me).DistinctBy(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(p => p.AadObjectId, p => p.Name, StringComparer.OrdinalIgnoreCase);
        var ids = people.Select(p => p.AadObjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var who = request.Team ? T.Get(c, "ledger.team", me.Name, people.Count) : T.Get(c, "ledger.rep", me.Name);
        var team = request.Team;
        var ofTeam = people.ToDictionary(p => p.AadObjectId, p => p.Name, StringComparer.OrdinalIgnoreCase);

        switch (request.Form)
        {
            case LedgerForm.Month:
            {
                var month = YearMonth.Of(request.Day);
                var visits = await archive.Visits.ForRepsAsync(ids, month.First, month.Last, ct);
                var plans = new List<VisitPlan>();
                foreach (var week in Team.WeeksOf(month)) plans.AddRange(await PlansAsync(week, ids, archive, ct));
                var report = PlannedVsActual.For(month, plans, visits);
                IReadOnlyList<string> heading = [T.Get(c, "ledger.month", month.First.ToDateTime(TimeOnly.MinValue)), who];
                var customers = MonthReportHandler.Names(plans, visits);
                return team
                    ? [LedgerSheets.MonthPlan(c, heading, report, customers, names, true), LedgerSheets.MonthPerRep(c, heading, report, ofTeam, visits),
                        LedgerSheets.VisitReports(c, heading, visits, names, true)]
                    : [LedgerSheets.MonthPlan(c, heading, report, customers, names, false), LedgerSheets.VisitReports(c, heading, visits, names, false)];
            }
            case LedgerForm.Week:
            {
                var week = IsoWeek.Of(request.Day);
                var plans = await PlansAsync(week, ids, archive, ct);
                IReadOnlyList<string> heading = [T.Get(c, "ledger.week", week, week.Monday.ToDateTime(TimeOnly.MinValue), week.Sunday.ToDateTime(TimeOnly.MinValue)), who];
                foreach (var reviewer in plans.Select(p => p.ReviewerAadObjectId).OfType<string>().Where(r => !names.ContainsKey(r)).Distinct())
                    names[reviewer] = (await directory.FindAsync(reviewer, ct))?.Name ?? reviewer;
                return [LedgerSheets.WeekPlan(c, heading, plans, names, team)];
            }
            default:
            {
                var visits = await archive.Visits.ForRepsAsync(ids, request.Day, request.Day, ct);
                IReadOnlyList<string> heading = [T.Get(c, "ledger.day", request.Day.ToDateTime(TimeOnly.MinValue)), who];
                return [LedgerSheets.Day(c, heading, visits, names, team)];
            }
        }
    }

    static async Task<IReadOnlyList<VisitPlan>> PlansAsync(IsoWeek week, IReadOnlySet<string> reps, ICrmArchive archive, CancellationToken ct) =>
        reps.Count == 1
            ? await archive.Visits.PlanAsync(reps.Single(), week, ct) is { } plan ? [plan] : []
            : [.. (await archive.Visits.PlansOfWeekAsync(week, ct)).Where(p => reps.Contains(p.RepAadObjectId))];
}
