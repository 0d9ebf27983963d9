using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Tests.Analysis;
using TeamsCrm.FakeGraph;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>
/// The rollups on SharePoint lists through the fake Graph and the real Graph SDK (every query must have filtered on one
/// indexed column), a second instance being a second archive on the same site; and what only SharePoint can get wrong: a
/// rollup written in a $batch of its own instead of the record's, and records written without their rollup (before rollups
/// were kept), which the rebuild must find.
/// </summary>
public sealed class SharePointMonthlyRollupsContract : MonthlyRollupsContract
{
    SharePoint.FakeSharePoint? _sharePoint;
    SharePoint.FakeSharePoint Fake => _sharePoint!;

    protected override async Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => (_sharePoint = await SharePoint.FakeSharePoint.StartAsync()).Archive(clock);

    protected override ICrmArchive SecondInstance(FakeTimeProvider clock) => Fake.Archive(clock);

    protected override Task DeleteArchiveAsync() => _sharePoint?.DisposeCheckingQueriesAsync() ?? Task.CompletedTask;

    [Fact]
    public async Task A_sale_and_an_unsuccessful_visit_carry_their_rollup_in_their_own_batch()
    {
        var c = await AnalysisSeeds.SeedAsync(Archive, Clock);
        var li = Demo.LiNa.AadObjectId;
        Fake.Server.ResetCounters();

        // June and November of Li Na were written by this instance: it knows their eTags, so each write is one round trip.
        await Archive.Customers.AddEntryAsync(new ArchiveEntry($"{c[1].Number}/b9", c[1].Number, ArchiveCategory.Contracts, EntryType.Order,
            new DateOnly(2026, 6, 25), 800m, null, null, null, li, AnalysisSeeds.Now));
        await Archive.Visits.AddOnceAsync(new Visit
        {
            Id = "v-late", SubmissionId = "s-late", CustomerNumber = c[0].Number, CustomerName = c[0].Name, RepAadObjectId = li,
            Purpose = VisitPurpose.Negotiation, Method = VisitMethod.OnSite, Time = DateTimeOffset.Parse("2026-11-01T10:00:00+08:00", CultureInfo.InvariantCulture),
            TimeZoneId = "Asia/Shanghai", Result = VisitResult.NotYet, Reason = UnsuccessfulReason.Price, CreatedAt = AnalysisSeeds.Now,
        });

        Assert.Equal(2, Fake.Server.Counters.HttpCalls);
        Assert.Equal(2, Fake.Server.Counters[RouteKind.UpdateItem]);   // the two rollups, with If-Match, inside the two $batches
        var months = (await Archive.Rollups.ForRepsAsync([li], new YearMonth(2026, 6), new YearMonth(2026, 11))).ToDictionary(r => r.Month);
        Assert.Equal(12_000_800m + 50_000_000m, months[new YearMonth(2026, 6)].SalesTotal);
        Assert.Equal(UnsuccessfulReason.Price, months[new YearMonth(2026, 11)].Unsuccessful["v-late"]);
    }

    [Fact]
    public async Task Records_written_without_their_rollup_are_found_by_the_rebuild()
    {
        var c = await AnalysisSeeds.SeedAsync(Archive, Clock);
        var li = Demo.LiNa.AadObjectId;
        // Written straight into the lists, as by a version before rollups (or a write cut short before its rollup).
        Fake.List(SharePointLists.ArchiveEntries).Seed([SharePointCustomerFiles.EntryFields(new ArchiveEntry($"{c[0].Number}/old", c[0].Number,
            ArchiveCategory.Contracts, EntryType.Contract, new DateOnly(2024, 5, 6), 9_000_000m, null, null, null, li, AnalysisSeeds.Now))]);
        Fake.List(SharePointLists.Visits).Seed([VisitItems.Fields(new Visit
        {
            Id = "v-old", SubmissionId = "s-old", CustomerNumber = c[0].Number, CustomerName = c[0].Name, RepAadObjectId = li,
            Purpose = VisitPurpose.Negotiation, Method = VisitMethod.OnSite, Time = DateTimeOffset.Parse("2026-07-08T10:00:00+08:00", CultureInfo.InvariantCulture),
            TimeZoneId = "Asia/Shanghai", Result = VisitResult.NotYet, Reason = UnsuccessfulReason.Timing, CreatedAt = AnalysisSeeds.Now,
        })]);
        Assert.Empty(await Archive.Rollups.ForRepsAsync([li], new YearMonth(2026, 7), new YearMonth(2026, 7)));

        var months = await Archive.Rollups.RebuildAsync(li);

        var rebuilt = (await Archive.Rollups.ForRepsAsync([li], null, null)).ToDictionary(r => r.Month);
        Assert.Equal(months, rebuilt.Count);
        Assert.Equal(9_000_000m, rebuilt[new YearMonth(2024, 5)].SalesTotal);
        Assert.Equal(UnsuccessfulReason.Timing, rebuilt[new YearMonth(2026, 7)].Unsuccessful["v-old"]);
        Fake.Server.ResetCounters();
        Assert.Equal(months, await SecondInstance(Clock).Rollups.RebuildAsync(li));
        Assert.Equal(0, Fake.Server.Counters[RouteKind.UpdateItem] + Fake.Server.Counters[RouteKind.CreateItem]);   // nothing left to write
    }
}
