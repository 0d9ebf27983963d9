using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Analysis;
using TeamsCrm.Bot.Features.Targets;
using TeamsCrm.Bot.Tests.Analysis;
using TeamsCrm.FakeGraph;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>
/// The analysis and the team score past SharePoint's list view threshold: 6,000 files, 6,000 contracts and 6,000 visits
/// seeded straight into the fake's lists, as data written before rollups were kept — so the monthly rollups are rebuilt
/// first, rep by rep, as the <c>rollups rebuild</c> command does. The fake refuses any query not driven by an index matching
/// at most 5,000 items, so all of it completes only because every query seeks one index (owner, customer number, rep, key).
/// </summary>
public sealed class SharePointAnalysisScaleTests : IAsyncLifetime
{
    const int Count = 6_000;
    static readonly string[] Owners = [.. AnalysisSeeds.People.Select(p => p.AadObjectId)];   // 1,500 files each
    readonly FakeTimeProvider _clock = new(AnalysisSeeds.Now);
    FakeSharePoint _sharePoint = null!;

    static string NumberOf(int i) => string.Create(CultureInfo.InvariantCulture, $"C-2026-{i:D5}");
    static string OwnerOf(int i) => Owners[i % Owners.Length];
    static bool Deleted(int i) => i % 50 == 7;
    /// <summary>Every 300th file signed one contract of 11,000,000 on AAA credit: quality and high value.</summary>
    static bool Key(int i) => i % 300 == 0;
    static DateOnly SignedOn(int i) => new(2026, 6 + i % 5, 1 + i % 28);
    static decimal Amount(int i) => Key(i) ? 11_000_000m : 1_000m;

    public async Task InitializeAsync()
    {
        _sharePoint = await FakeSharePoint.StartAsync(new FakeGraphOptions { ThresholdRetryAfterSeconds = 0 });
        var created = AnalysisSeeds.Now.AddDays(-10);
        _sharePoint.List(SharePointLists.Customers).Seed(Enumerable.Range(1, Count).Select(i => (IReadOnlyDictionary<string, object?>)CustomerFields.ForCreate(new Customer
        {
            Number = NumberOf(i), Kind = CustomerKind.Enterprise, Name = $"Customer {i}", OwnerAadObjectId = OwnerOf(i),
            Category = (CustomerCategory)(i % 4), Region = i % 2 == 0 ? "Shanghai" : "Jiangsu", Credit = new(Key(i) ? "AAA" : "B"),
            Status = Deleted(i) ? CustomerStatus.Deleted : CustomerStatus.Active, CreatedAt = created, UpdatedAt = created,
        })));
        _sharePoint.List(SharePointLists.ArchiveEntries).Seed(Enumerable.Range(1, Count).Select(i => (IReadOnlyDictionary<string, object?>)
            SharePointCustomerFiles.EntryFields(new ArchiveEntry($"e-{i}", NumberOf(i), ArchiveCategory.Contracts, EntryType.Contract, SignedOn(i),
                Amount(i), null, null, null, OwnerOf(i), created))));
        var june = new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));
        _sharePoint.List(SharePointLists.Visits).Seed(Enumerable.Range(1, Count).Select(i => (IReadOnlyDictionary<string, object?>)VisitItems.Fields(new Visit
        {
            Id = $"v-{i}", SubmissionId = $"s-{i}", CustomerNumber = NumberOf(i), CustomerName = $"Customer {i}", RepAadObjectId = OwnerOf(i),
            Purpose = VisitPurpose.Negotiation, Method = VisitMethod.OnSite, Time = june.AddDays(i % 170), TimeZoneId = "Asia/Shanghai",
            Result = i % 3 == 0 ? VisitResult.NotYet : VisitResult.Successful, Reason = i % 3 == 0 ? UnsuccessfulReason.Timing : null, CreatedAt = june,
        })));
    }

    public async Task DisposeAsync() => await _sharePoint.DisposeAsync();

    /// <summary>The rollups of data written before they were kept, rebuilt; the queries the rebuild made are forgotten.</summary>
    async Task<ICrmArchive> RebuiltAsync()
    {
        var archive = _sharePoint.Archive(_clock);
        foreach (var owner in Owners) await archive.Rollups.RebuildAsync(owner);
        _sharePoint.AssertEveryQueryUsedOneIndex();
        _sharePoint.Server.ResetCounters();
        return archive;
    }

    [Fact]
    public async Task The_analysis_of_six_thousand_files_is_served_by_indexed_queries_only()
    {
        var archive = await RebuiltAsync();

        var tables = (await AnalysisReport.BuildAsync(CultureInfo.GetCultureInfo("en-US"), AnalysisSeeds.People, archive, ConfiguredDirectory.Of(AnalysisSeeds.People), CadenceIntervals.Default, _clock.GetUtcNow(),
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), default)).ToDictionary(t => t.Id);

        var live = Enumerable.Range(1, Count).Where(i => !Deleted(i)).ToList();
        Assert.Equal(live.Count, tables["category"].Rows.Sum(r => int.Parse(r[1], CultureInfo.InvariantCulture)));
        Assert.Equal([["Shanghai", live.Count(i => i % 2 == 0).ToString(CultureInfo.InvariantCulture)], ["Jiangsu", live.Count(i => i % 2 == 1).ToString(CultureInfo.InvariantCulture)]],
            tables["region"].Rows.Select(r => r.ToArray()));
        var keys = live.Count(Key).ToString(CultureInfo.InvariantCulture);
        Assert.Equal([["Quality", keys], ["High value", keys], ["Group", "0"], ["Strategic", "0"]], tables["keyAccount"].Rows.Select(r => r.ToArray()));
        Assert.Equal(Count / 3, tables["reasons"].Rows.Sum(r => int.Parse(r[^1], CultureInfo.InvariantCulture)));
        Assert.Empty(tables["stale"].Rows);
        _sharePoint.AssertEveryQueryUsedOneIndex();
        // The analysis reads each person's files and their rollups (one query each), never a customer's contracts.
        var queries = _sharePoint.Server.Queries;
        Assert.DoesNotContain(queries, q => q.List == SharePointLists.ArchiveEntries.Name);
        Assert.Equal(Owners.Length, queries.Count(q => q.List == SharePointLists.MonthlyRollups.Name));
    }

    [Fact]
    public async Task The_team_score_over_six_thousand_files_is_served_by_indexed_queries_only()
    {
        var archive = await RebuiltAsync();
        var reps = AnalysisSeeds.People.Where(p => p.Is(TeamsCrm.Bot.Directory.Role.Rep)).ToList();

        var lines = await SalesFigures.ForAsync(reps, new YearMonth(2026, 6), archive, default);

        decimal Actual(string rep) => Enumerable.Range(1, Count).Where(i => OwnerOf(i) == rep && SignedOn(i).Month == 6).Sum(Amount);
        Assert.Equal(reps.Select(r => Actual(r.AadObjectId)).OrderDescending(), lines.Select(l => l.Actual).OrderDescending());
        Assert.True(lines.All(l => l.Actual > 0));
        _sharePoint.AssertEveryQueryUsedOneIndex();
    }
}
