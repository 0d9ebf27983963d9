using System.Text.Json.Nodes;
using TeamsCrm.Bot.Tests.Customers;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Visits.VisitSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>
/// Days are the rep's: date words read in the activity's localTimezone, a visit keeps the day it was logged on,
/// and wall-clock times that a DST change skips or repeats are read one defined way.
/// </summary>
public class VisitTimeZoneTests
{
    const string LosAngeles = "America/Los_Angeles", NewYork = "America/New_York", Shanghai = "Asia/Shanghai";

    [Theory]
    [InlineData(Shanghai, "2026-11-21", "2026-11-22")]     // 13:00 on Sunday 22 November in Shanghai…
    [InlineData(LosAngeles, "2026-11-20", "2026-11-21")]   // …is 21:00 on Saturday 21 November in Los Angeles
    public async Task Yesterday_and_today_are_read_in_the_users_zone(string zone, string yesterday, string today)
    {
        await using var bot = await StartBotAsync(new DateTimeOffset(2026, 11, 22, 5, 0, 0, TimeSpan.Zero));
        await CustomerSeeds.HuadongAsync(bot.Archive.Customers);

        Assert.Equal(yesterday, await FormDateAsync(bot, "visited Huadong Precision yesterday", zone));
        Assert.Equal(today, await FormDateAsync(bot, "visited Huadong Precision", zone));
        Assert.Equal(today, await FormDateAsync(bot, "今天拜访了Huadong Precision", zone));
    }

    [Fact]
    public async Task Around_the_autumn_DST_change_yesterday_is_one_calendar_day_back()
    {
        // 23:30 on Sunday 1 November 2026 in New York, a 25-hour day: clocks went back from 02:00 EDT to 01:00 EST.
        await using var bot = await StartBotAsync(new DateTimeOffset(2026, 11, 2, 4, 30, 0, TimeSpan.Zero));
        await CustomerSeeds.HuadongAsync(bot.Archive.Customers);

        Assert.Equal("2026-10-31", await FormDateAsync(bot, "visited Huadong Precision yesterday", NewYork));
        Assert.Equal("2026-11-01", await FormDateAsync(bot, "visited Huadong Precision today", NewYork));
        Assert.Equal("2026-10-30", await FormDateAsync(bot, "前天拜访了Huadong Precision", NewYork));
    }

    [Theory]
    [InlineData("2026-11-02T04:30:00Z", "2026-11-01", "01:30", "2026-11-01T05:30:00Z")]   // 01:30 happened twice: the first (EDT) is taken
    [InlineData("2026-03-09T12:00:00Z", "2026-03-08", "02:30", "2026-03-08T07:30:00Z")]   // 02:30 never happened: read as 03:30 EDT
    public async Task A_time_the_DST_change_repeats_or_skips_is_read_one_defined_way_and_keeps_its_day(string now, string date, string time, string stored)
    {
        await using var bot = await StartBotAsync(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);

        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save",
            Report(huadong.Number, CustomerSeeds.Submission1).But(("date", date), ("time", time), ("nextActionDate", date)), timezone: NewYork));

        var visit = Assert.Single(await bot.Archive.Visits.ForCustomerAsync(huadong.Number, 5));
        Assert.Equal(DateTimeOffset.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), visit.Time);
        Assert.Equal((DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), NewYork), (visit.LocalDate, visit.TimeZoneId));
    }

    [Fact]
    public async Task A_visit_keeps_the_day_the_rep_saw_when_they_look_at_it_from_another_zone()
    {
        await using var bot = await StartBotAsync(new DateTimeOffset(2026, 11, 22, 5, 0, 0, TimeSpan.Zero));
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        // Logged in Los Angeles at 20:30 on Saturday 21 November, which is already Sunday in Shanghai.
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save",
            Report(huadong.Number, CustomerSeeds.Submission1).But(("date", "2026-11-21"), ("time", "20:30"), ("nextActionDate", "2026-11-23")), timezone: LosAngeles));

        var today = (await bot.Say(Demo.LiNa, "my day")).SingleCard().ToJsonString();
        var yesterday = (await bot.Say(Demo.LiNa, "my day yesterday")).SingleCard().ToJsonString();

        Assert.Contains("No visits logged that day", today, StringComparison.Ordinal);
        Assert.Contains("Huadong Precision", yesterday, StringComparison.Ordinal);
        Assert.Contains("20:30", yesterday, StringComparison.Ordinal);   // shown at the time the rep saw
    }

    static async Task<string?> FormDateAsync(TestBot bot, string note, string zone)
    {
        var answer = await bot.PostAsync(Message(bot.ServiceUrl, Demo.LiNa, note, timezone: zone));
        return InputValue(answer.SingleCard(), "date");
    }

    static string? InputValue(JsonNode? node, string id) => node switch
    {
        JsonObject o when o["id"]?.GetValue<string>() == id && o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true =>
            o["value"]?.GetValue<string>(),
        JsonObject o => o.Select(p => InputValue(p.Value, id)).FirstOrDefault(v => v is not null),
        JsonArray a => a.Select(n => InputValue(n, id)).FirstOrDefault(v => v is not null),
        _ => null,
    };
}
