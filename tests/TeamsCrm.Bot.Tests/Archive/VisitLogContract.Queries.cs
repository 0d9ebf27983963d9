using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>The visit queries: a rep's days, a team's day, a customer's latest.</summary>
public abstract partial class VisitLogContract
{
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
