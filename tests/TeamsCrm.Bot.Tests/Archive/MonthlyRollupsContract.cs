using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Analysis;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Tests.Analysis;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>
/// What every <see cref="IMonthlyRollups"/> must do: after any mix of writes — entries filed, filed again, imported; files
/// purged; visits saved, saved again, corrected into another month, withdrawn, found successful after all — the rollups are
/// exactly those computed from the records themselves (<see cref="MonthRollups.From"/>), so a write that forgets its rollup
/// fails here; two instances writing one rep's month at once lose nothing; a rebuild changes nothing that is right.
/// </summary>
public abstract class MonthlyRollupsContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(AnalysisSeeds.Start);
    protected ICrmArchive Archive { get; private set; } = null!;
    static readonly string[] Everyone = [.. AnalysisSeeds.People.Select(p => p.AadObjectId), Demo.Stranger.AadObjectId];
    static readonly string Li = Demo.LiNa.AadObjectId;

    protected abstract Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock);
    /// <summary>Another instance of the app on the same store: it remembers nothing the first one saw.</summary>
    protected abstract ICrmArchive SecondInstance(FakeTimeProvider clock);
    protected abstract Task DeleteArchiveAsync();

    public async Task InitializeAsync() => Archive = await CreateArchiveAsync(Clock);
    public Task DisposeAsync() => DeleteArchiveAsync();

    /// <summary>The yardstick: the rollups computed from what the archive's record queries return (files by owner, their sales, visits).</summary>
    async Task<IReadOnlyList<MonthRollup>> FromRecordsAsync()
    {
        var sales = new List<(string, ArchiveEntry)>();
        foreach (var (owner, files) in await Archive.Customers.ListByOwnersAsync(Everyone))
            sales.AddRange((await Archive.Targets.SalesAsync([.. files.Select(f => f.Number)], DateOnly.MinValue, DateOnly.MaxValue)).Select(e => (owner, e)));
        var visits = await Archive.Visits.ForRepsAsync(Everyone, new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31));
        return MonthRollups.From(sales, visits);
    }

    async Task AssertRollupsAreTheRecordsAsync()
    {
        var expected = await FromRecordsAsync();
        var kept = await Archive.Rollups.ForRepsAsync(Everyone, null, null);
        Assert.Equal(expected.Select(Describe), kept.Select(Describe));
    }

    static string Describe(MonthRollup r) => string.Join(" ", [r.RepAadObjectId.ToLowerInvariant(), r.Month.ToString(),
        .. r.Sales.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value.CustomerNumber}:{s.Value.Amount.ToString(CultureInfo.InvariantCulture)}"),
        .. r.Unsuccessful.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key}={u.Value}")]);

    static Visit VisitOf(Customer c, string rep, string at, UnsuccessfulReason? reason, bool successful = false) => new()
    {
        Id = Guid.NewGuid().ToString("D"), SubmissionId = Guid.NewGuid().ToString("D"), CustomerNumber = c.Number, CustomerName = c.Name,
        RepAadObjectId = rep, Purpose = VisitPurpose.Negotiation, Method = VisitMethod.OnSite, Time = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture),
        TimeZoneId = "Asia/Shanghai", ContactPerson = "王经理", Result = successful ? VisitResult.Successful : VisitResult.NotYet, Reason = reason,
        CreatedAt = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture),
    };

    Task<VisitCorrected> CorrectAsync(Visit before, Visit after) => Archive.Visits.CorrectOnceAsync(new VisitCorrection
    {
        VisitId = before.Id, SubmissionId = Guid.NewGuid().ToString("D"), ByAadObjectId = before.RepAadObjectId, At = Clock.GetUtcNow(),
        Reason = "Wrong", Revision = before.Revision, Kind = after.IsWithdrawn ? CorrectionKind.Withdrawn : CorrectionKind.Corrected,
        Changes = after.IsWithdrawn ? [] : VisitCorrections.Changes(before, after),
    }, after with { Revision = before.Revision + 1 });

    static ArchiveEntry Sale(Customer c, string id, string date, decimal amount) =>
        new($"{c.Number}/{id}", c.Number, ArchiveCategory.Contracts, EntryType.Contract, DateOnly.Parse(date, CultureInfo.InvariantCulture), amount,
            null, null, null, c.OwnerAadObjectId, AnalysisSeeds.Now);

    [Fact]
    public async Task Every_write_keeps_the_rollups_those_of_the_records()
    {
        var c = await AnalysisSeeds.SeedAsync(Archive, Clock);
        await AssertRollupsAreTheRecordsAsync();   // filed entries and saved visits

        // Filed again (a redelivery), imported (new and again), and a second instance filing into a month it never saw.
        await Archive.Customers.AddEntryAsync(Sale(c[0], "a2", "2026-03-02", 5_000_000m));
        await Archive.Customers.ImportEntriesAsync([Sale(c[1], "i1", "2026-02-10", 300m), Sale(c[8], "i2", "2026-02-11", 400m), Sale(c[1], "i1", "2026-02-10", 300m)]);
        await Archive.Customers.ImportEntriesAsync([Sale(c[1], "i1", "2026-02-10", 300m)]);
        await SecondInstance(Clock).Customers.AddEntryAsync(Sale(c[1], "b2", "2026-06-19", 700m));

        // Visits: saved twice, moved to another month, withdrawn, successful after all.
        var moved = (await Archive.Visits.AddOnceAsync(VisitOf(c[0], Li, "2026-10-30T10:00:00+08:00", UnsuccessfulReason.Price))).Visit;
        await Archive.Visits.AddOnceAsync(moved);
        await CorrectAsync(moved, moved with { Time = DateTimeOffset.Parse("2026-11-02T10:00:00+08:00", CultureInfo.InvariantCulture) });
        var withdrawn = (await Archive.Visits.AddOnceAsync(VisitOf(c[1], Li, "2026-11-04T10:00:00+08:00", UnsuccessfulReason.Timing))).Visit;
        await CorrectAsync(withdrawn, withdrawn with { WithdrawnAt = Clock.GetUtcNow() });
        var won = (await Archive.Visits.AddOnceAsync(VisitOf(c[8], Li, "2026-11-06T10:00:00+08:00", UnsuccessfulReason.NoBudget))).Visit;
        await CorrectAsync(won, won with { Result = VisitResult.Successful, Reason = null });
        var later = (await Archive.Visits.AddOnceAsync(VisitOf(c[8], Li, "2026-11-07T10:00:00+08:00", reason: null, successful: true))).Visit;
        await CorrectAsync(later, later with { Result = VisitResult.NotYet, Reason = UnsuccessfulReason.CompetitorPreferred });

        // The deleted Jinling Machinery purged: its 50,000,000 leaves Li Na's June.
        var jinling = (await Archive.Customers.GetAsync(c[5].Number))!;
        await Archive.Customers.PurgeAsync(jinling, new ChangeRecord(jinling.Number, "status", "Deleted", "Purged", Retention.PurgedBy, Clock.GetUtcNow(), null, null));

        await AssertRollupsAreTheRecordsAsync();
        var liMonths = (await Archive.Rollups.ForRepsAsync([Li], new YearMonth(2026, 2), new YearMonth(2026, 11))).ToDictionary(r => r.Month);
        Assert.Equal(12_000_700m, liMonths[new YearMonth(2026, 6)].SalesTotal);
        Assert.Equal(300m + 400m, liMonths[new YearMonth(2026, 2)].SalesTotal);
        Assert.Equal([UnsuccessfulReason.NoBudget, UnsuccessfulReason.CompetitorPreferred, UnsuccessfulReason.Price],
            liMonths[new YearMonth(2026, 11)].Unsuccessful.Values.Order());
        Assert.False(liMonths.ContainsKey(new YearMonth(2026, 10)));   // the visit moved out, nothing else was in October
    }

    [Fact]
    public async Task The_analysis_and_team_score_figures_from_rollups_are_those_from_the_records()
    {
        var c = await AnalysisSeeds.SeedAsync(Archive, Clock);
        var june = new YearMonth(2026, 6);
        var rollups = await Archive.Rollups.ForRepsAsync(Everyone, null, null);
        var records = await FromRecordsAsync();

        // The team score's actual: the month's sales of each rep's customers, as SalesActuals computes it from the entries.
        var ownerOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (owner, files) in await Archive.Customers.ListByOwnersAsync(Everyone)) foreach (var f in files) ownerOf[f.Number] = owner;
        var entries = await Archive.Targets.SalesAsync(ownerOf.Keys, june.First, june.Last);
        Assert.Equal(SalesActuals.ByRep(june, entries, ownerOf).OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase),
            MonthRollups.SalesByRep(rollups.Where(r => r.Month == june)).OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase));
        // Key accounts and reasons as the analysis draws them.
        var live = CustomerAnalysis.Live(c).ToList();
        var allEntries = await Archive.Targets.SalesAsync([.. live.Select(x => x.Number)], DateOnly.MinValue, DateOnly.MaxValue);
        Assert.Equal(CustomerAnalysis.KeyAccounts(live, allEntries.ToLookup(e => e.CustomerNumber, e => e.Amount!.Value, StringComparer.Ordinal)),
            CustomerAnalysis.KeyAccounts(live, MonthRollups.SalesByCustomer(rollups)));
        var months = CustomerAnalysis.MonthsUpTo(new DateOnly(2026, 11, 22), 6);
        var visits = await Archive.Visits.ForRepsAsync(Everyone, months[0].First, months[^1].Last);
        Assert.Equal(months.Select(m => UnsuccessfulVisits.Team(m, visits).OrderBy(r => r.Key)),
            CustomerAnalysis.ReasonsByMonth(months, rollups).Select(m => m.Reasons.OrderBy(r => r.Key)));
        Assert.Equal(records.Select(Describe), rollups.Select(Describe));
    }

    [Fact]
    public async Task Two_instances_saving_one_reps_month_at_once_lose_nothing()
    {
        var c = await AnalysisSeeds.SeedAsync(Archive, Clock);
        var other = SecondInstance(Clock);
        var saves = await CustomerFilesContract.AllAtOnceAsync(12, i => (i % 2 == 0 ? Archive : other).Visits.AddOnceAsync(
            VisitOf(c[i % 2 == 0 ? 0 : 1], Li, $"2026-10-{i + 1:00}T10:00:00+08:00", UnsuccessfulReason.Timing)));
        var sales = await CustomerFilesContract.AllAtOnceAsync(8, i => (i % 2 == 0 ? Archive : other).Customers.AddEntryAsync(
            Sale(c[1], $"p{i}", $"2026-10-{i + 1:00}", 1_000m + i)));

        var october = (await Archive.Rollups.ForRepsAsync([Li], new YearMonth(2026, 10), new YearMonth(2026, 10))).Single();
        Assert.Equal(saves.Select(s => s.Visit.Id).Order(), october.Unsuccessful.Keys.Order());
        Assert.Equal(sales.Select(s => s.Id).Order(), october.Sales.Keys.Order());
        Assert.Equal(8_028m, october.SalesTotal);
        await AssertRollupsAreTheRecordsAsync();
    }

    [Fact]
    public async Task A_rebuild_of_rollups_that_are_right_changes_nothing_and_can_be_run_again()
    {
        await AnalysisSeeds.SeedAsync(Archive, Clock);
        var before = (await Archive.Rollups.ForRepsAsync(Everyone, null, null)).Select(Describe).ToList();

        var first = await Task.WhenAll(Everyone.Select(p => Archive.Rollups.RebuildAsync(p)));
        var second = await Task.WhenAll(Everyone.Select(p => Archive.Rollups.RebuildAsync(p)));

        Assert.Equal(before.Count, first.Sum());
        Assert.Equal(first, second);
        Assert.Equal(before, (await Archive.Rollups.ForRepsAsync(Everyone, null, null)).Select(Describe));
        Assert.Empty(await Archive.Rollups.ForRepsAsync([Li], new YearMonth(2027, 1), new YearMonth(2027, 3)));
    }
}

public sealed class SqliteMonthlyRollupsContract : MonthlyRollupsContract
{
    readonly TempSqliteArchive _file = new();

    protected override Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => _file.CreateAsync(clock);

    protected override ICrmArchive SecondInstance(FakeTimeProvider clock) => _file.CreateAsync(clock).Result;

    protected override Task DeleteArchiveAsync() => _file.DeleteAsync();
}
