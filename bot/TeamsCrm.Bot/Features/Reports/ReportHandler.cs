using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Reports;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Reports;

/// <summary>
/// "report" / "月报": a rep writes the monthly market-analysis report (due before the 5th, in the rep's own time zone;
/// filed later it is marked late, and stays so when corrected). "report status" / "月报情况": a leader sees their reps,
/// a manager every rep — who has submitted, on time or late, and who has not.
/// </summary>
public static class ReportHandler
{
    public static async Task<Reply> Write(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        if (await directory.FindAsync(turn.User.AadObjectId, ct) is not { } me || !me.Is(Role.Rep)) return Reply.Text(T.Get(turn.Culture, "report.onlyReps"));
        return Reply.Card(await FormAsync(turn, me, MarketReportRules.PeriodFor(LocalCalendar.Today(clock.GetUtcNow(), turn.TimeZone)), archive, ct));
    }

    /// <summary>"Correct it" on a submitted report: the form with its texts.</summary>
    public static async Task<Reply> Edit(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        if (await directory.FindAsync(turn.User.AadObjectId, ct) is not { } me || !me.Is(Role.Rep)) return Reply.Text(T.Get(turn.Culture, "report.onlyReps"));
        if (OpenMonth(turn, clock) is not { } month) return Reply.Text(T.Get(turn.Culture, "report.otherMonth"));
        return Reply.ReplaceCard(await FormAsync(turn, me, month, archive, ct));
    }

    public static async Task<Reply> Save(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await directory.FindAsync(turn.User.AadObjectId, ct) is not { } me || !me.Is(Role.Rep)) return Reply.Text(T.Get(c, "report.onlyReps"));
        if (OpenMonth(turn, clock) is not { } month) return Reply.Text(T.Get(c, "report.otherMonth"));
        var form = new FormReader(turn.Data, c);
        var texts = ReportCards.Fields.Select(id => form.MultiLine(id, required: true, maxLength: Limits.Description)).ToList();
        var deadline = MarketReportRules.Deadline(month, turn.TimeZone);
        if (!form.IsValid) return Reply.ReplaceCard(ReportCards.Form(c, month, deadline, turn.TimeZone, new FormState(turn.Data, form.Errors)));

        var now = clock.GetUtcNow();
        // The authenticated sender is the rep: a forged card cannot file for someone else.
        var stored = await archive.Reports.SubmitAsync(new MarketReport(me.AadObjectId, month, texts[0]!, texts[1]!, texts[2]!, texts[3]!, now, now,
            MarketReportRules.IsLate(month, now, turn.TimeZone)), ct);
        return Reply.ReplaceCard(ReportCards.Submitted(c, stored, turn.TimeZone));
    }

    public static async Task<Reply> Status(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        IReadOnlyList<Person> reps;
        if (me is not null && (me.Is(Role.SalesManager) || me.Is(Role.GeneralManager) || me.Is(Role.KeyAccountDirector)))
            reps = await directory.WithRoleAsync(Role.Rep, ct);
        else if (me is not null && me.Is(Role.Supervisor))
            reps = [.. (await directory.ReportsOfAsync(me.AadObjectId, ct)).Where(p => p.Is(Role.Rep))];
        else
            return Reply.Text(T.Get(turn.Culture, "report.onlyManagers"));
        var month = MarketReportRules.PeriodFor(LocalCalendar.Today(clock.GetUtcNow(), turn.TimeZone));
        var reports = (await archive.Reports.ForMonthAsync(month, ct)).ToDictionary(r => r.RepAadObjectId, StringComparer.OrdinalIgnoreCase);
        return Reply.Card(ReportCards.Status(turn.Culture, month,
            [.. reps.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (p.Name, reports.GetValueOrDefault(p.AadObjectId)))], turn.TimeZone));
    }

    /// <summary>The form for <paramref name="month"/>, with the texts already submitted (and a note saying so).</summary>
    internal static async Task<System.Text.Json.Nodes.JsonObject> FormAsync(Turn turn, Person me, YearMonth month, ICrmArchive archive, CancellationToken ct)
    {
        var existing = await archive.Reports.GetAsync(me.AadObjectId, month, ct);
        return ReportCards.Form(turn.Culture, month, MarketReportRules.Deadline(month, turn.TimeZone), turn.TimeZone, ReportCards.StateOf(existing),
            existing is null ? null : T.Get(turn.Culture, "report.already"));
    }

    /// <summary>The month on the card, if still open: the current period or the one before it (a late report).</summary>
    static YearMonth? OpenMonth(Turn turn, TimeProvider clock)
    {
        var period = MarketReportRules.PeriodFor(LocalCalendar.Today(clock.GetUtcNow(), turn.TimeZone));
        var previous = YearMonth.Of(period.First.AddMonths(-1));
        return turn.DataString("month") is { } text && (text == period.ToString() || text == previous.ToString())
            ? (text == period.ToString() ? period : previous)
            : null;
    }
}
