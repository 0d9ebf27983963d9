using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>
/// What every <see cref="IVisitLog"/> must do, SQLite and SharePoint alike: derive, create a fresh, empty
/// archive on the given clock, and delete it afterwards. Times are whole seconds so that every store can keep
/// them exactly. Plans and follow-ups are in the other parts of this class.
/// </summary>
public abstract partial class VisitLogContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero));
    protected ICrmArchive Archive { get; private set; } = null!;
    protected IVisitLog Log => Archive.Visits;

    protected static readonly string LiNa = Demo.LiNa.AadObjectId;
    protected static readonly string Tom = Demo.TomBecker.AadObjectId;
    protected const string Shanghai = "Asia/Shanghai";
    protected const string LosAngeles = "America/Los_Angeles";

    protected abstract Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock);
    protected abstract Task DeleteArchiveAsync();

    public async Task InitializeAsync() => Archive = await CreateArchiveAsync(Clock);
    public Task DisposeAsync() => DeleteArchiveAsync();

    protected async Task<Customer> CustomerAsync(string name, string? owner = null) =>
        await Archive.Customers.CreateAsync(new NewCustomer(CustomerKind.Enterprise, name, owner ?? LiNa), Guid.NewGuid().ToString("D"));

    protected static Visit VisitTo(Customer customer, string at, string? rep = null, string zone = Shanghai, string? submission = null) => new()
    {
        Id = Guid.NewGuid().ToString("D"),
        SubmissionId = submission ?? Guid.NewGuid().ToString("D"),
        CustomerNumber = customer.Number,
        CustomerName = customer.Name,
        RepAadObjectId = rep ?? LiNa,
        CustomerType = CustomerCategory.Regular,
        Purpose = VisitPurpose.Negotiation,
        Method = VisitMethod.OnSite,
        Time = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture),
        TimeZoneId = zone,
        ContactPerson = "王经理 (Wang)",
        Notes = "谈了价格; quoted \"list – 5 %\"\nsecond line",
        Result = VisitResult.Successful,
        CreatedAt = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture),
    };

    protected static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_complete_visit_comes_back_exactly()
    {
        var huadong = await CustomerAsync("华东精密 Huadong O'Brien");
        var visit = VisitTo(huadong, "2026-11-18T10:15:30+08:00") with
        {
            CustomerType = CustomerCategory.Important, Purpose = VisitPurpose.Collection, Method = VisitMethod.Video,
            ContactInfo = "+86 138 0013 8000", ProblemsAndMeasures = "Late payment → weekly call",
            Collection = new Collection(1_234_567.89m, 0.01m), Result = VisitResult.NotYet, Reason = UnsuccessfulReason.Other,
            ReasonNote = "财务不在 (finance away)", NextAction = "Send the statement", NextActionDate = D("2026-11-20"),
        };

        var saved = await Log.AddOnceAsync(visit);

        Assert.True(saved.Created);
        Assert.Equal(visit, saved.Visit);
        Assert.Equal(visit, Assert.Single(await Log.ForRepAsync(LiNa, D("2026-11-18"), D("2026-11-18"))));
        Assert.Equal(visit, Assert.Single(await Log.ForCustomerAsync(huadong.Number, 5)));
        Assert.Equal(1_234_567.89m - 0.01m, Assert.Single(await Log.ForCustomerAsync(huadong.Number, 5)).Collection!.Outstanding);
    }

    [Fact]
    public async Task The_same_submission_again_changes_nothing_and_returns_the_first_visit()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var first = VisitTo(huadong, "2026-11-18T10:00:00+08:00", submission: "sub-1");

        await Log.AddOnceAsync(first);
        var again = await Log.AddOnceAsync(VisitTo(huadong, "2026-11-18T11:00:00+08:00", rep: Tom, submission: "sub-1") with { Notes = "changed" });

        Assert.False(again.Created);
        Assert.Equal(first, again.Visit);
        Assert.Equal([first], await Log.ForCustomerAsync(huadong.Number, 10));
        Assert.Empty(await Log.ForRepAsync(Tom, D("2026-11-01"), D("2026-11-30")));
    }

    [Fact]
    public async Task The_same_submission_ten_times_at_once_is_one_visit_and_one_follow_up()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var results = await CustomerFilesContract.AllAtOnceAsync(10, i => Log.AddOnceAsync(
            VisitTo(huadong, "2026-11-18T10:00:00+08:00", submission: "sub-redelivered") with { NextAction = $"Call back {i}", NextActionDate = D("2026-11-19") }));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Visit.Id).Distinct());
        Assert.Single(await Log.ForCustomerAsync(huadong.Number, 10));
        Assert.Single(await Log.FollowUpsDueAsync(D("2026-11-19")));
    }

    [Fact]
    public async Task A_visit_moves_the_last_contact_forward_without_touching_the_edit_version()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var opened = (await Archive.Customers.GetAsync(huadong.Number))!;

        await Log.AddOnceAsync(VisitTo(huadong, "2026-11-18T10:00:00+08:00"));
        await Log.AddOnceAsync(VisitTo(huadong, "2026-11-10T10:00:00+08:00"));   // an older visit, logged late

        var stored = (await Archive.Customers.GetAsync(huadong.Number))!;
        Assert.Equal(DateTimeOffset.Parse("2026-11-18T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture), stored.LastContactAt);
        Assert.Equal(opened.Version, stored.Version);
        Assert.Equal(opened with { LastContactAt = stored.LastContactAt }, stored);

        // An edit opened before the visit still saves, and does not take the last contact back.
        var edited = await Archive.Customers.UpdateAsync(opened with { Industry = "Machinery" }, []);
        Assert.Equal(stored.LastContactAt, edited.LastContactAt);
        Assert.Equal("Machinery", edited.Industry);
    }

    [Fact]
    public async Task A_visit_to_a_customer_that_does_not_exist_is_refused_and_leaves_nothing()
    {
        var ghost = new Customer { Number = "C-2026-00099", Kind = CustomerKind.Enterprise, Name = "Ghost", OwnerAadObjectId = LiNa };
        var visit = VisitTo(ghost, "2026-11-18T10:00:00+08:00") with { NextAction = "x", NextActionDate = D("2026-11-19") };

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Log.AddOnceAsync(visit));

        Assert.Empty(await Log.ForRepAsync(LiNa, D("2026-11-01"), D("2026-11-30")));
        Assert.Empty(await Log.FollowUpsDueAsync(D("2026-11-19")));
        var real = await CustomerAsync("Real Ltd");
        Assert.True((await Log.AddOnceAsync(visit with { CustomerNumber = real.Number })).Created);   // the submission id was not used up
    }

    [Fact]
    public async Task Ranges_are_on_the_day_the_rep_saw_not_the_UTC_day()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var afterMidnightInShanghai = VisitTo(huadong, "2026-11-19T00:30:00+08:00");            // 18 Nov in UTC
        var lateEveningInLosAngeles = VisitTo(huadong, "2026-11-18T22:00:00-08:00", zone: LosAngeles);   // 19 Nov in UTC
        await Log.AddOnceAsync(afterMidnightInShanghai);
        await Log.AddOnceAsync(lateEveningInLosAngeles);

        Assert.Equal([lateEveningInLosAngeles], await Log.ForRepAsync(LiNa, D("2026-11-18"), D("2026-11-18")));
        Assert.Equal([afterMidnightInShanghai], await Log.ForRepAsync(LiNa, D("2026-11-19"), D("2026-11-19")));
        Assert.Equal([afterMidnightInShanghai, lateEveningInLosAngeles], await Log.ForRepAsync(LiNa, D("2026-11-18"), D("2026-11-19")));
    }

    [Fact]
    public async Task A_reps_range_includes_both_ends_and_only_that_rep_earliest_first()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var monday = VisitTo(huadong, "2026-11-16T09:00:00+08:00");
        var sundayLate = VisitTo(huadong, "2026-11-22T23:59:59+08:00");
        var sundayEarly = VisitTo(huadong, "2026-11-22T08:00:00+08:00");
        foreach (var v in new[] { sundayLate, monday, sundayEarly,
            VisitTo(huadong, "2026-11-15T23:59:59+08:00"), VisitTo(huadong, "2026-11-23T00:00:00+08:00"), VisitTo(huadong, "2026-11-18T10:00:00+08:00", rep: Tom) })
            await Log.AddOnceAsync(v);

        Assert.Equal([monday, sundayEarly, sundayLate], await Log.ForRepAsync(LiNa, D("2026-11-16"), D("2026-11-22")));
        Assert.Equal([monday, sundayEarly, sundayLate], await Log.ForRepAsync(LiNa.ToUpperInvariant(), D("2026-11-16"), D("2026-11-22")));
        Assert.Empty(await Log.ForRepAsync(LiNa, D("2026-11-22"), D("2026-11-16")));
    }

    [Fact]
    public async Task A_team_day_has_the_visits_of_the_reps_asked_for_and_no_one_else()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var mine = VisitTo(huadong, "2026-11-18T09:00:00+08:00");
        var toms = VisitTo(huadong, "2026-11-18T08:00:00+08:00", rep: Tom);
        await Log.AddOnceAsync(mine);
        await Log.AddOnceAsync(toms);
        await Log.AddOnceAsync(VisitTo(huadong, "2026-11-18T10:00:00+08:00", rep: Demo.ZhangWei.AadObjectId));
        await Log.AddOnceAsync(VisitTo(huadong, "2026-11-17T10:00:00+08:00"));

        Assert.Equal([toms, mine], await Log.ForRepsAsync([LiNa, Tom], D("2026-11-18"), D("2026-11-18")));
        Assert.Equal([toms], await Log.ForRepsAsync([Tom, Tom], D("2026-11-18"), D("2026-11-18")));
        Assert.Empty(await Log.ForRepsAsync([], D("2026-11-01"), D("2026-11-30")));
    }

    [Fact]
    public async Task A_customer_shows_its_latest_visits_newest_first()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var other = await CustomerAsync("Other Ltd");
        var visits = Enumerable.Range(1, 5).Select(i => VisitTo(huadong, $"2026-11-{10 + i}T10:00:00+08:00", rep: i % 2 == 0 ? Tom : LiNa)).ToList();
        foreach (var v in visits) await Log.AddOnceAsync(v);
        await Log.AddOnceAsync(VisitTo(other, "2026-11-18T10:00:00+08:00"));

        Assert.Equal([visits[4], visits[3], visits[2]], await Log.ForCustomerAsync(huadong.Number, 3));
        Assert.Equal(5, (await Log.ForCustomerAsync(huadong.Number, 50)).Count);
        Assert.Empty(await Log.ForCustomerAsync(huadong.Number, 0));
        Assert.Empty(await Log.ForCustomerAsync("C-2026-00099", 3));
    }
}
