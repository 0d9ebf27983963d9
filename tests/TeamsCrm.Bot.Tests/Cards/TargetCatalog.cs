using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Analysis;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Features.Exports;
using TeamsCrm.Bot.Features.Targets;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>The targets, score, analysis and export cards of <see cref="CardCatalog"/>.</summary>
public static class TargetCatalog
{
    static readonly YearMonth Month = new(2026, 3);
    const string Url = "http://127.0.0.1:3978/export?k=Analysis&a=x&u=u&l=en&f=csv&e=1&s=abc";
    static string Links(TeamsCrm.Bot.Web.DownloadFormat f) => f == TeamsCrm.Bot.Web.DownloadFormat.Xlsx ? Url.Replace("f=csv", "f=xlsx", StringComparison.Ordinal) : Url;

    public static IEnumerable<(string Name, string Builder, JsonObject Card)> All(CultureInfo c)
    {
        var l = c.Name;
        var reps = Enumerable.Range(1, 30).Select(i => new Person($"rep-{i}", $"Rep {i} 李娜", null, new HashSet<Role> { Role.Rep }, null)).ToList();
        var sheet = TargetSheet.Empty(Month).With(reps.Take(20).Select(r => KeyValuePair.Create(r.AadObjectId, (decimal?)123_456.78m)), "d", DateTimeOffset.UnixEpoch, null)
            with { Version = "3" };
        var fresh = FormState.Fresh(("t_rep-1", "100000"));
        var refused = FormState.Of([KeyValuePair.Create("t_rep-1", (string?)"abc")], new Dictionary<string, string>
            { ["t_rep-1"] = T.Get(c, "form.amount"), ["reason"] = T.Get(c, "targets.reasonRequired") });
        yield return ($"targets.form.open.{l}", "TargetCards.Form", TargetCards.Form(c, Month, new YearMonth(2026, 4), reps, sheet, false, Guid.Empty.ToString(), fresh));
        yield return ($"targets.form.started-refused.{l}", "TargetCards.Form", TargetCards.Form(c, Month, new YearMonth(2026, 4), reps, sheet, true,
            Guid.Empty.ToString(), refused, T.Get(c, "targets.changedMeanwhile")));
        yield return ($"targets.form.no-reps.{l}", "TargetCards.Form", TargetCards.Form(c, Month, new YearMonth(2026, 4), [], TargetSheet.Empty(Month), false,
            Guid.Empty.ToString(), FormState.Fresh()));
        yield return ($"targets.saved.{l}", "TargetCards.Saved", TargetCards.Saved(c, Month, reps, sheet, TimeZoneInfo.Utc));
        var payload = new ApprovalPayload("Market shrank", [TargetEffects.Change(new TargetChange("rep-1", 100m, 90m), "Rep 1"),
            TargetEffects.Change(new TargetChange("rep-2", null, 5m), "Rep 2")]);
        var request = new Approval { Id = "a1", Kind = ApprovalKind.TargetChange, Subject = "targets:2026-03", SubjectName = "Sales targets 2026-03",
            RequesterAadObjectId = "d", ApproverAadObjectIds = ["gm"], Payload = payload, CreatedAt = DateTimeOffset.UnixEpoch, RequestKey = "k" };
        yield return ($"targets.requested.{l}", "TargetCards.Requested", TargetCards.Requested(c, Month, payload,
            new ApprovalView(request, "Wang Fang", ["Chen Jie"], null, [], TimeZoneInfo.Utc)));
        yield return ($"targets.not-allowed.{l}", "TargetCards.NotAllowed", TargetCards.NotAllowed(c));
        yield return ($"targets.closed.{l}", "TargetCards.Closed", TargetCards.Closed(c));

        var lines = TargetScore.Ranked(reps.Select((r, i) => TargetScore.Line(r.AadObjectId, r.Name, i % 7 == 0 ? null : 100_000m, i * 9_999.99m)));
        yield return ($"scores.mine.{l}", "ScoreCards.Mine", ScoreCards.Mine(c, Month, lines[0]));
        yield return ($"scores.mine.no-target.{l}", "ScoreCards.Mine", ScoreCards.Mine(c, Month, TargetScore.Line("x", "X", null, 0m)));
        yield return ($"scores.team.{l}", "ScoreCards.Team", ScoreCards.Team(c, Month, lines, Links));
        yield return ($"scores.team.empty.{l}", "ScoreCards.Team", ScoreCards.Team(c, Month, [], Links));

        FigureTable Shares(string id, string chart, int n) => new(id, id, chart, ["k", "n"],
            [.. Enumerable.Range(1, n).Select(i => (IReadOnlyList<string>)[$"Value {i} 华东", (n - i + 1).ToString(CultureInfo.InvariantCulture)])]);
        var tables = new[]
        {
            Shares("category", "Chart.Donut", 4), Shares("region", "Chart.HorizontalBar", 40), Shares("stage", "Chart.VerticalBar", 7),
            Shares("credit", "Chart.Donut", 0),
            new FigureTable("stale", "stale", "", ["n", "name", "owner", "at"], [.. Enumerable.Range(1, 50).Select(i => (IReadOnlyList<string>)[$"C-2026-{i:D5}", "Huadong 华东精密", "Li Na", "2026-01-01 09:00"])]),
        };
        yield return ($"analysis.{l}", "AnalysisCards.Analysis", AnalysisCards.Analysis(c, tables, 12, (id, f) => Links(f)));
        yield return ($"export.history.{l}", "ExportCards.History", ExportCards.History(c, "C-2026-00042", "Huadong Precision", Links));
    }
}
