using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Tests.Archive.SharePoint;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>What every <see cref="ICheckInLog"/> must do, SQLite and SharePoint alike; each test gets a fresh archive.</summary>
public abstract class CheckInLogContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
    ICrmArchive Archive { get; set; } = null!;
    ICheckInLog Log => Archive.CheckIns;

    protected abstract Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock);
    protected abstract Task DeleteArchiveAsync();

    public async Task InitializeAsync() => Archive = await CreateArchiveAsync(Clock);
    public Task DisposeAsync() => DeleteArchiveAsync();

    static readonly DateOnly Monday = new(2026, 12, 7);

    async Task<Customer> CustomerAsync(string name) =>
        await Archive.Customers.CreateAsync(new NewCustomer(CustomerKind.Enterprise, name, Demo.LiNa.AadObjectId), Guid.NewGuid().ToString("D"));

    static CheckIn At(Customer customer, string id, string utc, string? rep = null, DateOnly? day = null) => new()
    {
        Id = id, RepAadObjectId = rep ?? Demo.LiNa.AadObjectId, CustomerNumber = customer.Number, Day = day ?? Monday, TimeZoneId = "Asia/Shanghai",
        At = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), Point = new GeoPoint(31.298912345678901, 120.585316789012345),
        AccuracyMeters = 12.5, DistanceMeters = 40.123456789, Flagged = false,
    };

    [Fact]
    public async Task A_check_in_is_stored_once_with_its_place_exactly_and_comes_back_by_id_day_and_customer()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var first = At(huadong, "c1", "2026-12-07T01:30:00Z");

        var stored = await Log.AddOnceAsync(first);
        var again = await Log.AddOnceAsync(first with { Point = new GeoPoint(0, 0), Flagged = true });   // the same page sent twice

        Assert.Equal(first, stored);
        Assert.Equal(first, again);
        Assert.Equal(first, await Log.GetAsync("c1"));
        Assert.Null(await Log.GetAsync("nope"));
        Assert.Equal([first], await Log.ForDayAsync([Demo.LiNa.AadObjectId.ToUpperInvariant()], Monday));
        Assert.Equal([first], await Log.ForCustomerAsync(huadong.Number));
    }

    [Fact]
    public async Task The_first_check_out_counts()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        await Log.AddOnceAsync(At(huadong, "c1", "2026-12-07T01:30:00Z") with { AccuracyMeters = null, DistanceMeters = null, Flagged = true });

        var left = await Log.CheckOutAsync("c1", DateTimeOffset.Parse("2026-12-07T02:15:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var later = await Log.CheckOutAsync("c1", DateTimeOffset.Parse("2026-12-07T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(TimeSpan.FromMinutes(45), left!.OnSite);
        Assert.Equal(left, later);
        Assert.Equal((null, null, true), (left.AccuracyMeters, left.DistanceMeters, left.Flagged));
        Assert.Null(await Log.CheckOutAsync("nope", Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_day_lists_the_teams_check_ins_in_time_order_and_a_customer_its_own_oldest_first()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var nanjing = await CustomerAsync("Nanjing Logistics");
        var later = await Log.AddOnceAsync(At(huadong, "c2", "2026-12-07T06:00:00Z"));
        var earlier = await Log.AddOnceAsync(At(nanjing, "c1", "2026-12-07T01:00:00Z"));
        var toms = await Log.AddOnceAsync(At(huadong, "c3", "2026-12-07T03:00:00Z", rep: Demo.TomBecker.AadObjectId));
        var tuesday = await Log.AddOnceAsync(At(huadong, "c4", "2026-12-08T01:00:00Z", day: Monday.AddDays(1)));

        Assert.Equal([earlier, later], await Log.ForDayAsync([Demo.LiNa.AadObjectId], Monday));
        Assert.Equal([earlier, toms, later], await Log.ForDayAsync([Demo.LiNa.AadObjectId, Demo.TomBecker.AadObjectId], Monday));
        Assert.Empty(await Log.ForDayAsync([], Monday));
        Assert.Equal([toms, later, tuesday], await Log.ForCustomerAsync(huadong.Number));
    }
}

public sealed class SqliteCheckInLogContract : CheckInLogContract
{
    readonly TempSqliteArchive _file = new();

    protected override Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => _file.CreateAsync(clock);

    protected override Task DeleteArchiveAsync() => _file.DeleteAsync();
}

public sealed class SharePointCheckInLogContract : CheckInLogContract
{
    FakeSharePoint? _sharePoint;

    protected override async Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => (_sharePoint = await FakeSharePoint.StartAsync()).Archive(clock);

    protected override Task DeleteArchiveAsync() => _sharePoint?.DisposeCheckingQueriesAsync() ?? Task.CompletedTask;
}
