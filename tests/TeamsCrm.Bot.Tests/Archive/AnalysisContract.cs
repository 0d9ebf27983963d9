using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Analysis;
using TeamsCrm.Bot.Features.Targets;
using TeamsCrm.Bot.Tests.Analysis;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>
/// The customer analysis and the team score computed end to end (<see cref="AnalysisReport.BuildAsync"/>,
/// <see cref="SalesFigures.ForAsync"/>) over what each archive returns for <see cref="AnalysisSeeds"/>: the same
/// figures from SQLite and from SharePoint lists.
/// </summary>
public abstract class AnalysisContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(AnalysisSeeds.Start);
    protected ICrmArchive Archive { get; private set; } = null!;
    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    protected abstract Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock);
    protected abstract Task DeleteArchiveAsync();

    public async Task InitializeAsync() => Archive = await CreateArchiveAsync(Clock);
    public Task DisposeAsync() => DeleteArchiveAsync();

    static string[][] Rows(FigureTable t) => [.. t.Rows.Select(r => r.ToArray())];

    [Fact]
    public async Task Every_figure_of_the_analysis_is_computed_from_the_files_in_use_of_the_team()
    {
        var c = await AnalysisSeeds.SeedAsync(Archive, Clock);

        var tables = (await AnalysisReport.BuildAsync(English, AnalysisSeeds.People, Archive, ConfiguredDirectory.Of(AnalysisSeeds.People), CadenceIntervals.Default, Clock.GetUtcNow(), Shanghai, default))
            .ToDictionary(t => t.Id);

        Assert.Equal(["category", "tier", "region", "industry", "credit", "stage", "keyAccount", "reasons", "stale", "overdue", "decisionsByApprover", "decisionsByKind", "escalated"], tables.Keys);
        // Seven files in use: the deleted one and the one of someone outside the team are left out everywhere.
        Assert.Equal([["Important", "2"], ["New", "2"], ["Regular", "2"], ["Potential", "1"]], Rows(tables["category"]));
        Assert.Equal([["General", "5"], ["Important", "1"], ["Special", "1"]], Rows(tables["tier"]));
        Assert.Equal([["Shanghai", "3"], ["(not given)", "1"], ["Beijing", "1"], ["Guangdong", "1"], ["Jiangsu", "1"]], Rows(tables["region"]));
        Assert.Equal([["Machinery", "2"], ["Steel", "2"], ["(not given)", "1"], ["Electronics", "1"], ["Food", "1"]], Rows(tables["industry"]));
        Assert.Equal([["(not given)", "2"], ["AA", "2"], ["A", "1"], ["AAA", "1"], ["B", "1"]], Rows(tables["credit"]));
        Assert.Equal([["5 Closing", "2"], ["1 Target identified, first contact", "2"], ["3 Value assessment and plan", "1"],
            ["2 Demo and information gathering", "1"], ["Won", "1"]], Rows(tables["stage"]));
        // Quality: 6 + 5 million, 12 million, 4 + 4 million in orders and 2,000,000.01; high value: the 12 million contract only (15 million is
        // on B credit, 10 million is not more than 10 million); group and strategic as set; a stored high value not earned is dropped.
        Assert.Equal([["Quality", "3"], ["High value", "1"], ["Group", "1"], ["Strategic", "1"]], Rows(tables["keyAccount"]));

        Assert.Equal(["Month", "No budget", "Competitor preferred", "Timing", "Price", "Other", "Total"], tables["reasons"].Headers);
        Assert.Equal([
            ["2026-06", "1", "0", "0", "1", "0", "2"],
            ["2026-07", "0", "0", "0", "0", "0", "0"],
            ["2026-08", "0", "0", "0", "0", "0", "0"],
            ["2026-09", "0", "0", "0", "1", "1", "2"],
            ["2026-10", "0", "0", "1", "0", "0", "1"],
            ["2026-11", "1", "1", "0", "0", "0", "2"],
        ], Rows(tables["reasons"]));

        // Untouched since 1 August (two, by number), reviewed last on 1 September, updated 60 days and a second ago; the file
        // updated exactly 60 days ago and the one reviewed in October are not stale.
        Assert.Equal([
            [c[2].Number, "Beifang Heavy Industry", "Tom Becker", "2026-08-01 16:00"],
            [c[3].Number, "Donghai Trading", "Tom Becker", "2026-08-01 16:00"],
            [c[1].Number, "Nanjing Steel Works", "Li Na", "2026-09-01 08:00"],
            [c[6].Number, "Tianhe Automation", "Wang Fang", "2026-09-23 15:59"],
        ], Rows(tables["stale"]));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"C-2026-{i:D5}"), c.Select(x => x.Number));

        Assert.Equal(["Rep", "Key accounts", "Overdue"], tables["overdue"].Headers);
        // The classes on file (as "due visits" reads them): Li Na's strategic Nanjing Steel, never visited since 1 August (general:
        // 60 days); Tom's Beifang, group and high value on file, important tier (14 days). Both overdue on 20 November.
        Assert.Equal([["Li Na", "1", "1"], ["Tom Becker", "1", "1"]], Rows(tables["overdue"]));
    }

    [Fact]
    public async Task Time_to_decision_per_approver_and_kind_and_the_requests_escalated_this_month()
    {
        Clock.SetUtcNow(AnalysisSeeds.Now);
        var now = AnalysisSeeds.Now;   // Sunday 22 November, 16:00 in Shanghai
        async Task FileAsync(string id, ApprovalKind kind, string requester, DateTimeOffset filed, DemoPerson? decider, double hours,
            DateTimeOffset? escalatedAt = null, ApprovalStatus decision = ApprovalStatus.Approved)
        {
            var routing = escalatedAt is { } at ? new ApprovalRouting().With(new ApprovalMove(MoveKind.Escalated, [], [Demo.WangFang.AadObjectId], null, at))
                : new ApprovalRouting();
            var a = await Archive.Approvals.CreateAsync(new Approval
            {
                Id = id, Kind = kind, Subject = "C-2026-0000" + id[^1], SubjectName = "Customer " + id, RequesterAadObjectId = requester,
                ApproverAadObjectIds = [Demo.ZhangWei.AadObjectId], CreatedAt = filed, RequestKey = "k:" + id, Routing = routing,
            });
            if (decider is not null)
                await Archive.Approvals.SaveAsync(a with { Status = decision, DecidedByAadObjectId = decider.AadObjectId, DecidedAt = filed.AddHours(hours) });
        }
        await FileAsync("a1", ApprovalKind.NewFile, Demo.LiNa.AadObjectId, now.AddDays(-10), Demo.ZhangWei, 2);
        await FileAsync("a2", ApprovalKind.NewFile, Demo.TomBecker.AadObjectId, now.AddDays(-9), Demo.ZhangWei, 30, escalatedAt: now.AddDays(-8));
        await FileAsync("a3", ApprovalKind.Deletion, Demo.LiNa.AadObjectId, now.AddDays(-20), Demo.WangFang, 5, decision: ApprovalStatus.Rejected);
        await FileAsync("a4", ApprovalKind.NewFile, Demo.LiNa.AadObjectId, now.AddMonths(-5), Demo.ZhangWei, 100);           // before the last 3 months
        await FileAsync("a5", ApprovalKind.NewFile, Demo.ChenJie.AadObjectId, now.AddDays(-3), Demo.WangFang, 1);             // not the team's
        await FileAsync("a6", ApprovalKind.Modification, Demo.LiNa.AadObjectId, now.AddDays(-2), null, 0, escalatedAt: now.AddDays(-1));   // waiting
        await FileAsync("a7", ApprovalKind.Modification, Demo.LiNa.AadObjectId, now.AddDays(-40), null, 0, escalatedAt: now.AddDays(-35)); // last month

        var tables = (await AnalysisReport.BuildAsync(English, AnalysisSeeds.People, Archive, ConfiguredDirectory.Of(AnalysisSeeds.People),
            CadenceIntervals.Default, now, Shanghai, default)).ToDictionary(t => t.Id);

        Assert.Equal([["Zhang Wei", "2", "16", "30"], ["Wang Fang", "1", "5", "5"]], Rows(tables["decisionsByApprover"]));
        Assert.Equal([["New customer file", "2", "16", "30"], ["Deletion of a customer file", "1", "5", "5"]], Rows(tables["decisionsByKind"]));
        Assert.Equal([["New customer file", "Customer a2", "2026-11-14 16:00", "Approved"], ["Change to a customer file", "Customer a6", "2026-11-21 16:00", "Waiting for a decision"]],
            Rows(tables["escalated"]));
    }

    [Fact]
    public async Task The_team_score_counts_the_months_contracts_and_orders_of_each_reps_customers()
    {
        await AnalysisSeeds.SeedAsync(Archive, Clock);
        var june = new YearMonth(2026, 6);
        await Archive.Targets.SaveAsync(TargetSheet.Empty(june).With(
            [KeyValuePair.Create(Demo.LiNa.AadObjectId, (decimal?)50_000_000m), KeyValuePair.Create(Demo.TomBecker.AadObjectId, (decimal?)16_000_000m)],
            Demo.WangFang.AadObjectId, Clock.GetUtcNow(), null));
        var reps = AnalysisSeeds.People.Where(p => p.Is(TeamsCrm.Bot.Directory.Role.Rep)).ToList();

        var lines = await SalesFigures.ForAsync(reps, june, Archive, default);

        // Li Na: Nanjing's 12,000,000 of 18 June (the deleted Jinling's 50,000,000 of 5 June still counts: it was signed) = 124 %;
        // Tom: Beifang's 15,000,000 of 30 June = 93.75 %, one full 5 % below.
        Assert.Equal([("Li Na", 50_000_000m, 62_000_000m, 104), ("Tom Becker", 16_000_000m, 15_000_000m, 99)],
            lines.Select(l => (l.RepName, l.Target!.Value, l.Actual, l.Score!.Value)));
    }
}

public sealed class SqliteAnalysisContract : AnalysisContract
{
    readonly TempSqliteArchive _file = new();

    protected override Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => _file.CreateAsync(clock);

    protected override Task DeleteArchiveAsync() => _file.DeleteAsync();
}

/// <summary>On SharePoint lists through the fake Graph and the real Graph SDK; every query must have filtered on one indexed column.</summary>
public sealed class SharePointAnalysisContract : AnalysisContract
{
    SharePoint.FakeSharePoint? _sharePoint;

    protected override async Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => (_sharePoint = await SharePoint.FakeSharePoint.StartAsync()).Archive(clock);

    protected override Task DeleteArchiveAsync() => _sharePoint?.DisposeCheckingQueriesAsync() ?? Task.CompletedTask;
}
