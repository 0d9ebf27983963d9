using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>What every <see cref="ISalesTargets"/> must do: a month's sheet saved whole, one winner, exact money, the sales by customer.</summary>
public abstract class SalesTargetsContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    protected ICrmArchive Archive { get; private set; } = null!;
    ISalesTargets Targets => Archive.Targets;
    static readonly YearMonth March = new(2026, 3);
    static readonly string Li = Demo.LiNa.AadObjectId, Tom = Demo.TomBecker.AadObjectId, Director = Demo.WangFang.AadObjectId;

    protected abstract Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock);
    protected abstract Task DeleteArchiveAsync();

    public async Task InitializeAsync() => Archive = await CreateArchiveAsync(Clock);
    public Task DisposeAsync() => DeleteArchiveAsync();

    TargetSheet Sheet(string version, params (string Rep, decimal Amount)[] amounts) =>
        TargetSheet.Empty(March).With(amounts.Select(a => KeyValuePair.Create(a.Rep, (decimal?)a.Amount)), Director, Clock.GetUtcNow(), null) with { Version = version };

    [Fact]
    public async Task A_month_round_trips_with_exact_amounts_and_each_save_moves_its_version()
    {
        Assert.Null(await Targets.GetAsync(March));
        var first = await Targets.SaveAsync(Sheet("", (Li, 123_456_789.01m), (Tom, 0.1m)));
        Assert.NotEmpty(first.Version);
        var stored = (await Targets.GetAsync(March))!;
        Assert.Equal((123_456_789.01m, 0.1m), (stored.TargetOf(Li), stored.TargetOf(Tom.ToUpperInvariant())));
        Assert.Equal((Director, Clock.GetUtcNow(), first.Version), (stored.SetByAadObjectId, stored.SetAt, stored.Version));

        var second = await Targets.SaveAsync(stored.With([KeyValuePair.Create(Tom, (decimal?)null)], Director, Clock.GetUtcNow(), "approval-1"));
        Assert.NotEqual(first.Version, second.Version);
        var now = (await Targets.GetAsync(March))!;
        Assert.Equal((123_456_789.01m, null, "approval-1"), (now.TargetOf(Li), now.TargetOf(Tom), now.ApprovalId));
        Assert.Null(await Targets.GetAsync(new YearMonth(2026, 4)));
    }

    [Fact]
    public async Task A_save_on_an_old_version_conflicts_and_changes_nothing()
    {
        var first = await Targets.SaveAsync(Sheet("", (Li, 100m)));
        await Targets.SaveAsync(first.With([KeyValuePair.Create(Li, (decimal?)200m)], Director, Clock.GetUtcNow(), null));

        var late = await Assert.ThrowsAsync<TargetConflictException>(() => Targets.SaveAsync(first.With([KeyValuePair.Create(Li, (decimal?)300m)], Director, Clock.GetUtcNow(), null)));
        Assert.Equal(200m, late.Current.TargetOf(Li));
        await Assert.ThrowsAsync<TargetConflictException>(() => Targets.SaveAsync(Sheet("", (Li, 1m))));   // a second "first" save
        Assert.Equal(200m, (await Targets.GetAsync(March))!.TargetOf(Li));
    }

    [Fact]
    public async Task Two_first_saves_at_once_leave_exactly_one()
    {
        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(async i =>
        {
            try { await Targets.SaveAsync(Sheet("", (Li, i))); return true; }
            catch (TargetConflictException) { return false; }
        }));
        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Sales_are_the_contracts_and_orders_of_the_customers_asked_for_in_the_range()
    {
        var huadong = await HuadongAsync(Archive.Customers);   // contracts 2026-10-08 1,200,000; 2026-11-12 80,000; 2026-03-02 35,000; a repayment
        var other = await HuaxinAsync(Archive.Customers, Demo.TomBecker);

        var november = await Targets.SalesAsync([huadong.Number, other.Number], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        Assert.Equal([80_000m], november.Select(e => e.Amount!.Value));
        var all = await Targets.SalesAsync([huadong.Number, huadong.Number], DateOnly.MinValue, DateOnly.MaxValue);
        Assert.Equal([35_000m, 1_200_000m, 80_000m], all.OrderBy(e => e.Date).Select(e => e.Amount!.Value));
        Assert.Empty(await Targets.SalesAsync([other.Number], DateOnly.MinValue, DateOnly.MaxValue));
        Assert.Empty(await Targets.SalesAsync([], DateOnly.MinValue, DateOnly.MaxValue));
    }
}

public sealed class SqliteSalesTargetsContract : SalesTargetsContract
{
    readonly TempSqliteArchive _file = new();

    protected override Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => _file.CreateAsync(clock);

    protected override Task DeleteArchiveAsync() => _file.DeleteAsync();
}

/// <summary>On SharePoint lists through the fake Graph; every query must have filtered on one indexed column.</summary>
public sealed class SharePointSalesTargetsContract : SalesTargetsContract
{
    SharePoint.FakeSharePoint? _sharePoint;

    protected override async Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => (_sharePoint = await SharePoint.FakeSharePoint.StartAsync()).Archive(clock);

    protected override Task DeleteArchiveAsync() => _sharePoint?.DisposeCheckingQueriesAsync() ?? Task.CompletedTask;
}
