using TeamsCrm.Bot.Web;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Exports;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Targets;

/// <summary>"my score" (我的业绩) for a rep; "team score" (团队业绩) for leaders and managers: target, actual, %, score, ranked.</summary>
public static class ScoreHandler
{
    public static async Task<Reply> Mine(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !Access.CustomerAccess.MayCreate(me)) return Reply.Text(T.Get(c, "scores.mayNot"));
        if (MonthReportHandler.MonthOf(turn, clock) is not { } month) return Reply.Text(T.Get(c, "reports.dayNotUnderstood", VisitText.Shorten(turn.Text, 60)));
        var line = (await SalesFigures.ForAsync([me], month, archive, ct))[0];
        return Reply.Card(ScoreCards.Mine(c, month, line));
    }

    public static async Task<Reply> Team(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (!TargetRules.MaySeeTeam(me)) return Reply.Text(T.Get(c, "scores.mayNotTeam"));
        if (MonthReportHandler.MonthOf(turn, clock) is not { } month) return Reply.Text(T.Get(c, "reports.dayNotUnderstood", VisitText.Shorten(turn.Text, 60)));
        var reps = await TeamRepsAsync(me!, directory, ct);
        var lines = await SalesFigures.ForAsync(reps, month, archive, ct);
        return Reply.Card(ScoreCards.Team(c, month, lines, f => links.For(me!.AadObjectId, DownloadKind.TeamScore, month.ToString(), c, f)));
    }

    /// <summary>A team leader's reps; managers' every rep (targets are per rep).</summary>
    public static async Task<IReadOnlyList<Person>> TeamRepsAsync(Person me, IDirectory directory, CancellationToken ct) =>
        [.. (await Visits.Team.OfAsync(me, directory, ct)).Where(p => p.Is(Role.Rep))];
}
