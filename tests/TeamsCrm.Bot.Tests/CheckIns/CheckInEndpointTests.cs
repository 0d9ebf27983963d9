using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Web;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.CheckIns;

/// <summary>
/// The check-in address over HTTP, as a page or a hostile client would use it: the person is the signed link's, an altered
/// or expired link is 403, someone who may not log visits on the customer is 403, a body that is no check-in is 400 (or
/// 413), a vague position and a check-out without a check-in are refused with their message, the same check-in twice is one.
/// </summary>
public sealed class CheckInEndpointTests
{
    static readonly DateTimeOffset MondayNine = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    static async Task<(TestBot Bot, Customer Huadong)> StartAsync()
    {
        var bot = await TestBot.StartAsync(now: MondayNine);
        var huadong = await bot.Archive.Customers.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "苏州华东精密机械有限公司", Demo.LiNa.AadObjectId), "s1");
        return (bot, huadong);
    }

    static Uri Link(TestBot bot, DemoPerson who, Customer customer) =>
        new(bot.BaseUrl, new Uri(bot.Services.GetRequiredService<DownloadLinks>().For(who.AadObjectId, DownloadKind.CheckIn, customer.Number, TeamsCrm.Bot.Cards.T.English)).PathAndQuery);

    static Task<HttpResponseMessage> PostAsync(TestBot bot, Uri link, string body) =>
        bot.Http.PostAsync(link, new StringContent(body, Encoding.UTF8, "application/json"));

    const string Id = "5f0c2a4e-8d1b-4c3a-9e7f-112233445566";
    static string In(double accuracy = 10) => $$"""{"action":"in","id":"{{Id}}","latitude":31.2989,"longitude":120.5853,"accuracy":{{accuracy}}}""";

    [Fact]
    public async Task An_altered_or_expired_link_or_someone_who_may_not_log_visits_there_is_refused_and_nothing_stored()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        var link = Link(bot, Demo.LiNa, huadong);

        var altered = new Uri(link.ToString().Replace(huadong.Number, "C-2026-00009", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await bot.Http.GetAsync(altered)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(bot, altered, In())).StatusCode);
        var asTom = new Uri(link.ToString().Replace(Demo.LiNa.AadObjectId, Demo.TomBecker.AadObjectId, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(bot, asTom, In())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(bot, Link(bot, Demo.TomBecker, huadong), In())).StatusCode);   // not his customer
        bot.Clock.Advance(TimeSpan.FromMinutes(16));   // a link made by the test (Export:LinkLifetime, 15 minutes)
        var expired = await bot.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("expired or is not valid", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.CheckIns.ForCustomerAsync(huadong.Number));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"action":"in","id":"not-a-guid","latitude":1,"longitude":2}""")]
    [InlineData("""{"action":"in","id":"5f0c2a4e-8d1b-4c3a-9e7f-112233445566","latitude":"31","longitude":120}""")]
    [InlineData("""{"action":"in","id":"5f0c2a4e-8d1b-4c3a-9e7f-112233445566","latitude":95,"longitude":120}""")]
    [InlineData("""{"action":"in","id":"5f0c2a4e-8d1b-4c3a-9e7f-112233445566","latitude":31,"longitude":120,"accuracy":"x"}""")]
    [InlineData("""{"action":"jump","id":"5f0c2a4e-8d1b-4c3a-9e7f-112233445566"}""")]
    [InlineData("""{"action":"out","id":"5f0c2a4e-8d1b-4c3a-9e7f-112233445566"}""")]
    public async Task A_body_that_is_no_check_in_is_400_with_a_message(string body)
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;

        var answer = await PostAsync(bot, Link(bot, Demo.LiNa, huadong), body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("\"message\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.CheckIns.ForCustomerAsync(huadong.Number));
    }

    [Fact]
    public async Task A_vague_position_is_refused_a_huge_body_is_413_and_the_same_check_in_twice_is_one()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        var link = Link(bot, Demo.LiNa, huadong);

        var vague = await PostAsync(bot, link, In(accuracy: 5_000));
        Assert.Equal(HttpStatusCode.BadRequest, vague.StatusCode);
        Assert.Contains("only roughly", await vague.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostAsync(bot, link, $$"""{"pad":"{{new string('x', 4_000)}}"}""")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, link, In())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, link, In())).StatusCode);   // the page sent it twice
        Assert.Single(await bot.Archive.CheckIns.ForCustomerAsync(huadong.Number));
        var page = await (await bot.Http.GetAsync(link)).Content.ReadAsStringAsync();
        // Reopened: Check out. (She has not talked to the bot here, so her zone is not known: UTC.)
        Assert.Contains("Checked in at 01:00. Press Check out when you leave.", page, StringComparison.Ordinal);
    }
}

/// <summary>Zhang Wei's team day shows Li Na's check-ins: when, how far from the customer, how long on site, and the flag.</summary>
public sealed class CheckInTeamDayTests
{
    [Fact]
    public async Task The_leaders_team_day_shows_the_check_ins_distance_time_on_site_and_flag_but_no_coordinates()
    {
        await using var bot = await TestBot.StartAsync(now: new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        await bot.Say(Demo.LiNa, "hello");
        var huadong = await bot.Archive.Customers.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "苏州华东精密机械有限公司", Demo.LiNa.AadObjectId), "s1");
        var links = bot.Services.GetRequiredService<DownloadLinks>();
        async Task<string> PostAsync(string body)
        {
            var link = new Uri(bot.BaseUrl, new Uri(links.For(Demo.LiNa.AadObjectId, DownloadKind.CheckIn, huadong.Number, TeamsCrm.Bot.Cards.T.English)).PathAndQuery);
            var answer = await bot.Http.PostAsync(link, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            return await answer.Content.ReadAsStringAsync();
        }
        string In(string id, double lat, double lon) => $$"""{"action":"in","id":"{{id}}","latitude":{{lat}},"longitude":{{lon}},"accuracy":10}""";
        const string Gate = "11111111-1111-4111-8111-111111111111", Near = "22222222-2222-4222-8222-222222222222", Far = "33333333-3333-4333-8333-333333333333";

        await PostAsync(In(Gate, 31.2989, 120.5853));
        await PostAsync($$"""{"action":"out","id":"{{Gate}}"}""");
        bot.Clock.Advance(TimeSpan.FromMinutes(30));
        await PostAsync(In(Near, 31.29926, 120.5853));
        bot.Clock.Advance(TimeSpan.FromMinutes(45));
        await PostAsync($$"""{"action":"out","id":"{{Near}}"}""");
        await PostAsync(In(Far, 31.2989, 120.6168));

        var card = System.Text.RegularExpressions.Regex.Unescape((await bot.Say(Demo.ZhangWei, "team day")).Calls.Single().Card!.ToJsonString());

        Assert.Contains("Check-in 09:30", card, StringComparison.Ordinal);
        Assert.Contains($"{huadong.Number} · 40 m from the customer · 45 min on site", card, StringComparison.Ordinal);
        Assert.Contains($"{huadong.Number} · 3.0 km from the customer · ⚠ marked (far or not exact)", card, StringComparison.Ordinal);
        Assert.DoesNotContain("31.29", card, StringComparison.Ordinal);   // the place itself is not shown
    }
}
