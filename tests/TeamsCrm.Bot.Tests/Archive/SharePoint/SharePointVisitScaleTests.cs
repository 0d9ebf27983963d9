using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.FakeGraph;
using static TeamsCrm.Bot.Tests.Archive.SharePoint.SampleVisits;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>
/// 20,000 visits, far past the 5,000-item list view threshold: every visit query is driven by one index whose matches
/// stay under it (a rep's day or month, a customer, a day, a due date), so the fake — which refuses what SharePoint
/// refuses — serves each in one round trip.
/// </summary>
public sealed class SharePointVisitScaleTests(TwentyThousandVisits data) : IClassFixture<TwentyThousandVisits>
{
    FakeGraphServer Server => data.SharePoint.Server;
    static readonly string Rep = TwentyThousandVisits.Reps[3];

    List<Visit> Expected(Func<Visit, bool> where) =>
        [.. data.Seeded.Where(where).OrderBy(v => v.Time.UtcTicks).ThenBy(v => v.Id, StringComparer.Ordinal)];

    [Fact]
    public async Task A_reps_month_is_one_call_on_RepDate()
    {
        Server.ResetCounters();

        var month = await data.Log.ForRepAsync(Rep.ToUpperInvariant(), D("2026-11-01"), D("2026-11-30"));

        Assert.Equal(Expected(v => v.RepAadObjectId == Rep && v.LocalDate.Month == 11), month);
        Assert.InRange(month.Count, 150, 300);
        Assert.Equal(1, Server.Counters.HttpCalls);
        Assert.Equal("RepDate", Assert.Single(Server.Queries).DrivingIndex);
        data.SharePoint.AssertEveryQueryUsedOneIndex();
    }

    [Fact]
    public async Task A_week_across_two_months_is_one_round_trip_and_a_day_one_eq()
    {
        Server.ResetCounters();

        var week = await data.Log.ForRepAsync(Rep, D("2026-09-28"), D("2026-10-04"));
        var day = await data.Log.ForRepAsync(Rep, D("2026-10-01"), D("2026-10-01"));

        Assert.Equal(Expected(v => v.RepAadObjectId == Rep && v.LocalDate >= D("2026-09-28") && v.LocalDate <= D("2026-10-04")), week);
        Assert.Equal(Expected(v => v.RepAadObjectId == Rep && v.LocalDate == D("2026-10-01")), day);
        Assert.Equal(2, Server.Counters.HttpCalls);                                           // a $batch of September and October, then the day
        Assert.Contains(Server.Queries, q => q.Filter == $"fields/RepDate eq '{Rep}|2026-10-01'");
        data.SharePoint.AssertEveryQueryUsedOneIndex();
    }

    [Fact]
    public async Task A_range_query_on_RepDate_would_be_refused_which_is_why_months_are_prefixes()
    {
        var site = data.SharePoint.Site;
        var filter = $"fields/RepDate ge '{TwentyThousandVisits.Reps[0]}|2026-11-01' and fields/RepDate le '{TwentyThousandVisits.Reps[0]}|2026-11-30'";

        var error = await Assert.ThrowsAnyAsync<Microsoft.Kiota.Abstractions.ApiException>(() => site.QueryAsync(SharePointLists.Visits, filter, default));

        Assert.Equal(429, error.ResponseStatusCode);                                          // its first term matches every later rep too
    }

    [Fact]
    public async Task A_customers_latest_visits_are_one_call()
    {
        Server.ResetCounters();

        var latest = await data.Log.ForCustomerAsync(TwentyThousandVisits.NumberOf(42), 5);

        Assert.Equal(Expected(v => v.CustomerNumber == TwentyThousandVisits.NumberOf(42)).AsEnumerable().Reverse().Take(5), latest);
        Assert.Equal(1, Server.Counters.HttpCalls);
        data.SharePoint.AssertEveryQueryUsedOneIndex();
    }

    [Fact]
    public async Task A_team_day_is_one_query_on_LocalDate_and_follow_ups_one_on_Due()
    {
        string[] team = [.. TwentyThousandVisits.Reps.Take(3)];
        Server.ResetCounters();

        var teamDay = await data.Log.ForRepsAsync(team, D("2026-06-17"), D("2026-06-17"));
        var due = await data.Log.FollowUpsDueAsync(D("2026-06-17"));

        Assert.Equal(Expected(v => team.Contains(v.RepAadObjectId) && v.LocalDate == D("2026-06-17")), teamDay);
        Assert.Equal(data.Seeded.Select(FollowUp.Of).OfType<FollowUp>().Where(f => f.Due == D("2026-06-17")).Select(f => f.VisitId).Order(StringComparer.Ordinal),
            due.Select(f => f.VisitId).Order(StringComparer.Ordinal));
        Assert.NotEmpty(due);
        Assert.Equal(2, Server.Counters.HttpCalls);
        Assert.Equal(["Due", "LocalDate"], Server.Queries.Select(q => q.DrivingIndex).Order(StringComparer.Ordinal));
        data.SharePoint.AssertEveryQueryUsedOneIndex();
    }

    [Fact]
    public async Task Quotes_in_a_customer_number_or_a_rep_stay_inside_their_literal()
    {
        Server.ResetCounters();

        Assert.Empty(await data.Log.ForCustomerAsync("C-2026-00001' or fields/CustomerNumber ne 'x", 5));
        Assert.Empty(await data.Log.ForRepAsync("o'brien", D("2026-11-01"), D("2026-11-30")));

        Assert.Contains(Server.Queries, q => q.Filter == "fields/CustomerNumber eq 'C-2026-00001'' or fields/CustomerNumber ne ''x'");
        Assert.Contains(Server.Queries, q => q.Filter == "startswith(fields/RepDate,'o''brien|2026-11')");
        data.SharePoint.AssertEveryQueryUsedOneIndex();
    }

    [Fact]
    public async Task Saving_and_redelivering_still_take_two_calls_each()
    {
        var log = data.SharePoint.Archive(data.Clock).Visits;                                 // an instance that has seen no customer
        await log.ForCustomerAsync("none", 1);
        var visit = To(TwentyThousandVisits.NumberOf(7), At("2026-12-31T10:00:00+08:00"), rep: Rep, followUpOn: D("2027-01-04"));
        Server.ResetCounters();

        var saved = await log.AddOnceAsync(visit);
        var calls = Server.Counters.HttpCalls;
        Server.ResetCounters();
        var seeded = await data.SharePoint.Archive(data.Clock).Visits.AddOnceAsync(visit with { SubmissionId = "seed-12345" });

        Assert.True(saved.Created);
        Assert.Equal(2, calls);
        Assert.Equal((false, data.Seeded[12_344]), (seeded.Created, seeded.Visit));
        Assert.Contains(visit, await log.ForRepAsync(Rep, D("2026-12-31"), D("2026-12-31")));
        data.SharePoint.AssertEveryQueryUsedOneIndex();
    }
}
