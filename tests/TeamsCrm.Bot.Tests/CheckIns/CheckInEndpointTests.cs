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
        bot.Clock.Advance(TimeSpan.FromMinutes(16));
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
